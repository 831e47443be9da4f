import { getProperty, getSchema, isBuiltinSchema, type SchemaDef } from '../../../shared/catalogue';
import { isValidGrade, isValidHandling, SCHEMES, type GradingScheme } from '../../../shared/grading';
import { normaliseValue } from '../../../shared/values';
import type { EntityLine, RetractionLine, SourceLine, StatementLine } from './format';
import { Refusal } from './refusal';

// Checks the meaning of a package's lines (the format schemas already checked their shape):
// grades belong to their scheme, entities to the catalogue, values are valid and normalised,
// every statement refers to an entity and a source of the package. Shared by the preview and the
// import, so both refuse exactly the same packages.

export interface PackageEntity {
  schema: SchemaDef;
  from: string | null;
  to: string | null;
}

export class ContentChecker {
  readonly sources = new Map<string, SourceLine>();
  readonly entities = new Map<string, PackageEntity>();

  constructor(
    private readonly entityExists: (id: string) => { schema: string; isLink: boolean } | null,
    /** Whether the receiving case has this type of its own (the catalogue may hold another open case's). */
    private readonly hasOwnType: (id: string) => boolean = () => false,
  ) {}

  private fail(file: string, line: number, message: string): Refusal {
    return new Refusal('content', `${file} line ${line}: ${message}`);
  }

  source(s: SourceLine, line: number): void {
    const f = (m: string) => this.fail('sources.jsonl', line, m);
    if (this.sources.has(s.id)) throw f(`source ${s.id} appears twice`);
    if (!isValidGrade(s.scheme as GradingScheme, s.grade)) throw f(`"${s.grade}" is not a ${SCHEMES[s.scheme].label} grade`);
    if (s.handling !== null && !isValidHandling(s.scheme as GradingScheme, s.handling)) throw f(`"${s.handling}" is not a ${SCHEMES[s.scheme].label} handling code`);
    this.sources.set(s.id, s);
  }

  entity(e: EntityLine, line: number): PackageEntity {
    const f = (m: string) => this.fail('entities.ftm.jsonl', line, m);
    if (this.entities.has(e.id)) throw f(`entity ${e.id} appears twice`);
    const schema = isBuiltinSchema(e.schema) || this.hasOwnType(e.schema) ? getSchema(e.schema) : undefined;
    if (!schema) {
      // A sender's own type (issue 24): packages do not carry type definitions yet (docs/architecture.md §11).
      if (/^T_[0-9a-f]{12}$/.test(e.schema)) throw f(`${e.id} is of a type of the sender's own case (${e.schema}), which this case does not have: packages do not carry type definitions yet`);
      throw f(`"${e.schema}" is not a known entity type`);
    }
    const known = this.entityExists(e.id);
    if (known && known.schema !== e.schema) throw f(`${e.id} is a ${known.schema} in this case, not a ${e.schema}`);
    let from: string | null = null;
    let to: string | null = null;
    if (schema.edge) {
      const ends = [e.properties[schema.edge.source], e.properties[schema.edge.target]];
      if (ends.some((v) => v?.length !== 1)) throw f(`link ${e.id} must have exactly one ${schema.edge.source} and one ${schema.edge.target}`);
      [from, to] = [ends[0]![0]!, ends[1]![0]!];
      for (const end of [from, to]) {
        const p = this.entities.get(end);
        const c = p ? { isLink: p.schema.edge !== undefined } : this.entityExists(end);
        if (!c) throw f(`link ${e.id} points to ${end}, which is neither in the package nor in this case`);
        if (c.isLink) throw f(`link ${e.id} points to another link (${end})`);
      }
    }
    for (const [prop, values] of Object.entries(e.properties)) {
      if (!getProperty(schema, prop)) throw f(`${schema.label} has no property "${prop}"`);
      if (values.length === 0) throw f(`property "${prop}" has no values`);
    }
    const entity = { schema, from, to };
    this.entities.set(e.id, entity);
    return entity;
  }

  private value(file: string, line: number, entity: PackageEntity, prop: string, value: string): void {
    const f = (m: string) => this.fail(file, line, m);
    const def = getProperty(entity.schema, prop);
    if (!def) throw f(`${entity.schema.label} has no property "${prop}"`);
    if (entity.schema.edge && (prop === entity.schema.edge.source || prop === entity.schema.edge.target)) {
      const expected = prop === entity.schema.edge.source ? entity.from : entity.to;
      if (value !== expected) throw f(`the ${prop} of the link is ${expected}, not ${value}`);
      return;
    }
    const check = normaliseValue(def.type, value);
    if (!check.ok) throw f(`${def.label}: ${check.reason}`);
    if (check.value !== value) throw f(`${def.label} "${value}" is not in normal form`);
  }

  statement(s: StatementLine, line: number): PackageEntity {
    const f = (m: string) => this.fail('statements.jsonl', line, m);
    const entity = this.entities.get(s.entity_id);
    if (!entity) throw f(`entity ${s.entity_id} is not in entities.ftm.jsonl`);
    if (s.source_id !== null && !this.sources.has(s.source_id)) throw f(`source ${s.source_id} is not in sources.jsonl`);
    if (s.first_seen > s.last_seen) throw f('first_seen is after last_seen');
    this.value('statements.jsonl', line, entity, s.prop, s.value);
    return entity;
  }

  retraction(r: RetractionLine, line: number): void {
    if (r.source_id !== null && !this.sources.has(r.source_id)) {
      throw this.fail('retractions.jsonl', line, `source ${r.source_id} is not in sources.jsonl`);
    }
  }
}
