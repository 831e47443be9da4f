import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliRunner } from '../cli-io';
import { tempDir, testCore } from '../helpers';
import { pdfPageCount } from './pdf-read';

// `cordon meeting …` and `cordon operation …` (issue 7) with the exit codes of DESIGN.md §8:
// 0 ok, 1 failure (not found), 2 usage, 3 wrong passphrase, 4 input rejected; a refused command
// leaves the case as it was.

const PASS = 'cooperation cli passphrase';
// Every command derives the case key with Argon2id (64 MiB, 3 passes): a budget, not a measure.
const SLOW = { timeout: 240_000 };

async function setup() {
  const dir = tempDir();
  const run = cliRunner({ CORDON_PASSPHRASE: PASS, CORDON_DATA_DIR: join(dir, 'data') });
  const file = join(dir, 'c.cordon');
  expect((await run('case', 'create', file, '--bureau', 'IT', '--name', 'Coop CLI')).code).toBe(0);
  const add = async (name: string) => JSON.parse((await run('entity', 'add', file, '--schema', 'Person', '--prop', `name=${name}`, '--json')).out).id as string;
  return { dir, run, file, add };
}

const id = (r: { code: number; out: string }) => {
  expect(r.code).toBe(0);
  return JSON.parse(r.out).id as string;
};

describe('cordon meeting', SLOW, () => {
  it('create, item, list, show — with --json shapes', async () => {
    const { run, file, add } = await setup();
    const boss = await add('Pasquale Rinaldi');
    const meeting = id(await run('meeting', 'create', file, '--title', 'Rome bilateral', '--date', '2025-05-12', '--bureaus', 'it,es', '--place', 'Rome', '--json'));
    expect(meeting).toMatch(/^IT-/);
    const item = id(await run('meeting', 'item', file, meeting, '--title', 'The Rinaldi clan', '--entities', boss, '--json'));
    const plain = await run('meeting', 'item', file, meeting, '--title', 'Any other business');
    expect(plain.code).toBe(0);
    expect(plain.out.trim()).toMatch(/^IT-/);
    const list = JSON.parse((await run('meeting', 'list', file, '--json')).out);
    expect(list.meetings).toEqual([expect.objectContaining({ id: meeting, kind: 'bilateral', bureaus: ['ES', 'IT'], items: 2 })]);
    const shown = JSON.parse((await run('meeting', 'show', file, meeting, '--json')).out);
    expect(shown.agenda[0]).toMatchObject({ id: item, title: 'The Rinaldi clan', links: [{ kind: 'entity', ref: boss, label: 'Pasquale Rinaldi', missing: false }] });
    const text = await run('meeting', 'show', file, meeting);
    expect(text.out).toMatch(/Rome bilateral {2}\(bilateral, 2025-05-12, Rome\)/);
    expect(text.out).toMatch(/1\. The Rinaldi clan/);
  });

  it('refuses bad input with the right exit code and writes nothing', async () => {
    const { run, file } = await setup();
    const before = (await run('meeting', 'list', file, '--json')).out;
    expect((await run('meeting', 'create', file, '--title', 'x', '--date', '2025-02-30', '--bureaus', 'IT,ES')).code).toBe(4);
    const one = await run('meeting', 'create', file, '--title', 'x', '--date', '2025-03-01', '--bureaus', 'IT,IT');
    expect(one.code).toBe(4);
    expect(one.err).toMatch(/at least two different bureaus/);
    expect(one.err.trim().split('\n')).toHaveLength(1);
    expect((await run('meeting', 'create', file, '--date', '2025-03-01', '--bureaus', 'IT,ES')).code).toBe(2);
    expect((await run('meeting', 'create', file, '--title', 'x', '--date', '2025-03-01')).code).toBe(2);
    expect((await run('meeting', 'item', file, 'IT-nope', '--title', 'x')).code).toBe(1);
    expect((await run('meeting', 'show', file, 'IT-nope')).code).toBe(1);
    expect((await run('meeting', 'item', file)).code).toBe(2);
    const wrong = await cliRunner({ CORDON_PASSPHRASE: 'not it', CORDON_DATA_DIR: join(file, '..', 'data') })('meeting', 'list', file);
    expect(wrong.code).toBe(3);
    expect((await run('meeting', 'list', file, '--json')).out).toBe(before);
  });
});

describe('cordon operation', SLOW, () => {
  it('create, target, list, show, deconflict, result', async () => {
    const { dir, run, file, add } = await setup();
    const [boss, courier] = [await add('Pasquale Rinaldi'), await add('Tomás Vidal')];
    const tide = id(await run('operation', 'create', file, '--name', 'Tide', '--lead', 'IT', '--bureaus', 'ES,FR', '--code-word', 'MAREA', '--json'));
    const storm = id(await run('operation', 'create', file, '--name', 'Storm', '--lead', 'FR', '--json'));
    expect((await run('operation', 'target', file, tide, boss, '--bureau', 'IT', '--reason', 'leader')).code).toBe(0);
    expect((await run('operation', 'target', file, tide, courier, '--bureau', 'ES')).code).toBe(0);
    const second = await run('operation', 'target', file, storm, boss, '--bureau', 'FR', '--json');
    expect(second.code).toBe(0);
    // The conflict is reported as a warning (stderr), never a refusal.
    expect(second.err).toMatch(/warning: Pasquale Rinaldi is also a target of Tide \(MAREA\), led by IT/);
    const list = JSON.parse((await run('operation', 'list', file, '--json')).out);
    expect(list.operations.map((o: { name: string; targets: number }) => [o.name, o.targets])).toEqual([['Tide', 2], ['Storm', 1]]);
    const conflicts = JSON.parse((await run('operation', 'deconflict', file, '--json')).out).conflicts;
    expect(conflicts).toEqual([
      expect.objectContaining({ entity: boss, caption: 'Pasquale Rinaldi', kind: 'targets', bureaus: ['FR', 'IT'], operations: [expect.objectContaining({ id: tide }), expect.objectContaining({ id: storm })] }),
    ]);
    expect((await run('operation', 'deconflict', file)).out.trim().split('\n')).toHaveLength(1);


    // The CLI has no status command: the app moves the operation on, through the contract.
    const app = testCore(join(dir, 'app'));
    await app.ok('case.open', { path: file, passphrase: PASS });
    for (const status of ['approved', 'executing'] as const) await app.ok('operation.setStatus', { id: tide, status });
    await app.ok('case.close', {});
    const result = await run('operation', 'result', file, tide, boss, '--arrested', '--seizure', 'cocaine:12.5kg', '--seizure', 'cash:1', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).results).toEqual([
      expect.objectContaining({ kind: 'arrest', bureau: 'IT', entityId: boss }),
      expect.objectContaining({ kind: 'seizure', bureau: 'IT', type: 'cocaine', quantity: 12.5, unit: 'kg' }),
      expect.objectContaining({ kind: 'seizure', bureau: 'IT', type: 'cash', quantity: 1, unit: '' }),
    ]);
    // Not a target, no country given: refused before anything is written.
    const other = await add('Nobody Special');
    expect((await run('operation', 'result', file, tide, other, '--arrested')).code).toBe(2);
    const human = await run('operation', 'show', file, tide);
    expect(human.out).toMatch(/target {6}Pasquale Rinaldi \(.+\) — IT: leader/);
    expect(human.err).toMatch(/warning: Pasquale Rinaldi is also a target of Storm/);
  });

  it('refuses bad input with the right exit code and writes nothing', async () => {
    const { run, file, add } = await setup();
    const boss = await add('Pasquale Rinaldi');
    const tide = id(await run('operation', 'create', file, '--name', 'Tide', '--lead', 'IT', '--json'));
    const shown = () => run('operation', 'show', file, tide, '--json').then((r) => r.out);
    const before = await shown();
    expect((await run('operation', 'create', file, '--name', 'No lead')).code).toBe(2);
    expect((await run('operation', 'create', file, '--name', 'Bad lead', '--lead', 'not a code!')).code).toBe(4);
    expect((await run('operation', 'target', file, tide, boss)).code).toBe(2);
    expect((await run('operation', 'target', file, tide, 'IT-nobody', '--bureau', 'IT')).code).toBe(1);
    expect((await run('operation', 'target', file, 'IT-no-op', boss, '--bureau', 'IT')).code).toBe(1);
    // Results only once the operation is executing: refused (4), nothing recorded.
    const early = await run('operation', 'result', file, tide, boss, '--arrested', '--bureau', 'IT');
    expect(early.code).toBe(4);
    expect(early.err).toMatch(/results are recorded once it is executing/);
    expect((await run('operation', 'result', file, tide, boss)).code).toBe(2);
    expect((await run('operation', 'result', file, tide, boss, '--seizure', 'cocaine')).code).toBe(2);
    expect((await run('operation', 'result', file, tide, boss, '--seizure', 'cocaine:lots')).code).toBe(2);
    expect((await run('operation', 'result', file, tide, boss, '--arrested')).code).toBe(2);
    expect(await shown()).toBe(before);
    expect(JSON.parse((await run('operation', 'list', file, '--json')).out).operations).toHaveLength(1);
  });
});

describe('cordon briefing', SLOW, () => {
  it('writes the pack, for one participant with --for; refuses bad input and writes nothing', async () => {
    const { dir, run, file, add } = await setup();
    const boss = await add('Pasquale Rinaldi');
    const meeting = id(await run('meeting', 'create', file, '--title', 'Rome bilateral', '--date', '2025-05-12', '--bureaus', 'IT,ES', '--json'));
    id(await run('meeting', 'item', file, meeting, '--title', 'The Rinaldi clan', '--entities', boss, '--json'));
    const pack = join(dir, 'pack.pdf');
    const full = await run('briefing', file, meeting, pack, '--json');
    expect(full.code).toBe(0);
    expect(JSON.parse(full.out)).toMatchObject({ path: pack, pages: 3, items: 1, recipient: null, withheld: [] });
    // Cover, agenda, the item; no decisions or actions, so no outcomes page.
    expect(pdfPageCount(pack)).toBe(3);
    const es = await run('briefing', file, meeting, join(dir, 'es.pdf'), '--for', 'ES');
    expect(es.code).toBe(0);
    expect(es.out).toMatch(/3 pages, 1 agenda items/);
    const outsider = await run('briefing', file, meeting, join(dir, 'de.pdf'), '--for', 'DE');
    expect(outsider.code).toBe(4);
    expect(outsider.err).toMatch(/DE does not take part in this meeting/);
    expect(existsSync(join(dir, 'de.pdf'))).toBe(false);
    expect((await run('briefing', file, 'IT-none', join(dir, 'none.pdf'))).code).toBe(1);
    expect(existsSync(join(dir, 'none.pdf'))).toBe(false);
    expect((await run('briefing', file, meeting)).code).toBe(2);
    const again = await run('briefing', file, meeting, pack);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/FILE_EXISTS/);
    expect((await run('briefing', file, meeting, pack, '--force')).code).toBe(0);
  });
});
