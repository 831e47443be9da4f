import { getSchema, type SchemaDef } from '../../../../shared/catalogue';
import type { Datatype } from '../../../../shared/vocabulary/dto';
import { bgrToHex } from '../colour';
import type { ImportSink } from '../sink';
import { entitySchemaFor, GENERIC_ENTITY, linkSchemaFor, propertyFor } from '../vocabulary';
import { attr, type XmlNode } from '../xml';

// An ANX chart's own vocabulary as types of the case (issue 24). An entity or link type with no
// counterpart among ours (the built-ins, their synonyms, the case's types by name) becomes a case
// type under the generic parent (LegalEntity, or the other link), with its ANB icon name kept and
// its colour; the attribute classes its items use and no inherited property takes become its
// properties (AttNumber a number, AttTime a date-time, the rest text). Everything is known before
// the first item is written (a first pass over the items), so each type is defined once, in the
// import's transaction: a preview or a failed import leaves none behind.
//
// Limits: 200 properties per type (as the contract's type.add takes) and 2,000 attribute classes
// made into properties per import. An attribute past them is kept as a note "Class: value", as
// before issue 24, and one warning says so; a chart with 5,000 classes imports whole.

export const MAX_PROPS_PER_TYPE = 200;
export const MAX_CLASSES_PER_IMPORT = 2000;
const MAX_NAME = 80;

const DATATYPE: Record<string, Datatype> = { AttNumber: 'number', AttTime: 'datetime' };

/** The ANB icon name, as our icon names are written (lower case, digits and -). */
export function iconName(file: string | undefined): string | undefined {
  const n = file?.trim().toLowerCase().replace(/\.[a-z0-9]+$/, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return n ? n : undefined;
}

interface Planned {
  kind: 'entity' | 'link';
  name: string;
  typeEl: XmlNode | undefined;
  /** Attribute class name → its ANX datatype, in order of first use. */
  classes: Map<string, Datatype>;
}

export class AnxTypes {
  private readonly planned = new Map<string, Planned>();
  private readonly made = new Map<string, SchemaDef>();

  constructor(private readonly sink: ImportSink) {}

  /** A type of this case already named so (any letter case), else undefined. */
  private own(kind: 'entity' | 'link', name: string): SchemaDef | undefined {
    const k = name.trim().toLowerCase();
    return this.sink.c.types.own().find((s) => (s.edge !== undefined) === (kind === 'link') && s.label.toLowerCase() === k);
  }

  /** The schema an ANX type maps onto without defining anything, or undefined. */
  known(kind: 'entity' | 'link', i2Type: string): SchemaDef | undefined {
    if (!i2Type || (kind === 'link' && i2Type === 'Link')) return kind === 'link' ? getSchema('UnknownLink') : undefined;
    return this.made.get(`${kind}\u0000${i2Type}`) ?? this.own(kind, i2Type) ?? (kind === 'entity' ? entitySchemaFor(i2Type) : linkSchemaFor(i2Type));
  }

  /** First pass: an item of this type uses these attribute classes. */
  note(kind: 'entity' | 'link', i2Type: string, typeEl: XmlNode | undefined, classes: ReadonlyArray<[string, string | undefined]>): void {
    const known = this.known(kind, i2Type);
    const key = `${kind}\u0000${i2Type}`;
    let plan = this.planned.get(key);
    if (!plan) {
      if (known && !this.sink.c.types.own().includes(known)) return;
      plan = { kind, name: i2Type.trim().slice(0, MAX_NAME), typeEl, classes: new Map() };
      this.planned.set(key, plan);
    }
    for (const [cls, anxType] of classes) if (!plan.classes.has(cls)) plan.classes.set(cls, DATATYPE[anxType ?? ''] ?? 'text');
  }

  /** Defines the planned types (and the properties an existing case type lacks). */
  define(): void {
    let budget = MAX_CLASSES_PER_IMPORT;
    let dropped = 0;
    const types = this.sink.c.types;
    for (const [key, plan] of this.planned) {
      const existing = this.own(plan.kind, plan.name);
      const base = existing ?? getSchema(plan.kind === 'entity' ? GENERIC_ENTITY : 'UnknownLink')!;
      const props: Array<{ name: string; datatype: Datatype }> = [];
      const taken = new Set<string>();
      for (const [cls, datatype] of plan.classes) {
        // "Phone (2)" is a second phone value, not a class of its own.
        const name = cls.replace(/\s*\(\d+\)\s*$/, '').trim().slice(0, MAX_NAME);
        if (!name || taken.has(name.toLowerCase()) || propertyFor(base, name)) continue;
        taken.add(name.toLowerCase());
        if (props.length >= MAX_PROPS_PER_TYPE || budget <= 0) {
          dropped++;
          continue;
        }
        budget--;
        props.push({ name, datatype });
      }
      if (existing) {
        if (props.length > 0) types.update(existing.name, { addProperties: props });
        this.made.set(key, getSchema(existing.name)!);
        continue;
      }
      const colour = bgrToHex(attr(plan.typeEl, 'Colour'));
      const icon = iconName(attr(plan.typeEl, 'IconFile'));
      let id: string;
      try {
        id = types.add({
          name: plan.name,
          kind: plan.kind,
          parent: base.name,
          properties: props,
          ...(icon ? { icon } : {}),
          ...(colour && colour !== '#000000' ? { color: colour } : {}),
        }).id;
      } catch (err) {
        // A name the case cannot take (too close to a built-in's): its items keep the generic type.
        this.sink.report.warn(`i2 ${plan.kind} type "${plan.name}" could not be defined (${(err as Error).message}); its items are imported as ${base.label}.`);
        continue;
      }
      // No warning: a new type is what the analyst asked for, and `type.list` shows it.
      this.made.set(key, getSchema(id)!);
    }
    if (dropped > 0) {
      this.sink.report.warn(
        `${dropped} attribute classes were kept as notes, not made properties: an import makes at most ${MAX_CLASSES_PER_IMPORT.toLocaleString('en')} classes into properties, and a type holds at most ${MAX_PROPS_PER_TYPE}.`,
      );
    }
  }
}
