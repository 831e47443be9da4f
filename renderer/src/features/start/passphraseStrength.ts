// A passphrase strength hint without a dictionary library. Why an estimate of our own: the usual
// estimator (zxcvbn) ships megabytes of word lists, and nothing may be fetched on these machines.
// The estimate is length × log2(alphabet size), where the alphabet is the union of character
// classes used — an upper bound on what an attacker must search. It is then reduced for the
// patterns that make real passphrases weaker than their length suggests: repeated characters and
// runs like "abcd" or "1234". Argon2id slows each guess but does not replace entropy.

export type Strength = 'empty' | 'weak' | 'fair' | 'good' | 'strong';

const CLASSES: Array<[RegExp, number]> = [
  [/[a-z]/, 26],
  [/[A-Z]/, 26],
  [/[0-9]/, 10],
  [/[ !-/:-@[-`{-~]/, 33],
  // Letters outside ASCII (accents, other scripts): counted as one more large class.
  [/[\u0080-\u{10FFFF}]/u, 100],
];

/** Estimated bits of entropy. */
export function estimateBits(passphrase: string): number {
  const chars = [...passphrase];
  if (chars.length === 0) return 0;
  const alphabet = CLASSES.reduce((n, [re, size]) => (re.test(passphrase) ? n + size : n), 0);
  let effective = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!.codePointAt(0)!;
    const prev = i > 0 ? chars[i - 1]!.codePointAt(0)! : null;
    const seenBefore = chars.slice(0, i).includes(chars[i]!);
    if (prev !== null && Math.abs(c - prev) <= 1) effective += 0.25; // runs: "aaaa", "abcd", "4321"
    else if (seenBefore) effective += 0.5; // a reused character adds less than a fresh one
    else effective += 1;
  }
  return Math.round(effective * Math.log2(Math.max(alphabet, 2)));
}

export function strengthOf(passphrase: string): Strength {
  if (passphrase.length === 0) return 'empty';
  const bits = estimateBits(passphrase);
  if (bits < 40) return 'weak';
  if (bits < 60) return 'fair';
  if (bits < 80) return 'good';
  return 'strong';
}

/** Creating a case needs at least a fair passphrase: the file may leave the secure room on media. */
export const MIN_STRENGTH: Strength = 'fair';
const ORDER: Strength[] = ['empty', 'weak', 'fair', 'good', 'strong'];
export function isStrongEnough(passphrase: string): boolean {
  return ORDER.indexOf(strengthOf(passphrase)) >= ORDER.indexOf(MIN_STRENGTH);
}
