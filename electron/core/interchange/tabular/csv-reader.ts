import { parse, type CsvError } from 'csv-parse';
import { createReadStream, type ReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import type { TextEncoding } from '../../../../shared/interchange/api';

// Streaming CSV: the file is read in chunks, decoded (UTF-8, UTF-16 LE/BE, Windows-1252), and
// parsed by csv-parse. A malformed record is skipped with its line number; the rest of the file
// goes on. Memory stays flat whatever the file size.

export interface CsvRow {
  cells: string[];
  /** The file line where the record ends (header = line 1). */
  line: number;
}

export interface CsvReadOptions {
  encoding: TextEncoding;
  bom: number;
  delimiter: string;
  onSkip(line: number | null, message: string): void;
}

/** A record longer than this is refused (an unclosed quote must not swallow the whole file). */
const MAX_RECORD_CHARS = 1_000_000;

function decoder(encoding: TextEncoding): Transform {
  const td = new TextDecoder(encoding);
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, done) {
      done(null, td.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, td.decode());
    },
  });
}

export class CsvReader {
  private stream: ReadStream | null = null;
  constructor(
    private readonly path: string,
    private readonly opts: CsvReadOptions,
  ) {}

  /** Bytes read so far (for the progress bar). */
  get bytesRead(): number {
    return this.stream?.bytesRead ?? 0;
  }

  async *rows(): AsyncGenerator<CsvRow> {
    this.stream = createReadStream(this.path, { start: this.opts.bom, highWaterMark: 256 * 1024 });
    const parser = parse({
      delimiter: this.opts.delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      max_record_size: MAX_RECORD_CHARS,
      info: true,
      on_skip: (err: CsvError | undefined) => {
        const e = err as (CsvError & { lines?: number }) | undefined;
        this.opts.onSkip(e?.lines ?? null, `unreadable CSV record (${e?.message?.split('\n')[0] ?? 'malformed'})`);
        return undefined;
      },
    });
    const source = this.stream.pipe(decoder(this.opts.encoding)).pipe(parser);
    this.stream.on('error', (e) => parser.destroy(e));
    try {
      for await (const item of source as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        yield { cells: item.record, line: item.info.lines };
      }
    } finally {
      this.stream.destroy();
    }
  }
}
