import { ENTITY_SCHEMATA, getProperty, getSchema, LINK_SCHEMATA, type SchemaDef } from '../../../shared/catalogue';
import { foldText, normaliseValue } from '../../../shared/values';
import type { Values } from './sink';

// How other tools' type names and attribute names land in our catalogue. i2 charts, Gephi files
// and the like name things freely ("Mobile phone", "Car", "DOB"); anything not recognised keeps
// its value (as a note saying what it was) rather than being dropped.

const fold = (s: string) => foldText(s).replace(/[^a-z0-9]+/g, ' ').trim();

const ENTITY_SYNONYMS: Record<string, string> = {
  man: 'Person', woman: 'Person', male: 'Person', female: 'Person', suspect: 'Person', offender: 'Person', victim: 'Person', witness: 'Person', individual: 'Person', people: 'Person', human: 'Person', actor: 'Person', 'person faceless': 'Person',
  organisation: 'Organization', group: 'Organization', gang: 'Organization', 'criminal group': 'Organization', ocg: 'Organization', cell: 'Organization', network: 'Organization',
  business: 'Company', firm: 'Company', corporation: 'Company', enterprise: 'Company',
  car: 'Vehicle', van: 'Vehicle', truck: 'Vehicle', lorry: 'Vehicle', motorbike: 'Vehicle', motorcycle: 'Vehicle', bus: 'Vehicle', minibus: 'Vehicle', 'motor vehicle': 'Vehicle', plate: 'Vehicle',
  boat: 'Vessel', ship: 'Vessel', yacht: 'Vessel',
  aircraft: 'Airplane', plane: 'Airplane', aeroplane: 'Airplane', helicopter: 'Airplane',
  account: 'BankAccount', 'bank account': 'BankAccount', 'bank card': 'BankAccount', iban: 'BankAccount',
  wallet: 'CryptoWallet', bitcoin: 'CryptoWallet', 'crypto wallet': 'CryptoWallet',
  location: 'Address', place: 'Address', house: 'Address', building: 'Address', premises: 'Address', street: 'Address', checkpoint: 'Address',
  property: 'RealEstate', land: 'RealEstate', 'real estate': 'RealEstate',
  'id card': 'Identification', 'identity card': 'Identification', 'identity document': 'Identification', 'driving licence': 'Identification',
  email: 'UserAccount', 'e mail': 'UserAccount', 'social media': 'UserAccount', 'online account': 'UserAccount', user: 'UserAccount',
  // Communications (issue 17): i2's telephone types are Phones (the number is their identity), its
  // handsets Devices, its SIMs SIMs, its masts cell sites.
  telephone: 'Phone', phone: 'Phone', mobile: 'Phone', 'mobile phone': 'Phone', cellphone: 'Phone', 'cell phone': 'Phone', 'telephone number': 'Phone', 'phone number': 'Phone', landline: 'Phone', msisdn: 'Phone',
  sim: 'SIM', 'sim card': 'SIM', handset: 'Device', imei: 'Device', 'mobile handset': 'Device',
  mast: 'CellSite', 'cell site': 'CellSite', 'base station': 'CellSite', 'cell tower': 'CellSite', antenna: 'CellSite',
  meeting: 'Event', incident: 'Event', crime: 'Event', offence: 'Event',
  report: 'Document', file: 'Document',
  comment: 'Note', annotation: 'Note',
};

const LINK_SYNONYMS: Record<string, string> = {
  'phone call': 'Call', 'telephone call': 'Call', calls: 'Call', called: 'Call', sms: 'Call', text: 'Call',
  transaction: 'Payment', transfer: 'Payment', 'money transfer': 'Payment', paid: 'Payment', pays: 'Payment',
  member: 'Membership', 'member of': 'Membership', 'belongs to': 'Membership',
  director: 'Directorship', directs: 'Directorship', 'director of': 'Directorship',
  owner: 'Ownership', owns: 'Ownership', 'owner of': 'Ownership',
  employee: 'Employment', employer: 'Employment', 'works for': 'Employment', employed: 'Employment',
  relative: 'Family', sibling: 'Family', brother: 'Family', sister: 'Family', married: 'Family', spouse: 'Family', 'related to': 'Family',
  friend: 'Associate', knows: 'Associate', associated: 'Associate', 'associated with': 'Associate', acquaintance: 'Associate',
  represents: 'Representation', lawyer: 'Representation', agent: 'Representation',
  link: 'UnknownLink', 'linked to': 'UnknownLink', other: 'UnknownLink',
};

const PROP_SYNONYMS: Record<string, string> = {
  dob: 'birthDate', 'd o b': 'birthDate', 'birth date': 'birthDate', born: 'birthDate',
  telephone: 'phone', 'phone number': 'phone', mobile: 'phone', tel: 'phone', msisdn: 'phone',
  'e mail': 'email', mail: 'email',
  description: 'notes', comment: 'notes', comments: 'notes', note: 'notes',
  surname: 'lastName', 'family name': 'lastName', forename: 'firstName', 'given name': 'firstName',
  sex: 'gender', 'place of birth': 'birthPlace', 'pob': 'birthPlace', passport: 'passportNumber',
  plate: 'registrationNumber', 'registration': 'registrationNumber', 'licence plate': 'registrationNumber',
  colour: 'color', strength: 'weight',
};

function byNameOrLabel(list: readonly SchemaDef[], name: string): SchemaDef | undefined {
  const f = fold(name);
  return list.find((s) => fold(s.name) === f || fold(s.label) === f || fold(s.plural) === f);
}

/** The generic type for a node of unknown kind: see the report (a party, linkable everywhere). */
export const GENERIC_ENTITY = 'LegalEntity';

export function entitySchemaFor(typeName: string | undefined): SchemaDef | undefined {
  if (!typeName || typeName.trim() === '') return undefined;
  const direct = byNameOrLabel(ENTITY_SCHEMATA, typeName);
  if (direct) return direct;
  const f = fold(typeName);
  const syn = ENTITY_SYNONYMS[f] ?? Object.entries(ENTITY_SYNONYMS).find(([k]) => f.split(' ').includes(k) && k.length > 3)?.[1];
  return syn ? getSchema(syn) : undefined;
}

export function linkSchemaFor(typeName: string | undefined): SchemaDef | undefined {
  if (!typeName || typeName.trim() === '') return undefined;
  const direct = byNameOrLabel(LINK_SCHEMATA, typeName);
  if (direct && direct.name !== 'Similar') return direct;
  const syn = LINK_SYNONYMS[fold(typeName)];
  return syn ? getSchema(syn) : undefined;
}

/** Our property for a foreign attribute name ("Phone (2)" → phone), or undefined. */
export function propertyFor(schema: SchemaDef, attributeName: string): string | undefined {
  const f = fold(attributeName.replace(/\s*\(\d+\)\s*$/, ''));
  const direct = schema.properties.find((p) => fold(p.name) === f || fold(p.label) === f);
  // A phone's own number attribute ("Phone Number", "MSISDN") is its number, not a phone property.
  const synonym = PROP_SYNONYMS[f] === 'phone' && schema.name === 'Phone' ? 'number' : PROP_SYNONYMS[f];
  const name = direct?.name ?? synonym;
  if (!name) return undefined;
  const def = getProperty(schema, name);
  if (!def || def.type === 'entity') return undefined;
  return name;
}

/** Where free text about the thing goes: notes, a summary, or a note's text. */
export function textProp(schema: SchemaDef): string | undefined {
  return ['notes', 'summary', 'text'].find((p) => getProperty(schema, p));
}

/** The property a chart's identity or label names for this type. */
export function identityPropFor(schema: SchemaDef, value: string): string {
  if (schema.name === 'BankAccount') return normaliseValue('iban', value).ok ? 'iban' : 'accountNumber';
  if (schema.name === 'Phone') return 'number';
  if (schema.name === 'Device') return 'imei';
  if (schema.name === 'SIM') return /^89\d{16,18}$/.test(value.replace(/\s/g, '')) ? 'iccid' : 'imsi';
  if (schema.name === 'CellSite') return 'cellId';
  if (schema.name === 'UserAccount') {
    if (normaliseValue('phone', value).ok) return 'phone';
    if (normaliseValue('email', value).ok) return 'email';
    return 'username';
  }
  return schema.caption.find((p) => getProperty(schema, p) && getProperty(schema, p)!.type !== 'entity') ?? schema.caption[0]!;
}

/**
 * Adds a value of a property, normalised; a value that does not fit its property's type is kept
 * as a note ("Date of birth: 31/02/2024") and reported, never dropped.
 */
export function addValue(schema: SchemaDef, values: Values, prop: string, raw: string, issue: (m: string) => void, label = prop): void {
  const v = raw.trim();
  if (v === '') return;
  const def = getProperty(schema, prop);
  const check = def ? normaliseValue(def.type, v) : { ok: false as const, reason: `${schema.label} has no property ${prop}` };
  if (check.ok) {
    if (!values.some(([p, x]) => p === prop && x === check.value)) values.push([prop, check.value]);
    return;
  }
  const note = textProp(schema);
  if (note) {
    const text = `${def?.label ?? label}: ${v}`;
    if (!values.some(([p, x]) => p === note && x === text)) values.push([note, text]);
  }
  issue(`${def?.label ?? label} ${check.reason}${note ? `; kept as a note` : '; left out'}`);
}

/** Adds a free attribute: to its property when one fits, else as a note "Name: value". */
export function addAttribute(schema: SchemaDef, values: Values, name: string, raw: string, issue: (m: string) => void): void {
  const prop = propertyFor(schema, name);
  if (prop) return addValue(schema, values, prop, raw, issue, name);
  const note = textProp(schema);
  const v = raw.trim();
  if (!note || v === '') return;
  const text = `${name}: ${v}`;
  if (!values.some(([p, x]) => p === note && x === text)) values.push([note, text]);
}
