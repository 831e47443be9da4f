import type { CordonBridge, EventName, EventPayload, Input, Method, Output } from '../../shared/api';
import type { ErrorCode } from '../../shared/errors';

// The renderer's only door to the core: window.cordon, installed by the preload in the app and by
// the Playwright bridge in tests. Method names are the contract's keys, so a typo does not compile.

declare global {
  interface Window {
    cordon: CordonBridge;
  }
}

/** A failed call, carrying the contract's error code (never a stack trace). */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
}

function bridge(): CordonBridge {
  const b = (window as Partial<Window>).cordon;
  if (!b) throw new ApiError('INTERNAL', 'The Cordon bridge is not available in this window.');
  return b;
}

export async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const result = await bridge().call(method, input);
  if (result.ok) return result.value;
  throw new ApiError(result.error.code, result.error.message, result.error.details);
}

/** The path on disk of a file dropped onto the page, or null when it has none (see CordonBridge). */
export function pathForFile(file: File): string | null {
  return bridge().pathForFile(file);
}

export function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return bridge().on(event, listener);
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}
