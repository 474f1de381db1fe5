// The written parts of a bundle: README.txt (what each file is, how to check it by hand) and DATA-DICTIONARY.md
// (every column of every CSV), generated from the same column definitions the CSVs are written from.
import { auditEventColumns, auditEventsFileName } from './audit-events-csv';
import { canonicalEncodingMarkdown } from './canonical-encoding-copy';
import type { LogFileResult } from './log-csv';
import type { ColumnDef, ColumnType, ResolvedLog } from './log-definition';
import { manifestJsonName, manifestTxtName } from './manifest';
import { verifyPageHtml } from './verify-page';

const typeLabels: Record<ColumnType, string> = {
  int: 'whole number',
  real: 'decimal number',
  text: 'text',
  free_text: 'text typed by staff',
  date: 'date YYYY-MM-DD (clinic local)',
  instant: 'UTC instant (ISO-8601, Z)',
  time: 'local time HH:MM',
  money: 'US dollars, 2 decimals',
  bool: 'yes / no',
  chart: 'patient chart number (PHI)',
  json: 'canonical JSON',
  list: 'codes separated by "; "',
  staff: 'staff id',
  hash: 'SHA-256, 64 hex digits',
};

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function columnTable(columns: readonly ColumnDef[], isDeidentified: boolean): string {
  const rows = columns.map((c) => {
    const type = c.type === 'chart' && isDeidentified ? 'patient pseudonym P-xxxxxxxxxxxx' : typeLabels[c.type];
    return `| \`${c.name}\` | ${type} | ${cell(c.description)} |`;
  });
  return ['| column | type | meaning |', '|---|---|---|', ...rows].join('\n');
}

export interface BundleFileNote {
  name: string;
  description: string;
}

export function dataDictionary(logs: readonly ResolvedLog[], isDeidentified: boolean): string {
  const parts = [
    '# Data dictionary',
    '',
    'Every CSV in this bundle is UTF-8 with a byte-order mark, CRLF line ends, one header row, and fields quoted',
    'only when they hold a comma, a double quote or a line break (RFC 4180). Dates are the clinic\'s local business',
    'dates (YYYY-MM-DD); instants are UTC ISO-8601 with milliseconds and Z. Money is decimal US dollars with two',
    'decimals; a minus sign means money out (refunds) or a shortfall. yes/no are booleans; an empty cell is "none".',
    '',
    'Formula neutralisation: a text cell that a spreadsheet would run as a formula (it begins with =, +, -, @, TAB',
    'or CR) is written with an apostrophe in front (OWASP CSV injection). Signed numbers such as -12.50 are left as',
    'they are. In audit_events.csv the rule is exact and reversible, see its section.',
    '',
    isDeidentified
      ? 'This bundle is DE-IDENTIFIED: every patient chart number is replaced by `P-` and the first 12 hex digits of\nHMAC-SHA256(clinic key, chart number), in every CSV, in JSON columns and in free text where the number\nstands as a word. The same patient has the same pseudonym in every log of every de-identified bundle of this\nclinic; the key never leaves the clinic.'
      : 'This bundle holds patient chart numbers: protected health information (HIPAA). Keep it accordingly.',
    '',
  ];
  for (const log of logs) {
    parts.push(`## ${log.fileName}: ${log.log.title}`, '', log.log.description, '', columnTable(log.columns, isDeidentified), '');
  }
  parts.push(
    `## ${auditEventsFileName}: Audit events (hash chain)`,
    '',
    'The audit log of the clinic file: one row per change, in chain order. The file holds a contiguous slice of the',
    'chain, from the first event of the range up to the chain head at export time (so later events are included',
    'too, flagged in_range = no); the head is the one signed in MANIFEST.json\'s checkpoint. The slice is checked',
    'from its first row\'s prev_hash, taken as given, to that head.',
    '',
    'body is the event exactly as hashed (its canonical JSON, CANONICAL-ENCODING.md): hash = SHA-256 of prev_hash',
    'followed by body. It always begins with { so it is never altered for spreadsheets. The columns before it repeat',
    'fields of the body for reading and filtering; verify checks that each says what the body says. In those',
    'columns a cell that begins with an apostrophe had ONE apostrophe added on export (it began with = + - @ TAB CR',
    'or an apostrophe, or was empty): remove it to compare. An empty cell is null (only actor_staff_id and reason',
    'may be null), so a reason of empty text is a lone apostrophe.',
    '',
    columnTable(auditEventColumns, isDeidentified),
    '',
  );
  return parts.join('\n');
}

export interface ReadmeInput {
  clinicName: string;
  from: string;
  to: string;
  generatedAt: string;
  isDeidentified: boolean;
  publicKeyFingerprint: string;
  eventCount: number;
  headHash: string;
  files: BundleFileNote[];
}

export function readmeText(input: ReadmeInput): string {
  const lines = [
    `Audit bundle of ${input.clinicName}, business dates ${input.from} to ${input.to}`,
    `Generated ${input.generatedAt} (UTC) by Clinic Ops.`,
    '',
    'WHAT IS IN IT',
    '',
    ...input.files.map((f) => `  ${f.name.padEnd(34)} ${f.description}`),
    '',
    'HOW TO CHECK IT',
    '',
    'The easy way: extract the ZIP, open verify.html in Chrome or Edge (it works offline and sends nothing',
    'anywhere) and pick the extracted files or the ZIP itself. It runs every check below and shows each result.',
    'Or, with Clinic Ops installed: clinic-ops verify-export <the .zip>',
    '',
    'By hand:',
    '',
    '1. Every file is listed with its SHA-256 in MANIFEST.txt (and in MANIFEST.json). In the extracted folder run',
    '     sha256sum -c MANIFEST.txt                  (Linux; macOS: shasum -a 256 -c MANIFEST.txt)',
    '   On Windows PowerShell compare with:  Get-FileHash -Algorithm SHA256 <file>',
    '   Every line must say OK. MANIFEST.txt also lists MANIFEST.json, which lists every file again with its size.',
    '',
    '2. The signature. checkpoint.json holds the signed checkpoint {at, clinicId, eventCount, headHash} exactly as',
    '   signed; checkpoint.sig is the 64-byte Ed25519 signature; public-key.pem is the clinic\'s public key.',
    '     openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in checkpoint.json -sigfile checkpoint.sig',
    '   (OpenSSL 3) must print "Signature Verified Successfully". MANIFEST.json carries the same checkpoint and',
    '   a second signature (manifestSignature) over the canonical JSON of the whole manifest without that field.',
    '',
    '3. The key. The fingerprint of the clinic\'s key is',
    `     ${input.publicKeyFingerprint}`,
    '   (openssl pkey -pubin -in public-key.pem -outform DER | sha256sum). Compare it with the one on an earlier',
    '   bundle or a daily close sheet you hold: a bundle signed with a different key did not come from the same',
    '   installation, and a log rebuilt from scratch will not match a checkpoint you already hold.',
    '',
    '4. The audit chain. audit_events.csv holds the events from the first one of the range to the head:',
    `     eventCount ${input.eventCount}, headHash ${input.headHash}`,
    '   For each row, SHA-256 of prev_hash followed by body (the event\'s canonical JSON, CANONICAL-ENCODING.md)',
    '   must equal hash, each prev_hash must equal the hash of the row before it, and the last row must be',
    '   event eventCount with hash headHash. One row by hand:  printf \'%s%s\' "$prev_hash" "$body" | sha256sum',
    '   The other columns repeat fields of body for reading (DATA-DICTIONARY.md).',
  ];
  if (input.isDeidentified) {
    lines.push(
      '',
      '   This bundle is de-identified: events whose text held a chart number were rewritten with pseudonyms and',
      '   are flagged is_redacted = yes. Their hashes cannot be recomputed (the original text is not here); their',
      '   links are still checked, and the next event\'s hash binds each of them, so only their visible text is',
      '   unproven. Every other event is recomputed.',
    );
  }
  lines.push(
    '',
    'CSV files open in Excel and LibreOffice (UTF-8 with BOM, CRLF). Cells a spreadsheet would run as a formula',
    'begin with an apostrophe. DATA-DICTIONARY.md describes every column; report.pdf summarises and prints each log.',
    '',
  );
  return lines.join('\r\n');
}

const documentNotes: BundleFileNote[] = [
  { name: 'report.pdf', description: 'Printable report: summary of every log, then each log as a table' },
  { name: 'DATA-DICTIONARY.md', description: 'Every column of every CSV, its type and meaning' },
  { name: 'CANONICAL-ENCODING.md', description: 'How each audit event hash is computed, so the check can be rewritten' },
  { name: 'README.txt', description: 'This file' },
  { name: 'verify.html', description: 'Open in a browser to run every check offline' },
  { name: 'public-key.pem', description: "The clinic's Ed25519 public key" },
  { name: 'checkpoint.json', description: 'The signed checkpoint, exactly as signed' },
  { name: 'checkpoint.sig', description: 'Ed25519 signature of checkpoint.json (64 bytes)' },
  { name: manifestJsonName, description: 'Every file with SHA-256 and size, the range, author, options, chain head and signatures' },
  { name: manifestTxtName, description: 'The same SHA-256 list for sha256sum -c' },
];

export interface BundleDocumentsInput extends Omit<ReadmeInput, 'files'> {
  pdf: Buffer;
  logs: readonly ResolvedLog[];
  written: readonly LogFileResult[];
  publicKeyPem: string;
  checkpointJson: string;
  checkpointSignature: string;
}

/** Every file of a bundle besides the CSVs and the two manifests, in the order they go into the ZIP. */
export function bundleDocuments(input: BundleDocumentsInput): Array<{ name: string; content: Buffer; description: string }> {
  const csvNotes = input.written.map((w) => ({ name: w.fileName, description: `${w.title} (${w.rows} rows)` }));
  const contents: Record<string, Buffer> = {
    'report.pdf': input.pdf,
    'DATA-DICTIONARY.md': Buffer.from(dataDictionary(input.logs, input.isDeidentified), 'utf8'),
    'CANONICAL-ENCODING.md': Buffer.from(canonicalEncodingMarkdown, 'utf8'),
    'README.txt': Buffer.from(readmeText({ ...input, files: [...csvNotes, ...documentNotes] }), 'utf8'),
    'verify.html': Buffer.from(verifyPageHtml(), 'utf8'),
    'public-key.pem': Buffer.from(input.publicKeyPem, 'utf8'),
    'checkpoint.json': Buffer.from(input.checkpointJson, 'utf8'),
    'checkpoint.sig': Buffer.from(input.checkpointSignature, 'base64'),
  };
  return documentNotes.flatMap((note) => {
    const content = contents[note.name];
    return content ? [{ name: note.name, content, description: note.description }] : [];
  });
}
