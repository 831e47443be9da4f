import Database from 'better-sqlite3-multiple-ciphers';
import type { Database as DB } from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { CordonError } from '../../../shared/errors';
import { cipherKey, deriveKey, zero, type KdfParams } from './keys';
import { migrate, SCHEMA_VERSION } from './migrations';
import { resolveNativeBinding } from './native';

// Opening and creating the encrypted case file (DESIGN.md §4).
//
// File layout: an SQLCipher-v4 database (SQLite3 Multiple Ciphers). Its first 16 bytes are the
// cipher salt, stored in plaintext by the cipher's own design. Cordon chooses that salt itself and
// uses it as the Argon2id salt too; its last byte names the KDF profile (the Argon2id parameters),
// so the parameters live in the file and can change in later versions without guessing.

/** 'CORD' */
export const APPLICATION_ID = 0x434f5244;
const SQLITE_PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export const KDF_PROFILES: Record<number, Omit<KdfParams, 'salt'>> = {
  1: { algorithm: 'argon2id', memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 },
};
export const CURRENT_KDF_PROFILE = 1;

export interface OpenedCase {
  db: DB;
  path: string;
  kdf: KdfParams;
  /** A copy of the raw cipher key (keys.ts cipherKey), for the case's checkpointer connection and
   * for backups and rekeys (Case zeroes it on close). */
  key: Buffer;
}

/**
 * Keys a connection with the raw cipher key (see keys.ts cipherKey); with a salt for a new file
 * (SQLCipher's raw key-and-salt form), without for an existing one (its salt is in its header).
 */
export function applyCipher(db: DB, salt: Buffer | null, key: Buffer): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}${salt ? salt.toString('hex') : ''}'"`);
}

/** The salt and KDF parameters a case file's header names, or null when it names none we know. */
export function headerKdf(path: string): KdfParams | null {
  const header = readHeader(path);
  if (header.length < 16) return null;
  const profile = KDF_PROFILES[header[15]!];
  return profile ? { ...profile, salt: header.toString('hex') } : null;
}

/** The raw cipher key of a passphrase for given parameters (Argon2id, then the cipher's step). */
export async function passphraseKey(passphrase: string, kdf: KdfParams): Promise<Buffer> {
  const argon = await deriveKey(passphrase, kdf);
  try {
    return cipherKey(argon, Buffer.from(kdf.salt, 'hex'));
  } finally {
    zero(argon);
  }
}

/** A new salt for the current KDF profile (its last byte names the profile). */
export function newSalt(): Buffer {
  return Buffer.concat([randomBytes(15), Buffer.from([CURRENT_KDF_PROFILE])]);
}

/** The page cache of a case connection, in KiB (see configureConnection; bulk writes grow it). */
export const CACHE_KIB = 256 * 1024;

/** The connection pragmas every case connection runs with (also used by the store benchmark's plain control). */
export function configureConnection(db: DB): void {
  db.pragma('journal_mode = WAL');
  // WAL + NORMAL survives a killed process (each commit is in the WAL before it returns).
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Temp tables and sort spills stay in memory: nothing unencrypted goes to the temp folder.
  db.pragma('temp_store = MEMORY');
  // Up to 256 MiB of page cache (allocated as used; SQLite's default is 2 MiB). With a large case
  // every cache miss is a page read + decryption, and a bulk write whose dirty pages exceed the cache
  // spills them to the WAL mid-transaction and reads them back: 2 MiB made encrypted inserts 3x
  // slower than unencrypted ones; see test/bench/store.ts.
  db.pragma(`cache_size = -${CACHE_KIB}`);
  // A big bulk write leaves a WAL as big as itself; once checkpointed, the file shrinks back to this.
  db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
}

function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

export async function createCaseFile(path: string, passphrase: string): Promise<OpenedCase> {
  if (existsSync(path)) throw new CordonError('FILE_EXISTS', `A file already exists at ${path}; choose another name.`);
  const salt = newSalt();
  const kdf: KdfParams = { ...KDF_PROFILES[CURRENT_KDF_PROFILE]!, salt: salt.toString('hex') };
  const key = await passphraseKey(passphrase, kdf);
  let db: DB | null = null;
  try {
    db = new Database(path, { nativeBinding: resolveNativeBinding() });
    applyCipher(db, salt, key);
    configureConnection(db);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db);
    return { db, path, kdf, key: Buffer.from(key) };
  } catch (err) {
    db?.close();
    throw err;
  } finally {
    zero(key);
  }
}

export async function openCaseFile(path: string, passphrase: string): Promise<OpenedCase> {
  return openCaseFileWith(path, async (kdf) => passphraseKey(passphrase, kdf));
}

/**
 * Opens a case file with a key given by `keyFor` (from a passphrase, or a recovery key). With
 * `check` the file is only looked at: not migrated, its journal mode untouched (verify, restore).
 */
export async function openCaseFileWith(path: string, keyFor: (kdf: KdfParams) => Promise<Buffer>, opts: { check?: boolean } = {}): Promise<OpenedCase> {
  if (!existsSync(path)) throw new CordonError('FILE_NOT_FOUND', `No case file at ${path}.`);
  const st = statSync(path);
  if (!st.isFile()) throw new CordonError('NOT_A_CASE', `${path} is not a file.`);
  if (st.size < 512) throw new CordonError('NOT_A_CASE', `${path} is not a Cordon case file (it is too small).`);
  const header = readHeader(path);
  if (header.equals(SQLITE_PLAIN_HEADER)) {
    throw new CordonError('NOT_A_CASE', `${path} is an unencrypted SQLite database, not a Cordon case file.`);
  }
  const profile = KDF_PROFILES[header[15]!];
  if (!profile) throw new CordonError('NOT_A_CASE', `${path} is not a Cordon case file.`);
  const kdf: KdfParams = { ...profile, salt: header.toString('hex') };
  const key = await keyFor(kdf);
  let db: DB | null = null;
  try {
    db = new Database(path, { fileMustExist: true, nativeBinding: resolveNativeBinding() });
    applyCipher(db, null, key);
    // A wrong key only shows on the first read.
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (e) {
      // With the right key a damaged file decrypts but reads as corrupt; with a wrong key (or
      // a file that is not a case) page 1 fails to decrypt and SQLite reports "not a database".
      if ((e as { code?: string }).code === 'SQLITE_CORRUPT') {
        throw new CordonError('CORRUPT_CASE', `The case file ${path} is damaged or truncated and cannot be opened.`);
      }
      if (st.size % 4096 !== 0) {
        throw new CordonError('NOT_A_CASE', `${path} is not a Cordon case file, or it is damaged (its size is not a whole number of pages).`);
      }
      throw new CordonError('WRONG_PASSPHRASE', 'Wrong passphrase, or this is not a Cordon case file.');
    }
    checkIdentity(db, path, st.size);
    if (opts.check) {
      db.pragma('foreign_keys = ON');
      db.pragma('temp_store = MEMORY');
    } else {
      configureConnection(db);
      migrate(db);
    }
    return { db, path, kdf, key: Buffer.from(key) };
  } catch (err) {
    db?.close();
    if (err instanceof CordonError) throw err;
    throw new CordonError('CORRUPT_CASE', `The case file ${path} is damaged and cannot be opened.`);
  } finally {
    zero(key);
  }
}

function checkIdentity(db: DB, path: string, size: number): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId !== APPLICATION_ID) throw new CordonError('NOT_A_CASE', `${path} is an encrypted database but not a Cordon case file.`);
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new CordonError(
      'NEWER_VERSION',
      `This case was written by a newer version of Cordon (schema ${version}; this version reads up to ${SCHEMA_VERSION}). Update Cordon to open it.`,
    );
  }
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pageCount = db.pragma('page_count', { simple: true }) as number;
  if (size % pageSize !== 0 || pageCount * pageSize > size + walSize(path)) {
    throw new CordonError('CORRUPT_CASE', `The case file ${path} is truncated (${size} bytes; ${pageCount * pageSize} expected).`);
  }
}

function walSize(path: string): number {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
}
