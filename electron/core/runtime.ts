import type { CallResult, Method } from '../../shared/api';
import { CordonError, toErrorPayload } from '../../shared/errors';
import { dispatch } from './dispatch';
import { createHandlers } from './handlers';
import { Session, type CoreConfig } from './session';

// The core as one object: the session, the handlers, one call at a time (the database has one
// writer), and the idle-lock timer. The worker, the test bridge and the CLI each host one.

export interface Core {
  call(method: unknown, input: unknown): Promise<CallResult<Method>>;
  /** Closes the case (dropping its key) and stops the timer. */
  dispose(): void;
  readonly session: Session;
}

export const IDLE_CHECK_MS = 15_000;

export function createCore(config: CoreConfig): Core {
  const session = new Session(config);
  const handlers = createHandlers(session);
  let queue: Promise<unknown> = Promise.resolve();
  let disposed = false;
  const timer = setInterval(() => {
    queue = queue.then(() => {
      // A check queued behind a long call may come due after the core was disposed (its case closed).
      if (disposed) return;
      try {
        session.checkIdle();
      } catch (err) {
        console.error('[cordon core] idle lock failed', (err as Error)?.name);
      }
    });
  }, IDLE_CHECK_MS);
  timer.unref?.();
  return {
    session,
    call(method, input) {
      // A cancel must not wait behind the job it cancels.
      if (method === 'job.cancel') return dispatch(handlers, method, input);
      const run = queue.then((): Promise<CallResult<Method>> | CallResult<Method> => {
        // A call that comes after the core was disposed (a chart's last save as the window
        // closes) is told so; it never reaches a case whose connection is gone.
        if (disposed) return { ok: false, error: toErrorPayload(new CordonError('NO_CASE_OPEN', 'Cordon is closing: no case is open.')) };
        // Activity keeps the case unlocked; lock itself does not count as activity.
        if (method !== 'case.lock') session.touch();
        return dispatch(handlers, method, input);
      });
      queue = run.catch(() => undefined);
      return run;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      clearInterval(timer);
      session.jobs.cancelAll();
      session.openCase?.close();
    },
  };
}
