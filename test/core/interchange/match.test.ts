import { describe, expect, it } from 'vitest';
import { foldName, jaroWinkler } from '../../../electron/core/interchange/match/fold';
import { loadSpec } from '../../../electron/core/interchange/handlers';
import { fixture, openCase } from './support';

describe('name folding and similarity', () => {
  it('joins particles, folds accents, transliterates other scripts', () => {
    expect(foldName('Nabil al-Marabh').compact).toBe(foldName('Nabil Almarabh').compact);
    expect(foldName('Mounir El Motassadeq ').tokens).toEqual(['mounir', 'elmotassadeq']);
    expect(foldName('Иван Петров')).toMatchObject({ tokens: ['ivan', 'petrov'], script: 'Cyrillic' });
    expect(foldName('Γιώργος Παπαδόπουλος').script).toBe('Greek');
    expect(foldName('王小明').tokens.join(' ')).toBe('wang xiao ming');
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });
});

describe('finding the same entity twice', () => {
  it('Krebs 9/11: the duplicate spelling of Nabil al-Marabh is the top candidate; the trailing space merged on import', async () => {
    const { core } = await openCase('US');
    const r = await core.ok('import.run', { path: fixture('krebs911-edgelist.csv'), format: 'csv', spec: loadSpec(fixture('krebs911.spec.json')) });
    expect(r.skipped).toBe(0);
    const people = await core.ok('entity.list', { schema: 'Person', limit: 1000 });
    expect(people.items.filter((p) => p.caption.startsWith('Mounir El Motassadeq'))).toHaveLength(1);
    const candidates = await core.ok('match.candidates', { limit: 10 });
    const top = candidates[0]!;
    expect([top.a.caption, top.b.caption].sort()).toEqual(['Nabil Almarabh', 'Nabil al-Marabh']);
    expect(top.score).toBeGreaterThanOrEqual(0.95);
    expect(top.reasons).toContain('names the same once folded');
  });

  it('judgements: same merges through the canonical id, split undoes it, not same stops the suggestion', async () => {
    const { core } = await openCase();
    const src = (await core.ok('source.create', { title: 'R', scheme: 'eu4x4', grade: 'B2' })).id;
    const mk = async (props: Record<string, string[]>) => (await core.ok('entity.create', { schema: 'Person', properties: props, sourceId: src })).id;
    const a = await mk({ name: ['Ivan Petrov'], birthDate: ['1975-03-02'], passportNumber: ['753123456'] });
    const b = await mk({ name: ['Иван Петров'], passportNumber: ['753123456'], phone: ['+7 916 000 1122'] });
    const c = await mk({ name: ['Ivan Petrova'], birthDate: ['1990-01-01'] });
    const d = await mk({ name: ['Jean Dupont'], nationality: ['fr'] });
    const e = await mk({ name: ['Jean Dupont'], nationality: ['be'] });
    const all = await core.ok('match.candidates', { minScore: 0.5 });
    const pair = (x: string, y: string) => all.find((m) => [m.a.id, m.b.id].sort().join() === [x, y].sort().join());
    expect(pair(a, b)!.reasons).toEqual(expect.arrayContaining(['same passport number', expect.stringMatching(/Cyrillic "Иван Петров"/)]));
    expect(pair(a, c)!.reasons).toContain('birth year differs');
    expect(pair(a, c)!.score).toBeLessThan(pair(a, b)!.score);
    expect(pair(d, e)!.reasons).toContain('countries differ (fr / be)');
    const merged = await core.ok('match.judge', { a, b, decision: 'same', score: pair(a, b)!.score, reasons: pair(a, b)!.reasons });
    expect(merged.canonicalId).toBe([a, b].sort()[0]);
    expect(merged.members.map((m) => m.id).sort()).toEqual([a, b].sort());
    expect(Object.keys(merged.properties).sort()).toEqual(['birthDate', 'name', 'passportNumber', 'phone']);
    expect(merged.properties.phone![0]).toMatchObject({ entityId: b, value: '+79160001122' });
    // A third record joins the cluster; the pair in a cluster is no longer a candidate.
    await core.ok('match.judge', { a: c, b, decision: 'same' });
    expect((await core.ok('match.cluster', { id: a })).members).toHaveLength(3);
    expect((await core.ok('match.candidates', { minScore: 0 })).some((m) => [m.a.id, m.b.id].includes(a) && [m.a.id, m.b.id].includes(b))).toBe(false);
    // Split c out: a and b stay together.
    const afterSplit = await core.ok('match.split', { id: c });
    expect(afterSplit).toMatchObject({ canonicalId: null, members: [{ id: c }] });
    expect((await core.ok('match.cluster', { id: a })).members.map((m) => m.id).sort()).toEqual([a, b].sort());
    // Split b: nothing is left merged, and no statement moved.
    await core.ok('match.split', { id: b });
    expect((await core.ok('match.cluster', { id: a })).canonicalId).toBeNull();
    expect(Object.keys((await core.ok('entity.get', { id: a })).properties).sort()).toEqual(['birthDate', 'name', 'passportNumber']);
    // Not the same: never suggested again.
    await core.ok('match.judge', { a: d, b: e, decision: 'not_same' });
    expect((await core.ok('match.candidates', { minScore: 0 })).some((m) => [m.a.id, m.b.id].sort().join() === [d, e].sort().join())).toBe(false);
    await core.ok('match.judge', { a, b: c, decision: 'unsure' });
    expect((await core.ok('match.candidates', { entityId: a, minScore: 0 })).find((m) => [m.a.id, m.b.id].includes(c))!.judgement).toBe('unsure');
    const log = await core.ok('audit.list', { limit: 20 });
    expect(log.rows.filter((r) => r.action === 'match.split')).toHaveLength(2);
    expect(await core.ok('audit.verify', {})).toMatchObject({ ok: true });
    expect((await core.fail('match.judge', { a, b: a, decision: 'same' })).code).toBe('INVALID_INPUT');
  });

  it('an export merges a cluster into one entity with the statements of all its members', async () => {
    const { core, dir } = await openCase();
    const a = (await core.ok('entity.create', { schema: 'Person', properties: { name: ['Nabil al-Marabh'] } })).id;
    const b = (await core.ok('entity.create', { schema: 'Person', properties: { name: ['Nabil Almarabh'], phone: ['+1 555 0100'] } })).id;
    const c = (await core.ok('entity.create', { schema: 'Person', properties: { name: ['Raed Hijazi'] } })).id;
    await core.ok('link.create', { schema: 'Associate', from: b, to: c, properties: {} });
    await core.ok('match.judge', { a, b, decision: 'same' });
    const { readFileSync } = await import('node:fs');
    const out = `${dir}/merged.ftm.jsonl`;
    const r = await core.ok('export.run', { path: out, format: 'ftm' });
    expect(r).toMatchObject({ entities: 2, links: 1 });
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const nabil = lines.find((l) => l.properties.name?.includes('Nabil al-Marabh'));
    expect(nabil.properties.name.sort()).toEqual(['Nabil Almarabh', 'Nabil al-Marabh']);
    expect(lines.find((l) => l.schema === 'Associate').properties.person).toEqual([nabil.id]);
  });
});
