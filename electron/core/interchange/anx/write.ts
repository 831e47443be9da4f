import { getProperty, getSchema, type SchemaDef } from '../../../../shared/catalogue';
import type { GradingScheme } from '../../../../shared/grading';
import { hexToBgr } from '../colour';
import { mainSource, type ExportEntity, type ExportSet, type ExportSource } from '../export/collect';
import type { OutFile } from '../export/out';
import type { Tick } from '../export/pace';
import { identityPropFor, textProp } from '../vocabulary';
import { esc } from '../xml';
import { gradeIndexes, gradingLists } from './grading';

// ANX for i2 Analyst's Notebook (IdReferenceLinking="true": links name their ends by ChartItem
// Id; each Entity also carries its Cordon id as EntityId). Per item: the source of its identity
// is the item's source reference and grades; every other source of its notes is a card; other
// values are attributes named by the property's label ("Phone", "Phone (2)"). Our reader reads
// this back to the same case (test/core/interchange/anx.test.ts).

const ARROW: Record<string, string> = { head: 'ArrowOnHead', tail: 'ArrowOnTail', both: 'ArrowOnBoth', none: 'ArrowNone' };
const I2_TYPE: Record<string, string> = {
  Organization: 'Organisation',
  BankAccount: 'Account',
  UserAccount: 'User Account',
  LegalEntity: 'Legal entity',
  RealEstate: 'Property',
  // Communications (issue 17): i2's own type names, which our reader maps back.
  Phone: 'Telephone',
  Device: 'Handset',
  SIM: 'SIM Card',
  CellSite: 'Cell Site',
};

/** Admiralty F6 ("cannot be judged") is what an ungraded value gets: in i2 terms, no grade. */
const ungraded = (s: ExportSource) => s.scheme === 'admiralty' && s.grade === 'F6' && !s.handling;

/** The chart has one grading system: the scheme most of the exported values are graded in. */
function chooseScheme(set: ExportSet): GradingScheme {
  const count = new Map<GradingScheme, number>();
  for (const e of [...set.entities, ...set.links]) {
    for (const st of e.statements) {
      const s = st.sourceId ? set.sources.get(st.sourceId) : undefined;
      if (s && !ungraded(s)) count.set(s.scheme, (count.get(s.scheme) ?? 0) + 1);
    }
  }
  return [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'eu4x4';
}

class Ids {
  private n = 0;
  private readonly map = new Map<string, string>();
  constructor(private readonly prefix: string) {}
  get(name: string): string {
    let id = this.map.get(name);
    if (!id) this.map.set(name, (id = `${this.prefix}${++this.n}`));
    return id;
  }
  entries(): Array<[string, string]> {
    return [...this.map.entries()];
  }
}

export async function writeAnx(out: OutFile, set: ExportSet, tick: Tick): Promise<string[]> {
  const warnings: string[] = [];
  const scheme = chooseScheme(set);
  const lists = gradingLists(scheme);
  let otherScheme = 0;
  const gradeAttrs = (src: ExportSource | undefined): string => {
    if (!src) return '';
    const ref = src.reference ? ` SourceReference="${esc(src.reference)}"` : '';
    if (src.scheme !== scheme && ungraded(src)) return `${ref} SourceType="${esc(src.title)}"`;
    if (src.scheme !== scheme) {
      otherScheme++;
      return `${ref} SourceType="${esc(`${src.title} [${src.scheme} ${src.grade}${src.handling ? ` ${src.handling}` : ''}]`)}"`;
    }
    const [a, b, c] = gradeIndexes(scheme, src.grade, src.handling);
    return `${ref} SourceType="${esc(src.title)}" GradeOneIndex="${a}" GradeTwoIndex="${b}" GradeThreeIndex="${c}"`;
  };
  const cardXml = (src: ExportSource | undefined, text: string): string => {
    const date = src?.reportDate && /^\d{4}-\d{2}-\d{2}/.test(src.reportDate) ? ` DateSet="true" TimeSet="false" DateTime="${src.reportDate.slice(0, 10)}T00:00:00.000"` : ' DateSet="false"';
    return `<Card Summary="${esc(src?.title ?? '')}" Text="${esc(text)}"${date}${gradeAttrs(src).replace(/ SourceType="[^"]*"/, '')}/>`;
  };

  const entityTypes = new Ids('ET');
  const linkTypes = new Ids('LT');
  const strengths = new Ids('ST');
  const classes = new Ids('AC');
  const typeColour = new Map<string, number>();
  const typeIcon = new Map<string, string>();
  const linkColour = new Map<string, number>();
  const items: string[] = [];
  const itemId = new Map<string, string>();

  /** Attributes, description and cards of an item. */
  const body = (e: ExportEntity, schema: SchemaDef, skip: Set<string>, itemSource: string | null) => {
    const note = textProp(schema);
    const attrs: string[] = [];
    const perProp = new Map<string, number>();
    const cardsBySource = new Map<string | null, string[]>();
    let description: string | null = null;
    for (const s of e.statements) {
      if (skip.has(`${s.prop}\u0000${s.value}`)) continue;
      if (s.prop === note && s.sourceId !== itemSource) {
        (cardsBySource.get(s.sourceId) ?? cardsBySource.set(s.sourceId, []).get(s.sourceId)!).push(s.value);
        continue;
      }
      if (s.prop === note && description === null) {
        description = s.value;
        continue;
      }
      const def = getProperty(schema, s.prop);
      if (!def || def.type === 'entity') continue;
      const k = (perProp.get(s.prop) ?? 0) + 1;
      perProp.set(s.prop, k);
      const cls = k === 1 ? def.label : `${def.label} (${k})`;
      const type = def.type === 'number' ? 'AttNumber' : def.type === 'datetime' ? 'AttTime' : 'AttText';
      classes.get(`${cls}\u0000${type}`);
      attrs.push(`<Attribute AttributeClass="${esc(cls)}" AttributeClassReference="${classes.get(`${cls}\u0000${type}`)}" Value="${esc(s.value)}"/>`);
    }
    const cards = [...cardsBySource.entries()].map(([sid, texts]) => cardXml(sid ? set.sources.get(sid) : undefined, texts.join('\n\n')));
    return { attrs, cards, description };
  };

  let x = 0;
  for (const e of set.entities) {
    await tick();
    const schema = getSchema(e.schema)!;
    const place = set.placement.get(e.id) ?? e.members.map((m) => set.placement.get(m)).find(Boolean);
    const i2Type = typeof place?.style.i2Type === 'string' && place.style.i2Type ? place.style.i2Type : (I2_TYPE[schema.name] ?? schema.label);
    // What ANB shows: the caption, or (a phone-only account has none) the first value.
    const shown = e.caption || e.statements.find((st) => getProperty(schema, st.prop)?.type !== 'entity')?.value || e.id;
    const idProp = identityPropFor(schema, shown);
    const idStatement = e.statements.find((st) => st.prop === idProp) ?? e.statements.find((st) => st.value === shown);
    const identity = idStatement?.value ?? shown;
    const itemSource = mainSource(e, idStatement?.prop ?? idProp);
    const skip = new Set(idStatement ? [`${idStatement.prop}\u0000${idStatement.value}`] : []);
    const { attrs, cards, description } = body(e, schema, skip, itemSource);
    const ci = `CI${items.length + 1}`;
    itemId.set(e.id, ci);
    const et = entityTypes.get(i2Type);
    const colour = hexToBgr(place?.style.colour);
    // A case type (issue 24) goes back as an ANX type of its name, with its colour and icon.
    const ownColour = colour ?? hexToBgr(schema.color);
    if (ownColour !== null && !typeColour.has(i2Type)) typeColour.set(i2Type, ownColour);
    const px = place?.x ?? (x % 20) * 120;
    const py = place?.y ?? Math.floor(x / 20) * 120;
    x++;
    if (!typeIcon.has(i2Type)) typeIcon.set(i2Type, typeof place?.style.icon === 'string' ? place.style.icon : (schema.icon ?? i2Type));
    items.push(
      `<ChartItem Id="${ci}" Label="${esc(shown)}"${description !== null ? ` Description="${esc(description)}"` : ''} DateSet="false"${gradeAttrs(itemSource ? set.sources.get(itemSource) : undefined)} XPosition="${px}">` +
        `<End X="${px}" Y="${py}" Z="0"><Entity EntityId="${esc(e.id)}" Identity="${esc(identity)}" LabelIsIdentity="${identity === shown}">` +
        `<Icon><IconStyle Type="${esc(i2Type)}" EntityTypeReference="${et}"${colour !== null ? ` IconShadingColour="${colour}"` : ''}${typeof place?.style.size === 'string' ? ` Enlargement="${esc(place.style.size)}"` : ''}/></Icon>` +
        (cards.length ? `<CardCollection>${cards.join('')}</CardCollection>` : '') +
        `</Entity></End>` +
        (attrs.length ? `<AttributeCollection>${attrs.join('')}</AttributeCollection>` : '') +
        `</ChartItem>`,
    );
  }
  for (const l of set.links) {
    await tick();
    const schema = getSchema(l.schema)!;
    const place = set.placement.get(l.id);
    const role = l.statements.find((s) => s.prop === 'role')?.value;
    const i2Type = typeof place?.style.i2Type === 'string' && place.style.i2Type ? place.style.i2Type : l.schema === 'UnknownLink' ? (role ?? 'Link') : schema.label;
    const arrow = typeof place?.style.arrow === 'string' ? place.style.arrow : schema.edge!.directed ? 'head' : 'none';
    const strength = typeof place?.style.strength === 'string' ? place.style.strength : 'Confirmed';
    const itemSource = mainSource(l);
    const skip = new Set<string>();
    if (l.schema === 'UnknownLink' && role === i2Type) skip.add(`role\u0000${role}`);
    const summary = l.statements.find((s) => s.prop === 'summary' && s.sourceId === itemSource)?.value;
    if (summary !== undefined) skip.add(`summary\u0000${summary}`);
    const { attrs, cards, description } = body(l, schema, skip, itemSource);
    const lt = linkTypes.get(i2Type);
    const own = hexToBgr(schema.color);
    if (own !== null && !linkColour.has(i2Type)) linkColour.set(i2Type, own);
    const st = strengths.get(strength);
    const colour = hexToBgr(place?.style.colour);
    const date = l.statements.find((s) => s.prop === 'date')?.value;
    void date;
    // Our from → to is ANX's End1 → End2, except when the chart drew the arrow on the tail.
    const [e1, e2] = arrow === 'tail' ? [l.to, l.from] : [l.from, l.to];
    items.push(
      `<ChartItem Id="CI${items.length + 1}" Label="${esc(summary ?? i2Type)}"${description !== null ? ` Description="${esc(description)}"` : ''} DateSet="false"${gradeAttrs(itemSource ? set.sources.get(itemSource) : undefined)}>` +
        `<Link End1Reference="${itemId.get(e1)}" End2Reference="${itemId.get(e2)}">` +
        `<LinkStyle ArrowStyle="${ARROW[arrow] ?? 'ArrowNone'}" Type="${esc(i2Type)}" LinkTypeReference="${lt}" Strength="${esc(strength)}" StrengthReference="${st}"${colour !== null ? ` LineColour="${colour}"` : ''}${typeof place?.style.width === 'number' ? ` LineWidth="${place.style.width}"` : ''}/>` +
        (cards.length ? `<CardCollection>${cards.join('')}</CardCollection>` : '') +
        `</Link>` +
        (attrs.length ? `<AttributeCollection>${attrs.join('')}</AttributeCollection>` : '') +
        `</ChartItem>`,
    );
  }
  if (otherScheme > 0) warnings.push(`${otherScheme} source references are graded in another scheme than the chart's (${scheme}); their grades are written as text in SourceType.`);

  const strings = (xs: string[]) => `<StringCollection>${xs.map((t) => `<String Text="${esc(t)}"/>`).join('')}</StringCollection>`;
  out.line('<?xml version="1.0" encoding="UTF-8"?>');
  out.line('<Chart IdReferenceLinking="true" Rigorous="true" UseLocalTimeZone="true" BackColour="16777215" LabelRule="LabelRuleMerge">');
  out.line(`<GradeOne>${strings(lists.one)}</GradeOne>`);
  out.line(`<GradeTwo>${strings(lists.two)}</GradeTwo>`);
  if (lists.three.length > 1) out.line(`<GradeThree>${strings(lists.three)}</GradeThree>`);
  const dot = (name: string) => (/unconfirmed/i.test(name) ? 'DotStyleDashed' : /tentative/i.test(name) ? 'DotStyleDotted' : 'DotStyleSolid');
  out.line(`<StrengthCollection>${strengths.entries().map(([n, id]) => `<Strength Id="${id}" Name="${esc(n)}" DotStyle="${dot(n)}"/>`).join('')}</StrengthCollection>`);
  out.line(`<LinkTypeCollection>${linkTypes.entries().map(([n, id]) => `<LinkType Id="${id}" Name="${esc(n)}" Colour="${linkColour.get(n) ?? 0}"/>`).join('')}</LinkTypeCollection>`);
  out.line(`<EntityTypeCollection>${entityTypes.entries().map(([n, id]) => `<EntityType Id="${id}" Name="${esc(n)}" IconFile="${esc(typeIcon.get(n) ?? n)}" Colour="${typeColour.get(n) ?? 0}" PreferredRepresentation="RepresentAsIcon"/>`).join('')}</EntityTypeCollection>`);
  out.line(
    `<AttributeClassCollection>${classes
      .entries()
      .map(([k, id]) => {
        const [n, t] = k.split('\u0000');
        return `<AttributeClass Id="${id}" Name="${esc(n!)}" Type="${t}" ShowValue="true"/>`;
      })
      .join('')}</AttributeClassCollection>`,
  );
  out.line('<ChartItemCollection>');
  for (const it of items) out.line(it);
  out.line('</ChartItemCollection>');
  out.line('</Chart>');
  return warnings;
}
