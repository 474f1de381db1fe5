// Turns a valid-ish input into an invalid or hostile one, and says which field a correct rejection must name.
// Mutations: wrong types, missing and extra fields (__proto__, constructor), NaN/Infinity/-0, huge, empty and
// Unicode edge-case strings, impossible and far-future dates, and non-object inputs.
import fc from 'fast-check';
import type { JsonSchema } from './schema-arbitrary';

export interface MutatedInput {
  input: unknown;
  /** Short label for the figures table (kind of mutation). */
  kind: string;
  /** Set when the mutation alone makes the input invalid: a rejection must be invalid_input naming this field. */
  expectedField?: string;
}

interface Node {
  path: string[];
  value: unknown;
  /** The variant describing this value (for anyOf: the one matching its type). */
  schema: JsonSchema;
  /** The schema as declared, with every variant: what the field accepts. */
  declared: JsonSchema;
}

/** Unknown keys, prototype-polluting ones first. (The empty key has its own test: dispatch names it field "".) */
export const extraKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'isAdmin', 'then', 'x'.repeat(300)];

export function edgeStrings(hugeLength: number): string[] {
  return [
    '',
    '   ',
    'x'.repeat(hugeLength),
    '\uD800',
    'a\uDC00b',
    '\u202Eevil\u202C',
    'zero\u200Bwidth\uFEFF',
    '👩🏽‍⚕️💉🩸',
    'e\u0301\u0301\u0301',
    'nul\u0000byte',
    'שלום عربي',
    "'; DROP TABLE sessions; --",
    '<img src=x onerror=alert(1)>',
    '../../etc/passwd',
    '__proto__',
    '\r\n'.repeat(500),
  ];
}

export const edgeDates = ['2024-02-30', '2023-02-29', '2026-13-01', '0000-00-00', '1899-12-31', '9999-12-31', '2200-12-31', '2199-01-01', '2026-1-1', '20260101'];
export const specialNumbers = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0.5, 2 ** 53, -1, 1e308, Number.MIN_VALUE];
const wrongTypeValues: unknown[] = ['text', 42, true, null, [], {}, [1, 2], { nested: {} }];
const nonObjectInputs: unknown[] = [null, [], 42, 'input', true, [{}]];

/** Every node of a value with the schema that describes it (objects, arrays, leaves). */
function nodesOf(value: unknown, schema: JsonSchema, path: string[] = []): Node[] {
  const own = resolve(schema, value);
  const nodes: Node[] = [{ path, value, schema: own, declared: schema }];
  if (Array.isArray(value) && own.items) {
    value.forEach((item, i) => nodes.push(...nodesOf(item, own.items as JsonSchema, [...path, String(i)])));
  } else if (value !== null && typeof value === 'object' && own.properties) {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const childSchema = own.properties[key];
      if (childSchema) nodes.push(...nodesOf(child, childSchema, [...path, key]));
    }
  }
  return nodes;
}

/** For anyOf (nullable fields), the variant matching the value's JSON type. */
function resolve(schema: JsonSchema, value: unknown): JsonSchema {
  const variants = schema.anyOf ?? schema.oneOf;
  if (!variants) return schema;
  return variants.find((v) => allowedTypes(v).has(jsonType(value))) ?? variants[0] ?? schema;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function allowedTypes(schema: JsonSchema): Set<string> {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return new Set(variants.flatMap((v) => [...allowedTypes(v)]));
  if (schema.enum) return new Set(schema.enum.map(jsonType));
  if (schema.const !== undefined) return new Set([jsonType(schema.const)]);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : ['string', 'number', 'integer', 'boolean', 'null', 'array', 'object'];
  const set = new Set(types);
  if (set.has('number')) set.add('integer');
  return set;
}

function fieldName(path: string[]): string {
  return path.length === 0 ? 'input' : path.join('.');
}

function setAt(root: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  // defineProperty, so a key named __proto__ becomes an own data property as JSON.parse would make it.
  Object.defineProperty(target, path[path.length - 1] as string, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function deleteAt(root: unknown, path: string[]): unknown {
  const copy = structuredClone(root) as Record<string, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  delete target[path[path.length - 1] as string];
  return copy;
}

/**
 * Whether a string breaks the leaf's own rules (type, enum, pattern, length): then it must be rejected.
 * The JSON schema does not say whether a field trims, so a verdict that trimming would change counts as unknown.
 */
function breaksStringRules(schema: JsonSchema, text: string): boolean {
  if (!allowedTypes(schema).has('string')) return true;
  const variants = schema.anyOf ?? schema.oneOf;
  const own = variants ? variants.find((v) => allowedTypes(v).has('string')) ?? schema : schema;
  if (own.enum) return !own.enum.includes(text);
  if (own.pattern && !new RegExp(own.pattern).test(text)) return true;
  if (own.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return !isPlausibleDate(text);
  // Lengths count code points, as JSON Schema and zod do (an emoji of two UTF-16 units is one).
  const breaksLength = (t: string) => {
    const length = [...t].length;
    return (own.minLength !== undefined && length < own.minLength) || (own.maxLength !== undefined && length > own.maxLength);
  };
  return breaksLength(text) && breaksLength(text.trim());
}

/** The contract's date rule: a real calendar day between 1900 and 2200. */
function isPlausibleDate(text: string): boolean {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  if (y < 1900 || y > 2200) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function breaksNumberRules(schema: JsonSchema, n: number): boolean {
  const types = allowedTypes(schema);
  if (!types.has('number') && !types.has('integer')) return true;
  if (!Number.isFinite(n)) return true;
  const variants = schema.anyOf ?? schema.oneOf;
  const own = variants ? variants.find((v) => allowedTypes(v).has('integer') || allowedTypes(v).has('number')) ?? schema : schema;
  if (own.type === 'integer' && !Number.isInteger(n)) return true;
  if (own.minimum !== undefined && n < own.minimum) return true;
  if (own.maximum !== undefined && n > own.maximum) return true;
  if (own.exclusiveMinimum !== undefined && n <= own.exclusiveMinimum) return true;
  if (own.exclusiveMaximum !== undefined && n >= own.exclusiveMaximum) return true;
  return false;
}

/** One mutation of `base`, chosen by `choice` (a pair of random draws from fast-check). */
export function mutate(base: unknown, schema: JsonSchema, choice: { kind: number; pick: number; value: number }, hugeLength: number): MutatedInput {
  const nodes = nodesOf(base, schema);
  const pick = <T>(list: readonly T[]): T => list[choice.pick % list.length] as T;
  const pickValue = <T>(list: readonly T[]): T => list[choice.value % list.length] as T;
  const leaves = nodes.filter((n) => n.path.length > 0);
  const objects = nodes.filter((n) => n.value !== null && typeof n.value === 'object' && !Array.isArray(n.value));
  const kinds = ['wrong_type', 'missing', 'extra_key', 'special_number', 'edge_string', 'edge_date', 'not_an_object'] as const;
  const kind = kinds[choice.kind % kinds.length] as (typeof kinds)[number];

  switch (kind) {
    case 'wrong_type': {
      if (leaves.length === 0) break;
      const node = pick(leaves);
      const allowed = allowedTypes(node.declared);
      const candidates = wrongTypeValues.filter((v) => !allowed.has(jsonType(v)) && !(jsonType(v) === 'integer' && allowed.has('number')));
      if (candidates.length === 0) break;
      return { kind, input: setAt(base, node.path, pickValue(candidates)), expectedField: fieldName(node.path) };
    }
    case 'missing': {
      const required = objects.flatMap((o) => (o.schema.required ?? []).filter((k) => k in (o.value as object)).map((k) => [...o.path, k]));
      if (required.length === 0) break;
      const path = pick(required);
      return { kind, input: deleteAt(base, path), expectedField: fieldName(path) };
    }
    case 'extra_key': {
      const strict = objects.filter((o) => o.schema.additionalProperties === false);
      if (strict.length === 0) break;
      const node = pick(strict);
      const key = pickValue(extraKeys.filter((k) => !(k in (node.schema.properties ?? {}))));
      return { kind: `extra_key:${key.slice(0, 20)}`, input: setAt(base, [...node.path, key], 'surprise'), expectedField: key };
    }
    case 'special_number': {
      const numeric = leaves.filter((n) => typeof n.value === 'number');
      if (numeric.length === 0) break;
      const node = pick(numeric);
      const value = pickValue(specialNumbers);
      return { kind: `number:${Object.is(value, -0) ? '-0' : String(value)}`, input: setAt(base, node.path, value), expectedField: breaksNumberRules(node.declared, value) ? fieldName(node.path) : undefined };
    }
    case 'edge_string': {
      const strings = leaves.filter((n) => typeof n.value === 'string');
      if (strings.length === 0) break;
      const node = pick(strings);
      const value = pickValue(edgeStrings(hugeLength));
      return { kind: 'edge_string', input: setAt(base, node.path, value), expectedField: breaksStringRules(node.declared, value) ? fieldName(node.path) : undefined };
    }
    case 'edge_date': {
      const dates = leaves.filter((n) => typeof n.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(n.value));
      if (dates.length === 0) break;
      const node = pick(dates);
      const value = pickValue(edgeDates);
      return { kind: `date:${value}`, input: setAt(base, node.path, value), expectedField: breaksStringRules(node.declared, value) ? fieldName(node.path) : undefined };
    }
    case 'not_an_object':
      break;
  }
  const value = pickValue(nonObjectInputs);
  return { kind: 'not_an_object', input: value, expectedField: 'input' };
}

export const mutationChoice = fc.record({ kind: fc.nat(), pick: fc.nat(), value: fc.nat() });
