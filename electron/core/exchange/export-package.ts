import { basename } from 'node:path';
import type { ExportResult } from '../../../shared/exchange/dto';
import type { Job } from '../jobs';
import type { Case } from '../store/case';
import { loadSigner } from './directory';
import { INNER } from './format';
import { entityAndStatementLines, entityLines, retractionLines, sourceLines, statementLines } from './lines';
import { operationLines } from './plans-out';
import { projectRef } from './projects';
import { clearTemp, prepareExport, type ExportScope } from './review';
import { FileMeasure, measureEach, sealPackage, type InnerFile } from './seal';
import { nextOutgoing } from './sequence';

// Sending a package: the handling review decides what goes and what is withheld, then the files are
// written, sealed for the recipients and signed (DESIGN.md §6). The review alone writes nothing.

const AUDITED_WITHHELD = 1000;

export async function exportPackage(
  c: Case,
  input: { path: string; to: string[]; scope: ExportScope; project?: string | undefined; operations?: string[] | undefined },
  job?: Job,
): Promise<ExportResult> {
  const db = c.db;
  try {
    const prep = prepareExport(c, input.to, input.scope, input.operations ?? []);
    const { officer, key } = loadSigner(db);
    const sequence: Record<string, number> = {};
    const byOfficer: Record<string, number> = {};
    for (const r of prep.recipients) sequence[r.fingerprint] = byOfficer[r.id] = nextOutgoing(db, r.id);
    const projectId = prep.projectId ?? input.project ?? null;
    const { review } = prep;
    const files: InnerFile[] = [
      { name: INNER.sources, produce: () => sourceLines(db) },
      { name: INNER.entities, produce: () => entityLines(db) },
      { name: INNER.retractions, produce: () => retractionLines(db, c.bureau, prep.since) },
      { name: INNER.statements, produce: () => statementLines(db) },
    ];
    // Version 2 only when plans travel: ordinary packages stay readable by older Cordons.
    if (prep.plans.length) files.push({ name: INNER.operations, produce: () => operationLines(prep.plans) });
    const sealed = await sealPackage({
      version: prep.plans.length ? 2 : 1,
      kind: 'data',
      sender: officer,
      signer: key,
      recipients: prep.recipients,
      sequence,
      tlp: review.highest.tlp,
      handling: review.highest.handling,
      scope: review.scope,
      project: projectId ? projectRef(db, projectId) : null,
      files,
      measure: (files, j) => measureData(c, files, j),
      outPath: input.path,
      ...(job ? { job } : {}),
    });
    const withheld = { sources: review.withheld.sources, entities: review.withheld.entities, links: review.withheld.links, statements: review.withheld.statements };
    c.write(() => {
      db.prepare('INSERT INTO exchange_out (package_id, kind, created_at, tlp, handling, payload_sha256, summary) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        sealed.packageId,
        'data',
        sealed.created,
        review.highest.tlp,
        review.highest.handling,
        sealed.payloadSha256,
        JSON.stringify({ scope: review.scope, included: review.included, withheld, plans: review.plans.length, file: basename(input.path), bytes: sealed.bytes }),
      );
      const add = db.prepare('INSERT INTO exchange_out_recipients (package_id, officer_id, seq) VALUES (?, ?, ?)');
      for (const r of prep.recipients) add.run(sealed.packageId, r.id, byOfficer[r.id]);
      c.audit.append({
        actor: c.actor,
        action: 'package.export',
        target: sealed.packageId,
        detail: {
          to: prep.recipients.map((r) => ({ id: r.id, name: r.name, bureau: r.bureau.code, fingerprint: r.fingerprint, seq: byOfficer[r.id] })),
          scope: review.scope,
          project: projectId,
          included: review.included,
          tlp: review.highest.tlp,
          handling: review.highest.handling,
          withheld: { ...withheld, items: review.withheld.items.slice(0, AUDITED_WITHHELD).map((i) => ({ kind: i.kind, id: i.id, rule: i.rule, reason: i.reason })) },
          plans: review.plans,
          file: basename(input.path),
          bytes: sealed.bytes,
          payloadSha256: sealed.payloadSha256,
        },
      });
    });
    return { packageId: sealed.packageId, path: input.path, bytes: sealed.bytes, review, sequence: byOfficer };
  } finally {
    clearTemp(db);
  }
}

/** The data files measured with one walk over entities and statements, not two. */
async function measureData(c: Case, files: InnerFile[], job?: Job) {
  const byName = new Map((await measureEach(files.filter((f) => f.name !== INNER.entities && f.name !== INNER.statements), job)).map((m) => [m.name, m]));
  const entities = new FileMeasure(INNER.entities);
  const statements = new FileMeasure(INNER.statements);
  let n = 0;
  for (const e of entityAndStatementLines(c.db)) {
    entities.add(e.entity);
    for (const s of e.statements) statements.add(s);
    if (++n % 5000 === 0 && job) await job.checkpoint();
  }
  byName.set(INNER.entities, entities.done());
  byName.set(INNER.statements, statements.done());
  return files.map((f) => byName.get(f.name)!);
}

/** The review alone: what an export would send and withhold. Writes nothing. */
export function reviewExport(c: Case, to: string[], scope: ExportScope, operations: string[] = []) {
  try {
    return prepareExport(c, to, scope, operations).review;
  } finally {
    clearTemp(c.db);
  }
}
