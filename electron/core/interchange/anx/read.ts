import { getSchema, type SchemaDef } from '../../../../shared/catalogue';
import { CordonError } from '../../../../shared/errors';
import type { Job } from '../../jobs';
import { bgrToHex } from '../colour';
import type { InputFile } from '../files';
import type { ImportSink, Ref, Values } from '../sink';
import { addAttribute, addValue, GENERIC_ENTITY, identityPropFor, textProp } from '../vocabulary';
import { attr, kid, kids, parseXmlFile, type XmlNode } from '../xml';
import { AnxTypes } from './types';

const PARTY_SCHEMATA = ['Person', 'Organization', 'Company', 'LegalEntity'];
import { readGrading, sourceFor, type ChartGrading } from './grading';

// i2 Analyst's Notebook exchange charts (ANX). Entities (type, identity, label, attributes,
// cards), links (type, direction from ArrowStyle, strength), the chart's grading systems, and the
// positions and colours, which become a layout of the case. Both linking styles are read:
// IdReferenceLinking="true" (End1Reference → ChartItem/@Id) and "false" (End1Id → Entity/@EntityId).

const ARRAYS = new Set(['ChartItemCollection', 'ChartItem', 'String', 'EntityType', 'LinkType', 'Strength', 'AttributeClass', 'Attribute', 'Card', 'CardCollection', 'AttributeCollection']);
const REPRESENTATIONS: Array<[string, string]> = [
  ['Icon', 'IconStyle'],
  ['Box', 'BoxStyle'],
  ['Circle', 'CircleStyle'],
  ['Theme', 'ThemeStyle'],
  ['ThemeLine', 'ThemeStyle'],
  ['EventFrame', 'EventStyle'],
  ['TextBlock', 'TextBlockStyle'],
  ['OleItem', 'OleItemStyle'],
];
const ARROWS: Record<string, 'head' | 'tail' | 'both' | 'none'> = { ArrowOnHead: 'head', ArrowOnTail: 'tail', ArrowOnBoth: 'both', ArrowNone: 'none' };

/** ANX dates are local date-times ("2024-03-01T10:15:00.000"); DateSet/TimeSet say which part counts. */
function anxDate(el: XmlNode): string | undefined {
  const raw = attr(el, 'DateTime');
  if (!raw || attr(el, 'DateSet') === 'false') return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2}))?/.exec(raw);
  if (!m) return undefined;
  return attr(el, 'TimeSet') === 'true' && m[2] ? `${m[1]}T${m[2]}` : m[1];
}

function byId(list: XmlNode[]): Map<string, XmlNode> {
  const m = new Map<string, XmlNode>();
  for (const x of list) {
    const id = attr(x, 'Id');
    if (id) m.set(id, x);
  }
  return m;
}

interface Ctx {
  sink: ImportSink;
  grading: ChartGrading;
  entityTypes: Map<string, XmlNode>;
  entityTypesByName: Map<string, XmlNode>;
  linkTypes: Map<string, XmlNode>;
  strengths: Map<string, XmlNode>;
  attributeClasses: Map<string, XmlNode>;
  /** The chart's types new to the case, defined before the first item is written. */
  types: AnxTypes;
}

/** An entity item's representation, its type element and i2 type name. */
function entityTypeOf(ctx: Ctx, item: XmlNode): { rep: XmlNode | undefined; typeEl: XmlNode | undefined; i2Type: string } {
  const ent = kid(kid(item, 'End'), 'Entity');
  const rep = REPRESENTATIONS.map(([el, st]) => kid(kid(ent, el), st)).find((x) => x !== undefined);
  const typeEl = ctx.entityTypes.get(attr(rep, 'EntityTypeReference') ?? '') ?? ctx.entityTypesByName.get(attr(rep, 'Type') ?? '');
  return { rep, typeEl, i2Type: attr(rep, 'Type') ?? attr(typeEl, 'Name') ?? '' };
}

function linkTypeOf(ctx: Ctx, item: XmlNode): { style: XmlNode | undefined; typeEl: XmlNode | undefined; i2Type: string } {
  const style = kid(kid(item, 'Link'), 'LinkStyle');
  const typeEl = ctx.linkTypes.get(attr(style, 'LinkTypeReference') ?? '');
  return { style, typeEl, i2Type: attr(style, 'Type') ?? attr(typeEl, 'Name') ?? 'Link' };
}

/** The attribute classes an item uses, with their ANX datatypes (AttText, AttNumber, AttTime, AttFlag). */
function classesOf(ctx: Ctx, item: XmlNode): Array<[string, string | undefined]> {
  const out: Array<[string, string | undefined]> = [];
  for (const a of kids(item, 'AttributeCollection').flatMap((c) => kids(c, 'Attribute'))) {
    const clsEl = ctx.attributeClasses.get(attr(a, 'AttributeClassReference') ?? '');
    const cls = attr(a, 'AttributeClass') ?? attr(clsEl, 'Name');
    if (cls) out.push([cls, attr(clsEl, 'Type')]);
  }
  return out;
}

function cards(el: XmlNode | undefined): XmlNode[] {
  return kids(el, 'CardCollection').flatMap((c) => kids(c, 'Card'));
}

/** Item-level source, attributes and cards: the values every kind of item carries. */
function itemValues(ctx: Ctx, item: XmlNode, holder: XmlNode | undefined, schema: SchemaDef, values: Values, row: number, label: string): { itemSource: string; cardValues: Array<[string, Values]> } {
  const { sink } = ctx;
  const issue = (m: string) => sink.report.issue(row, m);
  const src = sourceFor(ctx.grading, item, `${label || 'item'} (i2 chart)`);
  const itemSource = src ? sink.source(src) : sink.defaultSource();
  for (const a of kids(item, 'AttributeCollection').flatMap((c) => kids(c, 'Attribute'))) {
    const cls = attr(a, 'AttributeClass') ?? attr(ctx.attributeClasses.get(attr(a, 'AttributeClassReference') ?? ''), 'Name');
    const value = attr(a, 'Value') ?? '';
    if (cls) addAttribute(schema, values, cls, value, issue);
  }
  const note = textProp(schema);
  const description = attr(item, 'Description');
  if (description && note) addValue(schema, values, note, description, issue);
  const date = anxDate(item);
  if (date) {
    if (schema.properties.some((p) => p.name === 'date')) addValue(schema, values, 'date', date, issue);
    else if (note) values.push([note, `Date: ${date}`]);
  }
  const cardValues: Array<[string, Values]> = [];
  const all = [...cards(item), ...cards(holder)];
  for (const card of all) {
    const summary = attr(card, 'Summary')?.trim() || undefined;
    const cs = sourceFor(ctx.grading, card, 'i2 card', { title: summary, reportDate: anxDate(card)?.slice(0, 10) });
    const sourceId = cs ? sink.source(cs) : itemSource;
    const text = attr(card, 'Text')?.trim() || summary || attr(card, 'SourceReference') || '(card)';
    if (note) cardValues.push([sourceId, [[note, text]]]);
  }
  return { itemSource, cardValues };
}

function importEntity(ctx: Ctx, item: XmlNode, row: number, ends: Map<string, Ref>, idRefLinking: boolean): void {
  const { sink } = ctx;
  const end = kid(item, 'End')!;
  const ent = kid(end, 'Entity')!;
  const { rep, typeEl, i2Type } = entityTypeOf(ctx, item);
  const known = ctx.types.known('entity', i2Type);
  const schema = known ?? getSchema(GENERIC_ENTITY)!;
  const label = attr(item, 'Label') ?? '';
  const identity = attr(ent, 'Identity') ?? '';
  const values: Values = [];
  const issue = (m: string) => sink.report.issue(row, m);
  const main = identity || label;
  if (main) addValue(schema, values, identityPropFor(schema, main), main, issue);
  // A phone labelled with its own number in another format ("+33 6 12 34 56 78" for +33612345678)
  // has no other name: the formats are derived from the number.
  const sameNumber = schema.name === 'Phone' && label.replace(/\D/g, '') !== '' && label.replace(/\D/g, '') === identity.replace(/\D/g, '');
  if (label && label !== identity && !sameNumber) {
    const alt = schema.properties.some((p) => p.name === 'name') ? (values.some(([p]) => p === 'name') ? 'alias' : 'name') : identityPropFor(schema, label);
    addValue(schema, values, schema.properties.some((p) => p.name === alt) ? alt : textProp(schema) ?? alt, label, issue);
  }
  if (i2Type && !known) sink.report.warn(`i2 entity type "${i2Type}" has no counterpart in Cordon; imported as ${GENERIC_ENTITY} (the type is kept in the layout).`);
  const { itemSource, cardValues } = itemValues(ctx, item, ent, schema, values, row, label);
  if (values.length === 0 && cardValues.length === 0) return sink.report.skip(row, 'the entity has no identity, label, attribute or card');
  const made = values.length > 0 ? sink.entity(schema, values, itemSource) : sink.entity(schema, cardValues[0]![1], cardValues.shift()![0]);
  if ('error' in made) return sink.report.skip(row, made.error);
  for (const [sourceId, vs] of cardValues) sink.addValues(made.ref, vs, sourceId);
  const key = idRefLinking ? attr(item, 'Id') : attr(ent, 'EntityId') ?? attr(ent, 'Identity');
  if (key) {
    if (ends.has(key)) sink.report.issue(row, `the chart has two items with the id "${key}"; links go to the first`);
    else ends.set(key, made.ref);
  }
  const x = Number(attr(end, 'X') ?? attr(item, 'XPosition'));
  const y = Number(attr(end, 'Y'));
  const colour = bgrToHex(attr(rep, 'IconShadingColour') ?? attr(rep, 'BackColour')) ?? bgrToHex(attr(typeEl, 'Colour'));
  sink.place(made.ref, Number.isFinite(x) ? x : null, Number.isFinite(y) ? y : null, {
    i2Type,
    ...(colour && colour !== '#000000' ? { colour } : {}),
    ...(attr(typeEl, 'IconFile') ? { icon: attr(typeEl, 'IconFile') } : {}),
    ...(attr(rep, 'Enlargement') ? { size: attr(rep, 'Enlargement') } : {}),
  });
}

function importLink(ctx: Ctx, item: XmlNode, row: number, ends: Map<string, Ref>, idRefLinking: boolean): void {
  const { sink } = ctx;
  const link = kid(item, 'Link')!;
  const { style, typeEl, i2Type } = linkTypeOf(ctx, item);
  const e1 = idRefLinking ? attr(link, 'End1Reference') : attr(link, 'End1Id');
  const e2 = idRefLinking ? attr(link, 'End2Reference') : attr(link, 'End2Id');
  const a = ends.get(e1 ?? '');
  const b = ends.get(e2 ?? '');
  if (!a || !b) {
    const how = idRefLinking ? 'End1Reference/End2Reference (IdReferenceLinking="true")' : 'End1Id/End2Id (IdReferenceLinking="false")';
    return sink.report.skip(row, `the link's ends "${e1 ?? ''}" and "${e2 ?? ''}" are not both entities of the chart (read through ${how})`);
  }
  const arrow = ARROWS[attr(style, 'ArrowStyle') ?? 'ArrowNone'] ?? 'none';
  let [from, to] = arrow === 'tail' ? [b, a] : [a, b];
  const strengthEl = ctx.strengths.get(attr(style, 'StrengthReference') ?? '');
  const strength = attr(style, 'Strength') ?? attr(strengthEl, 'Name');
  let schema = ctx.types.known('link', i2Type) ?? getSchema('UnknownLink')!;
  // A link between a party and a phone ("Owner", "User", "Uses") is who uses the phone (issue 17).
  const party = (r: Ref) => PARTY_SCHEMATA.includes(r.schema);
  if ((from.schema === 'Phone' && party(to)) || (to.schema === 'Phone' && party(from))) {
    if (schema.name !== 'Call') {
      schema = getSchema('UsesPhone')!;
      if (from.schema === 'Phone') [from, to] = [to, from];
    }
  }
  const label = attr(item, 'Label') ?? '';
  const build = (s: SchemaDef): { values: Values; itemSource: string; cardValues: Array<[string, Values]> } => {
    const values: Values = [];
    const issue = (m: string) => sink.report.issue(row, m);
    if (s.name === 'UnknownLink' && i2Type && i2Type !== 'Link') addValue(s, values, 'role', i2Type, issue);
    if (label && label !== i2Type) addValue(s, values, 'summary', label, issue);
    return { values, ...itemValues(ctx, item, link, s, values, row, label) };
  };
  let v = build(schema);
  let made = sink.link(schema, from, to, v.values, v.itemSource, row);
  if ('error' in made && schema.name !== 'UnknownLink' && !made.error.startsWith('both ends')) {
    sink.report.issue(row, `${made.error}; kept as an other link with role "${i2Type}"`);
    schema = getSchema('UnknownLink')!;
    v = build(schema);
    made = sink.link(schema, from, to, v.values, v.itemSource, row);
  }
  if ('error' in made) return sink.report.skip(row, made.error);
  for (const [sourceId, vs] of v.cardValues) sink.addValues(made, vs, sourceId);
  const colour = bgrToHex(attr(style, 'LineColour')) ?? bgrToHex(attr(typeEl, 'Colour'));
  sink.place(made, null, null, {
    i2Type,
    arrow,
    ...(strength ? { strength } : {}),
    ...(colour && colour !== '#000000' ? { colour } : {}),
    ...(attr(style, 'LineWidth') ? { width: Number(attr(style, 'LineWidth')) } : {}),
  });
}

export async function importAnx(sink: ImportSink, job: Job, file: InputFile, limit: number | null): Promise<void> {
  const chart = parseXmlFile(file, 'Chart', 'an i2 ANX chart', ARRAYS);
  const idRefLinking = attr(chart, 'IdReferenceLinking') === 'true';
  const items = kids(chart, 'ChartItemCollection').flatMap((c) => kids(c, 'ChartItem'));
  const entityTypes = kids(kid(chart, 'EntityTypeCollection'), 'EntityType');
  const ctx: Ctx = {
    sink,
    grading: readGrading(chart),
    entityTypes: byId(entityTypes),
    entityTypesByName: new Map(entityTypes.map((t) => [attr(t, 'Name') ?? '', t])),
    linkTypes: byId(kids(kid(chart, 'LinkTypeCollection'), 'LinkType')),
    strengths: byId(kids(kid(chart, 'StrengthCollection'), 'Strength')),
    attributeClasses: byId(kids(kid(chart, 'AttributeClassCollection'), 'AttributeClass')),
    types: new AnxTypes(sink),
  };
  if (items.length === 0 && !kid(chart, 'ChartItemCollection')) throw new CordonError('INVALID_INPUT', `${file.name} is an ANX chart with no items.`);
  sink.createLayout(file.name.replace(/\.anx$/i, ''), 'anx', {
    idReferenceLinking: idRefLinking,
    grading: { scheme: ctx.grading.scheme, one: ctx.grading.one, two: ctx.grading.two, three: ctx.grading.three },
    ...(bgrToHex(attr(chart, 'BackColour')) ? { background: bgrToHex(attr(chart, 'BackColour')) } : {}),
  });
  // The chart's own types first (anx/types.ts), so each is defined once with all its properties.
  for (const item of items) {
    if (kid(kid(item, 'End'), 'Entity')) {
      const t = entityTypeOf(ctx, item);
      ctx.types.note('entity', t.i2Type, t.typeEl, classesOf(ctx, item));
    } else if (kid(item, 'Link')) {
      const t = linkTypeOf(ctx, item);
      ctx.types.note('link', t.i2Type, t.typeEl, classesOf(ctx, item));
    }
  }
  ctx.types.define();
  const ends = new Map<string, Ref>();
  job.progress(0, items.length);
  // Entities first: a link may come before its ends in the file.
  let n = 0;
  for (const pass of ['End', 'Link'] as const) {
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (!kid(item, pass)) continue;
      if (limit !== null && sink.report.records >= limit) break;
      sink.report.records++;
      if (pass === 'End') {
        if (!kid(kid(item, 'End'), 'Entity')) {
          sink.report.skip(i + 1, 'the item is not an entity (a label or shape); left out');
          continue;
        }
        importEntity(ctx, item, i + 1, ends, idRefLinking);
      } else importLink(ctx, item, i + 1, ends, idRefLinking);
      sink.maybeFlush();
      if (++n % 1000 === 0) {
        job.progress(n, items.length);
        await job.checkpoint();
      }
    }
  }
}
