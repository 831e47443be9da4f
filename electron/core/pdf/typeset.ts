import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import bidiFactory from 'bidi-js';
import type { Color, PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { fileFor, type FontFile, type Weight } from './fonts';
import { woffToSfnt } from './woff';

// Text in any script for PDF exports. A line is split into runs, each drawn with the Noto file
// that has its characters; the Unicode bidirectional algorithm (bidi-js) orders the runs, so an
// Arabic name sits right to left inside an English line; fontkit shapes each run (Arabic letters
// joined, ligatures) and pdf-lib embeds only the glyphs used (subset) with a ToUnicode map, so
// copying from the PDF, or pdftotext, gives the stored text back. Names are never transliterated:
// a name in its own script is evidence.

const bidi = bidiFactory();
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const HAN_OR_KANA = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\u{20000}-\u{3FFFF}]/u;
const NEUTRAL = /[\s\p{P}\p{S}]/u;
const REPLACEMENT = '\uFFFD';

interface Run {
  text: string;
  font: PDFFont;
}

export interface DrawOptions {
  x: number;
  y: number;
  size: number;
  bold?: boolean;
  color?: Color;
  opacity?: number;
}

export class Typesetter {
  private constructor(private readonly fonts: Map<string, PDFFont>) {}

  /**
   * Embeds (as subsets) the font files that the given text needs, both weights, plus Latin; every
   * string later drawn must be covered by `sample` (pass all the content's text).
   */
  static async create(doc: PDFDocument, sample: string): Promise<Typesetter> {
    doc.registerFontkit(fontkit);
    const fonts = new Map<string, PDFFont>();
    const needed = new Map<string, FontFile>();
    for (const weight of [400, 700] as const) {
      for (const ch of `${sample} ${REPLACEMENT}abc`) {
        const f = fileFor(ch.codePointAt(0)!, weight);
        if (f) needed.set(`${f.name}/${weight}`, f);
      }
    }
    for (const [key, f] of needed) {
      // Noto Sans Arabic's ccmp splits letters into a dotless body and its dots; a PDF maps each
      // glyph to text, so the dots would be lost on copy (ج read back as ح). Without ccmp the
      // font's whole joined letters are used: same look, and the text comes back. Those letters
      // are composite glyphs, which pdf-lib's subsetter (@pdf-lib/fontkit 1.1.1) writes broken
      // (only some marks show: seen with pdftoppm), so the Arabic file is embedded whole (about
      // 200 KB a weight, once per pack) while every other script is subset.
      const arabic = f.name.includes('arabic');
      fonts.set(key, await doc.embedFont(woffToSfnt(readFileSync(f.path)), arabic ? { subset: false, features: { ccmp: false } } : { subset: true }));
    }
    return new Typesetter(fonts);
  }

  private font(f: FontFile): PDFFont | undefined {
    return this.fonts.get(`${f.name}/${f.weight}`);
  }

  /** The line's runs in visual order (left to right on the page), each with its font. */
  runs(text: string, bold = false): Run[] {
    const s = text.normalize('NFC').replace(/[\r\n\t]/g, ' ');
    if (!s) return [];
    const weight: Weight = bold ? 700 : 400;
    const chars = Array.from(s);
    // Code-unit index of each character (bidi-js works on UTF-16 units).
    const unit: number[] = [];
    let u = 0;
    for (const c of chars) {
      unit.push(u);
      u += c.length;
    }
    const fontOf: Array<PDFFont | undefined> = [];
    const shown: string[] = [];
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!;
      const prev = fontOf[i - 1];
      const file = fileFor(c.codePointAt(0)!, weight);
      // A space or a mark keeps the font of what it follows when that font has it.
      if (prev && NEUTRAL.test(c) && this.hasGlyph(prev, c)) {
        fontOf.push(prev);
        shown.push(c);
      } else if (file && this.font(file)) {
        fontOf.push(this.font(file));
        shown.push(c);
      } else {
        const fallback = fileFor(REPLACEMENT.codePointAt(0)!, weight);
        fontOf.push(fallback ? this.font(fallback) : prev);
        shown.push(REPLACEMENT);
      }
    }
    const emb = bidi.getEmbeddingLevels(s, 'ltr');
    const mirrored = bidi.getMirroredCharactersMap(s, emb.levels);
    const level = (i: number) => emb.levels[unit[i]!]!;
    // Visual order: bidi-js gives the stretches of code units to reverse, one after the other;
    // a character is then where its first code unit went.
    const units = Array.from({ length: s.length }, (_, i) => i);
    for (const [a = 0, b = -1] of bidi.getReorderSegments(s, emb)) units.splice(a, b - a + 1, ...units.slice(a, b + 1).reverse());
    const toChar = new Map(unit.map((cu, i) => [cu, i]));
    const order = units.filter((cu) => toChar.has(cu)).map((cu) => toChar.get(cu)!);
    const runs: Run[] = [];
    let group: number[] = [];
    const flush = () => {
      if (group.length === 0) return;
      const rtl = level(group[0]!) % 2 === 1;
      const logical = [...group].sort((a, b) => a - b);
      const glyphs = logical.map((i) => (rtl ? (mirrored.get(unit[i]!) ?? shown[i]!) : shown[i]!));
      let t = glyphs.join('');
      // fontkit lays a right-to-left script out right to left itself; anything else in a
      // right-to-left stretch (brackets, dashes) is put in visual order here.
      if (rtl && !RTL_LETTER.test(t)) t = [...glyphs].reverse().join('');
      runs.push({ text: t, font: fontOf[group[0]!]! });
      group = [];
    };
    for (const i of order) {
      const last = group[group.length - 1];
      const step = last === undefined ? 0 : i - last;
      const same = last !== undefined && fontOf[i] === fontOf[last] && level(i) === level(last) && step === (level(i) % 2 ? -1 : 1);
      if (!same) flush();
      group.push(i);
    }
    flush();
    return runs.filter((r) => r.font !== undefined);
  }

  private hasGlyph(font: PDFFont, c: string): boolean {
    return font.getCharacterSet().includes(c.codePointAt(0)!);
  }

  width(text: string, size: number, bold = false): number {
    return this.runs(text, bold).reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, size), 0);
  }

  draw(page: PDFPage, text: string, o: DrawOptions): number {
    let x = o.x;
    for (const r of this.runs(text, o.bold)) {
      page.drawText(r.text, { x, y: o.y, size: o.size, font: r.font, ...(o.color ? { color: o.color } : {}), ...(o.opacity !== undefined ? { opacity: o.opacity } : {}) });
      x += r.font.widthOfTextAtSize(r.text, o.size);
    }
    return x - o.x;
  }

  /** The text cut to `width` points, with an ellipsis when it was cut. */
  fit(text: string, size: number, width: number, bold = false): string {
    if (this.width(text, size, bold) <= width) return text;
    const chars = Array.from(text);
    let lo = 0;
    let hi = chars.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.width(`${chars.slice(0, mid).join('')}…`, size, bold) <= width) lo = mid;
      else hi = mid - 1;
    }
    return `${chars.slice(0, lo).join('')}…`;
  }

  /** Lines of at most `width` points, broken between words; Chinese and Japanese, which have no spaces, between characters. */
  wrap(text: string, size: number, width: number, bold = false): string[] {
    const lines: string[] = [];
    for (const paragraph of text.normalize('NFC').replace(/[\r\t]/g, ' ').split('\n')) {
      let line = '';
      for (const word of paragraph.split(/ +/)) {
        const next = line ? `${line} ${word}` : word;
        if (this.width(next, size, bold) <= width) {
          line = next;
          continue;
        }
        if (HAN_OR_KANA.test(word)) {
          for (const ch of Array.from(line ? ` ${word}` : word)) {
            if (this.width(line + ch, size, bold) <= width) line += ch;
            else {
              lines.push(line);
              line = ch.trim();
            }
          }
          continue;
        }
        if (line) lines.push(line);
        line = this.width(word, size, bold) <= width ? word : this.fit(word, size, width, bold);
      }
      lines.push(line);
    }
    return lines;
  }
}
