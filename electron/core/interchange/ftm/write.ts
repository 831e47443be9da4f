import { builtinOf, getProperty, getSchema } from '../../../../shared/catalogue';
import type { ExportSet } from '../export/collect';
import type { OutFile } from '../export/out';
import type { Tick } from '../export/pace';
import { carrier, DERIVED, FTM_SCHEMA, NO_FTM, NOT_IN_FTM, TO_FTM, USES_PHONE_ROLE } from './vocabulary';

// FollowTheMoney JSON lines: one entity per line, links as interstitial entities whose edge
// properties hold the ids of their ends. Property names are FtM's; the few we have and FtM
// lacks go into notes/summary as "Label: value" (ftm/vocabulary.ts).

export async function writeFtm(out: OutFile, set: ExportSet, tick: Tick): Promise<string[]> {
  const warnings: string[] = [];
  const ids = new Map<string, string>();
  for (const e of set.entities) for (const m of e.members) ids.set(m, e.id);
  const lineOf = (id: string, typeName: string, statements: Array<{ prop: string; value: string }>, ends?: [string, string]) => {
    // A case's own type (issue 24) goes out as its built-in parent's FtM schema; its name and its
    // own properties ride in the carrier (notes or summary) as "Label: value".
    const own = getSchema(typeName)!;
    const schemaName = builtinOf(typeName);
    const schema = getSchema(schemaName)!;
    const rename = TO_FTM[schemaName] ?? {};
    const lacking = NOT_IN_FTM[schemaName] ?? [];
    const properties: Record<string, string[]> = {};
    const put = (p: string, v: string) => {
      const list = (properties[p] ??= []);
      if (!list.includes(v)) list.push(v);
    };
    if (ends && schema.edge) {
      put(rename[schema.edge.source] ?? schema.edge.source, ends[0]);
      put(rename[schema.edge.target] ?? schema.edge.target, ends[1]);
    }
    const derived = DERIVED[schemaName] ?? [];
    if (schemaName === 'UsesPhone') put('role', USES_PHONE_ROLE);
    if (own !== schema) put(carrier(schema), `Cordon type: ${own.label}`);
    for (const s of statements) {
      const def = getProperty(own, s.prop);
      if (!def || derived.includes(s.prop)) continue;
      if (lacking.includes(s.prop) || !getProperty(schema, s.prop)) put(carrier(schema), `${def.label}: ${s.value}`);
      else if (def.type === 'entity') {
        const target = ids.get(s.value);
        if (target) put(rename[s.prop] ?? s.prop, target);
      } else put(rename[s.prop] ?? s.prop, s.value);
    }
    out.line(JSON.stringify({ id, schema: FTM_SCHEMA[schemaName] ?? schemaName, properties }));
  };
  let unmapped = 0;
  for (const e of set.entities) {
    await tick();
    if (NO_FTM.has(builtinOf(e.schema))) {
      unmapped++;
      continue;
    }
    lineOf(e.id, e.schema, e.statements);
  }
  let similar = 0;
  for (const l of set.links) {
    await tick();
    if (l.schema === 'Similar') {
      similar++;
      continue;
    }
    if (NO_FTM.has(builtinOf(l.schema))) {
      unmapped++;
      continue;
    }
    lineOf(l.id, l.schema, l.statements, [l.from, l.to]);
  }
  if (unmapped > 0) warnings.push(`${unmapped} handsets, SIM cards, cell sites or links between them have no FollowTheMoney schema and were not exported (ANX keeps them).`);
  if (similar > 0) warnings.push(`${similar} pending "possible same-as" links are Cordon's own and were not exported.`);
  return warnings;
}
