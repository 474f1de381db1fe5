// De-identification for bundles: chart numbers become stable keyed pseudonyms in fields, JSON and free text,
// so an auditor can follow one patient across logs without learning who it is (compliance.md 5.2).
import { createHmac } from 'node:crypto';
import { canonicalJson } from '../audit/canonical-json';

const stringLiteral = /"((?:[^"\\]|\\.)*)"/g;
const token = /\S+/g;
const tokenCore = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su;

export class Pseudonymiser {
  private readonly cache = new Map<string, string>();
  private readonly known: Set<string>;
  /** Chart numbers with spaces inside cannot be found token by token; they are searched for as substrings. */
  private readonly spaced: string[];

  constructor(
    private readonly key: Buffer,
    knownChartNumbers: Iterable<string>,
  ) {
    this.known = new Set(knownChartNumbers);
    this.spaced = [...this.known].filter((c) => /\s/.test(c)).sort((a, b) => b.length - a.length);
  }

  /** `P-` and the first 12 hex digits of HMAC-SHA256(clinic key, chart number): the same patient, the same pseudonym. */
  chart(chartNumber: string): string {
    let pseudonym = this.cache.get(chartNumber);
    if (pseudonym === undefined) {
      pseudonym = `P-${createHmac('sha256', this.key).update(chartNumber, 'utf8').digest('hex').slice(0, 12)}`;
      this.cache.set(chartNumber, pseudonym);
    }
    return pseudonym;
  }

  /**
   * Free text with every known chart number in it replaced. Best effort by design: a chart number is found
   * when it stands as a word (punctuation around it allowed); one typed differently (c100 for C-100) is not.
   */
  text(value: string): string {
    if (this.known.size === 0 || value === '') return value;
    if (this.known.has(value)) return this.chart(value);
    let result = value;
    for (const chart of this.spaced) if (result.includes(chart)) result = result.split(chart).join(this.chart(chart));
    return result.replace(token, (word) => {
      if (this.known.has(word)) return this.chart(word);
      const parts = tokenCore.exec(word);
      const core = parts?.[2] ?? '';
      return core !== '' && this.known.has(core) ? `${parts?.[1] ?? ''}${this.chart(core)}${parts?.[3] ?? ''}` : word;
    });
  }

  /** Canonical JSON text with chart numbers replaced in keys and string values; unchanged text when none occur. */
  json(text: string): { text: string; isChanged: boolean } {
    if (this.known.size === 0 || !this.mentionsChart(text)) return { text, isChanged: false };
    const walk = (value: unknown): unknown => {
      if (typeof value === 'string') return this.text(value);
      if (Array.isArray(value)) return value.map(walk);
      if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [this.text(k), walk(v)]));
      }
      return value;
    };
    const rewritten = canonicalJson(walk(JSON.parse(text)));
    return { text: rewritten, isChanged: rewritten !== text };
  }

  /** A cheap look at the string literals before paying for a parse and re-encoding. */
  private mentionsChart(text: string): boolean {
    stringLiteral.lastIndex = 0;
    for (let match = stringLiteral.exec(text); match !== null; match = stringLiteral.exec(text)) {
      const raw = match[1] ?? '';
      const content = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
      if (this.text(content) !== content) return true;
    }
    return false;
  }
}
