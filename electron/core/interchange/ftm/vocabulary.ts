import { getProperty, type SchemaDef } from '../../../../shared/catalogue';

// Where our catalogue and FollowTheMoney differ. Most names are FtM's own (DESIGN.md §3); these
// few are renamed, and our properties FtM lacks travel as "Label: value" in FtM's notes (things)
// or summary (links and other intervals), which the reader unpacks again — nothing is lost.

/** Ours → FtM, per schema. */
export const TO_FTM: Record<string, Record<string, string>> = {
  Note: { title: 'name', text: 'description' },
  UserAccount: { phone: 'number' },
  UsesPhone: { user: 'subject', phone: 'object' },
};

/**
 * Our schemata FtM lacks that travel as one of its own (issue 17): a Phone as the UserAccount of a
 * number (how FtM holds a phone; the formats, type and validity are derived again on reading), who
 * uses a phone as an UnknownLink whose role says so. Read back by the same marks.
 */
export const FTM_SCHEMA: Record<string, string> = { Phone: 'UserAccount', UsesPhone: 'UnknownLink' };
export const USES_PHONE_ROLE = 'uses phone';
/** A Phone's values derived from its number: not written (the reader derives them again). */
export const DERIVED: Record<string, readonly string[]> = { Phone: ['internationalFormat', 'nationalFormat', 'alias', 'numberType', 'valid'] };
/** Our schemata with no FtM counterpart at all: left out of an FtM export, with a warning. */
export const NO_FTM = new Set(['Device', 'SIM', 'CellSite', 'PhoneInDevice', 'SimInDevice']);

/** Our schema for an FtM line, where an FtM schema stands for one of ours (FTM_SCHEMA). */
export function oursFor(ftmSchema: string, props: Record<string, unknown[]>): string {
  const has = (p: string) => Array.isArray(props[p]) && props[p]!.length > 0;
  if (ftmSchema === 'UserAccount' && has('number') && !has('username') && !has('email') && !has('service')) return 'Phone';
  if (ftmSchema === 'UnknownLink' && Array.isArray(props.role) && props.role.includes(USES_PHONE_ROLE)) return 'UsesPhone';
  return ftmSchema;
}

/** FtM → ours, per schema. */
export const FROM_FTM: Record<string, Record<string, string>> = Object.fromEntries(
  Object.entries(TO_FTM).map(([schema, m]) => [schema, Object.fromEntries(Object.entries(m).map(([a, b]) => [b, a]))]),
);

/** Our properties with no FtM counterpart (checked against FtM's model in the tests). */
export const NOT_IN_FTM: Record<string, readonly string[]> = {
  Vehicle: ['color', 'vin'],
  Note: ['date'],
  Call: ['count', 'weight'],
  Membership: ['weight'],
  Directorship: ['weight'],
  Ownership: ['weight'],
  Employment: ['weight'],
  Family: ['weight'],
  Associate: ['weight'],
  Representation: ['weight'],
  Payment: ['weight'],
  UnknownLink: ['weight'],
  Phone: ['operator'],
  UsesPhone: ['role', 'weight'],
};

/** FtM schemata outside our catalogue that have a clear home in it. */
export const SCHEMA_FROM_FTM: Record<string, string> = {
  Thing: 'LegalEntity',
  PublicBody: 'Organization',
  Mention: 'Note',
  PlainText: 'Document',
  Pages: 'Document',
  Table: 'Document',
  Folder: 'Document',
  Article: 'Document',
  Email: 'Document',
  Message: 'Document',
  Assessment: 'Note',
};

/** The FtM property that carries our leftovers for this schema. */
export function carrier(schema: SchemaDef): string {
  return schema.edge || schema.name === 'Event' || schema.name === 'Identification' || schema.name === 'Passport' ? 'summary' : 'notes';
}

/** "Strength: 3" in a carrier → [weight, 3] when Strength is the label of a property FtM lacks. */
export function unpack(schema: SchemaDef, text: string): [string, string] | null {
  const m = /^([^:]{1,60}): ([\s\S]*)$/.exec(text);
  if (!m) return null;
  const lacking = NOT_IN_FTM[schema.name] ?? [];
  const prop = lacking.find((p) => getProperty(schema, p)?.label === m[1]);
  return prop ? [prop, m[2]!] : null;
}
