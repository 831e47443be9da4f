import { createReadStream, type ReadStream } from 'node:fs';
import type { TextEncoding } from '../../../../shared/interchange/api';

// A CSV reader for call records, written here because csv-parse was the import's bottleneck:
// measured on the 1M-row benchmark file (96 MB, 8 columns) csv-parse read 40,000 rows/s, a plain
// split of each line 1,000,000 rows/s (same machine, same load). A CDR is mostly lines without a
// quote: those are split on the delimiter; a line with a quote goes through an RFC 4180 state
// machine (quoted fields, "" escapes, line breaks inside quotes). Rows come in batches (one per
// chunk read), so the async iteration costs once per 256 KiB, not once per row. Decoding is the
// interchange reader's: the file's encoding by TextDecoder, streaming.

export interface FastRow {
  cells: string[];
  /** The file line where the record starts (header = line 1). */
  line: number;
}

export interface FastCsvOptions {
  encoding: TextEncoding;
  bom: number;
  delimiter: string;
  onSkip(line: number | null, message: string): void;
}

/** A record longer than this is refused (an unclosed quote must not swallow the whole file). */
const MAX_RECORD_CHARS = 1_000_000;

/** One quoted record from `start`; null when the text ends inside it (more is needed). */
export function parseQuoted(text: string, start: number, delim: string, final: boolean): { cells: string[]; end: number; lines: number } | null {
  const cells: string[] = [];
  let i = start;
  let lines = 1;
  const n = text.length;
  for (;;) {
    let field = '';
    if (text.charCodeAt(i) === 34 /* " */) {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          if (!final) return null;
          // An unclosed quote at the end of the file: what is there is the field.
          field += text.slice(i);
          i = n;
          break;
        }
        const part = text.slice(i, q);
        for (let k = part.indexOf('\n'); k >= 0; k = part.indexOf('\n', k + 1)) lines++;
        field += part;
        if (text.charCodeAt(q + 1) === 34) {
          field += '"';
          i = q + 2;
          continue;
        }
        if (q + 1 >= n && !final) return null;
        i = q + 1;
        break;
      }
      // Anything after the closing quote up to the delimiter belongs to the field (relaxed).
      while (i < n && text[i] !== delim && text[i] !== '\n' && text[i] !== '\r') field += text[i++];
    } else {
      while (i < n && text[i] !== delim && text[i] !== '\n') field += text[i++];
      if (field.endsWith('\r')) field = field.slice(0, -1);
    }
    cells.push(field);
    if (i >= n) {
      if (!final) return null;
      return { cells, end: n, lines };
    }
    const c = text[i];
    if (c === delim) {
      i++;
      continue;
    }
    if (c === '\r') i++;
    if (text[i] === '\n') return { cells, end: i + 1, lines };
    if (i >= n) return final ? { cells, end: n, lines } : null;
  }
}

function decoderFor(encoding: TextEncoding): TextDecoder {
  return new TextDecoder(encoding);
}

export class FastCsvReader {
  private stream: ReadStream | null = null;
  constructor(
    private readonly path: string,
    private readonly opts: FastCsvOptions,
  ) {}

  get bytesRead(): number {
    return this.stream?.bytesRead ?? 0;
  }

  /** Batches of rows; blank lines are passed over. */
  async *batches(): AsyncGenerator<FastRow[]> {
    const { delimiter: delim } = this.opts;
    this.stream = createReadStream(this.path, { start: this.opts.bom, highWaterMark: 256 * 1024 });
    const td = decoderFor(this.opts.encoding);
    let rest = '';
    let line = 1;
    try {
      let done = false;
      const it = this.stream[Symbol.asyncIterator]();
      while (!done) {
        const next = await it.next();
        done = next.done === true;
        const text = rest + (done ? td.decode() : td.decode(next.value as Buffer, { stream: true }));
        const out: FastRow[] = [];
        let i = 0;
        const n = text.length;
        while (i < n) {
          const nl = text.indexOf('\n', i);
          if (nl < 0 && !done) break;
          const end = nl < 0 ? n : nl;
          let raw = text.slice(i, end);
          if (raw.indexOf('"') >= 0) {
            const q = parseQuoted(text, i, delim, done);
            if (!q) {
              if (n - i > MAX_RECORD_CHARS) {
                this.opts.onSkip(line, 'unreadable CSV record (a quote is never closed)');
                i = end + 1;
                line++;
                continue;
              }
              break;
            }
            if (!(q.cells.length === 1 && q.cells[0] === '')) out.push({ cells: q.cells, line });
            line += q.lines;
            i = q.end;
            continue;
          }
          if (raw.endsWith('\r')) raw = raw.slice(0, -1);
          if (raw !== '') out.push({ cells: raw.split(delim), line });
          line++;
          i = end + 1;
        }
        rest = i < n ? text.slice(i) : '';
        if (out.length > 0) yield out;
      }
    } finally {
      this.stream.destroy();
    }
  }
}
