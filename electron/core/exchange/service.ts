import { rmSync } from 'node:fs';
import { basename } from 'node:path';
import type { ImportPreview, ImportResult, PackageLedgerRow, PackageSummary, VerificationStep } from '../../../shared/exchange/dto';
import { CordonError } from '../../../shared/errors';
import type { Tlp } from '../../../shared/grading';
import type { Job } from '../jobs';
import type { Case } from '../store/case';
import { getOfficer, loadSigner, recipientView, unusableReason } from './directory';
import { FORMAT_VERSION, INNER, type Manifest, type Receipt } from './format';
import { fingerprintGroups } from './keys';
import { checkOuter, quarantine, readPayload, type OuterChecked } from './open';
import { storeReceivedPlans } from './plans-in';
import { adoptProject, fileItems } from './projects';
import { Refusal } from './refusal';
import { sealPackage } from './seal';
import { describeGap, expectedIncoming, nextOutgoing } from './sequence';
import { ApplySink, PreviewSink } from './sinks';

// The exchange operations behind the contract on the receiving side: verify (checks and preview,
// writing only the audit row), import (all or part, in one transaction), receipts, and the ledger.
// Sending is export-package.ts.

function summaryOf(c: Case, outer: OuterChecked, manifest: Manifest | null): PackageSummary {
  const e = outer.envelope;
  const number = manifest?.sequence[outer.me.fingerprint] ?? 0;
  const expected = expectedIncoming(c.db, outer.sender.id);
  return {
    packageId: e.packageId,
    kind: e.kind,
    created: e.created,
    sender: recipientView(outer.sender),
    recipients: e.recipients.map((r) => ({ bureau: r.bureau, officer: r.officer, fingerprintGroups: fingerprintGroups(r.fingerprint), me: r.fingerprint === outer.me.fingerprint })),
    tlp: e.tlp as Tlp | null,
    handling: e.handling,
    sequence: { number, expected, gap: manifest ? describeGap(number, expected, outer.sender.name) : null },
    project: manifest?.project ? { id: manifest.project.id, name: manifest.project.name } : null,
    payloadBytes: outer.payloadSize,
  };
}

interface Attempt {
  action: 'package.verify' | 'package.import';
  file: string;
  quarantined: string;
  outer: OuterChecked | null;
}

/** A refusal: audited (the only write), the copy left in quarantine, a precise error. */
function refuse(c: Case, a: Attempt, err: Refusal, steps: VerificationStep[]): CordonError {
  const allSteps = [...steps, { step: err.step, ok: false, message: err.message }];
  c.write(() =>
    c.audit.append({
      actor: c.actor,
      action: a.action,
      target: a.outer?.envelope.packageId ?? null,
      detail: {
        outcome: 'refused',
        file: basename(a.file),
        step: err.step,
        reason: err.message,
        from: a.outer ? { id: a.outer.sender.id, name: a.outer.sender.name, bureau: a.outer.sender.bureau.code } : null,
        quarantine: a.quarantined,
      },
    }),
  );
  return new CordonError('PACKAGE_REJECTED', `Package refused: ${err.message}. It is kept in quarantine at ${a.quarantined}.`, {
    step: err.step,
    steps: allSteps,
    quarantine: a.quarantined,
  });
}

function failed(c: Case, a: Attempt, err: unknown): void {
  const code = err instanceof CordonError ? err.code : 'INTERNAL';
  c.write(() =>
    c.audit.append({ actor: c.actor, action: a.action, target: a.outer?.envelope.packageId ?? null, detail: { outcome: code === 'CANCELLED' ? 'cancelled' : 'failed', file: basename(a.file), code } }),
  );
  rmSync(a.quarantined, { force: true });
}

export async function verifyPackage(c: Case, dataDir: string, path: string, job?: Job): Promise<ImportPreview> {
  const a: Attempt = { action: 'package.verify', file: path, quarantined: quarantine(dataDir, path), outer: null };
  let steps: VerificationStep[] = [];
  try {
    a.outer = await checkOuter(c.db, a.quarantined, job);
    steps = a.outer.steps;
    const sink = new PreviewSink(c.db, a.outer, c.bureau);
    const manifest = await readPayload(c.db, a.outer, sink, job);
    const summary = summaryOf(c, a.outer, manifest);
    const preview: ImportPreview = {
      package: summary,
      steps,
      counts: sink.counts,
      byOriginator: sink.byOriginator,
      items: sink.items,
      truncated: sink.truncated,
      matches: sink.matches,
      notices: sink.notices.list(),
      plans: sink.plans,
      receipt: sink.receipt ? { packageId: sink.receipt.packageId, importedAt: sink.receipt.importedAt, accepted: sink.receipt.accepted } : null,
    };
    c.write(() =>
      c.audit.append({
        actor: c.actor,
        action: 'package.verify',
        target: summary.packageId,
        detail: { outcome: 'verified', file: basename(path), from: summary.sender, kind: summary.kind, counts: sink.counts, gap: summary.sequence.gap },
      }),
    );
    rmSync(a.quarantined, { force: true });
    return preview;
  } catch (err) {
    if (err instanceof Refusal) throw refuse(c, a, err, steps);
    failed(c, a, err);
    throw err;
  }
}

export async function importPackage(
  c: Case,
  dataDir: string,
  input: { path: string; accept: 'all' | { entities: string[] } },
  job?: Job,
): Promise<ImportResult> {
  const db = c.db;
  const a: Attempt = { action: 'package.import', file: input.path, quarantined: quarantine(dataDir, input.path), outer: null };
  let steps: VerificationStep[] = [];
  try {
    a.outer = await checkOuter(db, a.quarantined, job);
    const outer = a.outer;
    steps = outer.steps;
    const accept = input.accept === 'all' ? null : new Set(input.accept.entities);
    // One transaction around the whole payload: a refusal at any line leaves nothing behind.
    // Other calls wait in the core's queue meanwhile, so no one else writes in between.
    db.exec('BEGIN IMMEDIATE');
    try {
      const sink = new ApplySink(c, outer, accept);
      const manifest = await readPayload(db, outer, sink, job);
      for (const id of sink.toRefresh()) c.entities.refresh(id);
      const summary = summaryOf(c, outer, manifest);
      if (manifest.project && manifest.kind === 'data') {
        adoptProject(db, manifest.project, outer.sender.bureau.code);
        fileItems(db, manifest.project.id, 'entity', sink.present, outer.sender.bureau.code);
        fileItems(db, manifest.project.id, 'source', sink.usedSources, outer.sender.bureau.code);
      }
      if (sink.receipt) recordReceipt(c, outer, sink.receipt);
      const plansReceived = storeReceivedPlans(c, outer, sink.plans, sink.present);
      const notices = sink.notices.list();
      const result: ImportResult = {
        packageId: summary.packageId,
        kind: summary.kind,
        sender: summary.sender,
        ...sink.counts,
        plansReceived,
        gap: summary.sequence.gap,
        notices,
      };
      db.prepare(
        'INSERT INTO exchange_in (package_id, kind, sender_officer, sender_bureau, seq, created_at, imported_at, payload_sha256, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(
        summary.packageId,
        summary.kind,
        outer.sender.id,
        outer.sender.bureau.code,
        summary.sequence.number,
        summary.created,
        new Date().toISOString(),
        outer.envelope.payload.sha256,
        JSON.stringify({ counts: sink.counts, accepted: accept ? 'part' : 'all', notices, gap: summary.sequence.gap }),
      );
      c.audit.append({
        actor: c.actor,
        action: 'package.import',
        target: summary.packageId,
        detail: {
          outcome: 'imported',
          file: basename(input.path),
          from: summary.sender,
          kind: summary.kind,
          accepted: accept ? 'part' : 'all',
          counts: sink.counts,
          plans: sink.plans.map((p) => ({ id: p.id, name: p.name, targets: p.targets.length })),
          gap: summary.sequence.gap,
          notices,
          receiptFor: sink.receipt?.packageId ?? null,
        },
      });
      db.exec('COMMIT');
      rmSync(a.quarantined, { force: true });
      return result;
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw err;
    }
  } catch (err) {
    if (err instanceof Refusal) throw refuse(c, a, err, steps);
    failed(c, a, err);
    throw err;
  }
}

function recordReceipt(c: Case, outer: OuterChecked, r: Receipt): void {
  c.db
    .prepare('UPDATE exchange_out_recipients SET receipt_at = ?, receipt = ? WHERE package_id = ? AND officer_id = ?')
    .run(r.importedAt, JSON.stringify({ receiptPackage: outer.envelope.packageId, accepted: r.accepted, counts: r.counts }), r.packageId, outer.sender.id);
}

/** A signed receipt for an imported package, encrypted to its sender. */
export async function writeReceipt(c: Case, input: { packageId: string; path: string }, job?: Job): Promise<{ packageId: string; path: string; bytes: number }> {
  const db = c.db;
  const row = db.prepare("SELECT * FROM exchange_in WHERE package_id = ? AND kind = 'data'").get(input.packageId) as
    | { package_id: string; sender_officer: string; imported_at: string; payload_sha256: string; summary: string }
    | undefined;
  if (!row) throw new CordonError('NOT_FOUND', `No imported package ${input.packageId} in this case.`);
  const sender = getOfficer(db, row.sender_officer);
  const why = unusableReason(sender);
  if (why) throw new CordonError('CONSTRAINT', `Cannot send a receipt to ${sender.name}: ${why}.`);
  const summary = JSON.parse(row.summary) as { counts: Record<string, number>; accepted: 'all' | 'part' };
  const receipt: Receipt = {
    format: 'cordon-receipt',
    version: FORMAT_VERSION,
    packageId: row.package_id,
    payloadSha256: row.payload_sha256,
    importedAt: row.imported_at,
    outcome: 'imported',
    accepted: summary.accepted,
    counts: summary.counts,
  };
  const { officer, key } = loadSigner(db);
  const seq = nextOutgoing(db, sender.id);
  const sealed = await sealPackage({
    kind: 'receipt',
    sender: officer,
    signer: key,
    recipients: [sender],
    sequence: { [sender.fingerprint]: seq },
    tlp: null,
    handling: null,
    version: 1,
    scope: `receipt for ${row.package_id}`,
    project: null,
    files: [{ name: INNER.receipt, produce: () => [JSON.stringify(receipt)] }],
    outPath: input.path,
    ...(job ? { job } : {}),
  });
  c.write(() => {
    db.prepare('INSERT INTO exchange_out (package_id, kind, created_at, tlp, handling, payload_sha256, summary) VALUES (?, ?, ?, NULL, NULL, ?, ?)').run(
      sealed.packageId,
      'receipt',
      sealed.created,
      sealed.payloadSha256,
      JSON.stringify({ receiptFor: row.package_id, file: basename(input.path), bytes: sealed.bytes }),
    );
    db.prepare('INSERT INTO exchange_out_recipients (package_id, officer_id, seq) VALUES (?, ?, ?)').run(sealed.packageId, sender.id, seq);
    c.audit.append({ actor: c.actor, action: 'package.receipt', target: sealed.packageId, detail: { receiptFor: row.package_id, to: recipientView(sender), file: basename(input.path) } });
  });
  return { packageId: sealed.packageId, path: input.path, bytes: sealed.bytes };
}

export function listPackages(c: Case): PackageLedgerRow[] {
  const db = c.db;
  const out = db
    .prepare(
      `SELECT o.package_id, o.kind, o.created_at, o.tlp, o.summary,
              json_group_array(json_object('id', r.officer_id, 'name', f.name, 'bureau', f.bureau, 'receipt_at', r.receipt_at)) AS recipients
         FROM exchange_out o JOIN exchange_out_recipients r ON r.package_id = o.package_id JOIN officers f ON f.id = r.officer_id
        GROUP BY o.package_id`,
    )
    .all() as Array<{ package_id: string; kind: 'data' | 'receipt'; created_at: string; tlp: Tlp | null; summary: string; recipients: string }>;
  const inn = db
    .prepare('SELECT i.package_id, i.kind, i.created_at, i.summary, f.name, f.bureau FROM exchange_in i JOIN officers f ON f.id = i.sender_officer')
    .all() as Array<{ package_id: string; kind: 'data' | 'receipt'; created_at: string; summary: string; name: string; bureau: string }>;
  const rows: PackageLedgerRow[] = [
    ...out.map((o) => {
      const rs = JSON.parse(o.recipients) as Array<{ id: string; name: string; bureau: string; receipt_at: string | null }>;
      return {
        packageId: o.package_id,
        direction: 'out' as const,
        kind: o.kind,
        created: o.created_at,
        peers: rs.map((r) => `${r.name} (${r.bureau})`),
        tlp: o.tlp,
        summary: JSON.parse(o.summary) as unknown,
        receipts: rs.filter((r) => r.receipt_at).map((r) => ({ officerId: r.id, at: r.receipt_at! })),
      };
    }),
    ...inn.map((i) => ({
      packageId: i.package_id,
      direction: 'in' as const,
      kind: i.kind,
      created: i.created_at,
      peers: [`${i.name} (${i.bureau})`],
      tlp: null,
      summary: JSON.parse(i.summary) as unknown,
      receipts: [],
    })),
  ];
  return rows.sort((x, y) => (x.created < y.created ? 1 : -1));
}
