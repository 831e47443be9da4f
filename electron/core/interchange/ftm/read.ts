import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { builtinOf, getProperty, getSchema, type SchemaDef } from '../../../../shared/catalogue';
import { CordonError } from '../../../../shared/errors';
import type { Job } from '../../jobs';
import type { InputFile } from '../files';
import type { ImportSink, Values } from '../sink';
import { requireText } from '../sniff';
import { addAttribute, addValue } from '../vocabulary';
import { carrier, FROM_FTM, oursFor, SCHEMA_FROM_FTM, TO_FTM, unpack, USES_PHONE_ROLE } from './vocabulary';

// FollowTheMoney JSON lines: {"id","schema","properties":{prop:[values]}} per line. Read twice,
// streaming: things first, then links (interstitial entities) and references between things, so
// the order of lines does not matter and memory stays flat. FtM ids are kept (namespace "ftm"):
// importing the same entity again merges into it.

interface FtmLine {
  id: string;
  schema: string;
  properties: Record<string, unknown[]>;
}

const MAX_LINE = 10_000_000;

function parseLine(line: string): FtmLine | string {
  if (line.length > MAX_LINE) return 'the line is longer than 10 MB';
  let o: unknown;
  try {
    o = JSON.parse(line);
  } catch {
    return 'not JSON';
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return 'not a JSON object';
  const x = o as Record<string, unknown>;
  if (typeof x.id !== 'string' || x.id === '' || x.id.length > 1000) return 'no "id"';
  if (typeof x.schema !== 'string') return 'no "schema"';
  const props = x.properties ?? {};
  if (typeof props !== 'object' || props === null || Array.isArray(props)) return '"properties" is not an object';
  return { id: x.id, schema: x.schema, properties: props as Record<string, unknown[]> };
}

function schemaOf(name: string): SchemaDef | undefined {
  const s = getSchema(name) ?? getSchema(SCHEMA_FROM_FTM[name] ?? '');
  return s && s.name !== 'Similar' ? s : undefined;
}

function strings(v: unknown): string[] {
  return (Array.isArray(v) ? v : [v]).filter((x) => typeof x === 'string' || typeof x === 'number').map(String);
}

async function* lines(file: InputFile): AsyncGenerator<{ text: string; n: number }> {
  const rl = createInterface({ input: createReadStream(file.path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  for await (const text of rl) {
    n++;
    if (text.trim() !== '') yield { text: n === 1 ? text.replace(/^\uFEFF/, '') : text, n };
  }
}

const TYPE_NOTE = /^Cordon type: (.+)$/;

/**
 * A case's own type our FtM export wrote as its parent's schema with "Cordon type: NAME" in a
 * note (issue 24): the case's type of that name under that parent, defined if the case lacks it.
 */
function caseTypeOf(sink: ImportSink, schema: SchemaDef, e: FtmLine): SchemaDef {
  const note = Object.values(e.properties).flatMap(strings).map((v) => TYPE_NOTE.exec(v)?.[1]?.trim()).find(Boolean);
  if (!note) return schema;
  const k = note.toLowerCase();
  const own = sink.c.types.own().find((t) => t.label.toLowerCase() === k && builtinOf(t.name) === schema.name);
  if (own) return own;
  try {
    return getSchema(sink.c.types.add({ name: note, kind: schema.edge ? 'link' : 'entity', parent: schema.name, properties: [] }).id) ?? schema;
  } catch {
    return schema;
  }
}

/** Values of one FtM entity in our schema; entity references are left for pass two. */
function valuesOf(schema: SchemaDef, e: FtmLine, issue: (m: string) => void): { values: Values; refs: Array<[string, string]> } {
  const values: Values = [];
  const refs: Array<[string, string]> = [];
  const rename = FROM_FTM[builtinOf(schema.name)] ?? {};
  for (const [ftmProp, raw] of Object.entries(e.properties)) {
    const prop = rename[ftmProp] ?? ftmProp;
    const def = getProperty(schema, prop);
    for (const v of strings(raw)) {
      if (schema.parent && TYPE_NOTE.test(v)) continue;
      if (schema.name === 'UsesPhone' && ftmProp === 'role' && v === USES_PHONE_ROLE) continue;
      if (def?.type === 'entity') {
        if (!schema.edge || (prop !== schema.edge.source && prop !== schema.edge.target)) refs.push([prop, v]);
        continue;
      }
      if (def) {
        const packed = prop === carrier(schema) ? unpack(schema, v) : null;
        if (packed) addValue(schema, values, packed[0], packed[1], issue);
        else addValue(schema, values, prop, v, issue);
      } else addAttribute(schema, values, ftmProp, v, issue);
    }
  }
  return { values, refs };
}

export async function importFtm(sink: ImportSink, job: Job, file: InputFile, limit: number | null): Promise<void> {
  requireText(file.head, 'FtM JSON lines', file.name);
  const first = file.head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (!first.startsWith('{')) throw new CordonError('INVALID_INPUT', `${file.name} is not FollowTheMoney JSON lines (it does not start with a JSON object).`);
  const report = sink.report;
  job.progress(0, 2);
  let valid = 0;
  const linkLines = new Set<number>();
  // Pass 1: things.
  let n = 0;
  for await (const { text, n: line } of lines(file)) {
    if (limit !== null && report.records >= limit) break;
    const e = parseLine(text);
    if (typeof e === 'string') {
      report.records++;
      report.skip(line, e);
      continue;
    }
    valid++;
    const base = schemaOf(oursFor(e.schema, e.properties));
    if (!base) {
      report.records++;
      report.skip(line, `FtM schema "${e.schema}" has no counterpart in Cordon's catalogue`);
      continue;
    }
    if (base.edge) {
      linkLines.add(line);
      continue;
    }
    report.records++;
    const schema = caseTypeOf(sink, base, e);
    const { values } = valuesOf(schema, e, (m) => report.issue(line, m));
    const known = sink.external('ftm', e.id);
    const made = sink.entity(schema, values, sink.defaultSource(), known ? { into: known } : {});
    if ('error' in made) report.skip(line, made.error);
    else if (!known) sink.setExternal('ftm', e.id, made.ref);
    sink.maybeFlush();
    if (++n % 2000 === 0) await job.checkpoint();
  }
  sink.flush();
  if (valid === 0 && report.records > 0) throw new CordonError('INVALID_INPUT', `${file.name} has no FollowTheMoney entity on any line.`);
  job.progress(1, 2);
  // Pass 2: links, and references from things to things.
  for await (const { text, n: line } of lines(file)) {
    const e = parseLine(text);
    if (typeof e === 'string') continue;
    const base = schemaOf(oursFor(e.schema, e.properties));
    if (!base) continue;
    if (!base.edge) {
      const schema = caseTypeOf(sink, base, e);
      const { refs } = valuesOf(schema, e, () => undefined);
      const self = sink.external('ftm', e.id);
      for (const [prop, target] of refs) {
        const other = sink.external('ftm', target);
        if (self && other?.id) sink.addValues(self, [[prop, other.id]], sink.defaultSource());
        else if (self) report.issue(line, `${prop}: "${target}" is not in the file or the case; left out`);
      }
      if (refs.length > 0) sink.flush();
      continue;
    }
    if (!linkLines.has(line)) continue;
    if (limit !== null && report.records >= limit) break;
    report.records++;
    const schema = caseTypeOf(sink, base, e);
    const ftmName = (ours: string) => TO_FTM[base.name]?.[ours] ?? ours;
    const src = strings(e.properties[ftmName(base.edge.source)])[0];
    const dst = strings(e.properties[ftmName(base.edge.target)])[0];
    const from = src ? sink.external('ftm', src) : undefined;
    const to = dst ? sink.external('ftm', dst) : undefined;
    if (!from || !to) {
      report.skip(line, `the ${schema.label.toLowerCase()} points at ${!from ? `"${src ?? ''}"` : `"${dst ?? ''}"`}, which is not in the file or the case`);
      continue;
    }
    if (sink.external('ftm', e.id)) {
      report.merged++;
      continue;
    }
    const { values } = valuesOf(schema, e, (m) => report.issue(line, m));
    const made = sink.link(schema, from, to, values, sink.defaultSource(), line);
    if ('error' in made) report.skip(line, made.error);
    else sink.setExternal('ftm', e.id, made);
    sink.maybeFlush();
    if (++n % 2000 === 0) await job.checkpoint();
  }
}
