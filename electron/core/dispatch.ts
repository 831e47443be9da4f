import { api, isCoreMethod, isMethod, type CallResult, type Handlers, type Method } from '../../shared/api';
import { CordonError, toErrorPayload } from '../../shared/errors';
import { storeFailure } from './casefile/durable';

// The trust boundary of the core: the method must be in the contract and the input must parse.
// Used by the worker, the main-process router and the test bridge alike.

/** Parses a call to any method of the contract, core or host. */
export function parseContractInput(method: unknown, input: unknown): { method: Method; input: unknown } {
  if (!isMethod(method)) throw new CordonError('UNKNOWN_METHOD', `"${String(method)}" is not a method of the contract.`);
  const parsed = api[method].input.safeParse(input ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
    throw new CordonError('INVALID_INPUT', issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '), issues);
  }
  return { method, input: parsed.data };
}

/** Parses a call the core answers; host methods are not the core's to answer. */
export function parseInput(method: unknown, input: unknown): { method: Method; input: unknown } {
  if (!isCoreMethod(method)) throw new CordonError('UNKNOWN_METHOD', `"${String(method)}" is not a method of the core.`);
  return parseContractInput(method, input);
}

/** Parses, runs, and turns any failure into an error code. Never throws. */
export async function dispatch(handlers: Handlers, method: unknown, input: unknown): Promise<CallResult<Method>> {
  try {
    const call = parseInput(method, input);
    const handler = handlers[call.method as keyof Handlers] as (i: unknown) => Promise<unknown>;
    const value = await handler(call.input);
    return { ok: true, value: value as never };
  } catch (caught) {
    const err = caught instanceof CordonError ? caught : (storeFailure(caught) ?? caught);
    if (!(err instanceof CordonError)) {
      // Unexpected failures cross as INTERNAL. The log keeps where it failed, not the message,
      // which may quote case data.
      const frames = (err as Error)?.stack?.split('\n').slice(1, 6).join('\n') ?? '';
      console.error(`[cordon core] ${String(method)} failed with ${(err as Error)?.name ?? 'an error'}\n${frames}`);
    }
    return { ok: false, error: toErrorPayload(err) };
  }
}
