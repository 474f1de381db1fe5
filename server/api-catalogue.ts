// The self-documenting list of API methods served at GET /api: name, summary, roles, input JSON schema.
import { z } from 'zod';
import { contract } from '../db/api/contract';
import type { MethodSpec } from '../db/api/define-method';

export interface CatalogueEntry {
  method: string;
  summary: string;
  kind: string;
  roles: readonly string[] | 'signed_out';
  inputSchema: unknown;
}

export function apiCatalogue(): CatalogueEntry[] {
  return Object.entries(contract as Record<string, MethodSpec>).map(([name, spec]) => ({
    method: name,
    summary: spec.summary,
    kind: spec.kind,
    roles: spec.roles,
    inputSchema: z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }),
  }));
}
