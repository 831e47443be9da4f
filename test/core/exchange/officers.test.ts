import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintGroups } from '../../../electron/core/exchange/keys';
import { auditRows, introduce, scratch, station, type Station } from './fixtures';

// The directory: identities, signed contact cards, verification by fingerprint, revocation;
// private keys only inside the encrypted case.

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

describe('officers and contact cards', () => {
  const { root, cleanup } = scratch();
  let a: Station;
  let b: Station;

  beforeAll(async () => {
    a = await station(root, 'ES', 'Ana García');
    b = await station(root, 'FR', 'Benoît Martin');
  });
  afterAll(() => {
    a?.core.dispose();
    b?.core.dispose();
    cleanup();
  });

  it('init makes one identity of the case’s bureau, with a fingerprint in groups of four', async () => {
    expect(a.officer).toMatchObject({ self: true, status: 'self', bureau: { code: 'ES' }, languages: ['en'], signingKey: expect.stringMatching(/^ed25519:/), ageRecipient: expect.stringMatching(/^age1/) });
    expect(a.officer.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(a.officer.fingerprintGroups).toBe(fingerprintGroups(a.officer.fingerprint));
    expect(a.officer.fingerprintGroups).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){15}$/);
    expect((await a.fail('officer.init', { bureau: 'ES', name: 'Again' })).message).toBe('This case already has an officer identity.');
    expect((await b.fail('officer.init', { bureau: 'DE', name: 'X' })).message).toMatch(/belongs to bureau FR/);
  });

  it('private keys never leave the encrypted case: not in the card, not in any other file', async () => {
    const card = join(root, 'a-card.json');
    const r = await a.ok('officer.exportCard', { path: card });
    expect(r.fingerprint).toBe(a.officer.fingerprint);
    const keys = a.case.db.prepare('SELECT signing_private, age_private FROM identity_keys').get() as { signing_private: Buffer; age_private: Buffer };
    const secrets = [keys.signing_private.subarray(16), keys.age_private.subarray(16)];
    expect(secrets.every((s) => s.length === 32)).toBe(true);
    for (const f of walk(root)) {
      const bytes = readFileSync(f);
      for (const s of secrets) {
        expect(bytes.includes(s), f).toBe(false);
        expect(bytes.includes(Buffer.from(s.toString('base64'))), f).toBe(false);
        expect(bytes.includes(Buffer.from(s.toString('hex'))), f).toBe(false);
      }
    }
    const parsed = JSON.parse(readFileSync(card, 'utf8'));
    expect(Object.keys(parsed).sort()).toEqual(['card', 'fingerprint', 'signature']);
    expect(Object.keys(parsed.card.keys).sort()).toEqual(['age', 'signing']);
  });

  it('a partner’s card imports unverified; verification needs the right fingerprint; revocation sticks', async () => {
    const id = await introduce(a, b, false);
    let o = await b.ok('officer.get', { id });
    expect(o).toMatchObject({ status: 'unverified', self: false, name: 'Ana García', bureau: { code: 'ES', name: 'ES national bureau' }, fingerprint: a.officer.fingerprint });
    const wrong = a.officer.fingerprintGroups.replace(/^./, (ch) => (ch === 'A' ? 'B' : 'A'));
    expect((await b.fail('officer.verify', { id, fingerprint: wrong })).message).toMatch(/does not match the key of Ana García \(ES\); do not trust this key/);
    expect((await b.ok('officer.get', { id })).status).toBe('unverified');
    o = await b.ok('officer.verify', { id, fingerprint: a.officer.fingerprintGroups.toLowerCase() });
    expect(o).toMatchObject({ status: 'verified', verifiedBy: b.case.actor, verifiedAt: expect.any(String) });
    expect(JSON.parse(auditRows(b.case, 'officer.verify')[0]!.detail)).toEqual({ fingerprint: a.officer.fingerprint });
    o = await b.ok('officer.revoke', { id, reason: 'left the service' });
    expect(o).toMatchObject({ status: 'revoked', revokedReason: 'left the service' });
    expect((await b.fail('officer.verify', { id })).message).toMatch(/was revoked/);
    // Importing the same card again does not bring the key back.
    await introduce(a, b, true);
    expect((await b.ok('officer.get', { id })).status).toBe('revoked');
  });

  it('an altered card is refused: its self-signature no longer verifies', async () => {
    const card = join(root, 'a-card-2.json');
    await a.ok('officer.exportCard', { path: card });
    const parsed = JSON.parse(readFileSync(card, 'utf8'));
    parsed.card.officer.phone = '+33 1 00 00 00 00';
    writeFileSync(join(root, 'forged.json'), JSON.stringify(parsed));
    expect(await b.fail('officer.importCard', { path: join(root, 'forged.json') })).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Not a valid contact card: its self-signature does not verify (the card was altered).',
    });
    // Keys swapped for an attacker's, with the fingerprint left as it was.
    const other = JSON.parse(readFileSync(join(root, 'a-card.json'), 'utf8'));
    other.card.keys.age = b.officer.ageRecipient;
    writeFileSync(join(root, 'swapped.json'), JSON.stringify(other));
    expect((await b.fail('officer.importCard', { path: join(root, 'swapped.json') })).message).toMatch(/^Not a valid contact card: its self-signature does not verify/);
    parsed.card.version = 9;
    writeFileSync(join(root, 'v9.json'), JSON.stringify(parsed));
    expect((await b.fail('officer.importCard', { path: join(root, 'v9.json') })).message).toBe('Not a valid contact card: it is format version 9, newer than this Cordon reads (1); update Cordon.');
  });

  it('projects: name, scope, bureaus and contributed items', async () => {
    const p = await a.ok('project.create', { name: 'Operation Niebla', scope: 'Cocaine routes via Bilbao', bureaus: ['FR', 'IT'] });
    expect(p).toMatchObject({ name: 'Operation Niebla', bureaus: ['ES', 'FR', 'IT'], entities: 0, createdBy: 'ES' });
    const src = (await a.ok('source.create', { title: 'S', scheme: 'eu4x4', grade: 'B2' })).id;
    const e = (await a.ok('entity.create', { schema: 'Person', properties: { name: ['Jon'] }, sourceId: src })).id;
    await a.ok('project.addItems', { id: p.id, entityIds: [e], sourceIds: [src] });
    const detail = await a.ok('project.get', { id: p.id });
    expect(detail.items).toEqual([
      { kind: 'entity', id: e, caption: 'Jon', contributedBy: 'ES', addedAt: expect.any(String) },
      { kind: 'source', id: src, caption: 'S', contributedBy: 'ES', addedAt: expect.any(String) },
    ]);
    expect((await a.fail('project.addItems', { id: p.id, entityIds: ['ES-nope'] })).code).toBe('NOT_FOUND');
  });
});
