import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every level and writes no white space', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('orders keys by UTF-16 code units: capitals before small letters, a surrogate pair before U+FFFF', () => {
    expect(canonicalJson({ '\uffff': 1, '😀': 2, a: 3, B: 4, é: 5 })).toBe('{"B":4,"a":3,"é":5,"😀":2,"\uffff":1}');
    expect(canonicalJson({ 'say "hi"': 1, 'two\nlines': 2, $ref: 3, _id: 4 })).toBe('{"$ref":3,"_id":4,"say \\"hi\\"":1,"two\\nlines":2}');
  });

  it('writes numbers, strings and literals as ECMAScript JSON does, -0 as 0', () => {
    expect(canonicalJson([0.25, -0, 1e21, 'é"\n', null, true, false])).toBe('[0.25,0,1e+21,"é\\"\\n",null,true,false]');
  });

  it('leaves out undefined members and refuses values JSON cannot hold', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/NaN/);
    expect(() => canonicalJson({ a: 1n })).toThrow(/bigint/);
  });
});
