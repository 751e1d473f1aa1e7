import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';

/**
 * Writes `line` small at the foot of every page of `pdf`: the desktop prints the report itself, and
 * the printed file must name the log chain head as the worker's own files do. Helvetica covers
 * Swedish letters (WinAnsi); the line holds only those, digits and a hex hash.
 */
export async function stampFooter(pdf: Uint8Array, line: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const size = 6.5;
  for (const page of doc.getPages()) {
    const { width } = page.getSize();
    const margin = 28;
    // A long hash shrinks to fit the page rather than running off it.
    const fit = Math.min(size, (size * (width - 2 * margin)) / Math.max(1, font.widthOfTextAtSize(line, size)));
    page.drawText(line, { x: margin, y: 14, size: fit, font, color: rgb(0.25, 0.25, 0.25) });
  }
  return doc.save();
}
