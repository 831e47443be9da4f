import { describe, expect, it } from 'vitest';
import { openCase } from './support';

describe('match.cluster captions', () => {
  it('each member carries its own caption; the cluster carries the merged one', async () => {
    const { core } = await openCase();
    const src = (await core.ok('source.create', { title: 'R', scheme: 'eu4x4', grade: 'B2' })).id;
    const mk = async (name: string) => (await core.ok('entity.create', { schema: 'Person', properties: { name: [name] }, sourceId: src })).id;
    const a = await mk('Marco Belini');
    const b = await mk('Marco Bellini');
    const merged = await core.ok('match.judge', { a, b, decision: 'same' });
    const own = Object.fromEntries(merged.members.map((m) => [m.id, m.caption]));
    expect(own).toEqual({ [a]: 'Marco Belini', [b]: 'Marco Bellini' });
    const again = await core.ok('match.cluster', { id: b });
    expect(Object.fromEntries(again.members.map((m) => [m.id, m.caption]))).toEqual({ [a]: 'Marco Belini', [b]: 'Marco Bellini' });
    expect(['Marco Belini', 'Marco Bellini']).toContain(again.caption);
    expect(again.members).toHaveLength(2);
  });
});
