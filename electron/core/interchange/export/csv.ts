import { ALL_SCHEMATA } from '../../../../shared/catalogue';
import type { ExportSet } from './collect';
import type { OutFile } from './out';
import type { Tick } from './pace';

// CSV export: an entities table and a links table, RFC 4180 quoting, UTF-8 with a BOM so that
// Excel opens accents correctly. Several values of one property share a cell, separated by "; ".
// (Parsing CSV is csv-parse's job; writing one is quoting, done here.)

const ORDER = new Map<string, number>();
for (const s of ALL_SCHEMATA) for (const p of s.properties) if (!ORDER.has(p.name)) ORDER.set(p.name, ORDER.size);

export function csvField(v: string): string {
  return /[",\r\n;]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

async function table(out: OutFile, fixed: string[], rows: Array<{ fixed: string[]; statements: Array<{ prop: string; value: string }> }>, tick: Tick): Promise<void> {
  const props = [...new Set(rows.flatMap((r) => r.statements.map((s) => s.prop)))].sort((a, b) => (ORDER.get(a) ?? 1e9) - (ORDER.get(b) ?? 1e9) || a.localeCompare(b));
  out.write('\uFEFF');
  out.line([...fixed, ...props].map(csvField).join(','));
  for (const r of rows) {
    await tick();
    const cells = props.map((p) => {
      const vs = [...new Set(r.statements.filter((s) => s.prop === p).map((s) => s.value))];
      return vs.join('; ');
    });
    out.line([...r.fixed, ...cells].map(csvField).join(','));
  }
}

export async function writeCsv(entitiesOut: OutFile, linksOut: OutFile, set: ExportSet, tick: Tick): Promise<string[]> {
  await table(
    entitiesOut,
    ['id', 'schema', 'caption'],
    set.entities.map((e) => ({ fixed: [e.id, e.schema, e.caption], statements: e.statements })),
    tick,
  );
  const caption = new Map(set.entities.map((e) => [e.id, e.caption]));
  await table(
    linksOut,
    ['id', 'schema', 'source_id', 'target_id', 'source', 'target'],
    set.links.map((l) => ({ fixed: [l.id, l.schema, l.from, l.to, caption.get(l.from) ?? '', caption.get(l.to) ?? ''], statements: l.statements })),
    tick,
  );
  return [];
}
