import { existsSync, writeFileSync } from 'node:fs';
import { importSpecSchema } from '../../../shared/interchange/api';
import type { Handlers } from '../../../shared/api';
import { CordonError } from '../../../shared/errors';
import type { Session } from '../session';
import { openInput } from './files';
import { getLayout, listLayouts } from './layouts';
import { findCandidates } from './match/candidates';
import { cluster, judge, split } from './match/judgements';
import { runExport, runImport } from './run';
import { previewTabular, readSpecFile } from './tabular/import';
import type { ImportRecord } from '../../../shared/interchange/dto';

// The contract's import.*, export.*, match.* and layout.* methods.

type Names = 'import.preview' | 'import.dryRun' | 'import.run' | 'import.saveSpec' | 'import.loadSpec' | 'import.list' | 'export.run' | 'match.candidates' | 'match.judge' | 'match.split' | 'match.cluster' | 'layout.list' | 'layout.get';

export function loadSpec(path: string) {
  const parsed = importSpecSchema.safeParse(readSpecFile(path));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || 'spec'}: ${i.message}`);
    throw new CordonError('INVALID_INPUT', `${path} is not a valid import specification: ${issues.join('; ')}`, issues);
  }
  return parsed.data;
}

export function interchangeHandlers(session: Session): Pick<Handlers, Names> {
  return {
    'import.preview': async ({ path, format, rows, ...opts }) => {
      void session.case;
      return previewTabular(openInput(path, format), format, opts, rows);
    },
    'import.dryRun': async ({ path, format, spec, limit }) => runImport(session.case, session.jobs, { path, format, spec }, { dryRun: true, limit }),
    'import.run': async ({ path, format, spec }) => runImport(session.case, session.jobs, { path, format, spec }, { dryRun: false, limit: null }),
    'import.saveSpec': async ({ path, spec, overwrite }) => {
      if (existsSync(path) && !overwrite) throw new CordonError('FILE_EXISTS', `${path} already exists.`);
      writeFileSync(path, `${JSON.stringify(spec, null, 2)}\n`, { mode: 0o600 });
      return { path };
    },
    'import.loadSpec': async ({ path }) => loadSpec(path),
    'import.list': async () =>
      (
        session.case.db.prepare('SELECT id, format, file_name, sha256, bytes, source_id, actor, started_at, finished_at, report FROM imports ORDER BY started_at DESC').all() as Array<{
          id: string;
          format: string;
          file_name: string;
          sha256: string;
          bytes: number;
          source_id: string | null;
          actor: string;
          started_at: string;
          finished_at: string;
          report: string;
        }>
      ).map((r): ImportRecord => {
        const rep = JSON.parse(r.report) as ImportRecord['report'];
        return {
          id: r.id,
          format: r.format,
          fileName: r.file_name,
          sha256: r.sha256,
          bytes: r.bytes,
          sourceId: r.source_id,
          actor: r.actor,
          startedAt: r.started_at,
          finishedAt: r.finished_at,
          report: { created: rep.created, merged: rep.merged, skipped: rep.skipped, entities: rep.entities, links: rep.links },
        };
      }),
    'export.run': async (input) => runExport(session.case, session.jobs, input),
    'match.candidates': async (opts) => findCandidates(session.case.db, opts),
    'match.judge': async ({ a, b, decision, score, reasons }) => judge(session.case, a, b, decision, score, reasons),
    'match.split': async ({ id }) => split(session.case, id),
    'match.cluster': async ({ id }) => cluster(session.case, id),
    'layout.list': async () => listLayouts(session.case.db),
    'layout.get': async ({ id }) => getLayout(session.case.db, id),
  };
}
