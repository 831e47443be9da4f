import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSigner } from '../../../electron/core/exchange/directory';
import { SIG_CONTEXT } from '../../../electron/core/exchange/format';
import { signBytes } from '../../../electron/core/exchange/keys';
import { canonicalJson } from '../../../electron/core/store/audit';
import { auditRows, introduce, scratch, station, type Station } from './fixtures';
import { openPackage, reseal, type Opened } from './tamper';

// Operation plans shared in a package (issue 7): sent only to participating bureaus, targets the
// handling rules withhold left out (and listed in the review), received read-only on the other
// workstation with targets mapped to the entities of the same package, and a package version 2
// whose plan section is checked like every other file.

describe('operation plans in exchange packages', () => {
  const { root, cleanup } = scratch();
  let a: Station; // ES: leads the operation and exports the plan
  let b: Station; // FR: takes part
  let c: Station; // IT: does not take part
  let bInA: string;
  let cInA: string;
  let op: string;
  let leader: string;
  let secret: string;
  let pkg: string;
  let n = 0;
  const file = (name: string) => join(root, name);

  beforeAll(async () => {
    a = await station(root, 'ES', 'Ana García');
    b = await station(root, 'FR', 'Benoît Martin');
    c = await station(root, 'IT', 'Carla Rossi');
    bInA = await introduce(b, a);
    cInA = await introduce(c, a);
    await introduce(a, b);
    const clean = (await a.ok('source.create', { title: 'Intercept 4', scheme: 'eu4x4', grade: 'B2', tlp: 'AMBER' })).id;
    const h2 = (await a.ok('source.create', { title: 'Informant X', scheme: 'eu4x4', grade: 'B2', handling: 'H2' } as never)).id;
    leader = (await a.ok('entity.create', { schema: 'Person', properties: { name: ['Iñaki Etxeberria'] }, sourceId: clean })).id;
    secret = (await a.ok('entity.create', { schema: 'Person', properties: { name: ['Secret Courier'] }, sourceId: h2 })).id;
    op = (await a.ok('operation.create', { name: 'Tide', codeWord: 'NEPTUNE', leadBureau: 'ES', bureaus: ['FR'], agencies: ['Guardia Civil'] })).id;
    await a.ok('operation.addTargets', {
      id: op,
      targets: [
        { entityId: leader, bureau: 'ES', reason: 'leader of the cell' },
        { entityId: secret, bureau: 'FR', reason: 'courier' },
      ],
    });
    const phase = (await a.ok('operation.addPhase', { operationId: op, name: 'Surveillance', start: '2031-03-01', end: '2031-03-20' })).phases[0]!.id;
    await a.ok('operation.addTask', { operationId: op, phaseId: phase, title: 'Follow the leader', owner: 'ES', start: '2031-03-02', end: '2031-03-10' });
    await a.ok('operation.setActionDay', { id: op, date: '2031-03-21', timeline: [{ bureau: 'FR', timeZone: 'Europe/Paris', local: '2031-03-21T06:00', label: 'Search Lyon' }] });
    pkg = file('plan.cordonpkg');
  });
  afterAll(() => {
    for (const s of [a, b, c]) s?.core.dispose();
    cleanup();
  });

  it('exports the plan as format version 2; a withheld target is left out and listed in the review', async () => {
    const scope = { kind: 'entities' as const, ids: [leader] };
    const review = await a.ok('package.review', { to: [bInA], scope, operations: [op] });
    const exported = await a.ok('package.export', { path: pkg, to: [bInA], scope, operations: [op] });
    expect(exported.review).toEqual(review);
    expect(review.plans).toEqual([{ id: op, name: 'Tide', codeWord: 'NEPTUNE', targets: 1, withheldTargets: 1 }]);
    expect(review.withheld.items).toEqual(
      expect.arrayContaining([
        { kind: 'target', id: secret, caption: 'Secret Courier (target of Tide)', rule: 'TARGET_WITHHELD', reason: 'the target entity is withheld under the handling rules, so the plan does not name it' },
      ]),
    );
    const opened = await openPackage(pkg, b.case);
    expect(opened.envelope.version).toBe(2);
    expect(opened.inner.map((e) => e.name)).toEqual(['manifest.json', 'manifest.sig', 'sources.jsonl', 'entities.ftm.jsonl', 'retractions.jsonl', 'statements.jsonl', 'operations.jsonl']);
    const text = opened.inner.map((e) => e.data.toString('utf8')).join('\n');
    expect(text).not.toContain(secret);
    expect(text).not.toMatch(/Secret Courier|Informant X/);
    const plan = JSON.parse(opened.inner.at(-1)!.data.toString('utf8')) as { targets: unknown[]; code_word: string };
    expect(plan.code_word).toBe('NEPTUNE');
    expect(plan.targets).toEqual([{ entity_id: leader, reason: 'leader of the cell', bureau: 'ES' }]);
    const audit = JSON.parse(auditRows(a.case, 'package.export').at(-1)!.detail);
    expect(audit.withheld.items).toEqual(expect.arrayContaining([{ kind: 'target', id: secret, rule: 'TARGET_WITHHELD', reason: expect.any(String) }]));
    expect(audit.plans).toEqual(review.plans);
  });

  it('a package without plans stays format version 1, without operations.jsonl', async () => {
    const plain = file('plain.cordonpkg');
    await a.ok('package.export', { path: plain, to: [bInA], scope: { kind: 'entities', ids: [leader] } });
    const opened = await openPackage(plain, b.case);
    expect(opened.envelope.version).toBe(1);
    expect(opened.inner.map((e) => e.name)).not.toContain('operations.jsonl');
  });

  it('refuses to send a plan to a bureau that does not take part in the operation', async () => {
    const path = file('to-it.cordonpkg');
    const err = await a.fail('package.export', { path, to: [cInA], scope: { kind: 'entities', ids: [leader] }, operations: [op] });
    expect(err.code).toBe('CONSTRAINT');
    expect(err.message).toBe('Operation Tide is shared only with its participating bureaus (ES, FR); IT does not take part in it.');
    expect(err.details).toEqual({ reason: 'NOT_PARTICIPATING', operation: op, bureaus: ['IT'] });
    expect(existsSync(path)).toBe(false);
    expect((await a.fail('package.review', { to: [bInA, cInA], scope: { kind: 'all' }, operations: [op] })).code).toBe('CONSTRAINT');
  });

  /** Rewrites one inner file; with `resign`, also the manifest (a sender's bug, not an attacker). */
  async function alter(name: string, opened: Opened, change: (s: string) => string, resign: boolean): Promise<string> {
    const entry = opened.inner.find((e) => e.name === name)!;
    entry.data = Buffer.from(change(entry.data.toString('utf8')), 'utf8');
    if (resign) {
      const m = opened.inner.find((e) => e.name === 'manifest.json')!;
      const manifest = JSON.parse(m.data.toString('utf8')) as { files: Array<{ name: string; size: number; sha256: string }> };
      const listed = manifest.files.find((f) => f.name === name)!;
      listed.size = entry.data.length;
      listed.sha256 = createHash('sha256').update(entry.data).digest('hex');
      m.data = Buffer.from(canonicalJson(manifest), 'utf8');
      opened.inner.find((e) => e.name === 'manifest.sig')!.data = Buffer.from(signBytes(loadSigner(a.case.db).key, SIG_CONTEXT.manifest, m.data).toString('base64'));
    }
    const out = file(`altered-${++n}.cordonpkg`);
    await reseal(out, opened, { sender: a.case, ageRecipients: [b.officer.ageRecipient] });
    return out;
  }

  async function expectRefused(path: string, step: string, message: RegExp) {
    const err = await b.fail('package.import', { path, accept: 'all' });
    expect(err.code).toBe('PACKAGE_REJECTED');
    expect((err.details as { step: string }).step).toBe(step);
    expect(err.message).toMatch(message);
    expect(b.case.db.prepare('SELECT count(*) FROM received_plans').pluck().get()).toBe(0);
  }

  it('refuses a plan section altered after signing', async () => {
    const path = await alter('operations.jsonl', await openPackage(pkg, b.case), (s) => s.replace('NEPTUNE', 'NEPTUNO'), false);
    await expectRefused(path, 'files', /operations.jsonl does not match its SHA-256 in the manifest: it was altered/);
  });

  it('refuses a version 2 manifest under an envelope that claims version 1', async () => {
    const opened = await openPackage(pkg, b.case);
    const out = file('downgraded.cordonpkg');
    await reseal(out, opened, { sender: a.case, ageRecipients: [b.officer.ageRecipient], envelopeChanges: { version: 1 } });
    await expectRefused(out, 'manifest', /the manifest \(version 2\) and the envelope \(version 1\) disagree on the format version/);
  });

  it('refuses a plan whose target is not an entity of the package, or that is not shared with this bureau', async () => {
    const stranger = await alter('operations.jsonl', await openPackage(pkg, b.case), (s) => s.replace(leader, 'not-in-package'), true);
    await expectRefused(stranger, 'content', /operations.jsonl line 1: target not-in-package is not an entity of this package/);
    const notOurs = await alter('operations.jsonl', await openPackage(pkg, b.case), (s) => s.replace('"bureaus":["ES","FR"]', '"bureaus":["ES","IT"]'), true);
    await expectRefused(notOurs, 'content', /operations.jsonl line 1: the plan of Tide is shared with FR, which does not take part in the operation/);
    const extraField = await alter('operations.jsonl', await openPackage(pkg, b.case), (s) => s.replace('{"id"', '{"extra":1,"id"'), true);
    await expectRefused(extraField, 'content', /operations.jsonl line 1 is malformed/);
  });

  it('the participating bureau previews, imports and lists the received plan, its targets mapped to the imported entities', async () => {
    const preview = await b.ok('package.verify', { path: pkg });
    expect(preview.plans).toEqual([{ id: op, name: 'Tide', codeWord: 'NEPTUNE', leadBureau: 'ES', targets: 1 }]);
    const imported = await b.ok('package.import', { path: pkg, accept: 'all' });
    expect(imported.plansReceived).toBe(1);
    const list = await b.ok('package.receivedPlans', {});
    expect(list).toEqual([
      {
        id: expect.any(String),
        operationId: op,
        name: 'Tide',
        codeWord: 'NEPTUNE',
        leadBureau: 'ES',
        status: 'planning',
        actionDay: '2031-03-21',
        sender: { bureau: 'ES', officer: 'Ana García' },
        sentAt: expect.any(String),
        receivedAt: expect.any(String),
        packageId: imported.packageId,
        targets: 1,
      },
    ]);
    const plan = await b.ok('package.receivedPlan', { id: list[0]!.id });
    expect(plan.bureaus).toEqual(['ES', 'FR']);
    expect(plan.agencies).toEqual(['Guardia Civil']);
    expect(plan.phases).toEqual([{ id: expect.any(String), name: 'Surveillance', start: '2031-03-01', end: '2031-03-20' }]);
    expect(plan.tasks).toEqual([
      { id: expect.any(String), phaseId: plan.phases[0]!.id, title: 'Follow the leader', owner: 'ES', start: '2031-03-02', end: '2031-03-10', dependsOn: [] },
    ]);
    expect(plan.actionDayEvents).toEqual([{ bureau: 'FR', timeZone: 'Europe/Paris', at: '2031-03-21T05:00:00.000Z', label: 'Search Lyon' }]);
    expect(plan.targetList).toEqual([{ entityId: leader, reason: 'leader of the cell', bureau: 'ES', mapped: { id: leader, caption: 'Iñaki Etxeberria', schema: 'Person' } }]);
    // Read-only: the received plan is not one of this case's own operations.
    expect(await b.ok('operation.list', {})).toEqual([]);
    expect(JSON.parse(auditRows(b.case, 'package.import').at(-1)!.detail).plans).toEqual([{ id: op, name: 'Tide', targets: 1 }]);
    expect((await b.fail('package.receivedPlan', { id: 'nope' })).code).toBe('NOT_FOUND');
  });
  it("deconflicts the received plan with the bureau's own operations: the same target in both is a conflict, named as received", async () => {
    // Runs after the import above: FR now holds ES's plan Tide, which targets the leader.
    expect(await b.ok('deconfliction.list', {})).toEqual([]);
    const own = await b.ok('operation.create', { name: 'Rhône', leadBureau: 'FR' });
    await b.ok('operation.addTargets', { id: own.id, targets: [{ entityId: leader, bureau: 'FR' }] });
    const planId = (await b.ok('package.receivedPlans', {}))[0]!.id;
    expect(await b.ok('deconfliction.list', {})).toEqual([
      {
        entityId: leader,
        caption: 'Iñaki Etxeberria',
        kind: 'targets',
        operations: [
          { id: own.id, name: 'Rhône', codeWord: '', leadBureau: 'FR', status: 'planning', targetId: leader, bureau: 'FR' },
          { id: op, name: 'Tide', codeWord: 'NEPTUNE', leadBureau: 'ES', status: 'planning', targetId: leader, bureau: 'ES', received: { planId, sender: 'ES' } },
        ],
        bureaus: ['ES', 'FR'],
        restricted: [],
      },
    ]);
    const warnings = (await b.ok('operation.open', { id: own.id })).warnings.filter((w) => w.code === 'deconfliction-target');
    expect(warnings).toEqual([
      { code: 'deconfliction-target', message: 'Iñaki Etxeberria is also a target of Tide (NEPTUNE), led by ES (plan received from ES).', refs: [leader, op] },
    ]);
    // Concluding our own operation ends the conflict; the received plan alone is no conflict.
    for (const s of ['approved', 'executing', 'concluded'] as const) await b.ok('operation.setStatus', { id: own.id, status: s });
    expect(await b.ok('deconfliction.list', {})).toEqual([]);
  });
});
