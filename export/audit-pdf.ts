import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { ExportDocument } from '../core/rules/export-document';
import { winAnsi } from './report-pdf';

/**
 * A log review or case log extract as a PDF: landscape A4, Helvetica (WinAnsi only, like the
 * reports), the title and meta lines (the chain head among them), then the rows as a table whose
 * column widths follow `weights`; long texts wrap within their column and pages break as needed.
 */
const A4_LANDSCAPE: [number, number] = [841.89, 595.28];
const MARGIN = 32;
const SIZE = 7;
const LINE = 9;

function wrapWords(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    let w = word;
    // A single word wider than the column (a hash) is cut into pieces that fit.
    while (font.widthOfTextAtSize(w, size) > width && w.length > 1) {
      let cut = w.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(w.slice(0, cut), size) > width) cut--;
      if (line !== '') {
        lines.push(line);
        line = '';
      }
      lines.push(w.slice(0, cut));
      w = w.slice(cut);
    }
    const next = line === '' ? w : `${line} ${w}`;
    if (font.widthOfTextAtSize(next, size) > width && line !== '') {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines.length === 0 ? [''] : lines;
}

/** Renders the document's single table section; `weights` gives each column's share of the width. */
export async function auditPdf(doc: ExportDocument, weights: readonly number[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(winAnsi(doc.title, await pdf.embedFont(StandardFonts.Helvetica)));
  pdf.setCreator('Fristad');
  pdf.setProducer('Fristad');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const width = A4_LANDSCAPE[0] - 2 * MARGIN;
  let page: PDFPage = pdf.addPage(A4_LANDSCAPE);
  let y = A4_LANDSCAPE[1] - MARGIN;
  const newPage = () => {
    page = pdf.addPage(A4_LANDSCAPE);
    y = A4_LANDSCAPE[1] - MARGIN;
  };
  const draw = (t: string, x: number, f: PDFFont, size: number) => page.drawText(t, { x, y, size, font: f, color: rgb(0, 0, 0) });

  draw(winAnsi(doc.title, bold), MARGIN, bold, 13);
  y -= 18;
  for (const m of doc.meta) {
    for (const l of wrapWords(winAnsi(m, font), font, 8, width)) {
      draw(l, MARGIN, font, 8);
      y -= 10;
    }
  }
  y -= 6;

  for (const s of doc.sections) {
    const total = weights.reduce((a, b) => a + b, 0);
    const widths = s.header.map((_, i) => ((weights[i] ?? 1) / total) * width);
    const xs = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const drawRow = (cells: readonly string[], f: PDFFont) => {
      const wrapped = cells.map((c, i) => wrapWords(winAnsi(c, f), f, SIZE, (widths[i] ?? 20) - 3));
      const height = Math.max(...wrapped.map((l) => l.length)) * LINE;
      if (y - height < MARGIN) {
        newPage();
        drawHeader();
      }
      const top = y;
      wrapped.forEach((lines, i) => {
        y = top;
        for (const l of lines) {
          draw(l, xs[i] ?? MARGIN, f, SIZE);
          y -= LINE;
        }
      });
      y = top - height - 2;
    };
    const drawHeader = () => {
      draw(winAnsi(s.title, bold), MARGIN, bold, 10);
      y -= 14;
      drawRow(s.header, bold);
    };
    if (y - 40 < MARGIN) newPage();
    drawHeader();
    for (const r of s.rows) drawRow([r.label, ...r.values.map(String)], font);
    y -= 8;
  }
  const foot = wrapWords(winAnsi(doc.footnote, font), font, SIZE, width);
  if (y - foot.length * LINE < MARGIN) newPage();
  for (const l of foot) {
    draw(l, MARGIN, font, SIZE);
    y -= LINE;
  }
  return pdf.save();
}
