import { z } from 'zod';
import { contract } from '../../api/contract';
const keys = new Map<string, number>();
const patterns = new Set<string>(); const formats = new Set<string>();
function walk(s: unknown, path: string) {
  if (!s || typeof s !== 'object') return;
  const o = s as Record<string, unknown>;
  const sig = Object.keys(o).filter(k => !['properties','items','description','default'].includes(k)).sort().join(',') + (o.type ? ':' + JSON.stringify(o.type) : '');
  keys.set(sig, (keys.get(sig) ?? 0) + 1);
  if (typeof o.pattern === 'string') patterns.add(o.pattern);
  if (typeof o.format === 'string') formats.add(o.format);
  for (const [k, v] of Object.entries(o)) {
    if (k === 'properties') for (const [pk, pv] of Object.entries(v as object)) walk(pv, path + '.' + pk);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, path + k + i));
    else if (typeof v === 'object') walk(v, path + '/' + k);
  }
}
for (const [name, spec] of Object.entries(contract)) walk(z.toJSONSchema((spec as { input: z.ZodType }).input, { io: 'input', unrepresentable: 'any' }), name);
console.log([...keys].sort((a, b) => b[1] - a[1]));
console.log(patterns, formats);
