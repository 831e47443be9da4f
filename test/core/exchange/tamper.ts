import { Decrypter, Encrypter } from 'age-encryption';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as tar from 'tar-stream';
import { loadAgeIdentity, loadSigner } from '../../../electron/core/exchange/directory';
import { SIG_CONTEXT } from '../../../electron/core/exchange/format';
import { signBytes } from '../../../electron/core/exchange/keys';
import { canonicalJson } from '../../../electron/core/store/audit';
import type { Case } from '../../../electron/core/store/case';
import { createHash } from 'node:crypto';

// An attacker's (or a careless tool's) workbench: take a real package apart, change it, put it
// back together. Reading uses tar-stream (not the product's reader); writing builds ustar headers
// by hand so that any name, type or declared size can be produced.

export interface RawEntry {
  name: string;
  data: Buffer;
  /** Declared size, when it should differ from the data (a tar bomb). */
  declared?: number;
  /** Typeflag: '0' file, '1' hard link, '2' symlink, '5' directory. */
  type?: string;
}

function header(e: RawEntry): Buffer {
  const h = Buffer.alloc(512);
  h.write(e.name, 0, 100, 'utf8');
  h.write('0000644\0', 100, 'latin1');
  h.write('0000000\0', 108, 'latin1');
  h.write('0000000\0', 116, 'latin1');
  h.write(`${(e.declared ?? e.data.length).toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  h.write('00000000000\0', 136, 'latin1');
  h.write('        ', 148, 'latin1');
  h.write(e.type ?? '0', 156, 'latin1');
  if (e.type === '2' || e.type === '1') h.write('/etc/passwd', 157, 'utf8');
  h.write('ustar\0', 257, 'latin1');
  h.write('00', 263, 'latin1');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}

export function rawTar(entries: RawEntry[], opts: { end?: boolean } = {}): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    parts.push(header(e), e.data);
    const pad = (512 - (e.data.length % 512)) % 512;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  if (opts.end !== false) parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

export async function untar(buf: Buffer): Promise<RawEntry[]> {
  const ex = tar.extract();
  const out: RawEntry[] = [];
  const done = (async () => {
    for await (const entry of ex) {
      const chunks: Buffer[] = [];
      for await (const c of entry) chunks.push(c as Buffer);
      out.push({ name: entry.header.name, data: Buffer.concat(chunks) });
    }
  })();
  ex.end(buf);
  await done;
  return out;
}

export interface Opened {
  outer: RawEntry[];
  envelope: Record<string, unknown>;
  inner: RawEntry[];
}

/** Opens a package with the recipient's key (from its case). */
export async function openPackage(path: string, recipient: Case): Promise<Opened> {
  const outer = await untar(readFileSync(path));
  const payload = outer.find((e) => e.name === 'payload.age')!.data;
  const d = new Decrypter();
  d.addIdentity(await loadAgeIdentity(recipient.db));
  const inner = await untar(gunzipSync(await d.decrypt(payload)));
  return { outer, envelope: JSON.parse(outer.find((e) => e.name === 'envelope.json')!.data.toString('utf8')) as Record<string, unknown>, inner };
}

/**
 * Puts a package back together: the inner entries tarred, gzipped and encrypted to `ageRecipients`,
 * a new envelope (with `envelopeChanges`) naming the new payload, signed with the sender's key.
 */
export async function reseal(
  path: string,
  opened: Opened,
  opts: { sender: Case; ageRecipients: string[]; envelopeChanges?: Record<string, unknown>; innerTar?: Buffer },
): Promise<void> {
  const e = new Encrypter();
  for (const r of opts.ageRecipients) e.addRecipient(r);
  const payload = Buffer.from(await e.encrypt(gzipSync(opts.innerTar ?? rawTar(opened.inner))));
  const envelope = {
    ...opened.envelope,
    payload: { ...(opened.envelope.payload as object), size: payload.length, sha256: createHash('sha256').update(payload).digest('hex') },
    ...opts.envelopeChanges,
  };
  const envelopeBytes = Buffer.from(canonicalJson(envelope), 'utf8');
  const sig = Buffer.from(signBytes(loadSigner(opts.sender.db).key, SIG_CONTEXT.envelope, envelopeBytes).toString('base64'));
  writeFileSync(path, rawTar([{ name: 'envelope.json', data: envelopeBytes }, { name: 'envelope.sig', data: sig }, { name: 'payload.age', data: payload }]));
}

/** Flips one bit of the byte at `at` (a position, or the first occurrence of a string). */
export function flip(buf: Buffer, at: number | string): Buffer {
  const copy = Buffer.from(buf);
  const i = typeof at === 'number' ? at : copy.indexOf(at);
  if (i < 0) throw new Error(`"${String(at)}" not found`);
  copy[i] = copy[i]! ^ 1;
  return copy;
}
