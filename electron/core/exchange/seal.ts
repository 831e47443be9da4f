import { Encrypter } from 'age-encryption';
import { createHash, randomUUID, type KeyObject } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import * as tar from 'tar-stream';
import type { OfficerView } from '../../../shared/exchange/dto';
import { CordonError } from '../../../shared/errors';
import type { Tlp } from '../../../shared/grading';
import type { Job } from '../jobs';
import { canonicalJson } from '../store/audit';
import { INNER, MANIFEST_FORMAT, OUTER, PACKAGE_FORMAT, SIG_CONTEXT, type Envelope, type Manifest, type PackageVersion } from './format';
import { signBytes } from './keys';

// Writes a `.cordonpkg` (DESIGN.md §6). The payload is a tar (manifest first, then the data files)
// compressed with gzip and encrypted with age to every recipient; the envelope names it by digest
// and is signed. Nothing unencrypted is written to disk: data files are produced twice from the
// case (once to measure size and digest for the manifest and the tar headers, once to write), and
// the only temporary file is the encrypted payload, next to the output.

export interface InnerFile {
  name: string;
  produce: () => Iterable<string>;
}

export interface SealInput {
  /** 2 when operations.jsonl is among the files, else 1 (see PACKAGE_VERSION). */
  version: PackageVersion;
  kind: 'data' | 'receipt';
  sender: OfficerView;
  signer: KeyObject;
  recipients: OfficerView[];
  /** Per recipient fingerprint. */
  sequence: Record<string, number>;
  tlp: Tlp | null;
  handling: string | null;
  scope: string;
  project: Manifest['project'];
  files: InnerFile[];
  /** Size, digest and lines of each file, in order (default: measureEach). */
  measure?: (files: InnerFile[], job?: Job) => Promise<Manifest['files']>;
  outPath: string;
  job?: Job;
}

export interface Sealed {
  packageId: string;
  created: string;
  bytes: number;
  payloadSha256: string;
  files: Manifest['files'];
}

const BATCH = 64 * 1024;
const GZIP_LEVEL = 6;

/** Groups lines into ~64 KiB buffers: far fewer stream writes than one per line. */
function* batches(lines: Iterable<string>): Generator<Buffer> {
  let parts: string[] = [];
  let size = 0;
  for (const line of lines) {
    parts.push(line);
    size += line.length;
    if (size >= BATCH) {
      yield Buffer.from(parts.join(''), 'utf8');
      parts = [];
      size = 0;
    }
  }
  if (parts.length) yield Buffer.from(parts.join(''), 'utf8');
}

/** Size, SHA-256 and line count of a file, fed line by line (hashed in ~64 KiB batches). */
export class FileMeasure {
  private readonly hash = createHash('sha256');
  private parts: string[] = [];
  private pending = 0;
  private size = 0;
  private lines = 0;

  constructor(readonly name: string) {}

  add(line: string): void {
    this.parts.push(line);
    this.pending += line.length;
    this.lines++;
    if (this.pending >= BATCH) this.flush();
  }

  private flush(): void {
    if (!this.parts.length) return;
    const buf = Buffer.from(this.parts.join(''), 'utf8');
    this.hash.update(buf);
    this.size += buf.length;
    this.parts = [];
    this.pending = 0;
  }

  done(): Manifest['files'][number] {
    this.flush();
    return { name: this.name, size: this.size, sha256: this.hash.digest('hex'), lines: this.lines };
  }
}

/** Measures files one by one; SealInput.measure may do several in one pass instead. */
export async function measureEach(files: InnerFile[], job?: Job): Promise<Manifest['files']> {
  const out: Manifest['files'] = [];
  for (const f of files) {
    const m = new FileMeasure(f.name);
    let n = 0;
    for (const line of f.produce()) {
      m.add(line);
      if (++n % 20_000 === 0 && job) await job.checkpoint();
    }
    out.push(m.done());
  }
  return out;
}

function writeEntry(pack: tar.Pack, name: string, size: number, mtime: Date, body: Iterable<Buffer>, job?: Job): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const ws = pack.entry({ name, size, mode: 0o600, mtime, type: 'file' }, (err) => (err ? reject(err) : resolve()));
    (async () => {
      let n = 0;
      for (const buf of body) {
        if (!ws.write(buf)) await once(ws, 'drain');
        if (++n % 64 === 0 && job) await job.checkpoint();
      }
      ws.end(() => undefined);
    })().catch((err: unknown) => {
      ws.destroy(err as Error);
      reject(err as Error);
    });
  });
}

/** The encrypted payload to `partPath`; returns its size and SHA-256. */
async function writePayload(input: SealInput, manifestBytes: Buffer, manifestSig: Buffer, files: Manifest['files'], created: Date, partPath: string) {
  const pack = tar.pack();
  const gzip = createGzip({ level: GZIP_LEVEL });
  const pump = (async () => {
    try {
      for await (const chunk of pack as AsyncIterable<Buffer>) if (!gzip.write(chunk)) await once(gzip, 'drain');
      gzip.end();
    } catch (err) {
      gzip.destroy(err as Error);
    }
  })();
  const producer = (async () => {
    try {
      await writeEntry(pack, INNER.manifest, manifestBytes.length, created, [manifestBytes]);
      await writeEntry(pack, INNER.manifestSig, manifestSig.length, created, [manifestSig]);
      for (const [i, f] of input.files.entries()) {
        const expected = files[i]!;
        const hash = createHash('sha256');
        const checked = (function* () {
          for (const buf of batches(f.produce())) {
            hash.update(buf);
            yield buf;
          }
        })();
        await writeEntry(pack, f.name, expected.size, created, checked, input.job);
        // The case cannot change during one call; this guards the manifest's promise all the same.
        if (hash.digest('hex') !== expected.sha256) throw new CordonError('INTERNAL', `${f.name} changed while the package was written.`);
      }
      pack.finalize();
    } catch (err) {
      pack.destroy(err as Error);
      throw err;
    }
  })();
  const enc = new Encrypter();
  for (const r of input.recipients) enc.addRecipient(r.ageRecipient);
  const encrypted = await enc.encrypt(Readable.toWeb(gzip) as ReadableStream<Uint8Array>);
  const out = createWriteStream(partPath, { mode: 0o600, flags: 'wx' });
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of encrypted as unknown as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      size += chunk.length;
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await finished(out);
  } finally {
    const [p] = await Promise.allSettled([producer, pump]);
    out.destroy();
    if (p.status === 'rejected') throw p.reason;
  }
  return { size, sha256: hash.digest('hex') };
}

async function writeOuter(envelope: Buffer, signature: Buffer, partPath: string, payloadSize: number, created: Date, tmpPath: string): Promise<void> {
  const pack = tar.pack();
  const out = createWriteStream(tmpPath, { mode: 0o600, flags: 'wx' });
  const piped = (async () => {
    for await (const chunk of pack as AsyncIterable<Buffer>) if (!out.write(chunk)) await once(out, 'drain');
    out.end();
    await finished(out);
  })();
  await new Promise<void>((resolve, reject) => pack.entry({ name: OUTER.envelope, size: envelope.length, mode: 0o644, mtime: created }, envelope, (e) => (e ? reject(e) : resolve())));
  await new Promise<void>((resolve, reject) => pack.entry({ name: OUTER.envelopeSig, size: signature.length, mode: 0o644, mtime: created }, signature, (e) => (e ? reject(e) : resolve())));
  await new Promise<void>((resolve, reject) => {
    const ws = pack.entry({ name: OUTER.payload, size: payloadSize, mode: 0o644, mtime: created }, (e) => (e ? reject(e) : resolve()));
    (async () => {
      for await (const chunk of createReadStream(partPath) as AsyncIterable<Buffer>) if (!ws.write(chunk)) await once(ws, 'drain');
      ws.end(() => undefined);
    })().catch(reject);
  });
  pack.finalize();
  await piped;
}

export async function sealPackage(input: SealInput): Promise<Sealed> {
  if (existsSync(input.outPath)) throw new CordonError('FILE_EXISTS', `A file already exists at ${input.outPath}; choose another name.`);
  const packageId = randomUUID();
  const createdDate = new Date();
  const created = createdDate.toISOString();
  const files = await (input.measure ?? measureEach)(input.files, input.job);
  const recipients = input.recipients.map((r) => r.fingerprint);
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    version: input.version,
    kind: input.kind,
    packageId,
    created,
    sender: { bureau: input.sender.bureau.code, fingerprint: input.sender.fingerprint },
    recipients,
    sequence: input.sequence,
    defaults: { originator: input.sender.bureau.code, tlp: input.tlp, handling: input.handling },
    scope: input.scope,
    project: input.project,
    files,
  };
  const manifestBytes = Buffer.from(canonicalJson(manifest), 'utf8');
  const manifestSig = Buffer.from(signBytes(input.signer, SIG_CONTEXT.manifest, manifestBytes).toString('base64'), 'utf8');
  const stem = join(dirname(input.outPath), `.${basename(input.outPath)}.${packageId}`);
  const partPath = `${stem}.part`;
  const tmpPath = `${stem}.tmp`;
  try {
    const payload = await writePayload(input, manifestBytes, manifestSig, files, createdDate, partPath);
    const envelope: Envelope = {
      format: PACKAGE_FORMAT,
      version: input.version,
      kind: input.kind,
      packageId,
      created,
      sender: { bureau: input.sender.bureau.code, officer: input.sender.name, fingerprint: input.sender.fingerprint },
      recipients: input.recipients.map((r) => ({ bureau: r.bureau.code, officer: r.name, fingerprint: r.fingerprint })),
      tlp: input.tlp,
      handling: input.handling,
      payload: { name: OUTER.payload, size: payload.size, sha256: payload.sha256, compression: 'gzip' },
    };
    const envelopeBytes = Buffer.from(canonicalJson(envelope), 'utf8');
    const signature = Buffer.from(signBytes(input.signer, SIG_CONTEXT.envelope, envelopeBytes).toString('base64'), 'utf8');
    await writeOuter(envelopeBytes, signature, partPath, payload.size, createdDate, tmpPath);
    renameSync(tmpPath, input.outPath);
    return { packageId, created, bytes: statSync(input.outPath).size, payloadSha256: payload.sha256, files };
  } finally {
    rmSync(partPath, { force: true });
    rmSync(tmpPath, { force: true });
  }
}
