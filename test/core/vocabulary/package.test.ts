import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { counts, introduce, scratch, station } from '../exchange/fixtures';

// Packages do not carry type definitions yet (issue 24, docs/architecture.md §11): a package with an
// entity of the sender's own type is refused whole by a case that lacks the type, with the reason,
// and nothing of it is written. Built-in entities travel as before.

describe('a package and the sender\'s own types', () => {
  const { root, cleanup } = scratch();
  afterAll(cleanup);

  it('is refused, with the reason, by a case without the type; nothing is written', async () => {
    const a = await station(root, 'ES', 'Ana García');
    const b = await station(root, 'FR', 'Benoît Martin');
    try {
      const bInA = await introduce(b, a);
      await introduce(a, b);
      const t = await a.ok('type.add', { name: 'Safe house', kind: 'entity', parent: 'Address', properties: [{ name: 'Code name', datatype: 'identifier' }] });
      await a.ok('entity.create', { schema: t.id, properties: { 'Code name': ['KESTREL'], city: ['Bilbao'] } });
      await a.ok('entity.create', { schema: 'Person', properties: { name: ['Iñaki Etxeberria'] } });
      const pkg = join(root, 'to-fr.cordonpkg');
      await a.ok('package.export', { path: pkg, to: [bInA], scope: { kind: 'all' } });
      const before = counts(b.case);
      const err = await b.fail('package.import', { path: pkg, accept: 'all' });
      expect(err.code).toBe('PACKAGE_REJECTED');
      expect(err.message).toMatch(/of a type of the sender's own case \(T_[0-9a-f]{12}\).*packages do not carry type definitions yet/);
      expect(counts(b.case)).toEqual(before);
    } finally {
      a.core.dispose();
      b.core.dispose();
    }
  });
});
