import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counts, introduce, scratch, station, type Station } from './fixtures';
import { flip, openPackage, rawTar, reseal, untar } from './tamper';

// The "Bad input and attacks", each its own test: refused with a precise message, the
// package kept in quarantine, nothing written to the case, one audit row.

describe('package import refuses bad input and attacks', () => {
  const { root, cleanup } = scratch();
  let a: Station; // ES: the legitimate sender
  let b: Station; // FR: the recipient under attack
  let c: Station; // IT: a third bureau
  let aInB: string;
  let cInA: string;
  let good: string;
  let replayed: string;
  let bAge: string;
  const senders: Station[] = []; // one per signer test (below)

  beforeAll(async () => {
    a = await station(root, 'ES', 'Ana García');
    b = await station(root, 'FR', 'Benoît Martin');
    c = await station(root, 'IT', 'Carla Rossi');
    aInB = await introduce(a, b);
    const bInA = await introduce(b, a);
    cInA = await introduce(c, a);
    await introduce(b, c);
    bAge = b.officer.ageRecipient;
    const src = (await a.ok('source.create', { title: 'Intercept 4', scheme: 'eu4x4', grade: 'B2', tlp: 'AMBER' })).id;
    const p = (await a.ok('entity.create', { schema: 'Person', properties: { name: ['Iñaki Etxeberria'], phone: ['+34 600 123 456'] }, sourceId: src })).id;
    const o = (await a.ok('entity.create', { schema: 'Organization', properties: { name: ['Clan del Norte'] }, sourceId: src })).id;
    await a.ok('link.create', { schema: 'Membership', from: p, to: o, properties: { role: ['leader'] }, sourceId: src });
    good = join(root, 'good.cordonpkg');
    await a.ok('package.export', { path: good, to: [bInA], scope: { kind: 'all' } });
    replayed = join(root, 'replayed.cordonpkg');
    await a.ok('package.export', { path: replayed, to: [bInA], scope: { kind: 'all' } });
    await b.ok('package.import', { path: replayed, accept: 'all' });
  });
  afterAll(() => {
    for (const s of [a, b, c, ...senders]) s?.core.dispose();
    cleanup();
  });

  /** Everything in B's case except the audit log. */
  function state() {
    const h = createHash('sha256');
    for (const t of ['entities', 'links', 'statements', 'sources', 'officers', 'bureaus', 'projects', 'project_items', 'exchange_in', 'exchange_out', 'entity_search']) {
      h.update(JSON.stringify(b.case.db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()));
    }
    return { counts: counts(b.case), hash: h.digest('hex') };
  }

  async function expectRefused(path: string, step: string, message: RegExp, method: 'package.import' | 'package.verify' = 'package.import') {
    const before = state();
    const auditBefore = b.case.db.prepare('SELECT max(seq) FROM audit').pluck().get() as number;
    const bytes = readFileSync(path);
    const err = method === 'package.import' ? await b.fail('package.import', { path, accept: 'all' }) : await b.fail('package.verify', { path });
    expect(err.code).toBe('PACKAGE_REJECTED');
    expect(err.message).toMatch(message);
    const details = err.details as { step: string; quarantine: string; steps: Array<{ step: string; ok: boolean }> };
    expect(details.step).toBe(step);
    expect(details.steps.at(-1)).toMatchObject({ step, ok: false });
    // Quarantined: the exact bytes received, kept for inspection.
    expect(existsSync(details.quarantine)).toBe(true);
    expect(readFileSync(details.quarantine).equals(bytes)).toBe(true);
    // Nothing written to the case...
    expect(state()).toEqual(before);
    // ...except the audit row.
    const rows = b.case.db.prepare('SELECT action, detail FROM audit WHERE seq > ?').all(auditBefore) as Array<{ action: string; detail: string }>;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.action).toBe(method);
    expect(JSON.parse(rows[0]!.detail)).toMatchObject({ outcome: 'refused', step, quarantine: details.quarantine });
    expect(JSON.parse(rows[0]!.detail).reason).toMatch(message);
    expect((await b.ok('audit.verify', {})).ok).toBe(true);
    return err;
  }

  const file = (name: string) => join(root, name);

  it('the untouched package is accepted by verify (the attacks below are the only difference)', async () => {
    const preview = await b.ok('package.verify', { path: good });
    expect(preview.steps.every((s) => s.ok)).toBe(true);
    expect(preview.package.sender.id).toBe(aInB);
  });

  // Each signer test has its own sender, so B's trust in one (unknown, unverified, revoked) does not
  // depend on another test having run before it.
  async function sender(name: string, folder: string): Promise<{ s: Station; path: string }> {
    const s = await station(join(root, folder), 'IT', name);
    senders.push(s);
    const bInS = await introduce(b, s);
    await s.ok('source.create', { title: 'x', scheme: 'eu4x4', grade: 'A1' });
    const path = file(`from-${folder}.cordonpkg`);
    await s.ok('package.export', { path, to: [bInS], scope: { kind: 'all' } });
    return { s, path };
  }

  it('a package signed by an unknown key', async () => {
    const { path } = await sender('Chiara Bruno', 'unknown');
    await expectRefused(path, 'signer', /signed by an unknown key \([0-9A-F]{4}( [0-9A-F]{4}){15}\); import and verify the sender’s contact card first/);
  });

  it('a package signed by a known but unverified key', async () => {
    const { s, path } = await sender('Carla Rossi', 'unverified');
    await introduce(s, b, false);
    await expectRefused(path, 'signer', /signed by Carla Rossi \(IT, key .*\), but the key of Carla Rossi .* has not been verified/);
  });

  it('a package signed by a revoked key', async () => {
    const { s, path } = await sender('Carlo Verdi', 'revoked');
    const sInB = await introduce(s, b, false);
    await b.ok('officer.verify', { id: sInB, fingerprint: s.officer.fingerprintGroups });
    await b.ok('officer.revoke', { id: sInB, reason: 'laptop stolen' });
    await expectRefused(path, 'signer', /the key of Carlo Verdi .* was revoked on \d{4}-\d{2}-\d{2} \(laptop stolen\)/);
  });

  it('a flipped byte in the envelope', async () => {
    const outer = await untar(readFileSync(good));
    const env = outer.find((e) => e.name === 'envelope.json')!;
    env.data = flip(env.data, env.data.indexOf('"created":"') + '"created":"'.length);
    writeFileSync(file('flip-envelope.cordonpkg'), rawTar(outer));
    await expectRefused(file('flip-envelope.cordonpkg'), 'envelope-signature', /the envelope signature does not verify: envelope.json was altered, or not signed by Ana García/);
  });

  /** The good package with one byte of its encrypted payload flipped. */
  async function flippedPayload(): Promise<string> {
    const outer = await untar(readFileSync(good));
    const payload = outer.find((e) => e.name === 'payload.age')!;
    payload.data = flip(payload.data, payload.data.length - 20);
    writeFileSync(file('flip-payload.cordonpkg'), rawTar(outer));
    return file('flip-payload.cordonpkg');
  }

  it('a flipped byte in the payload', async () => {
    await expectRefused(await flippedPayload(), 'payload-digest', /payload.age does not match the SHA-256 in the signed envelope: the payload was altered/);
  });

  it('a flipped byte in the manifest (payload re-encrypted and envelope re-signed by the sender’s key)', async () => {
    const opened = await openPackage(good, b.case);
    const m = opened.inner.find((e) => e.name === 'manifest.json')!;
    m.data = flip(m.data, m.data.indexOf('"created":"') + '"created":"'.length);
    await reseal(file('flip-manifest.cordonpkg'), opened, { sender: a.case, ageRecipients: [bAge] });
    await expectRefused(file('flip-manifest.cordonpkg'), 'manifest', /the manifest signature does not verify: manifest.json was altered, or not signed by Ana García/);
  });

  it('a flipped byte in a file', async () => {
    const opened = await openPackage(good, b.case);
    const st = opened.inner.find((e) => e.name === 'statements.jsonl')!;
    st.data = flip(st.data, 'Clan del Norte');
    await reseal(file('flip-file.cordonpkg'), opened, { sender: a.case, ageRecipients: [bAge] });
    await expectRefused(file('flip-file.cordonpkg'), 'files', /statements.jsonl does not match its SHA-256 in the manifest: it was altered/);
  });

  it('a valid package addressed to someone else', async () => {
    await a.ok('package.export', { path: file('to-it.cordonpkg'), to: [cInA], scope: { kind: 'all' } });
    await expectRefused(file('to-it.cordonpkg'), 'recipient', /it is addressed to Carla Rossi \(IT\), not to this workstation’s officer Benoît Martin \(FR\)/);
  });

  it('a replayed package', async () => {
    await expectRefused(replayed, 'replay', /package [0-9a-f-]{36} was already imported on \d{4}-\d{2}-\d{2} \(a replay\)/);
  });

  it('a manifest that lists a file missing from the payload', async () => {
    const opened = await openPackage(good, b.case);
    opened.inner = opened.inner.filter((e) => e.name !== 'entities.ftm.jsonl');
    await reseal(file('missing.cordonpkg'), opened, { sender: a.case, ageRecipients: [bAge] });
    await expectRefused(file('missing.cordonpkg'), 'files', /"entities.ftm.jsonl" is listed in the manifest but missing from the payload/);
  });

  it('a payload with a file the manifest does not list', async () => {
    const opened = await openPackage(good, b.case);
    opened.inner.push({ name: 'notes.txt', data: Buffer.from('hello') });
    await reseal(file('extra.cordonpkg'), opened, { sender: a.case, ageRecipients: [bAge] });
    await expectRefused(file('extra.cordonpkg'), 'files', /the payload contains "notes.txt", which the manifest does not list/);
  });

  it('a path traversal name in the package tar (../../x)', async () => {
    const outer = await untar(readFileSync(good));
    writeFileSync(file('traversal.cordonpkg'), rawTar([{ name: '../../x', data: Buffer.from('owned') }, ...outer]));
    await expectRefused(file('traversal.cordonpkg'), 'structure', /the package: "..\/..\/x" points outside the package \(path traversal\)/);
  });

  it('a path traversal name inside the payload tar', async () => {
    const opened = await openPackage(good, b.case);
    opened.inner.splice(2, 0, { name: '../../x', data: Buffer.from('owned') });
    await reseal(file('traversal-inner.cordonpkg'), opened, { sender: a.case, ageRecipients: [bAge] });
    await expectRefused(file('traversal-inner.cordonpkg'), 'files', /the payload: "..\/..\/x" points outside the package \(path traversal\)/);
  });

  it('a tar bomb: a huge declared size in the package', async () => {
    const outer = await untar(readFileSync(good));
    const bomb = rawTar([...outer.filter((e) => e.name !== 'payload.age'), { name: 'payload.age', data: Buffer.alloc(0), declared: 8 * 1024 ** 3 - 1 }], { end: false });
    writeFileSync(file('bomb.cordonpkg'), bomb);
    await expectRefused(file('bomb.cordonpkg'), 'structure', /"payload.age" declares 8.0 GiB but only 0 bytes follow \(truncated, or a tar bomb\)/);
  });

  it('a tar bomb inside the payload: a file declaring more than its manifest entry', async () => {
    const opened = await openPackage(good, b.case);
    const head = rawTar(opened.inner.slice(0, 2), { end: false });
    const bomb = Buffer.concat([head, rawTar([{ name: 'sources.jsonl', data: Buffer.alloc(0), declared: 8 * 1024 ** 3 - 1 }], { end: false })]);
    await reseal(file('bomb-inner.cordonpkg'), opened, { sender: a.case, ageRecipients: [bAge], innerTar: bomb });
    await expectRefused(file('bomb-inner.cordonpkg'), 'files', /"sources.jsonl" declares 8.0 GiB, more than the limit of \d+(\.\d)? (bytes|KiB) \(a tar bomb\?\)/);
  });

  it('a package from a newer format version', async () => {
    const opened = await openPackage(good, b.case);
    await reseal(file('v3.cordonpkg'), opened, { sender: a.case, ageRecipients: [bAge], envelopeChanges: { version: 3 } });
    await expectRefused(file('v3.cordonpkg'), 'format', /the package is format version 3, newer than this Cordon reads \(version 2\); update Cordon to open it/);
  });

  it('package verify refuses the same way and writes only its audit row', async () => {
    await expectRefused(await flippedPayload(), 'payload-digest', /the payload was altered/, 'package.verify');
  });

  it('links and absolute paths in the package tar', async () => {
    const outer = await untar(readFileSync(good));
    writeFileSync(file('symlink.cordonpkg'), rawTar([{ name: 'envelope.json', data: Buffer.alloc(0), type: '2' }, ...outer.slice(1)]));
    await expectRefused(file('symlink.cordonpkg'), 'structure', /"envelope.json" is a symbolic link; only regular files are allowed/);
    writeFileSync(file('absolute.cordonpkg'), rawTar([{ name: '/etc/cron.d/x', data: Buffer.from('x') }, ...outer]));
    await expectRefused(file('absolute.cordonpkg'), 'structure', /"\/etc\/cron.d\/x" is an absolute path/);
  });
});
