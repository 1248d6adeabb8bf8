import type { PrintBlock, Printable } from '../domain/printable.js';
import type { DocumentFonts } from './fonts.js';

/**
 * A printable document as an A4 PDF, made in this process by pdfkit with the
 * given font bytes embedded (subset). pdfkit is an edge package (it can read
 * files), so it lives here, not with the pure renderers of src/documents. The
 * creation date is the document's own date, so the same document gives the
 * same bytes.
 */
export async function printablePdf(doc: Printable, fonts: DocumentFonts): Promise<Buffer> {
  // pdfkit is loaded by the first document, not by every command's start.
  const { default: PDFDocument } = await import('pdfkit');
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: 46, bottom: 46, left: 62, right: 56 },
    lang: doc.lang,
    displayTitle: true,
    info: {
      Title: doc.subtitle ? `${doc.title} ${doc.subtitle}` : doc.title,
      Subject: doc.reference,
      Author: doc.issuer[0] ?? '',
      Creator: 'kezek',
      Producer: 'kezek',
      CreationDate: new Date(`${doc.date}T00:00:00Z`),
    },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.registerFont('body', Buffer.from(fonts.regular));
  pdf.registerFont('bold', Buffer.from(fonts.bold));
  layout(pdf, doc);
  pdf.end();
  return done;
}

const GREY = '#444444';
const BLACK = '#111111';

function layout(pdf: PDFKit.PDFDocument, doc: Printable): void {
  const left = pdf.page.margins.left;
  const width = pdf.page.width - left - pdf.page.margins.right;
  pdf.font('body').fontSize(9).fillColor(GREY);
  for (const line of doc.issuer) pdf.text(line, left, undefined, { width, align: 'center' });
  pdf.moveDown(1.2);
  pdf.font('bold').fontSize(18).fillColor(BLACK).text(doc.title, left, undefined, { width, align: 'center', characterSpacing: 0.5 });
  if (doc.subtitle) pdf.font('body').fontSize(12).text(doc.subtitle, left, undefined, { width, align: 'center' });
  pdf.moveDown(0.3).fontSize(10).fillColor(GREY).text(doc.reference, left, undefined, { width, align: 'center' });
  pdf.moveDown(1.2).fillColor(BLACK);
  for (const b of doc.blocks) block(pdf, b, left, width);
  pdf.moveDown(1);
  ensureRoom(pdf, 24);
  const y = pdf.y;
  pdf.moveTo(left, y).lineTo(left + 160, y).lineWidth(0.5).strokeColor('#999999').stroke();
  pdf.moveDown(0.4).font('body').fontSize(8).fillColor(GREY);
  for (const line of doc.footer) pdf.text(line, left, undefined, { width });
}

/** Starts a new page when fewer than `height` points are left on this one. */
function ensureRoom(pdf: PDFKit.PDFDocument, height: number): void {
  if (pdf.y + height > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
}

function block(pdf: PDFKit.PDFDocument, b: PrintBlock, left: number, width: number): void {
  switch (b.kind) {
    case 'facts': {
      const labelWidth = 150;
      const valueX = left + labelWidth + 12;
      const valueWidth = width - labelWidth - 12;
      for (const r of b.rows) {
        pdf.font('bold').fontSize(10.5);
        const h = Math.max(pdf.heightOfString(r.value, { width: valueWidth }), pdf.font('body').fontSize(10).heightOfString(r.label, { width: labelWidth }));
        ensureRoom(pdf, h + 4);
        const y = pdf.y;
        pdf.font('body').fontSize(10).fillColor(GREY).text(r.label, left, y + 1, { width: labelWidth });
        pdf.font('bold').fontSize(10.5).fillColor(BLACK).text(r.value, valueX, y, { width: valueWidth });
        pdf.y = y + h + 4;
      }
      pdf.x = left;
      pdf.moveDown(0.6);
      return;
    }
    case 'heading':
      ensureRoom(pdf, 50);
      pdf.moveDown(0.5).font('bold').fontSize(12).fillColor(BLACK).text(b.text, left, undefined, { width });
      pdf.moveDown(0.3);
      return;
    case 'paragraph':
      pdf.font('body').fontSize(10.5).fillColor(BLACK).text(b.text, left, undefined, { width });
      pdf.moveDown(0.5);
      return;
    case 'list':
      for (const item of b.items) {
        pdf.font('body').fontSize(10.5);
        ensureRoom(pdf, pdf.heightOfString(item, { width: width - 16 }));
        const y = pdf.y;
        pdf.fillColor(BLACK).text('•', left + 2, y, { width: 12 });
        pdf.text(item, left + 16, y, { width: width - 16 });
        pdf.moveDown(0.2);
      }
      pdf.x = left;
      pdf.moveDown(0.3);
      return;
    case 'note': {
      pdf.font('bold').fontSize(10.5);
      const h = pdf.heightOfString(b.text, { width: width - 24 });
      ensureRoom(pdf, h + 16);
      const y = pdf.y;
      pdf.rect(left, y, width, h + 14).fillAndStroke('#fef3c7', '#b45309');
      pdf.rect(left, y, 4, h + 14).fill('#b45309');
      pdf.fillColor(BLACK).text(b.text, left + 14, y + 7, { width: width - 24 });
      pdf.x = left;
      pdf.y = y + h + 14;
      pdf.moveDown(0.7);
      return;
    }
    case 'figure':
      ensureRoom(pdf, 110);
      pdf.moveDown(0.3).font('body').fontSize(10.5).fillColor(GREY).text(b.label, left, undefined, { width, align: 'center' });
      pdf.font('bold').fontSize(40).fillColor(BLACK).text(b.value, left, undefined, { width, align: 'center' });
      pdf.font('body').fontSize(10).fillColor(GREY).text(b.caption, left, undefined, { width, align: 'center' });
      pdf.fillColor(BLACK).moveDown(0.8);
      return;
  }
}
