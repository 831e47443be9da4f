import { doubleMetaphone } from 'double-metaphone';
import { transliterate } from 'transliteration';
import { foldText } from '../../../../shared/values';

// Names prepared for comparison: other scripts transliterated into Latin (Cyrillic, Greek,
// Arabic, Chinese — the original stays in the case), accents and case folded, and the particles
// that are written joined or apart ("al-Marabh" / "Almarabh", "van der Berg" / "Vanderberg")
// joined to the word they belong to.

const PARTICLES = new Set(['al', 'el', 'ul', 'bin', 'ben', 'ibn', 'bint', 'abu', 'abd', 'van', 'von', 'der', 'den', 'de', 'da', 'di', 'del', 'della', 'la', 'le', 'du', 'dos', 'das', 'mc', 'mac', 'st']);

export interface FoldedName {
  original: string;
  tokens: string[];
  /** The tokens run together: equal for "al-Marabh" and "Almarabh". */
  compact: string;
  /** Tokens sorted: equal for "Smith John" and "John Smith". */
  sorted: string;
  codes: string[];
  script: string | null;
}

const SCRIPTS: Array<[string, RegExp]> = [
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Chinese', /\p{Script=Han}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
];

export function foldName(name: string): FoldedName {
  const script = SCRIPTS.find(([, re]) => re.test(name))?.[0] ?? null;
  const latin = script ? transliterate(name) : name;
  const raw = foldText(latin)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  const tokens: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    let t = raw[i]!;
    while (PARTICLES.has(t) && i + 1 < raw.length) t += raw[++i]!;
    tokens.push(t);
  }
  const codes = tokens.map((t) => doubleMetaphone(t)[0] || t);
  return { original: name, tokens, compact: tokens.join(''), sorted: [...tokens].sort().join(' '), codes, script };
}

/** Jaro-Winkler similarity (prefix scale 0.1, up to 4 characters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const ma = new Uint8Array(la);
  const mb = new Uint8Array(lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (!mb[j] && a.charCodeAt(i) === b.charCodeAt(j)) {
        ma[i] = 1;
        mb[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (!ma[i]) continue;
    while (!mb[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
