import { z } from 'zod';

// The pieces every feature's slice of the contract is made of (shared/api.ts assembles the
// slices into the one contract). A feature's file declares its methods with `method<Output>()(input)`
// and builds its inputs from these atoms, so an id or a bureau code is checked the same way everywhere.

/** A method: its input schema, with the output type carried as a phantom. */
export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Never set at run time; carries the output type. */
  readonly _output?: O;
}
export const method = <O>() => <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input });

export const id = z.string().trim().min(1).max(200);
export const bureau = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_]{0,15}$/, 'a bureau code is 1–16 letters, digits or _');
export const filePath = z.string().trim().min(1).max(4096);
export const passphrase = z.string().min(1).max(1024);
export const propValues = z.record(z.string().min(1).max(100), z.array(z.string().max(10_000)).max(1000));

/** A case's own type (issue 24, shared/vocabulary): `T_` and 12 hex digits. */
export const caseTypeId = z.string().regex(/^T_[0-9a-f]{12}$/, 'a case type id is T_ and 12 hex digits');
/** A built-in type of the list, or one of the case's own (checked against the case by the core). */
export const schemaRef = (builtins: readonly string[]) => z.union([z.enum(builtins as [string, ...string[]]), caseTypeId]);
