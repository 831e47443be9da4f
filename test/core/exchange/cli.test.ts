import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/core/cli';
import { captureIo } from '../cli-io';
import { tempDir, testCore } from '../helpers';
import { rawTar, untar } from './tamper';

// The exchange commands of the issue, end to end through the CLI: two workstations, cards, export,
// verify, import with receipt, and a refused package (exit 4).

function cli(dir: string, who: string) {
  return async (...argv: string[]) => {
    const io = captureIo({ CORDON_PASSPHRASE: `pass ${who}`, CORDON_DATA_DIR: join(dir, `data-${who}`) });
    const code = await runCli(argv, io);
    return { code, out: io.stdoutText(), err: io.stderrText() };
  };
}

/** ES and FR workstations with officers that know each other's verified cards. */
async function paired(dir: string) {
  const es = cli(dir, 'es');
  const fr = cli(dir, 'fr');
  const [esCase, frCase] = [join(dir, 'es.cordon'), join(dir, 'fr.cordon')];
  await es('case', 'create', esCase, '--bureau', 'ES');
  await fr('case', 'create', frCase, '--bureau', 'FR');
  await es('officer', 'init', esCase, '--bureau', 'ES', '--name', 'Ana García');
  await fr('officer', 'init', frCase, '--bureau', 'FR', '--name', 'Benoît Martin');
  await es('officer', 'card', esCase, join(dir, 'es-card.json'));
  await fr('officer', 'card', frCase, join(dir, 'fr-card.json'));
  await fr('officer', 'import', frCase, join(dir, 'es-card.json'), '--verified');
  const frInEs = JSON.parse((await es('officer', 'import', esCase, join(dir, 'fr-card.json'), '--verified', '--json')).out).id as string;
  return { es, fr, esCase, frCase, frInEs };
}

// Each of these runs a dozen CLI commands, and each command opens a case through Argon2id
// (64 MiB, t=3): on a busy two-core machine that is minutes, not a hang.
const MANY_COMMANDS = 240_000;

describe('cordon officer / package', () => {
  it('two workstations exchange a package through the CLI', async () => {
    const dir = tempDir();
    const es = cli(dir, 'es');
    const fr = cli(dir, 'fr');
    const [esCase, frCase] = [join(dir, 'es.cordon'), join(dir, 'fr.cordon')];
    await es('case', 'create', esCase, '--bureau', 'ES');
    await fr('case', 'create', frCase, '--bureau', 'FR');
    const init = await es('officer', 'init', esCase, '--bureau', 'ES', '--name', 'Ana García', '--languages', 'es,en', '--json');
    expect(init.code).toBe(0);
    expect(JSON.parse(init.out)).toMatchObject({ name: 'Ana García', languages: ['es', 'en'], status: 'self' });
    expect((await fr('officer', 'init', frCase, '--bureau', 'FR', '--name', 'Benoît Martin')).out).toMatch(/fingerprint ([0-9A-F]{4} ){15}[0-9A-F]{4}/);
    expect((await es('officer', 'card', esCase, join(dir, 'es-card.json'))).code).toBe(0);
    expect((await fr('officer', 'card', frCase, join(dir, 'fr-card.json'))).code).toBe(0);
    const esInFr = JSON.parse((await fr('officer', 'import', frCase, join(dir, 'es-card.json'), '--verified', '--json')).out);
    expect(esInFr).toMatchObject({ id: expect.stringMatching(/^officer-[0-9a-f]{16}$/), bureau: 'ES', status: 'verified' });
    const frInEs = JSON.parse((await es('officer', 'import', esCase, join(dir, 'fr-card.json'), '--verified', '--json')).out).id as string;
    const list = JSON.parse((await es('officer', 'list', esCase, '--json')).out);
    expect(list.officers.map((o: { status: string }) => o.status)).toEqual(['self', 'verified']);

    const src = JSON.parse((await es('source', 'add', esCase, '--title', 'Intercept', '--scheme', 'eu4x4', '--grade', 'B2', '--tlp', 'amber', '--json')).out).id;
    const h2 = JSON.parse((await es('source', 'add', esCase, '--title', 'Informant', '--scheme', 'eu4x4', '--grade', 'B2', '--handling', 'H2', '--json')).out).id;
    const person = JSON.parse((await es('entity', 'add', esCase, '--schema', 'Person', '--prop', 'name=Iñaki Etxeberria', '--source', src, '--json')).out).id;
    await es('entity', 'add', esCase, '--schema', 'Person', '--prop', 'name=Secret Witness', '--source', h2);

    const pkg = join(dir, 'to-fr.cordonpkg');
    expect((await es('package', 'export', esCase, pkg, '--to', frInEs)).code).toBe(2);
    const exported = await es('package', 'export', esCase, pkg, '--to', frInEs, '--all');
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/highest {3}TLP AMBER/);
    expect(exported.out).toMatch(/- entity ES-\S+ "Secret Witness": everything known about it comes from withheld sources/);
    expect(exported.out).toMatch(/- source \S+ "Informant": EU handling code H2/);

    const verified = await fr('package', 'verify', frCase, pkg, '--json');
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.out)).toMatchObject({ ok: true, counts: { entities: 1 }, package: { sender: { id: esInFr.id } } });
    const previewOnly = await fr('package', 'import', frCase, pkg);
    expect(previewOnly.out).toMatch(/nothing imported: pass --accept-all/);
    const imported = await fr('package', 'import', frCase, pkg, '--accept-all', '--receipt', join(dir, 'receipt.cordonpkg'), '--json');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out)).toMatchObject({ ok: true, imported: true, entitiesCreated: 1, receipt: { path: join(dir, 'receipt.cordonpkg') } });
    expect(JSON.parse((await fr('entity', 'show', frCase, person, '--json')).out)).toMatchObject({ caption: 'Iñaki Etxeberria', properties: { name: [{ originator: 'ES', grading: 'B2', tlp: 'AMBER' }] } });
    expect((await es('package', 'import', esCase, join(dir, 'receipt.cordonpkg'), '--accept-all')).out).toMatch(/imported receipt package/);

    // Replayed: refused, exit 4, one clear line on stderr, the steps under --json.
    const again = await fr('package', 'import', frCase, pkg, '--accept-all', '--json');
    expect(again.code).toBe(4);
    expect(again.err).toMatch(/^cordon: PACKAGE_REJECTED: Package refused: package \S+ was already imported on \S+ \(a replay\)\. It is kept in quarantine at .+\n$/);
    expect(JSON.parse(again.out)).toMatchObject({ ok: false, error: { code: 'PACKAGE_REJECTED', step: 'replay' } });
    // Tampered: exit 4 from verify too.
    const outer = await untar(readFileSync(pkg));
    outer[2]!.data[100] = outer[2]!.data[100]! ^ 1;
    writeFileSync(join(dir, 'bad.cordonpkg'), rawTar(outer));
    const bad = await fr('package', 'verify', frCase, join(dir, 'bad.cordonpkg'));
    expect(bad.code).toBe(4);
    expect(bad.err).toMatch(/the payload was altered/);
  }, MANY_COMMANDS);

  it('package export --chart sends the entities on a chart', async () => {
    const dir = tempDir();
    const { es, fr, esCase, frCase, frInEs } = await paired(dir);
    const ids: string[] = [];
    for (const name of ['On Chart One', 'On Chart Two', 'Not On Chart']) {
      ids.push(JSON.parse((await es('entity', 'add', esCase, '--schema', 'Person', '--prop', `name=${name}`, '--json')).out).id);
    }
    // The chart is made the way the app makes it, through the contract.
    const core = testCore(join(dir, 'data-es'));
    await core.ok('case.open', { path: esCase, passphrase: 'pass es' });
    const chart = await core.ok('chart.create', { name: 'Cell A' });
    await core.ok('chart.save', { id: chart.id, upsert: [{ entityId: ids[0]!, x: 0, y: 0 }, { entityId: ids[1]!, x: 50, y: 0 }] });
    await core.ok('case.close', {});

    const pkg = join(dir, 'chart.cordonpkg');
    expect((await es('package', 'export', esCase, pkg, '--to', frInEs, '--chart', chart.id, '--all')).code).toBe(2);
    expect((await es('package', 'export', esCase, pkg, '--to', frInEs, '--chart', chart.id)).code).toBe(0);
    const verified = JSON.parse((await fr('package', 'verify', frCase, pkg, '--json')).out);
    expect(verified.counts.entities).toBe(2);
    expect((await fr('package', 'import', frCase, pkg, '--accept-all')).code).toBe(0);
    expect((await fr('search', frCase, 'chart', '--json')).out).toMatch(/On Chart Two/);
    expect((await fr('search', frCase, 'not on chart', '--json')).out).not.toMatch(/Not On Chart/);
    expect((await es('package', 'export', esCase, pkg, '--to', frInEs, '--chart', 'ES-no-such-chart')).code).toBe(1);
  }, MANY_COMMANDS);

  it('package export --operation shares a plan with a participating bureau only; package plans|plan list it there', async () => {
    const dir = tempDir();
    const { es, fr, esCase, frCase, frInEs } = await paired(dir);
    const person = JSON.parse((await es('entity', 'add', esCase, '--schema', 'Person', '--prop', 'name=Iñaki Etxeberria', '--json')).out).id as string;
    const lone = JSON.parse((await es('operation', 'create', esCase, '--name', 'Solo', '--lead', 'ES', '--json')).out).id as string;
    const op = JSON.parse((await es('operation', 'create', esCase, '--name', 'Tide', '--lead', 'ES', '--bureaus', 'FR', '--code-word', 'NEPTUNE', '--json')).out).id as string;
    expect((await es('operation', 'target', esCase, op, person, '--bureau', 'ES', '--reason', 'leader')).code).toBe(0);

    const refused = await es('package', 'export', esCase, join(dir, 'solo.cordonpkg'), '--to', frInEs, '--all', '--operation', op, '--operation', lone);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/Operation Solo is shared only with its participating bureaus \(ES\); FR does not take part in it/);

    const pkg = join(dir, 'plan.cordonpkg');
    const exported = await es('package', 'export', esCase, pkg, '--to', frInEs, '--all', '--operation', op);
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/plan {6}Tide \(NEPTUNE\): 1 target\(s\) sent, 0 withheld/);
    expect((await fr('package', 'import', frCase, pkg, '--accept-all')).code).toBe(0);
    const plans = JSON.parse((await fr('package', 'plans', frCase, '--json')).out).plans as Array<{ id: string; name: string; sender: { bureau: string } }>;
    expect(plans).toMatchObject([{ name: 'Tide', sender: { bureau: 'ES' } }]);
    const shown = await fr('package', 'plan', frCase, plans[0]!.id);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain(`target    Iñaki Etxeberria [${person}]  ES  leader`);
  }, MANY_COMMANDS);
});
