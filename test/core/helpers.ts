import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createCore, type Core } from '../../electron/core/runtime';
import type { EventName, EventPayload, Input, Method, Output } from '../../shared/api';

/** A temp folder removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cordon-test-'));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TestCore extends Core {
  events: Array<{ event: EventName; payload: unknown }>;
  /** Calls and unwraps; throws the error payload (as an object with .code) on failure. */
  ok<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  fail<M extends Method>(method: M, input: Input<M>): Promise<{ code: string; message: string }>;
}

export function testCore(dataDir: string, now?: () => number): TestCore {
  const events: TestCore['events'] = [];
  const core = createCore({
    dataDir,
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) => events.push({ event, payload }),
    ...(now ? { now } : {}),
  });
  afterEach(() => core.dispose());
  return Object.assign(core, {
    events,
    async ok<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
      const r = await core.call(method, input);
      if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), r.error);
      return r.value as Output<M>;
    },
    async fail<M extends Method>(method: M, input: Input<M>) {
      const r = await core.call(method, input);
      if (r.ok) throw new Error(`expected ${method} to fail, got ${JSON.stringify(r.value)}`);
      return r.error;
    },
  });
}
