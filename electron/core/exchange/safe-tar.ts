import { Refusal } from './refusal';

// A strict reader for the tar files inside a package. It accepts only what Cordon writes: POSIX
// ustar headers describing regular files with flat names. It is written here rather than taken
// from tar-stream because tar-stream reads PAX and GNU long-name records into memory before the
// caller sees the entry, so a hostile declared size there could exhaust memory; here every
// declared size is checked against its limit the moment its header is read, before any body byte.

export interface TarRules {
  /** Where in the package this tar is, for messages ("the package", "the payload"). */
  where: string;
  step: string;
  /** The byte limit for an allowed name, or null when the name is not allowed here. */
  limitFor(name: string): number | null;
  maxEntries: number;
  /** Total length of the input, when known: no entry may declare more than what is left. */
  totalBytes?: number;
  trailingBytes: number;
}

export interface TarEntry {
  name: string;
  size: number;
  /** Offset of the first body byte in the input. */
  offset: number;
  /** The body, in chunks. Consume it before asking for the next entry (or it is skipped). */
  body: AsyncGenerator<Buffer>;
}

const BLOCK = 512;

class ByteReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private ended = false;
  position = 0;
  private readonly it: AsyncIterator<Buffer>;

  constructor(source: AsyncIterable<Buffer | Uint8Array>) {
    const inner = source[Symbol.asyncIterator]();
    this.it = {
      next: async () => {
        const r = await inner.next();
        return r.done ? r : { done: false, value: Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value.buffer, r.value.byteOffset, r.value.byteLength) };
      },
    };
  }

  private async fill(n: number): Promise<boolean> {
    while (this.buffered < n && !this.ended) {
      const r = await this.it.next();
      if (r.done) this.ended = true;
      else if (r.value.length > 0) {
        this.chunks.push(r.value);
        this.buffered += r.value.length;
      }
    }
    return this.buffered >= n;
  }

  /** Up to n bytes from the buffer (at least one if any is left). */
  private take(n: number): Buffer {
    const first = this.chunks[0]!;
    let out: Buffer;
    if (first.length <= n) {
      out = first;
      this.chunks.shift();
    } else {
      out = first.subarray(0, n);
      this.chunks[0] = first.subarray(n);
    }
    this.buffered -= out.length;
    this.position += out.length;
    return out;
  }

  async exact(n: number): Promise<Buffer | null> {
    if (!(await this.fill(n))) return null;
    const parts: Buffer[] = [];
    let left = n;
    while (left > 0) {
      const b = this.take(left);
      parts.push(b);
      left -= b.length;
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  }

  async *stream(n: number, onShort: () => Refusal): AsyncGenerator<Buffer> {
    let left = n;
    while (left > 0) {
      if (!(await this.fill(1))) throw onShort();
      const b = this.take(left);
      left -= b.length;
      yield b;
    }
  }

  /** Reads what is left (at most `limit` + 1 bytes are looked at); true when it is all zeros and within the limit. */
  async restIsZero(limit: number): Promise<boolean> {
    let seen = 0;
    for (;;) {
      if (!(await this.fill(1))) return true;
      const b = this.take(Number.MAX_SAFE_INTEGER);
      seen += b.length;
      if (seen > limit) return false;
      for (const byte of b) if (byte !== 0) return false;
    }
  }
}

function cString(buf: Buffer, start: number, length: number): string {
  const slice = buf.subarray(start, start + length);
  const nul = slice.indexOf(0);
  return (nul === -1 ? slice : slice.subarray(0, nul)).toString('utf8');
}

function octal(buf: Buffer, start: number, length: number): number | null {
  const text = buf.subarray(start, start + length).toString('latin1').replace(/[\0 ]+$/g, '').replace(/^ +/, '');
  if (!/^[0-7]+$/.test(text)) return null;
  return parseInt(text, 8);
}

function checksumOk(header: Buffer): boolean {
  const stored = octal(header, 148, 8);
  if (stored === null) return false;
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
  return sum === stored;
}

const TYPE_NAMES: Record<string, string> = {
  '1': 'a hard link',
  '2': 'a symbolic link',
  '3': 'a character device',
  '4': 'a block device',
  '5': 'a folder',
  '6': 'a FIFO',
  x: 'a PAX extended header',
  g: 'a PAX global header',
  L: 'a GNU long name record',
  K: 'a GNU long link record',
};

/** Why a name is unsafe or not allowed, or null. */
function nameProblem(name: string, rules: TarRules): string | null {
  const shown = JSON.stringify(name);
  if (name === '') return 'an entry has no name';
  if (/^([/\\]|[A-Za-z]:)/.test(name)) return `${shown} is an absolute path`;
  if (name.split(/[/\\]/).some((part) => part === '..')) return `${shown} points outside the package (path traversal)`;
  if (/[/\\]/.test(name)) return `${shown} is inside a folder; ${rules.where} holds only plain file names`;
  if (/[\u0000-\u001f\u007f]/.test(name)) return `${shown} contains control characters`;
  return null;
}

function human(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GiB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

export async function* readTar(source: AsyncIterable<Buffer | Uint8Array>, rules: TarRules): AsyncGenerator<TarEntry> {
  const r = new ByteReader(source);
  const fail = (message: string) => new Refusal(rules.step, `${rules.where}: ${message}`);
  const seen = new Set<string>();
  for (;;) {
    const header = await r.exact(BLOCK);
    if (!header) throw fail(seen.size === 0 ? 'it is empty or not a tar file' : 'it ends without an end-of-archive marker (truncated)');
    if (header.every((b) => b === 0)) {
      if (!(await r.restIsZero(rules.trailingBytes))) throw fail('there is data after the end-of-archive marker');
      return;
    }
    if (!checksumOk(header)) throw fail(seen.size === 0 ? 'it is not a tar file (bad header checksum)' : 'a tar header is damaged (bad checksum)');
    const magic = header.subarray(257, 263).toString('latin1');
    const posix = magic === 'ustar\0';
    if (!posix && magic !== 'ustar ') throw fail('a tar header is not in ustar format');
    const prefix = posix ? cString(header, 345, 155) : '';
    const name = prefix ? `${prefix}/${cString(header, 0, 100)}` : cString(header, 0, 100);
    const problem = nameProblem(name, rules);
    if (problem) throw fail(problem);
    const type = String.fromCharCode(header[156]!);
    if (type !== '0' && type !== '\0' && type !== '7') {
      throw fail(`${JSON.stringify(name)} is ${TYPE_NAMES[type] ?? `an entry of unsupported type ${JSON.stringify(type)}`}; only regular files are allowed`);
    }
    if (seen.has(name)) throw fail(`${JSON.stringify(name)} appears twice`);
    seen.add(name);
    if (seen.size > rules.maxEntries) throw fail(`it has more than ${rules.maxEntries} entries`);
    const limit = rules.limitFor(name);
    if (limit === null) throw fail(`${JSON.stringify(name)} is not a file a package may contain`);
    if (header[124]! & 0x80) throw fail(`${JSON.stringify(name)} declares a size beyond 8 GiB, more than the limit of ${human(limit)} (a tar bomb?)`);
    const size = octal(header, 124, 12);
    if (size === null) throw fail(`${JSON.stringify(name)} has an unreadable size field`);
    if (size > limit) throw fail(`${JSON.stringify(name)} declares ${human(size)}, more than the limit of ${human(limit)} (a tar bomb?)`);
    const offset = r.position;
    if (rules.totalBytes !== undefined && offset + size > rules.totalBytes) {
      throw fail(`${JSON.stringify(name)} declares ${human(size)} but only ${human(rules.totalBytes - offset)} follow (truncated, or a tar bomb)`);
    }
    const short = () => fail(`${JSON.stringify(name)} is cut short (the file is truncated)`);
    const state = { left: size };
    async function* body(): AsyncGenerator<Buffer> {
      for await (const b of r.stream(state.left, short)) {
        state.left -= b.length;
        yield b;
      }
    }
    yield { name, size, offset, body: body() };
    // Whatever the consumer left unread (even if it stopped early) is skipped, then the padding.
    for await (const b of r.stream(state.left, short)) state.left -= b.length;
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (pad && !(await r.exact(pad))) throw fail(`${JSON.stringify(name)} is cut short (the file is truncated)`);
  }
}

/** Reads a small entry whole (its size was already bounded by the rules). */
export async function readAll(entry: TarEntry): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const b of entry.body) parts.push(b);
  return Buffer.concat(parts);
}
