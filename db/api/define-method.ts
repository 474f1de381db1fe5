// How one API method is declared: input schema, output type, who may call it, and whether it writes.
import type { z } from 'zod';
import type { StaffRole } from './roles';

export type MethodKind =
  /** Runs in a read transaction; appends nothing. */
  | 'read'
  /** Runs in one IMMEDIATE transaction together with its audit events. */
  | 'write'
  /** Long work (export, backup) that manages its own transactions and may be async. */
  | 'task';

export interface MethodSpec<Input extends z.ZodType = z.ZodType, Output = unknown> {
  input: Input;
  kind: MethodKind;
  /** Roles that may call it; 'signed_out' methods work before anyone signs in (setup, sign-in). */
  roles: readonly StaffRole[] | 'signed_out';
  summary: string;
  /** Phantom: carries the output type to both sides; never set at run time. */
  readonly output?: Output;
}

/** `method<Output>()({...})` fixes the output type while inferring the input schema's type. */
export function method<Output>() {
  return <Input extends z.ZodType>(spec: Omit<MethodSpec<Input, Output>, 'output'>): MethodSpec<Input, Output> => spec;
}

/**
 * `task<Output>()({...})` declares long work (export, backup) whose handler may be async. method() widens `kind`,
 * and a handler may await only when its kind is the literal 'task'; this keeps the literal.
 */
export function task<Output>() {
  return <Input extends z.ZodType>(spec: Omit<MethodSpec<Input, Output>, 'output' | 'kind'>) => ({
    ...method<Output>()({ ...spec, kind: 'task' }),
    kind: 'task' as const,
  });
}

export type ContractShape = Record<string, MethodSpec>;
export type InputOf<S> = S extends MethodSpec<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<S> = S extends MethodSpec<infer I, unknown> ? z.output<I> : never;
export type OutputOf<S> = S extends MethodSpec<z.ZodType, infer O> ? O : never;
