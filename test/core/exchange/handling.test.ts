import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withholdSource } from '../../../electron/core/store/handling';
import { auditRows, introduce, scratch, station, type Station } from './fixtures';
import { openPackage } from './tamper';

// The handling review withholds what the rules forbid, one test per rule, and the written package
// really does not contain it (opened here with the recipient's key).

describe('handling rules on export', () => {
  const { root, cleanup } = scratch();
  let a: Station;
  let b: Station;
  let bInA: string;
  let n = 0;

  beforeAll(async () => {
    a = await station(root, 'ES', 'Ana García');
    b = await station(root, 'FR', 'Benoît Martin');
    bInA = await introduce(b, a);
    await introduce(a, b);
  });
  afterAll(() => {
    a?.core.dispose();
    b?.core.dispose();
    cleanup();
  });

  /** A person known from a withheld source and one from a clean source; exports both. */
  async function exportWith(source: Record<string, unknown>, opts: { originator?: string } = {}) {
    const bad = (await a.ok('source.create', { title: `Restricted ${++n}`, scheme: 'eu4x4', grade: 'B2', ...source } as never)).id;
    if (opts.originator) a.case.db.prepare('UPDATE sources SET originator = ? WHERE id = ?').run(opts.originator, bad);
    const clean = (await a.ok('source.create', { title: `Open ${n}`, scheme: 'eu4x4', grade: 'B2', tlp: 'GREEN' })).id;
    const secret = (await a.ok('entity.create', { schema: 'Person', properties: { name: [`Secret Person ${n}`] }, sourceId: bad })).id;
    const known = (await a.ok('entity.create', { schema: 'Person', properties: { name: [`Known Person ${n}`] }, sourceId: clean })).id;
    await a.ok('entity.update', { id: known, add: [{ prop: 'alias', value: `Hidden Alias ${n}` }], sourceId: bad });
    const path = join(root, `pkg-${n}.cordonpkg`);
    const scope = { kind: 'entities' as const, ids: [secret, known] };
    const review = await a.ok('package.review', { to: [bInA], scope });
    const exported = await a.ok('package.export', { path, to: [bInA], scope });
    expect(exported.review).toEqual(review);
    const opened = await openPackage(path, b.case);
    const text = opened.inner.map((e) => e.data.toString('utf8')).join('\n');
    return { bad, clean, secret, known, review, text, exported };
  }

  function expectWithheld(r: Awaited<ReturnType<typeof exportWith>>, rule: string, reason: RegExp) {
    expect(r.review.withheld.items).toEqual([
      { kind: 'source', id: r.bad, caption: expect.stringMatching(/^Restricted/), rule, reason: expect.stringMatching(reason) },
      { kind: 'entity', id: r.secret, caption: expect.stringMatching(/^Secret Person/), rule: 'NO_RELEASABLE_STATEMENTS', reason: 'everything known about it comes from withheld sources' },
    ]);
    expect(r.review.withheld).toMatchObject({ sources: 1, entities: 1, statements: 2 });
    expect(r.review.included).toMatchObject({ entities: 1, sources: 1, statements: 1 });
    expect(r.review.highest.tlp).toBe('GREEN');
    // Not in the package, in any file.
    expect(r.text).not.toContain(r.secret);
    expect(r.text).not.toContain(r.bad);
    expect(r.text).not.toMatch(/Secret Person|Hidden Alias|Restricted/);
    expect(r.text).toContain(r.known);
    // The audit row says what was withheld and why.
    const audit = JSON.parse(auditRows(a.case, 'package.export').at(-1)!.detail);
    expect(audit.withheld.items).toEqual(expect.arrayContaining([{ kind: 'source', id: r.bad, rule, reason: expect.stringMatching(reason) }]));
    expect(audit.to[0]).toMatchObject({ id: bInA, bureau: 'FR' });
  }

  it('EU H2 ("not to be disseminated") is withheld', async () => {
    expectWithheld(await exportWith({ handling: 'H2' }), 'H2', /^EU handling code H2: not to be disseminated without the permission of the originator \(ES\)$/);
  });

  it('TLP:RED received from another bureau is never passed on', async () => {
    expectWithheld(await exportWith({ tlp: 'RED', restrictedTo: ['FR'] }, { originator: 'DE' }), 'TLP_RED', /^TLP:RED information received from DE may not be passed on$/);
  });

  it('our own TLP:RED goes only to bureaus the source names', async () => {
    expectWithheld(await exportWith({ tlp: 'RED' }), 'TLP_RED', /^TLP:RED is for named recipients only, and FR is not named on the source$/);
    const named = await exportWith({ tlp: 'RED', restrictedTo: ['FR'] });
    expect(named.review.withheld.items).toEqual([]);
    expect(named.review.highest.tlp).toBe('RED');
    expect(named.text).toContain(named.secret);
  });

  it('a source restricted to other bureaus is withheld', async () => {
    expectWithheld(await exportWith({ restrictedTo: ['DE', 'IT'] }), 'RESTRICTED', /^restricted to DE, IT; not releasable to FR$/);
  });

  it('a link is withheld when an endpoint is withheld, or when only withheld sources report it', async () => {
    const bad = (await a.ok('source.create', { title: 'H2 report', scheme: 'eu4x4', grade: 'B2', handling: 'H2' })).id;
    const clean = (await a.ok('source.create', { title: 'Open', scheme: 'eu4x4', grade: 'B2' })).id;
    const p1 = (await a.ok('entity.create', { schema: 'Person', properties: { name: ['Linked One'] }, sourceId: clean })).id;
    const p2 = (await a.ok('entity.create', { schema: 'Person', properties: { name: ['Linked Two'] }, sourceId: bad })).id;
    const p3 = (await a.ok('entity.create', { schema: 'Person', properties: { name: ['Linked Three'] }, sourceId: clean })).id;
    const l12 = (await a.ok('link.create', { schema: 'Associate', from: p1, to: p2, sourceId: clean })).id;
    const l13 = (await a.ok('link.create', { schema: 'Associate', from: p1, to: p3, sourceId: bad })).id;
    const review = await a.ok('package.review', { to: [bInA], scope: { kind: 'entities', ids: [p1, p2, p3] } });
    const items = review.withheld.items.filter((i) => i.kind === 'link');
    expect(items).toEqual([
      expect.objectContaining({ id: [l12, l13].sort()[0], rule: [l12, l13].sort()[0] === l12 ? 'ENDPOINT_WITHHELD' : 'NO_RELEASABLE_STATEMENTS' }),
      expect.objectContaining({ id: [l12, l13].sort()[1], rule: [l12, l13].sort()[1] === l12 ? 'ENDPOINT_WITHHELD' : 'NO_RELEASABLE_STATEMENTS' }),
    ]);
    expect(items.find((i) => i.id === l12)!.reason).toBe(`its endpoint ${p2} is withheld`);
    expect(items.find((i) => i.id === l13)!.reason).toBe('the link is reported only by withheld sources');
    expect(review.included).toMatchObject({ entities: 2, links: 0 });
  });

  it('sending to an unverified or revoked officer is refused before anything is written', async () => {
    const c = await station(root, 'IT', 'Carla Rossi');
    try {
      const cInA = await introduce(c, a, false);
      const err = await a.fail('package.export', { path: join(root, 'never.cordonpkg'), to: [cInA], scope: { kind: 'all' } });
      expect(err).toMatchObject({ code: 'CONSTRAINT', message: expect.stringMatching(/^Cannot send to Carla Rossi: the key of Carla Rossi .* has not been verified/) });
    } finally {
      c.core.dispose();
    }
  });

  it('the rules as a table (the unit under the export)', () => {
    const s = { id: 's', title: 't', scheme: 'eu4x4', handling: null, tlp: null, originator: 'ES', restrictedTo: [] as string[] };
    expect(withholdSource(s, ['FR'], 'ES')).toBeNull();
    expect(withholdSource({ ...s, handling: 'H3' }, ['FR'], 'ES')).toBeNull();
    expect(withholdSource({ ...s, handling: 'H2' }, ['FR'], 'ES')?.rule).toBe('H2');
    expect(withholdSource({ ...s, restrictedTo: ['FR'] }, ['FR', 'DE'], 'ES')?.reason).toBe('restricted to FR; not releasable to DE');
    // The originator of a restricted source may always have it back.
    expect(withholdSource({ ...s, originator: 'DE', restrictedTo: ['FR'] }, ['DE'], 'ES')).toBeNull();
    expect(withholdSource({ ...s, tlp: 'AMBER+STRICT' }, ['FR'], 'ES')).toBeNull();
  });
});
