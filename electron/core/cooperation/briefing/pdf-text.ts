import type { PDFFont } from 'pdf-lib';
import { transliterate } from 'transliteration';

// Text for the PDF's standard fonts. Helvetica as every PDF reader has it (no font file to ship
// or embed: the pack is written offline anywhere) covers Windows-1252 only, so any other
// character is transliterated ("Ж" → "Zh") rather than dropped or turned into an error: a name in
// Cyrillic or Arabic still reads as a name. The case keeps the original script.

const supported = new WeakMap<PDFFont, Set<number>>();

export function printable(font: PDFFont, text: string): string {
  let set = supported.get(font);
  if (!set) supported.set(font, (set = new Set(font.getCharacterSet())));
  const known = set;
  let out = '';
  for (const ch of text.normalize('NFC').replace(/[\r\t]/g, ' ')) {
    if (known.has(ch.codePointAt(0)!)) out += ch;
    else {
      const latin = transliterate(ch);
      out += [...latin].every((c) => known.has(c.codePointAt(0)!)) ? latin : '?';
    }
  }
  return out;
}

/** The text cut to `width` points, with an ellipsis when it was cut. */
export function fit(font: PDFFont, size: number, text: string, width: number): string {
  const t = printable(font, text);
  if (font.widthOfTextAtSize(t, size) <= width) return t;
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (font.widthOfTextAtSize(`${t.slice(0, mid)}…`, size) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${t.slice(0, lo)}…`;
}

/** Lines of at most `width` points, broken between words (a word longer than a line is cut). */
export function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of printable(font, text).split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) <= width) line = next;
      else {
        if (line) lines.push(line);
        line = font.widthOfTextAtSize(word, size) <= width ? word : fit(font, size, word, width);
      }
    }
    lines.push(line);
  }
  return lines;
}
