// The pseudo-locale: every English string accented and made about 40% longer, inside brackets, so
// screenshots show at once a string that is not translated (plain English), cut off (no closing
// bracket) or squeezed. Placeholders ({{x}}, $t(...)) and tags stay as they are.

const ACCENTS: Record<string, string> = {
  a: 'ȧ', b: 'ƀ', c: 'ç', d: 'đ', e: 'é', f: 'ƒ', g: 'ğ', h: 'ħ', i: 'ï', j: 'ĵ', k: 'ķ', l: 'ŀ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ʠ', r: 'ř', s: 'š', t: 'ŧ', u: 'ü', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Å', B: 'Ɓ', C: 'Ç', D: 'Đ', E: 'É', F: 'Ƒ', G: 'Ğ', H: 'Ħ', I: 'Ï', J: 'Ĵ', K: 'Ķ', L: 'Ŀ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ř', S: 'Š', T: 'Ŧ', U: 'Ü', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

const KEEP = /(\{\{[^}]*\}\}|\$t\([^)]*\)|<[^>]*>|&[a-z]+;)/;

export function pseudoString(s: string): string {
  let letters = 0;
  const out = s
    .split(KEEP)
    .map((part, i) => {
      if (i % 2 === 1) return part;
      return part.replace(/[A-Za-z]/g, (c) => {
        letters++;
        return ACCENTS[c] ?? c;
      });
    })
    .join('');
  const pad = Math.ceil(letters * 0.4);
  return `[${out}${pad ? ` ${'·'.repeat(pad)}` : ''}]`;
}

export type Resource = { [key: string]: string | Resource };

export function pseudoResource(r: Resource): Resource {
  const out: Resource = {};
  for (const [k, v] of Object.entries(r)) out[k] = typeof v === 'string' ? pseudoString(v) : pseudoResource(v);
  return out;
}
