import { describe, expect, it } from 'vitest';
import { assembleChunks, base64ToBytes, formatBytes } from './bundle-chunks';

const b64 = (bytes: number[]) => btoa(String.fromCharCode(...bytes));

describe('base64ToBytes', () => {
  it('decodes every byte value, including those above 127', () => {
    const all = Array.from({ length: 256 }, (_, i) => i);
    expect([...base64ToBytes(b64(all))]).toEqual(all);
  });
  it('decodes empty text to no bytes', () => {
    expect(base64ToBytes('').length).toBe(0);
  });
});

describe('assembleChunks', () => {
  it('joins chunks in offset order whatever order they arrived in', () => {
    const whole = assembleChunks(
      [
        { offset: 3, dataBase64: b64([4, 5]) },
        { offset: 0, dataBase64: b64([1, 2, 3]) },
      ],
      5,
    );
    expect([...whole]).toEqual([1, 2, 3, 4, 5]);
  });
  it('refuses a gap between chunks', () => {
    expect(() => assembleChunks([{ offset: 0, dataBase64: b64([1]) }, { offset: 2, dataBase64: b64([3]) }], 3)).toThrow('missing bytes 1 to 2');
  });
  it('refuses a download shorter or longer than announced', () => {
    expect(() => assembleChunks([{ offset: 0, dataBase64: b64([1, 2]) }], 3)).toThrow('stopped at byte 2 of 3');
    expect(() => assembleChunks([{ offset: 0, dataBase64: b64([1, 2, 3]) }], 2)).toThrow('longer than the 2 bytes');
  });
  it('assembles an empty file', () => {
    expect(assembleChunks([], 0).length).toBe(0);
  });
});

describe('formatBytes', () => {
  it('reads bytes, kilobytes and megabytes', () => {
    expect(formatBytes(812)).toBe('812 bytes');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(4.2 * 1024 * 1024)).toBe('4.2 MB');
    expect(formatBytes(300 * 1024 * 1024)).toBe('300 MB');
  });
});
