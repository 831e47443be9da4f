import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// The Noto fonts a PDF export draws with, from the @fontsource packages (SIL Open Font Licence,
// dependencies of the app, so they ship inside it and nothing is fetched): Noto Sans for Latin,
// Cyrillic, Greek and Vietnamese, Noto Sans Arabic, and Noto Sans SC for Chinese (its Han also
// covers most Japanese kanji and Korean hanja). Fontsource cuts each font into files by Unicode
// range, the way a browser loads them; the ranges come from the package's own CSS, so a character
// finds its file without opening the others, and only the files a document uses are read.

const require = createRequire(import.meta.url);

export type Weight = 400 | 700;

export interface FontFile {
  /** e.g. "noto-sans-cyrillic", "noto-sans-sc-[42]". */
  name: string;
  weight: Weight;
  path: string;
  /** Inclusive code point ranges, sorted. */
  ranges: Array<[number, number]>;
}

/** The packages, in the order a character looks for its file: Latin first, then the rest. */
const PACKAGES: ReadonlyArray<{ pkg: string; keep(subset: string): boolean }> = [
  { pkg: '@fontsource/noto-sans', keep: () => true },
  { pkg: '@fontsource/noto-sans-arabic', keep: (s) => s === 'arabic' },
  // Its Latin files duplicate Noto Sans; its numbered files are the Han, kana and symbols.
  { pkg: '@fontsource/noto-sans-sc', keep: (s) => !/latin|vietnamese/.test(s) },
];
const LATIN_FIRST = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'];

export function parseUnicodeRange(value: string): Array<[number, number]> {
  return value
    .split(',')
    .map((part) => part.trim().replace(/^U\+/i, ''))
    .filter(Boolean)
    .map((part): [number, number] => {
      if (part.includes('?')) return [parseInt(part.replace(/\?/g, '0'), 16), parseInt(part.replace(/\?/g, 'F'), 16)];
      const [a, b] = part.split('-');
      return [parseInt(a!, 16), parseInt(b ?? a!, 16)];
    })
    .sort((x, y) => x[0] - y[0]);
}

/** The font files of one package and weight, read from its CSS (`400.css`, `700.css`). */
export function packageFiles(pkg: string, weight: Weight, keep: (subset: string) => boolean = () => true): FontFile[] {
  const cssPath = require.resolve(`${pkg}/${weight}.css`);
  const css = readFileSync(cssPath, 'utf8');
  const base = pkg.split('/')[1]!;
  const out: FontFile[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+\.woff)\)\s*format\('woff'\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !range) continue;
    const subset = file.slice(base.length + 1, file.length - `-${weight}-normal.woff`.length);
    if (!keep(subset)) continue;
    out.push({ name: `${base}-${subset}`, weight, path: join(dirname(cssPath), 'files', file), ranges: parseUnicodeRange(range) });
  }
  const rank = (f: FontFile) => {
    const i = LATIN_FIRST.indexOf(f.name.slice(base.length + 1));
    return i < 0 ? LATIN_FIRST.length : i;
  };
  return out.sort((a, b) => rank(a) - rank(b));
}

let catalogue: Map<Weight, FontFile[]> | null = null;

/** Every font file of both weights, in look-up order (read once per process). */
export function fontFiles(weight: Weight): FontFile[] {
  if (!catalogue) catalogue = new Map();
  let files = catalogue.get(weight);
  if (!files) catalogue.set(weight, (files = PACKAGES.flatMap((p) => packageFiles(p.pkg, weight, p.keep))));
  return files;
}

export function covers(f: FontFile, cp: number): boolean {
  let lo = 0;
  let hi = f.ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = f.ranges[mid]!;
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The first file that draws this character, or null (then the text shows a replacement mark). */
export function fileFor(cp: number, weight: Weight): FontFile | null {
  for (const f of fontFiles(weight)) if (covers(f, cp)) return f;
  return null;
}
