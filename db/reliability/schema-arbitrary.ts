// fast-check arbitraries for "valid-ish" API inputs, derived from each method's input JSON schema, so every
// method in the contract (including ones added later) is fuzzed without a hand-written generator.
import fc from 'fast-check';

/** The subset of JSON Schema that z.toJSONSchema produces for this contract. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  default?: unknown;
}

export interface ArbitraryOptions {
  /** Business dates cluster around this day (YYYY-MM-DD) so "not in the future" rules are met often. */
  today: string;
  /** Ids are drawn mostly from 1..maxLikelyId so they name records that exist. */
  maxLikelyId: number;
}

const datePattern = '^\\d{4}-\\d{2}-\\d{2}$';

export function arbitraryFromSchema(schema: JsonSchema, options: ArbitraryOptions, key = ''): fc.Arbitrary<unknown> {
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((s) => arbitraryFromSchema(s, options, key)));
  if (schema.allOf?.[0]) return arbitraryFromSchema(schema.allOf[0], options, key);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type) => arbitraryFromSchema({ ...schema, type }, options, key)));
  switch (schema.type) {
    case 'object':
      return objectArbitrary(schema, options);
    case 'array':
      return fc.array(arbitraryFromSchema(schema.items ?? {}, options, key), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, Math.max(schema.minItems ?? 0, 4)),
      });
    case 'string':
      return stringArbitrary(schema, options);
    case 'integer':
      return integerArbitrary(schema, options, key);
    case 'number':
      return numberArbitrary(schema);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      // An unrepresentable schema ({}): anything JSON can carry.
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectArbitrary(schema: JsonSchema, options: ArbitraryOptions): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(properties)) model[name] = arbitraryFromSchema(property, options, name);
  return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
}

function stringArbitrary(schema: JsonSchema, options: ArbitraryOptions): fc.Arbitrary<string> {
  if (schema.pattern === datePattern) return dateArbitrary(options.today);
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 60, Math.max(minLength, 60));
  // Mostly plain words, so free text passes trim() and length rules; sometimes anything at all.
  const words = fc
    .array(fc.constantFrom('needle', 'Room 2', 'C-100', 'left', 'follow-up', 'Élodie', 'ok', 'lot'), { minLength: 1, maxLength: 4 })
    .map((w) => w.join(' '))
    .filter((s) => s.length >= minLength && s.length <= maxLength);
  return fc.oneof({ weight: 3, arbitrary: words }, { weight: 1, arbitrary: fc.string({ minLength, maxLength, unit: 'grapheme' }) });
}

/** Real calendar dates, most within a year before `today`, some anywhere from 1900 to 2200. */
export function dateArbitrary(today: string): fc.Arbitrary<string> {
  const end = Date.parse(`${today}T00:00:00Z`);
  const recent = fc.integer({ min: 0, max: 400 }).map((back) => new Date(end - back * 86_400_000).toISOString().slice(0, 10));
  const anywhere = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  return fc.oneof({ weight: 4, arbitrary: recent }, { weight: 1, arbitrary: anywhere });
}

function integerArbitrary(schema: JsonSchema, options: ArbitraryOptions, key: string): fc.Arbitrary<number> {
  const min = Math.max(schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1_000_000), Number.MIN_SAFE_INTEGER);
  const max = Math.min(schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1_000_000), Number.MAX_SAFE_INTEGER);
  const any = fc.integer({ min, max });
  if (min > max) return fc.constant(min);
  // Ids and quantities are small in a real clinic; a few draws still reach the bounds.
  const likelyMax = Math.min(max, Math.max(min, /id$/i.test(key) ? options.maxLikelyId : min + 100));
  return fc.oneof({ weight: 4, arbitrary: fc.integer({ min, max: likelyMax }) }, { weight: 1, arbitrary: any });
}

function numberArbitrary(schema: JsonSchema): fc.Arbitrary<number> {
  const min = schema.minimum ?? schema.exclusiveMinimum ?? -1_000_000;
  const max = schema.maximum ?? schema.exclusiveMaximum ?? 1_000_000;
  return fc.double({
    min,
    max,
    minExcluded: schema.minimum === undefined && schema.exclusiveMinimum !== undefined,
    maxExcluded: schema.maximum === undefined && schema.exclusiveMaximum !== undefined,
    noNaN: true,
    noDefaultInfinity: true,
  });
}
