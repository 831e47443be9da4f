import { getProperty, type SchemaDef } from '../../../../shared/catalogue';

// Where our catalogue and FollowTheMoney differ. Most names are FtM's own (DESIGN.md §3); these
// few are renamed, and our properties FtM lacks travel as "Label: value" in FtM's notes (things)
// or summary (links and other intervals), which the reader unpacks again — nothing is lost.

/** Ours → FtM, per schema. */
export const TO_FTM: Record<string, Record<string, string>> = {
  Note: { title: 'name', text: 'description' },
  UserAccount: { phone: 'number' },
};

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
