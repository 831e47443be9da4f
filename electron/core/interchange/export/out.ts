import { closeSync, existsSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { CordonError } from '../../../../shared/errors';
import { outputError } from '../../output-file';

// Export files are written to a temporary name beside the target and renamed when complete: a
// failed export never leaves half a file under the name the analyst chose.

export class OutFile {
  private readonly tmp: string;
  private fd: number;
  private buf: string[] = [];
  private size = 0;

  constructor(
    readonly path: string,
    overwrite: boolean,
  ) {
    if (existsSync(path) && !overwrite) throw new CordonError('FILE_EXISTS', `${path} already exists; choose another name or allow overwriting.`);
    this.tmp = `${path}.partial`;
    this.fd = guarded(() => openSync(this.tmp, 'w', 0o600));
  }

  write(s: string): void {
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) this.drain();
  }

  line(s: string): void {
    this.write(`${s}\n`);
  }

  private drain(): void {
    if (this.buf.length === 0) return;
    guarded(() => writeSync(this.fd, this.buf.join('')));
    this.buf = [];
    this.size = 0;
  }

  close(): void {
    this.drain();
    guarded(() => closeSync(this.fd));
    this.fd = -1;
    guarded(() => renameSync(this.tmp, this.path));
  }

  abort(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    rmSync(this.tmp, { force: true });
  }
}

function guarded<T>(io: () => T): T {
  try {
    return io();
  } catch (err) {
    throw outputError(err);
  }
}
