// The case's own vocabulary (issue 24): entity and link types an analyst defines, with their
// properties, caption template and look. Built-in types are listed beside them (`builtin: true`).

/** What a case type's property may hold. */
export const DATATYPES = ['text', 'number', 'date', 'datetime', 'phone', 'email', 'identifier', 'enum', 'entity'] as const;
export type Datatype = (typeof DATATYPES)[number];

export interface TypePropertyView {
  /** Stable id (`p_…`) for a case property; the catalogue name for a built-in one. */
  id: string;
  name: string;
  /** A built-in property's type may be one of the catalogue's own (name, country, iban …). */
  datatype: string;
  values?: string[];
  /** For entity references: the types the value may point at. */
  target?: string[];
  required: boolean;
  identifies: boolean;
  /** Comes from the parent type. */
  inherited: boolean;
}

export interface TypeView {
  /** Stable id (`T_…`) for a case type; the catalogue name for a built-in. */
  id: string;
  name: string;
  kind: 'entity' | 'link';
  /** The direct parent (a built-in's name or a case type's name); null for a built-in. */
  parent: string | null;
  /** The built-in type at the root of the parent chain. */
  base: string;
  builtin: boolean;
  icon: string | null;
  /** The analyst's own icon, sanitised SVG. */
  iconSvg: string | null;
  color: string | null;
  /** The caption template, `{name} ({alias})`. */
  label: string | null;
  /** The bureau that defined it. */
  origin: string | null;
  version: number;
  properties: TypePropertyView[];
  /** Live entities (or links) of the type. */
  inUse: number;
}

/** A value that would not fit a property's new datatype. */
export interface Misfit {
  entityId: string;
  caption: string;
  value: string;
  reason: string;
}
