import { argon2id } from 'hash-wasm';
import { pbkdf2Sync, randomBytes } from 'node:crypto';

// Argon2id turns the passphrase into the raw database key (DESIGN.md §4). hash-wasm is used rather
// than a native binding so that the same code runs under Node and Electron without a second build.

export interface KdfParams {
  algorithm: 'argon2id';
  /** Memory in KiB. */
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  /** 16 random bytes, hex. */
  salt: string;
}

/** OWASP's first recommended profile is m=46 MiB, t=1; we spend more since a case is opened rarely. */
export const DEFAULT_KDF: Omit<KdfParams, 'salt'> = {
  algorithm: 'argon2id',
  memoryKiB: 64 * 1024,
  iterations: 3,
  parallelism: 1,
};

export function newKdfParams(base: Omit<KdfParams, 'salt'> = DEFAULT_KDF): KdfParams {
  return { ...base, salt: randomBytes(16).toString('hex') };
}

/** Derives the 32-byte key. The caller owns the buffer and must zero it when done. */
export async function deriveKey(passphrase: string, params: KdfParams): Promise<Buffer> {
  const pass = Buffer.from(passphrase.normalize('NFC'), 'utf8');
  try {
    const key = await argon2id({
      password: pass,
      salt: Buffer.from(params.salt, 'hex'),
      parallelism: params.parallelism,
      iterations: params.iterations,
      memorySize: params.memoryKiB,
      hashLength: 32,
      outputType: 'binary',
    });
    return Buffer.from(key.buffer, key.byteOffset, key.byteLength);
  } finally {
    pass.fill(0);
  }
}

/**
 * The raw SQLCipher key of a case: SQLCipher v4's own key step (PBKDF2-HMAC-SHA512 of the Argon2id
 * output with the file's salt, one iteration; the format of every case file since the first)
 * done here, so the cipher is given a raw key (x'…') together with a salt we choose. That is what
 * lets a backup, a rekey or a recovery key name the key exactly, without a passphrase. The caller
 * owns the buffer.
 */
export function cipherKey(argon: Buffer, salt: Buffer): Buffer {
  return pbkdf2Sync(argon, salt, 1, 32, 'sha512');
}

export function zero(buf: Buffer | null | undefined): void {
  if (buf) buf.fill(0);
}
