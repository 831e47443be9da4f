import { describe, expect, it } from 'vitest';
import { CDR, commsCase, commsCounts, writeFile } from './support';

// comms.fold, "show people, not phones": a phone with one user folds into that user and the
// calls among the chart's phones become Call edges between the users; a phone of several users
// and a call between two phones of one person are not drawn as a link between people.

const A = 'phone-33612345678';
const B = 'phone-33698765432';
const C = 'phone-33766666666';

async function withUsers() {
  const oc = await commsCase();
  await oc.core.ok('comms.importCdr', { path: writeFile(oc.dir, 'cdr.csv', `${CDR}\n`) });
  const src = await oc.core.ok('source.create', { title: 'Subscriber check', scheme: 'eu4x4', grade: 'B2' });
  const person = async (name: string) => (await oc.core.ok('entity.create', { schema: 'Person', properties: { name: [name] }, sourceId: src.id })).id;
  const uses = (from: string, to: string) => oc.core.ok('link.create', { schema: 'UsesPhone', from, to, properties: {}, sourceId: src.id });
  return { ...oc, person, uses };
}

describe('comms.fold (people, not phones)', () => {
  it('folds each phone into its one user and carries the calls over, summed per pair of people', async () => {
    const { core, person, uses } = await withUsers();
    const marc = await person('Marc Dubois');
    const lea = await person('Léa Martin');
    await uses(marc, A);
    await uses(lea, B);
    await uses(lea, C);
    const f = await core.ok('comms.fold', { phoneIds: [A, B, C] });
    expect(f.users.map((u) => [u.phone, u.user.caption]).sort()).toEqual([
      [A, 'Marc Dubois'],
      [B, 'Léa Martin'],
      [C, 'Léa Martin'],
    ]);
    expect(f.shared).toEqual([]);
    // The CDR: A→B call + SMS, B→A call, A→C call, C→B call (both Léa's: not a link between people).
    const byPair = Object.fromEntries(f.edges.map((e) => [`${e.source}>${e.target}`, e]));
    expect(Object.keys(byPair).sort()).toEqual([`${lea}>${marc}`, `${marc}>${lea}`].sort());
    expect(byPair[`${marc}>${lea}`]).toMatchObject({ schema: 'Call', strength: 3, label: '2 calls · 1 SMS', start: '2024-03-01T09:00:00Z', directed: true });
    expect(byPair[`${lea}>${marc}`]).toMatchObject({ strength: 1, label: '1 call' });
  });

  it('a phone of several users, or of none, stays a phone; its calls go to the other end’s user', async () => {
    const { core, person, uses } = await withUsers();
    const marc = await person('Marc Dubois');
    const lea = await person('Léa Martin');
    const paul = await person('Paul Girard');
    await uses(marc, A);
    await uses(lea, B);
    await uses(paul, B);
    const f = await core.ok('comms.fold', { phoneIds: [A, B, C] });
    expect(f.users.map((u) => u.phone)).toEqual([A]);
    expect(f.shared).toEqual([B]);
    const pairs = f.edges.map((e) => `${e.source}>${e.target}`).sort();
    // B and C do not fold: Marc's calls to and from them, and nothing between B and C.
    expect(pairs).toEqual([`${B}>${marc}`, `${marc}>${B}`, `${marc}>${C}`].sort());
  });

  it('bad inputs: an empty or overlong id, not a list; nothing written; unknown ids fold nothing', async () => {
    const { core, db } = await withUsers();
    const before = commsCounts(db());
    expect((await core.fail('comms.fold', { phoneIds: ['  '] })).code).toBe('INVALID_INPUT');
    expect((await core.fail('comms.fold', { phoneIds: ['x'.repeat(201)] })).code).toBe('INVALID_INPUT');
    expect((await core.fail('comms.fold', { phoneIds: 'x' as never })).code).toBe('INVALID_INPUT');
    expect(await core.ok('comms.fold', { phoneIds: ['phone-999', A] })).toEqual({ users: [], shared: [], edges: [] });
    expect(commsCounts(db())).toEqual(before);
  });
});
