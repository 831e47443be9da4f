import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, testCore } from '../helpers';

// FtM has no schema for a case's own type (issue 24): it goes out as its built-in parent's, with
// the type's name and its own properties kept in notes.

describe('FtM export of a case type', () => {
  it('maps the type to its parent schema and keeps its name and own properties', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    await core.ok('case.create', { path: join(dir, 'f.cordon'), passphrase: 'pw for ftm types', name: 'F', bureau: 'BE' });
    const t = await core.ok('type.add', { name: 'Safe house', kind: 'entity', parent: 'Address', properties: [{ name: 'Code name', datatype: 'identifier' }] });
    const { id } = await core.ok('entity.create', { schema: t.id, properties: { 'Code name': ['KESTREL'], city: ['Gent'] } });
    const out = join(dir, 'out.ftm.jsonl');
    await core.ok('export.run', { path: out, format: 'ftm', includeRestricted: true });
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; schema: string; properties: Record<string, string[]> });
    const line = lines.find((l) => l.id === id)!;
    expect(line.schema).toBe('Address');
    expect(line.properties.city).toEqual(['Gent']);
    expect(line.properties.notes).toEqual(expect.arrayContaining(['Cordon type: Safe house', 'Code name: KESTREL']));
    expect(Object.keys(line.properties).some((k) => k.startsWith('p_'))).toBe(false);
  });
});
