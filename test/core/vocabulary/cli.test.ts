import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliRunner } from '../cli-io';
import { tempDir } from '../helpers';

// `cordon type add|list|remove`, and entity/link add with a case's own type (issue 24).

describe('cordon type', () => {
  it('adds, lists and removes a type; entity add and link add take it by name and check its properties', async () => {
    const dir = tempDir();
    const run = cliRunner({ CORDON_PASSPHRASE: 'cli types pass', CORDON_DATA_DIR: join(dir, 'data') });
    const file = join(dir, 'c.cordon');
    expect((await run('case', 'create', file, '--bureau', 'be', '--name', 'Types')).code).toBe(0);
    const added = await run('type', 'add', file, '--name', 'Safe house', '--kind', 'entity', '--parent', 'Address', '--prop', 'code:identifier:required:identifies', '--prop', 'status:enum=active|burnt', '--prop', 'rooms:number', '--color', '#aa3300', '--icon', 'home', '--label', '{code} ({city})', '--json');
    expect(added.code).toBe(0);
    const { id, name } = JSON.parse(added.out) as { id: string; name: string };
    expect(name).toBe('Safe house');
    const listed = JSON.parse((await run('type', 'list', file, '--json')).out) as { types: Array<{ name: string; kind: string; parent: string | null; builtin: boolean; properties: Array<{ name: string; datatype: string; required: boolean; identifies: boolean; inherited: boolean }> }> };
    expect(listed.types.find((t) => t.name === 'Person')).toMatchObject({ builtin: true, kind: 'entity' });
    const mine = listed.types.find((t) => t.name === 'Safe house')!;
    expect(mine).toMatchObject({ kind: 'entity', parent: 'Address', builtin: false });
    expect(mine.properties.filter((p) => !p.inherited)).toEqual([
      { id: expect.stringMatching(/^p_/), name: 'code', datatype: 'identifier', required: true, identifies: true, inherited: false },
      { id: expect.stringMatching(/^p_/), name: 'status', datatype: 'enum', values: ['active', 'burnt'], required: false, identifies: false, inherited: false },
      { id: expect.stringMatching(/^p_/), name: 'rooms', datatype: 'number', required: false, identifies: false, inherited: false },
    ]);
    expect((await run('type', 'list', file)).out).toMatch(/Safe house\tentity\tparent Address/);

    const house = await run('entity', 'add', file, '--schema', 'safe house', '--prop', 'code=KESTREL', '--prop', 'city=Gent', '--json');
    expect(house.code).toBe(0);
    const hid = JSON.parse(house.out).id as string;
    const shown = JSON.parse((await run('entity', 'show', file, hid, '--json')).out);
    expect(shown).toMatchObject({ schema: id, caption: 'KESTREL (Gent)' });
    // A value that does not fit: exit 4, the property named.
    const bad = await run('entity', 'add', file, '--schema', 'Safe house', '--prop', 'code=OWL', '--prop', 'rooms=several');
    expect(bad.code).toBe(4);
    expect(bad.err).toMatch(/rooms: "several" is not a number/);
    const badEnum = await run('entity', 'add', file, '--schema', 'Safe house', '--prop', 'code=OWL', '--prop', 'status=abandoned');
    expect(badEnum.code).toBe(4);
    expect(badEnum.err).toMatch(/status: "abandoned" is not one of active, burnt/);
    expect((await run('entity', 'add', file, '--schema', 'Safe house', '--prop', 'city=Gent')).err).toMatch(/code is required/);

    // A link type of the case, by name.
    expect((await run('type', 'add', file, '--name', 'Guards', '--kind', 'link', '--parent', 'UnknownLink', '--prop', 'shift:text')).code).toBe(0);
    const guard = (await run('entity', 'add', file, '--schema', 'Person', '--prop', 'name=G. Uard')).out.trim();
    const link = await run('link', 'add', file, '--schema', 'Guards', '--from', guard, '--to', hid, '--prop', 'shift=night', '--json');
    expect(link.code).toBe(0);
    const analyzed = await run('analyze', file, '--measure', 'degree', '--link-types', 'Guards', '--json');
    expect(analyzed.code).toBe(0);
    expect(analyzed.out).toContain(guard);

    // Bad inputs: a built-in's name, a cycle can't arise from add, an unknown datatype, a hostile SVG.
    const clash = await run('type', 'add', file, '--name', 'vehicle', '--kind', 'entity', '--parent', 'Vehicle');
    expect(clash.code).toBe(4);
    expect(clash.err).toMatch(/built-in type Vehicle/);
    expect((await run('type', 'add', file, '--name', 'X', '--kind', 'entity', '--parent', 'Address', '--prop', 'a:colour')).code).toBe(2);
    const svg = join(dir, 'evil.svg');
    writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><circle r="4"/></svg>');
    const evil = await run('type', 'add', file, '--name', 'Stash', '--kind', 'entity', '--parent', 'Address', '--icon-svg', svg);
    expect(evil.code).toBe(4);
    expect(evil.err).toMatch(/icon was refused: it holds a <script> element/);

    // Remove: refused while in use, with the count.
    const refused = await run('type', 'remove', file, 'Safe house');
    expect(refused.code).toBe(4);
    expect(refused.err).toMatch(/type of 1 entity/);
    expect((await run('type', 'remove', file, 'Stash')).code).toBe(1);
    expect((await run('type', 'add', file, '--name', 'Stash', '--kind', 'entity', '--parent', 'Address')).code).toBe(0);
    expect((await run('type', 'remove', file, 'stash')).out).toMatch(/removed stash/);
    expect((await run('audit', 'verify', file)).out).toMatch(/intact/);
  });
});
