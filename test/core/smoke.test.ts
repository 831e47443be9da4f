import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, testCore } from './helpers';

describe('smoke', () => {
  it('creates a case, adds a person, finds it', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const info = await core.ok('case.create', { path: join(dir, 'a.cordon'), passphrase: 'correct horse', name: 'Test', bureau: 'it' });
    expect(info.bureau).toBe('IT');
    const src = await core.ok('source.create', { title: 'Report 1', scheme: 'eu4x4', grade: 'b2', handling: 'H1' });
    const p = await core.ok('entity.create', { schema: 'Person', properties: { name: ['Zoë Ćirić'] }, sourceId: src.id });
    const found = await core.ok('search', { query: 'zoe ciric' });
    expect(found.map((r) => r.id)).toEqual([p.id]);
    const detail = await core.ok('entity.get', { id: p.id });
    expect(detail.properties.name?.[0]?.source?.grade).toBe('B2');
  });
});
