import { createHash } from 'node:crypto';
import { CordonError } from '../../../shared/errors';

// A recovery key, written on paper: the case's raw cipher key (32 bytes) and a 2-byte check, in
// Crockford's base32 (no I, L, O, U: nothing to misread), in groups of five. The cipher key itself
// rather than a key wrapping it, because SQLCipher keeps no plaintext but the 16-byte salt in the
// file: there is nowhere in a case file to keep a wrapped copy (see the design note in
// docs/architecture.md, "The case key"). It changes with every change of passphrase.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUP = 5;

function check(key: Buffer): Buffer {
  return createHash('sha256').update('cordon recovery key\0').update(key).digest().subarray(0, 2);
}

export function encodeRecoveryKey(key: Buffer): string {
  if (key.length !== 32) throw new CordonError('INTERNAL', 'a case key is 32 bytes');
  const bytes = Buffer.concat([key, check(key)]);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');
}

/** The case key a recovery key carries; a typo (a wrong check) is a clear INVALID_INPUT. */
export function decodeRecoveryKey(text: string): Buffer {
  const clean = text
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  const invalid = () => new CordonError('INVALID_INPUT', 'That is not a valid recovery key: check each group against the paper copy (a character may be mistyped).');
  if (clean.length !== 55 || /[^0-9A-HJKMNP-TV-Z]/.test(clean)) throw invalid();
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    value = (value << 5) | ALPHABET.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
      value &= (1 << bits) - 1;
    }
  }
  const buf = Buffer.from(bytes.slice(0, 34));
  const key = buf.subarray(0, 32);
  if (!check(key).equals(buf.subarray(32, 34))) throw invalid();
  return Buffer.from(key);
}
