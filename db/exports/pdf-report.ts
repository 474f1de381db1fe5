// report.pdf of a bundle: who exported what and when, a summary of every log, then each log as a table
// (its first rows; the CSV holds all), with the clinic's name and "Page x of y" on every page.
import type { ChainAtExport } from './audit-events-csv';
import type { LogFileResult } from './log-csv';

export interface ReportInput {
  clinicName: string;
  clinicAddress: string;
  from: string;
  to: string;
  generatedAt: string;
  generatedBy: string;
  appVersion: string;
  exportId: string;
  isDeidentified: boolean;
  includeInjuryIdentities: boolean;
  purpose: string;
  recipient: string | null;
  chain: { eventCount: number; headHash: string; verifiedAtExport: ChainAtExport };
  publicKeyFingerprint: string;
  logs: LogFileResult[];
  pdfRowLimit: number;
}

const margin = 36;
const footerHeight = 20;
const fontSize = 7;
const rowHeight = 10;

/** Characters of Windows-1252 above Latin-1's range; the standard PDF fonts print nothing else. */
const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** The built-in Helvetica covers Windows-1252 only; other characters print as "?" (the CSV keeps them exact). */
export function pdfText(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 63;
    if (code === 9 || code === 10 || code === 13) out += ' ';
    else if ((code >= 32 && code < 127) || (code >= 160 && code <= 255) || winAnsiExtras.has(ch)) out += ch;
    else out += '?';
  }
  return out;
}

function fitText(doc: PDFKit.PDFDocument, text: string, width: number): string {
  const safe = pdfText(text);
  if (doc.widthOfString(safe) <= width) return safe;
  let cut = Math.max(1, Math.floor((safe.length * width) / doc.widthOfString(safe)));
  while (cut > 1 && doc.widthOfString(`${safe.slice(0, cut)}...`) > width) cut -= 1;
  return `${safe.slice(0, cut)}...`;
}

/** Widths from the header and the longest cells, each between a floor and a share of the page. */
function columnWidths(doc: PDFKit.PDFDocument, header: string[], rows: string[][], available: number): number[] {
  const natural = header.map((h, i) => {
    let widest = doc.widthOfString(pdfText(h));
    for (const row of rows.slice(0, 200)) widest = Math.max(widest, doc.widthOfString(pdfText(row[i] ?? '')));
    return Math.min(Math.max(widest + 6, 28), available * 0.35);
  });
  const total = natural.reduce((a, b) => a + b, 0);
  return natural.map((w) => (w * available) / total);
}

function drawTable(doc: PDFKit.PDFDocument, header: string[], rows: string[][]): void {
  const left = margin;
  const available = doc.page.width - 2 * margin;
  doc.font('Helvetica').fontSize(fontSize);
  const widths = columnWidths(doc, header, rows, available);
  const bottom = () => doc.page.height - margin - footerHeight;
  const drawRow = (cells: string[], isHeader: boolean) => {
    if (doc.y + rowHeight > bottom()) {
      doc.addPage();
      drawRow(header, true);
    }
    const y = doc.y;
    doc.font(isHeader ? 'Helvetica-Bold' : 'Helvetica').fontSize(fontSize);
    let x = left;
    cells.forEach((cell, i) => {
      const width = widths[i] ?? 40;
      doc.text(fitText(doc, cell, width - 4), x + 2, y + 1.5, { lineBreak: false });
      x += width;
    });
    if (isHeader) doc.moveTo(left, y + rowHeight).lineTo(left + available, y + rowHeight).lineWidth(0.5).stroke();
    doc.x = left;
    doc.y = y + rowHeight;
  };
  drawRow(header, true);
  for (const row of rows) drawRow(row, false);
}

function heading(doc: PDFKit.PDFDocument, text: string, size: number): void {
  doc.font('Helvetica-Bold').fontSize(size).text(pdfText(text), margin, doc.y, { width: doc.page.width - 2 * margin });
  doc.moveDown(0.3);
}

function paragraph(doc: PDFKit.PDFDocument, text: string, size = 9): void {
  doc.font('Helvetica').fontSize(size).text(pdfText(text), margin, doc.y, { width: doc.page.width - 2 * margin });
  doc.moveDown(0.3);
}

function summaryPage(doc: PDFKit.PDFDocument, input: ReportInput): void {
  heading(doc, input.clinicName, 18);
  paragraph(doc, input.clinicAddress, 10);
  doc.moveDown(0.5);
  heading(doc, `Audit bundle: ${input.from} to ${input.to}`, 14);
  paragraph(doc, `Generated ${input.generatedAt} (UTC) by ${input.generatedBy} with Clinic Ops ${input.appVersion}. Export id ${input.exportId}.`);
  paragraph(doc, `Purpose: ${input.purpose}${input.recipient ? `. Recipient: ${input.recipient}` : ''}.`);
  paragraph(
    doc,
    input.isDeidentified
      ? 'De-identified: every patient chart number is replaced by a pseudonym (P- and 12 hex digits of a keyed hash held by the clinic), the same for the same patient in every log.'
      : 'This bundle holds patient chart numbers (protected health information).',
  );
  paragraph(doc, input.includeInjuryIdentities ? 'It includes the confidential sharps-injury privacy-case list.' : 'The sharps injury log is included without names.');
  const verified = input.chain.verifiedAtExport;
  paragraph(
    doc,
    `Audit chain at export: ${input.chain.eventCount} events, head ${input.chain.headHash}. ` +
      (verified.isIntact ? 'The whole chain verified intact when exported.' : `THE CHAIN DID NOT VERIFY: ${verified.problem?.message ?? ''}.`),
  );
  paragraph(doc, `Checkpoint signed with the clinic's Ed25519 key, fingerprint (SHA-256 of the public key) ${input.publicKeyFingerprint}.`);
  doc.moveDown(0.5);
  heading(doc, 'Summary of the logs', 12);
  const rows = input.logs.map((log) => [log.title, log.fileName, String(log.rows), log.totals.map((t) => `${t.label}: ${t.value}`).join('; ')]);
  drawTable(doc, ['Log', 'File', 'Rows', 'Totals'], rows);
}

function logSection(doc: PDFKit.PDFDocument, log: LogFileResult, limit: number): void {
  doc.addPage();
  heading(doc, log.title, 12);
  const shown = Math.min(log.rows, limit);
  paragraph(
    doc,
    log.rows === 0
      ? `No rows in the range (${log.fileName}).`
      : shown < log.rows
        ? `${log.rows} rows; the first ${shown} are printed here. ${log.fileName} holds all of them, with every column.`
        : `${log.rows} rows. ${log.fileName} holds them with every column.`,
    8,
  );
  if (log.rows > 0) drawTable(doc, log.pdfHeader, log.pdfRows.slice(0, limit));
}

/** The whole PDF in memory: bounded by the row limit per log, so a few MB at most. */
export async function renderReportPdf(input: ReportInput): Promise<Buffer> {
  // Loaded only when a report is made: pdfkit takes most of a second to load and start-up should not wait for it.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'LETTER',
    layout: 'landscape',
    margin,
    bufferPages: true,
    info: { Title: `${pdfText(input.clinicName)} audit bundle ${input.from} to ${input.to}`, Author: pdfText(input.generatedBy), Creator: 'Clinic Ops' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  summaryPage(doc, input);
  for (const log of input.logs) logSection(doc, log, input.pdfRowLimit);

  const range = doc.bufferedPageRange();
  const footer = pdfText(`${input.clinicName} - audit bundle ${input.from} to ${input.to}`);
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would start a new page; the margin is lifted while the footer is drawn.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - margin - 4;
    doc.font('Helvetica').fontSize(8);
    doc.text(footer, margin, y, { lineBreak: false });
    const pageLabel = `Page ${i - range.start + 1} of ${range.count}`;
    doc.text(pageLabel, doc.page.width - margin - doc.widthOfString(pageLabel), y, { lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
  doc.end();
  return done;
}
