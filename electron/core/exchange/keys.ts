import { identityToRecipient } from 'age-encryption';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, webcrypto, type KeyObject } from 'node:crypto';
import { zero } from '../store/keys';
import { SIG_CONTEXT } from './format';

// Officer keys: an Ed25519 signing key (node:crypto) and an X25519 age recipient. Private keys
// leave the encrypted case only as PKCS #8 buffers that are zeroed as soon as they are turned
// into non-extractable key objects.

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface GeneratedKeys {
  /** Raw 32-byte Ed25519 public key. */
  signingPublic: Buffer;
  /** PKCS #8 DER; the caller stores it and zeroes it. */
  signingPrivate: Buffer;
  /** PKCS #8 DER of the X25519 scalar; the caller stores it and zeroes it. */
  agePrivate: Buffer;
  ageRecipient: string;
}

export async function generateOfficerKeys(): Promise<GeneratedKeys> {
  const ed = generateKeyPairSync('ed25519');
  const x = generateKeyPairSync('x25519');
  const signingPrivate = ed.privateKey.export({ format: 'der', type: 'pkcs8' });
  const agePrivate = x.privateKey.export({ format: 'der', type: 'pkcs8' });
  const signingPublic = ed.publicKey.export({ format: 'der', type: 'spki' }).subarray(ED25519_SPKI_PREFIX.length);
  const ageRecipient = await identityToRecipient(await importAgeKey(Buffer.from(agePrivate)));
  return { signingPublic: Buffer.from(signingPublic), signingPrivate, agePrivate, ageRecipient };
}

/** A non-extractable X25519 CryptoKey for age's Decrypter; the DER buffer is zeroed. */
export async function importAgeKey(der: Buffer): Promise<CryptoKey> {
  try {
    return (await webcrypto.subtle.importKey('pkcs8', der, { name: 'X25519' }, false, ['deriveBits'])) as CryptoKey;
  } finally {
    zero(der);
  }
}

/** A signing KeyObject; the DER buffer is zeroed. */
export function importSigningKey(der: Buffer): KeyObject {
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    zero(der);
  }
}

export function encodeSigningKey(raw: Buffer): string {
  return `ed25519:${raw.toString('base64')}`;
}

export function decodeSigningKey(text: string): Buffer {
  const raw = Buffer.from(text.replace(/^ed25519:/, ''), 'base64');
  if (!text.startsWith('ed25519:') || raw.length !== 32) throw new Error('not an Ed25519 public key');
  return raw;
}

export function publicKeyObject(raw: Buffer): KeyObject {
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/**
 * An officer's fingerprint: SHA-256 over both public keys, so that checking it by voice checks the
 * signing key and the encryption recipient at once.
 */
export function officerFingerprint(signingPublic: Buffer, ageRecipient: string): string {
  return createHash('sha256').update('cordon-officer-v1\0').update(signingPublic).update(ageRecipient, 'utf8').digest('hex');
}

/** "A1B2 C3D4 …": the fingerprint in groups of four, for reading aloud. */
export function fingerprintGroups(fp: string): string {
  return fp.toUpperCase().replace(/(.{4})(?!$)/g, '$1 ');
}

/** Accepts a fingerprint typed with spaces, dashes or in either case. */
export function normaliseFingerprint(text: string): string {
  return text.replace(/[\s:-]/g, '').toLowerCase();
}

type Context = (typeof SIG_CONTEXT)[keyof typeof SIG_CONTEXT];

function framed(context: Context, bytes: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${context}\0`, 'utf8'), bytes]);
}

export function signBytes(key: KeyObject, context: Context, bytes: Buffer): Buffer {
  return sign(null, framed(context, bytes), key);
}

export function verifyBytes(publicRaw: Buffer, context: Context, bytes: Buffer, signature: Buffer): boolean {
  if (signature.length !== 64) return false;
  try {
    return verify(null, framed(context, bytes), publicKeyObject(publicRaw), signature);
  } catch {
    return false;
  }
}
