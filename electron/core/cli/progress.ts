import type { EventName, EventPayload } from '../../../shared/api';

// The core's job progress on the terminal: one stderr line rewritten in place while an import,
// export or analysis runs, cleared when it ends. Only on a terminal: a script reading stdout and
// exit codes (or stderr's one-line errors) never sees it.

/** Redraws at most this often: a terminal needs no more, and a slow one would fall behind. */
const EVERY_MS = 200;
const CLEAR = '\r\x1b[2K';

type Listener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export function terminalProgress(stderr: NodeJS.WritableStream & { isTTY?: boolean }, now: () => number = Date.now): Listener {
  if (stderr.isTTY !== true) return () => undefined;
  let last = -Infinity;
  let shown = false;
  return (event, payload) => {
    if (event !== 'progress') return;
    const p = payload as EventPayload<'progress'>;
    if (p.state === 'done' || p.state === 'cancelled' || p.state === 'failed') {
      if (shown) stderr.write(CLEAR);
      shown = false;
      last = -Infinity;
      return;
    }
    const t = now();
    if (p.state === 'running' && t - last < EVERY_MS) return;
    last = t;
    const what = p.state === 'saving' ? 'saving…' : p.total > 0 ? `${Math.floor((100 * Math.min(p.done, p.total)) / p.total)}%` : '…';
    stderr.write(`${CLEAR}cordon: ${p.label} ${what}`);
    shown = true;
  };
}
