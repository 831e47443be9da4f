import { getProperty, getSchema } from '../../../../shared/catalogue';
import type { ExportEntity } from '../export/collect';
import { identityPropFor } from '../vocabulary';

// The columns of a node or edge in a graph file: the label (its caption), the type, and each
// other value under its property's name ("phone", "phone (2)" for a second value), which the
// readers map back (vocabulary.propertyFor strips the " (2)").

export function graphAttributes(e: ExportEntity, isLink: boolean): { label: string; attrs: Array<[string, string]> } {
  const schema = getSchema(e.schema)!;
  const attrs: Array<[string, string]> = [];
  const counts = new Map<string, number>();
  // A node's label is its caption; an edge's label is its summary (readers map them back).
  const idProp = isLink ? 'summary' : identityPropFor(schema, e.caption);
  const label = isLink ? (e.statements.find((s) => s.prop === 'summary')?.value ?? '') : e.caption;
  let skipped = false;
  for (const s of e.statements) {
    const def = getProperty(schema, s.prop);
    if (!def || def.type === 'entity') continue;
    if (!skipped && s.prop === idProp && s.value === label) {
      skipped = true;
      continue;
    }
    const k = (counts.get(s.prop) ?? 0) + 1;
    counts.set(s.prop, k);
    attrs.push([k === 1 ? s.prop : `${s.prop} (${k})`, s.value]);
  }
  return { label, attrs };
}
