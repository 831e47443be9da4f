import { gradingSchema } from '../../../../shared/gradingSchema';
import type { ImportSpec } from '../../../../shared/interchange/api';
import { getSource } from '../../store/sources';
import type { ImportSink } from '../sink';
import type { CompiledSpec } from './mapping';

// The source of a row: the spec's source report, or — when the spec maps source columns and the
// row fills them — a report of its own (same scheme as the spec's), created once per distinct one.

export function rowSource(sink: ImportSink, spec: ImportSpec, compiled: CompiledSpec, cells: string[]): { id: string } | { error: string } {
  const cols = compiled.sourceColumns;
  const read = (k: keyof CompiledSpec['sourceColumns']) => cols[k]?.(cells).trim() ?? '';
  const over = { title: read('title'), reference: read('reference'), grade: read('grade'), handling: read('handling'), reportDate: read('reportDate') };
  if (!Object.values(over).some((v) => v !== '')) return { id: sink.defaultSource() };
  const base = spec.source && !('id' in spec.source) ? spec.source : null;
  const scheme = base?.scheme ?? (spec.source && 'id' in spec.source ? getSource(sink.c.db, spec.source.id).scheme : 'admiralty');
  const grading = gradingSchema.safeParse({
    scheme,
    grade: over.grade || base?.grade || 'F6',
    ...(over.handling || base?.handling ? { handling: over.handling || base?.handling } : {}),
    ...(base?.tlp ? { tlp: base.tlp } : {}),
    ...(base?.handlingConditions ? { handlingConditions: base.handlingConditions } : {}),
  });
  if (!grading.success) return { error: `source grading: ${grading.error.issues.map((i) => i.message).join('; ')}` };
  const title = over.title || over.reference || base?.title || 'Import';
  const reference = over.reference || base?.reference;
  const reportDate = over.reportDate || base?.reportDate;
  return {
    id: sink.source({
      title,
      ...(reference ? { reference } : {}),
      ...(reportDate ? { reportDate } : {}),
      ...(base?.restrictedTo ? { restrictedTo: base.restrictedTo } : {}),
      ...grading.data,
    }),
  };
}
