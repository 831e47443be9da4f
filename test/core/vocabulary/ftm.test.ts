import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, testCore } from '../helpers';

// FtM has no schema for a case's own type (issue 24): it goes out as its built-in parent's, with
// the type's name and its own properties kept in notes; read back, the type is found by its name.

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

    // Read back into another case: the type is found again by its name (defined there under the
    // same parent); its own properties stay notes (FtM has no place for them).
    const dir2 = tempDir();
    const other = testCore(dir2);
    await other.ok('case.create', { path: join(dir2, 'g.cordon'), passphrase: 'pw for ftm types', name: 'G', bureau: 'NL' });
    await other.ok('import.run', { path: out, format: 'ftm' });
    const types = (await other.ok('type.list', {})).filter((x) => !x.builtin);
    expect(types.map((x) => [x.name, x.parent])).toEqual([['Safe house', 'Address']]);
    const back = (await other.ok('entity.list', { schema: types[0]!.id })).items;
    expect(back.map((x) => x.caption)).toEqual(['Gent']);
    const e = await other.ok('entity.get', { id: back[0]!.id });
    expect(e.properties.notes!.map((n) => n.value)).toEqual(['Code name: KESTREL']);
  });
});
