import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalEncodingMarkdown } from './canonical-encoding-copy';

describe('the CANONICAL-ENCODING.md in every bundle', () => {
  it('is exactly db/audit/CANONICAL-ENCODING.md (update canonical-encoding-copy.ts when the spec changes)', () => {
    expect(canonicalEncodingMarkdown).toBe(readFileSync(join(__dirname, '..', 'audit', 'CANONICAL-ENCODING.md'), 'utf8'));
  });
});
