import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { createCore, type Core } from '../../electron/core/runtime';
import type { EventName, EventPayload, Input, Method, Output } from '../../shared/api';

// Cleanup is registered with onTestFinished, which belongs to the running test: an afterEach called
// from inside a test is dropped silently by vitest, so neither the folders nor the cores were ever
// cleaned up. onTestFinished throws when called outside a test, so misuse is loud. Its callbacks
// run last-registered first (a core made after its folder is disposed before the folder goes).

/** A temp folder removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cordon-test-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
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
  onTestFinished(() => core.dispose());
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

import Database from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deriveKey } from '../../electron/core/store/keys';
import { KDF_PROFILES } from '../../electron/core/store/case-file';

/** A raw SQL connection to a case file, keyed the way the file format says (header salt, profile
 * byte, Argon2id, SQLCipher v4): what an attacker who knows the passphrase could do by hand. */
export async function rawOpen(path: string, passphrase: string): Promise<Database.Database> {
  const salt = readFileSync(path).subarray(0, 16);
  const key = await deriveKey(passphrase, { ...KDF_PROFILES[salt[15]!]!, salt: salt.toString('hex') });
  const db = new Database(path, { fileMustExist: true });
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma('kdf_iter = 1');
  db.pragma(`hexkey = '${key.toString('hex')}'`);
  return db;
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
