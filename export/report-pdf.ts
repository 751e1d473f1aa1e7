import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { ExportDocument, ExportValue } from '../core/rules/export-document';

/**
 * A report as a PDF (A4, standard Helvetica, so WinAnsi text only: characters it cannot encode
 * become "?"). Title and meta lines, then each table as rows of text in columns, breaking pages as
 * needed, and the footnote on suppression at the end. Used by both the desktop and the browser
 * mode for now (Electron's printToPDF could replace it on the desktop later).
 */
const A4: [number, number] = [595.28, 841.89];
const MARGIN = 40;
const SIZE = 8;
const LINE = 11;

/** Replaces what the WinAnsi standard font cannot draw. */
export function winAnsi(text: string, font: PDFFont): string {
  let out = '';
  for (const ch of text.replace(/[\r\n\t]+/g, ' ')) {
    try {
      font.encodeText(ch);
      out += ch;
    } catch {
      out += '?';
    }
  }
  return out;
}

function fit(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let t = text;
  while (t.length > 1 && font.widthOfTextAtSize(`${t}…`, size) > width) t = t.slice(0, -1);
  return `${t}…`;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (font.widthOfTextAtSize(next, size) > width && line !== '') {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines;
}

const show = (v: ExportValue): string => (typeof v === 'number' ? String(v) : v);

export async function reportPdf(doc: ExportDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(doc.title);
  pdf.setCreator('Fristad');
  pdf.setProducer('Fristad');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const width = A4[0] - 2 * MARGIN;
  let page: PDFPage = pdf.addPage(A4);
  let y = A4[1] - MARGIN;
  const ensure = (needed: number) => {
    if (y - needed < MARGIN) {
      page = pdf.addPage(A4);
      y = A4[1] - MARGIN;
    }
  };
  const text = (t: string, x: number, f: PDFFont, size: number, maxWidth: number, right = false) => {
    const s = fit(winAnsi(t, f), f, size, maxWidth);
    const dx = right ? maxWidth - f.widthOfTextAtSize(s, size) : 0;
    page.drawText(s, { x: x + dx, y, size, font: f, color: rgb(0, 0, 0) });
  };

  ensure(20);
  text(doc.title, MARGIN, bold, 14, width);
  y -= 20;
  for (const m of doc.meta) {
    // Wrapped, not cut: the audit chain head's hash must be readable in full.
    for (const l of wrap(winAnsi(m, font), font, 9, width)) {
      ensure(LINE);
      text(l, MARGIN, font, 9, width);
      y -= LINE + 1;
    }
  }
  y -= 8;

  for (const s of doc.sections) {
    const cols = s.header.length;
    const labelWidth = Math.min(170, width * 0.35);
    const colWidth = cols > 1 ? (width - labelWidth) / (cols - 1) : 0;
    const headerLines = s.header.map((h, i) => (i === 0 ? [winAnsi(h, bold)] : wrap(winAnsi(h, bold), bold, SIZE - 1, colWidth - 4)));
    const headerHeight = Math.max(...headerLines.map((l) => l.length)) * (LINE - 2);
    const drawHeader = () => {
      const top = y;
      headerLines.forEach((lines, i) => {
        y = top;
        for (const l of lines) {
          if (i === 0) text(l, MARGIN, bold, SIZE, labelWidth - 4);
          else text(l, MARGIN + labelWidth + (i - 1) * colWidth, bold, SIZE - 1, colWidth - 4, true);
          y -= LINE - 2;
        }
      });
      y = top - headerHeight - 3;
    };
    ensure(16 + headerHeight + LINE * Math.min(3, s.rows.length + 1));
    text(s.title, MARGIN, bold, 11, width);
    y -= 16;
    drawHeader();
    for (const r of s.rows) {
      if (y - LINE < MARGIN) {
        ensure(Number.POSITIVE_INFINITY);
        text(s.title, MARGIN, bold, 11, width);
        y -= 16;
        drawHeader();
      }
      const f = r.total ? bold : font;
      text(r.label, MARGIN, f, SIZE, labelWidth - 4);
      r.values.forEach((v, i) => text(show(v), MARGIN + labelWidth + i * colWidth, f, SIZE, colWidth - 4, true));
      y -= LINE;
    }
    y -= 10;
  }
  const foot = wrap(winAnsi(doc.footnote, font), font, SIZE, width);
  ensure(foot.length * LINE);
  for (const l of foot) {
    text(l, MARGIN, font, SIZE, width);
    y -= LINE;
  }
  return pdf.save();
}
