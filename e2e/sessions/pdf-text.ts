// Just enough PDF reading to check what Chromium printed: pages counted, FlateDecode streams inflated, and the
// text of content streams decoded through the fonts' ToUnicode maps (Chromium writes glyph ids, not letters).
import { inflateSync } from 'node:zlib';

function streamsOf(pdf: Buffer): Buffer[] {
  const text = pdf.toString('latin1');
  const found: Buffer[] = [];
  // "endstream" also ends in "stream": only a stream keyword that starts a stream counts.
  const start = /(?<!end)stream\r?\n/g;
  for (let m = start.exec(text); m; m = start.exec(text)) {
    const from = m.index + m[0].length;
    const to = text.indexOf('endstream', from);
    if (to < 0) break;
    const dictionary = text.slice(text.lastIndexOf('<<', m.index), m.index);
    const raw = pdf.subarray(from, to);
    if (dictionary.includes('/FlateDecode')) {
      try {
        found.push(inflateSync(raw));
      } catch {
        // An image or font stream that is not plain deflate: no text in it.
      }
    } else {
      found.push(raw);
    }
    start.lastIndex = to;
  }
  return found;
}

const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));

/** Glyph code → text, from every ToUnicode CMap in the file (Chromium's fonts share glyph ids per typeface). */
function toUnicodeMap(streams: Buffer[]): Map<number, string> {
  const map = new Map<number, string>();
  for (const s of streams) {
    const text = s.toString('latin1');
    if (!text.includes('begincmap')) continue;
    for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const [, code, unicode] of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(code ?? '0', 16), utf16(unicode ?? ''));
    }
    for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const [, lo, hi, first] of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        const base = parseInt(first ?? '0', 16);
        for (let code = parseInt(lo ?? '0', 16), i = 0; code <= parseInt(hi ?? '0', 16); code += 1, i += 1) map.set(code, String.fromCharCode(base + i));
      }
    }
  }
  return map;
}

export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
}

/** The text drawn on the pages, runs joined in drawing order. */
export function pdfText(pdf: Buffer): string {
  const streams = streamsOf(pdf);
  const glyphs = toUnicodeMap(streams);
  const runs: string[] = [];
  for (const s of streams) {
    const text = s.toString('latin1');
    if (!/T[jJ]/.test(text) || text.includes('begincmap')) continue;
    for (const [, shown] of text.matchAll(/(<[0-9A-Fa-f]*>|\[[^\]]*\])\s*T[jJ]/g)) {
      for (const [, hex] of (shown ?? '').matchAll(/<([0-9A-Fa-f]*)>/g)) {
        runs.push((hex?.match(/.{4}/g) ?? []).map((code) => glyphs.get(parseInt(code, 16)) ?? '?').join(''));
      }
    }
  }
  return runs.join('');
}
