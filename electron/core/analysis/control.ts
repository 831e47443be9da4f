import { CordonError } from '../../../shared/errors';

// How a long computation hears "stop" and reports how far it got. The core's job runner passes
// its AbortSignal and progress function; tests pass their own.

export interface RunControl {
  signal?: AbortSignal | undefined;
  progress?: ((done: number, total: number) => void) | undefined;
}

export function throwIfCancelled(ctl: RunControl | undefined): void {
  if (ctl?.signal?.aborted) throw new CordonError('CANCELLED', 'The analysis was cancelled; no result was produced.');
}

/** Lets a pending cancel arrive (the event loop turns), then checks it. */
export async function checkpoint(ctl: RunControl | undefined): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  throwIfCancelled(ctl);
}
