// Canonical JSON (RFC 8785 style): sorted keys, no white space, ECMAScript number and string forms.
// The exact rules are written down in CANONICAL-ENCODING.md beside this file.

/** A key JSON writes as it is, in quotes (nothing to escape): nearly every key the app records. */
const plainKey = /^[A-Za-z_$][\w$]*$/;

export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON cannot hold the number ${value}`);
      return JSON.stringify(Object.is(value, -0) ? 0 : value);
    case 'object': {
      // Loops and string concatenation: every write builds one of these, so no arrays of entries per object.
      if (Array.isArray(value)) {
        let text = '[';
        for (let i = 0; i < value.length; i += 1) text += (i === 0 ? '' : ',') + canonicalJson(value[i]);
        return `${text}]`;
      }
      const object = value as Record<string, unknown>;
      // The default sort orders strings by UTF-16 code units, as the encoding requires.
      const keys = Object.keys(object).sort();
      let text = '{';
      for (const key of keys) {
        const item = object[key];
        if (item === undefined) continue;
        text += `${text.length === 1 ? '' : ','}${plainKey.test(key) ? `"${key}"` : JSON.stringify(key)}:${canonicalJson(item)}`;
      }
      return `${text}}`;
    }
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
  }
}
