import { Decrypter } from 'age-encryption';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync, createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { z } from 'zod';
import type { OfficerView, VerificationStep } from '../../../shared/exchange/dto';
import { CordonError } from '../../../shared/errors';
import type { Job } from '../jobs';
import { loadAgeIdentity, officerByFingerprint, selfOfficer, unusableReason } from './directory';
import {
  dataFilesFor,
  describeIssues,
  entityLineSchema,
  envelopeSchema,
  INNER,
  LIMITS,
  manifestSchema,
  operationLineSchema,
  OUTER,
  PACKAGE_FORMAT,
  PACKAGE_VERSION,
  RECEIPT_FILES,
  receiptSchema,
  retractionLineSchema,
  SIG_CONTEXT,
  sourceLineSchema,
  statementLineSchema,
  type EntityLine,
  type Envelope,
  type Manifest,
  type OperationLine,
  type Receipt,
  type RetractionLine,
  type SourceLine,
  type StatementLine,
} from './format';
import { decodeSigningKey, fingerprintGroups, verifyBytes } from './keys';
import { Refusal } from './refusal';
import { readAll, readTar } from './safe-tar';

// Opening a package, in the order of DESIGN.md §6: quarantine copy; the envelope (format, a
// known + verified + unrevoked signer, its signature, the payload digest, that we are a
// recipient, not a replay) all before decrypting; then the payload: manifest and its signature,
// every file against its digest, nothing missing, nothing extra. Each check that passes is
// recorded as a step; the first that fails throws a Refusal naming it.

export interface OuterChecked {
  file: string;
  envelope: Envelope;
  sender: OfficerView;
  me: OfficerView;
  payloadOffset: number;
  payloadSize: number;
  steps: VerificationStep[];
}

/** What reads a verified payload, line by line. Throwing a Refusal refuses the package. */
export interface PayloadSink {
  begin(manifest: Manifest): void;
  source(line: SourceLine, n: number): void;
  entity(line: EntityLine, n: number): void;
  retraction(line: RetractionLine, n: number): void;
  statement(line: StatementLine, n: number): void;
  operation(line: OperationLine, n: number): void;
  onReceipt(receipt: Receipt): void;
}

/** Copies the package into the quarantine folder; every check reads the copy, never the original. */
export function quarantine(dataDir: string, path: string): string {
  if (!existsSync(path)) throw new CordonError('FILE_NOT_FOUND', `No package at ${path}.`);
  const dir = join(dataDir, 'quarantine');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const copy = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.cordonpkg`);
  copyFileSync(path, copy);
  return copy;
}

function pass(steps: VerificationStep[], step: string, message: string): void {
  steps.push({ step, ok: true, message });
}

function parseVersioned<T>(bytes: Buffer, what: string, step: string, format: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new Refusal(step, `${what} is not valid JSON`);
  }
  const r = raw as { format?: unknown; version?: unknown };
  if (r?.format !== format) throw new Refusal(step, `${what} is not a Cordon ${format === PACKAGE_FORMAT ? 'package envelope' : 'manifest'}`);
  if (typeof r.version === 'number' && r.version > PACKAGE_VERSION) {
    throw new Refusal('format', `the package is format version ${r.version}, newer than this Cordon reads (version ${PACKAGE_VERSION}); update Cordon to open it`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Refusal(step, `${what} is malformed (${describeIssues(parsed.error)})`);
  return parsed.data;
}

export function describeOfficer(o: { name: string; bureau: { code: string }; fingerprintGroups: string }): string {
  return `${o.name} (${o.bureau.code}, key ${o.fingerprintGroups})`;
}

export async function checkOuter(db: Database, file: string, job?: Job): Promise<OuterChecked> {
  const steps: VerificationStep[] = [];
  const total = statSync(file).size;
  const got: Partial<Record<string, Buffer>> = {};
  let payload: { offset: number; size: number; sha256: string } | null = null;
  const limits: Record<string, number> = { [OUTER.envelope]: LIMITS.envelopeBytes, [OUTER.envelopeSig]: LIMITS.signatureBytes, [OUTER.payload]: LIMITS.payloadBytes };
  const entries = readTar(createReadStream(file, { highWaterMark: 1 << 20 }), {
    where: 'the package',
    step: 'structure',
    limitFor: (name) => limits[name] ?? null,
    maxEntries: LIMITS.outerEntries,
    totalBytes: total,
    trailingBytes: LIMITS.trailingBytes,
  });
  for await (const entry of entries) {
    if (entry.name === OUTER.payload) {
      const hash = createHash('sha256');
      let done = 0;
      for await (const b of entry.body) {
        hash.update(b);
        done += b.length;
        job?.progress(done, total * 2);
      }
      payload = { offset: entry.offset, size: entry.size, sha256: hash.digest('hex') };
    } else got[entry.name] = await readAll(entry);
  }
  for (const name of [OUTER.envelope, OUTER.envelopeSig, OUTER.payload]) {
    if (name === OUTER.payload ? !payload : !got[name]) throw new Refusal('structure', `the package has no ${name}`);
  }
  pass(steps, 'structure', 'The package holds exactly envelope.json, envelope.sig and payload.age.');

  const envelopeBytes = got[OUTER.envelope]!;
  const envelope = parseVersioned(envelopeBytes, 'envelope.json', 'format', PACKAGE_FORMAT, envelopeSchema);
  pass(steps, 'format', `Format version ${envelope.version}.`);

  const sender = officerByFingerprint(db, envelope.sender.fingerprint);
  if (!sender) {
    throw new Refusal('signer', `it is signed by an unknown key (${fingerprintGroups(envelope.sender.fingerprint)}); import and verify the sender’s contact card first`);
  }
  if (sender.self) throw new Refusal('signer', 'it was written by this workstation’s own officer');
  const unusable = unusableReason(sender);
  if (unusable) throw new Refusal('signer', `it is signed by ${describeOfficer(sender)}, but ${unusable}`);
  if (sender.bureau.code !== envelope.sender.bureau) {
    throw new Refusal('signer', `the envelope names bureau ${envelope.sender.bureau} but the signing key belongs to ${sender.bureau.code}`);
  }
  pass(steps, 'signer', `Signed with the verified key of ${describeOfficer(sender)}.`);

  const sig = Buffer.from(got[OUTER.envelopeSig]!.toString('utf8').trim(), 'base64');
  if (!verifyBytes(decodeSigningKey(sender.signingKey), SIG_CONTEXT.envelope, envelopeBytes, sig)) {
    throw new Refusal('envelope-signature', `the envelope signature does not verify: envelope.json was altered, or not signed by ${sender.name}`);
  }
  pass(steps, 'envelope-signature', 'The envelope signature verifies.');

  if (payload!.size !== envelope.payload.size || payload!.sha256 !== envelope.payload.sha256) {
    throw new Refusal('payload-digest', 'payload.age does not match the SHA-256 in the signed envelope: the payload was altered');
  }
  pass(steps, 'payload-digest', 'payload.age matches the SHA-256 in the envelope.');

  const me = selfOfficer(db);
  if (!me) throw new Refusal('recipient', 'this case has no officer identity, so no package can be addressed to it');
  if (!envelope.recipients.some((r) => r.fingerprint === me.fingerprint)) {
    const to = envelope.recipients.map((r) => `${r.officer} (${r.bureau})`).join(', ');
    throw new Refusal('recipient', `it is addressed to ${to}, not to this workstation’s officer ${me.name} (${me.bureau.code})`);
  }
  pass(steps, 'recipient', `Addressed to ${me.name} (${me.bureau.code}).`);

  const seen = db.prepare('SELECT imported_at FROM exchange_in WHERE package_id = ?').pluck().get(envelope.packageId) as string | undefined;
  if (seen) throw new Refusal('replay', `package ${envelope.packageId} was already imported on ${seen.slice(0, 10)} (a replay)`);
  pass(steps, 'replay', 'Not imported before.');

  return { file, envelope, sender, me, payloadOffset: payload!.offset, payloadSize: payload!.size, steps };
}

/** Splits a byte stream into lines, each at most LIMITS.lineBytes. */
async function* lines(chunks: AsyncIterable<Buffer>, tooLong: () => Refusal): AsyncGenerator<Buffer> {
  let carry: Buffer[] = [];
  let carried = 0;
  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl === -1) break;
      const piece = chunk.subarray(start, nl);
      if (carried + piece.length > LIMITS.lineBytes) throw tooLong();
      yield carried ? Buffer.concat([...carry, piece]) : piece;
      carry = [];
      carried = 0;
      start = nl + 1;
    }
    if (start < chunk.length) {
      carry.push(chunk.subarray(start));
      carried += chunk.length - start;
      if (carried > LIMITS.lineBytes) throw tooLong();
    }
  }
  if (carried) yield Buffer.concat(carry);
}

const LINE_SCHEMAS = {
  [INNER.sources]: sourceLineSchema,
  [INNER.entities]: entityLineSchema,
  [INNER.retractions]: retractionLineSchema,
  [INNER.statements]: statementLineSchema,
  [INNER.operations]: operationLineSchema,
} as const;

/** Decrypts and reads the payload, feeding each verified line to the sink. */
export async function readPayload(db: Database, outer: OuterChecked, sink: PayloadSink, job?: Job): Promise<Manifest> {
  const { steps, envelope, sender, me } = outer;
  const d = new Decrypter();
  d.addIdentity(await loadAgeIdentity(db));
  let read = 0;
  const cipher = createReadStream(outer.file, { start: outer.payloadOffset, end: outer.payloadOffset + outer.payloadSize - 1, highWaterMark: 1 << 20 });
  cipher.on('data', (b) => {
    read += b.length;
    job?.progress(outer.payloadSize + read, outer.payloadSize * 2);
  });
  let plain: ReadableStream<Uint8Array>;
  try {
    plain = await d.decrypt(Readable.toWeb(cipher) as ReadableStream<Uint8Array>);
  } catch {
    cipher.destroy();
    throw new Refusal('decrypt', 'the payload cannot be opened with this workstation’s key (it was not encrypted to it, or it is damaged)');
  }
  pass(steps, 'decrypt', 'The payload opens with this workstation’s key.');
  const gunzip = createGunzip();
  let streamError: unknown = null;
  const piping = pipeline(Readable.fromWeb(plain as import('node:stream/web').ReadableStream<Uint8Array>), gunzip).catch((err: unknown) => {
    streamError = err;
  });
  let manifest: Manifest | null = null;
  let manifestBytes: Buffer | null = null;
  let expected: string[] = [];
  let next = 0;
  const limitFor = (name: string): number | null => {
    if (!manifestBytes) return name === INNER.manifest ? LIMITS.manifestBytes : null;
    if (!manifest) return name === INNER.manifestSig ? LIMITS.signatureBytes : null;
    const listed = manifest.files.find((f) => f.name === name);
    if (!listed) throw new Refusal('files', `the payload contains "${name}", which the manifest does not list`);
    return listed.size;
  };
  try {
    for await (const entry of readTar(gunzip as AsyncIterable<Buffer>, {
      where: 'the payload',
      step: 'files',
      limitFor,
      maxEntries: LIMITS.innerEntries,
      trailingBytes: LIMITS.trailingBytes,
    })) {
      if (!manifestBytes) {
        if (entry.name !== INNER.manifest) throw new Refusal('manifest', 'the payload does not begin with manifest.json');
        manifestBytes = await readAll(entry);
        continue;
      }
      if (!manifest) {
        if (entry.name !== INNER.manifestSig) throw new Refusal('manifest', 'manifest.json is not followed by manifest.sig');
        const sig = Buffer.from((await readAll(entry)).toString('utf8').trim(), 'base64');
        if (!verifyBytes(decodeSigningKey(sender.signingKey), SIG_CONTEXT.manifest, manifestBytes, sig)) {
          throw new Refusal('manifest', `the manifest signature does not verify: manifest.json was altered, or not signed by ${sender.name}`);
        }
        manifest = parseVersioned(manifestBytes, 'manifest.json', 'manifest', 'cordon-manifest', manifestSchema);
        checkManifest(manifest, envelope, me);
        expected = manifest.files.map((f) => f.name);
        pass(steps, 'manifest', `The manifest is signed by ${sender.name} and matches the envelope.`);
        sink.begin(manifest);
        continue;
      }
      const index = expected.indexOf(entry.name);
      if (index !== next) throw new Refusal('files', `"${expected[next]}" is listed in the manifest but missing from the payload`);
      next++;
      await readFile(entry.name, entry.size, entry.body, manifest.files[index]!, sink, job);
    }
    if (streamError) throw streamError;
  } catch (err) {
    gunzip.destroy();
    await piping;
    if (err instanceof Refusal || err instanceof CordonError) throw err;
    throw new Refusal('decrypt', 'the payload is damaged: it could not be decrypted or decompressed to the end');
  }
  await piping;
  if (streamError) throw new Refusal('decrypt', 'the payload is damaged: it could not be decrypted or decompressed to the end');
  if (!manifest) throw new Refusal('manifest', 'the payload has no manifest');
  if (next < expected.length) throw new Refusal('files', `"${expected[next]}" is listed in the manifest but missing from the payload`);
  pass(steps, 'files', `Every file matches its SHA-256 in the manifest (${expected.join(', ')}); none missing, none extra.`);
  return manifest;
}

function checkManifest(m: Manifest, e: Envelope, me: OfficerView): void {
  const fail = (message: string) => new Refusal('manifest', message);
  if (m.packageId !== e.packageId) throw fail('the manifest belongs to another package than the envelope');
  if (m.kind !== e.kind) throw fail('the manifest and the envelope disagree on the kind of package');
  if (m.version !== e.version) throw fail(`the manifest (version ${m.version}) and the envelope (version ${e.version}) disagree on the format version`);
  if (m.sender.fingerprint !== e.sender.fingerprint || m.sender.bureau !== e.sender.bureau) throw fail('the manifest and the envelope name different senders');
  const a = [...m.recipients].sort().join();
  const b = e.recipients.map((r) => r.fingerprint).sort().join();
  if (a !== b) throw fail('the manifest and the envelope list different recipients');
  if (!m.recipients.includes(me.fingerprint)) throw fail('this workstation’s officer is not a listed recipient in the manifest');
  if (m.sequence[me.fingerprint] === undefined) throw fail('the manifest gives no sequence number for this recipient');
  const names = m.files.map((f) => f.name);
  const wanted: readonly string[] = m.kind === 'data' ? dataFilesFor(m.version) : RECEIPT_FILES;
  if (names.join() !== wanted.join()) {
    const missing = wanted.filter((n) => !names.includes(n));
    const extra = names.filter((n) => !wanted.includes(n));
    throw fail(
      missing.length
        ? `the manifest does not list ${missing.join(', ')}`
        : extra.length
          ? `the manifest lists ${extra.join(', ')}, which a ${m.kind} package does not contain`
          : `the manifest lists the files out of order (${names.join(', ')})`,
    );
  }
}

async function readFile(name: string, size: number, body: AsyncGenerator<Buffer>, listed: Manifest['files'][number], sink: PayloadSink, job?: Job): Promise<void> {
  const hash = createHash('sha256');
  let bytes = 0;
  const hashed = (async function* () {
    for await (const b of body) {
      hash.update(b);
      bytes += b.length;
      yield b;
    }
  })();
  // A bad line is reported only once the digest is known: a file that was altered is "altered",
  // not "line 12 is malformed".
  let lineError: Refusal | null = null;
  let n = 0;
  if (name === INNER.receipt) {
    const parts: Buffer[] = [];
    for await (const b of hashed) parts.push(b);
    if (bytes > 0 && hash.copy().digest('hex') === listed.sha256) {
      const parsed = parseJson(Buffer.concat(parts), 'receipt.json');
      const r = receiptSchema.safeParse(parsed);
      if (!r.success) lineError = new Refusal('content', `receipt.json is malformed (${describeIssues(r.error)})`);
      else sink.onReceipt(r.data);
    }
  } else {
    const schema = LINE_SCHEMAS[name as keyof typeof LINE_SCHEMAS];
    for await (const line of lines(hashed, () => new Refusal('content', `${name} line ${n + 1} is longer than ${LIMITS.lineBytes} bytes`))) {
      n++;
      if (lineError) continue;
      try {
        const r = schema.safeParse(parseJson(line, `${name} line ${n}`));
        if (!r.success) throw new Refusal('content', `${name} line ${n} is malformed (${describeIssues(r.error)})`);
        feed(sink, name, r.data, n);
      } catch (err) {
        if (!(err instanceof Refusal)) throw err;
        lineError = err;
      }
      if (n % 5000 === 0 && job) await job.checkpoint();
    }
  }
  if (bytes !== size || hash.digest('hex') !== listed.sha256) {
    throw new Refusal('files', `${name} does not match its SHA-256 in the manifest: it was altered`);
  }
  if (lineError) throw lineError;
  if (name !== INNER.receipt && n !== listed.lines) throw new Refusal('files', `${name} has ${n} lines but the manifest says ${listed.lines}`);
}

function parseJson(bytes: Buffer, what: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new Refusal('content', `${what} is not valid JSON`);
  }
}

function feed(sink: PayloadSink, name: string, data: unknown, n: number): void {
  switch (name) {
    case INNER.sources:
      return sink.source(data as SourceLine, n);
    case INNER.entities:
      return sink.entity(data as EntityLine, n);
    case INNER.retractions:
      return sink.retraction(data as RetractionLine, n);
    case INNER.statements:
      return sink.statement(data as StatementLine, n);
    case INNER.operations:
      return sink.operation(data as OperationLine, n);
  }
}
