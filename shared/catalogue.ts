// The schema catalogue: entity and link types with typed properties. Names follow FollowTheMoney
// (DESIGN.md §3) so data can travel as FtM JSON lines; links are interstitial entities whose two
// endpoint properties are named by `edge`.

export const PROPERTY_TYPES = [
  'name',
  'date',
  'country',
  'phone',
  'email',
  'iban',
  'identifier',
  'address',
  'number',
  'latitude',
  'longitude',
  'text',
  'entity',
  // The datatypes a case's own types add (issue 24): a date with a time of day, and a value
  // from a closed list (PropertyDef.values).
  'datetime',
  'enum',
] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

export interface PropertyDef {
  name: string;
  label: string;
  type: PropertyType;
  /** For `entity` properties: the schemata the value may point at. */
  range?: readonly string[];
  /** For `enum` properties: the values allowed. */
  values?: readonly string[];
  /** A case type's property that an entity of the type must have. */
  required?: boolean;
}

export interface SchemaDef {
  name: string;
  label: string;
  plural: string;
  /** Properties that form the caption, in order of preference. */
  caption: readonly string[];
  properties: readonly PropertyDef[];
  /** Present on link types: which property holds each endpoint. */
  edge?: { source: string; target: string; directed: boolean };
  /** Properties whose normalised value identifies the entity across bureaus (deterministic id). */
  identity?: readonly string[];
  /** A case's own type (issue 24): the built-in type it inherits properties and behaviour from. */
  parent?: string;
  /** A case type's caption template, `{prop}` by property name: `{name} ({alias})`. */
  template?: string;
  /** A case type's look on the chart: colour (#rrggbb) and icon name. */
  color?: string;
  icon?: string;
  /** A case type's own icon: sanitised SVG markup (electron/core/store/case-types/icon-svg.ts). */
  iconSvg?: string;
}

const p = (name: string, label: string, type: PropertyType, range?: readonly string[]): PropertyDef =>
  range ? { name, label, type, range } : { name, label, type };

// Shared by every thing that can be named (FtM "Thing").
const thing = [
  p('name', 'Name', 'name'),
  p('alias', 'Alias', 'name'),
  p('country', 'Country', 'country'),
  p('notes', 'Notes', 'text'),
];
const legalEntity = [
  ...thing,
  p('email', 'E-mail', 'email'),
  p('phone', 'Phone', 'phone'),
  p('address', 'Address', 'address'),
  p('registrationNumber', 'Registration number', 'identifier'),
  p('taxNumber', 'Tax number', 'identifier'),
  p('incorporationDate', 'Incorporation date', 'date'),
  p('topics', 'Topics', 'text'),
];
// A place on the map (issue 19): WGS 84 degrees, each a value with its own source and grading.
const located = [p('latitude', 'Latitude', 'latitude'), p('longitude', 'Longitude', 'longitude')];
const interval = [p('startDate', 'Start date', 'date'), p('endDate', 'End date', 'date'), p('date', 'Date', 'date')];
const linkBase = [...interval, p('summary', 'Summary', 'text'), p('weight', 'Strength', 'number')];
const PARTY = ['Person', 'Organization', 'Company', 'LegalEntity'] as const;
const ASSET = ['Company', 'RealEstate', 'Vehicle', 'Vessel', 'Airplane', 'BankAccount', 'CryptoWallet', 'LegalEntity'] as const;
const ANY: readonly string[] = [];

export const ENTITY_SCHEMATA: readonly SchemaDef[] = [
  {
    name: 'Person',
    label: 'Person',
    plural: 'People',
    caption: ['name', 'alias', 'idNumber', 'passportNumber', 'phone', 'email'],
    properties: [
      ...legalEntity.filter((x) => !['incorporationDate', 'registrationNumber', 'taxNumber'].includes(x.name)),
      p('firstName', 'First name', 'name'),
      p('lastName', 'Last name', 'name'),
      p('birthDate', 'Date of birth', 'date'),
      p('birthPlace', 'Place of birth', 'text'),
      p('nationality', 'Nationality', 'country'),
      p('gender', 'Gender', 'text'),
      p('idNumber', 'ID number', 'identifier'),
      p('passportNumber', 'Passport number', 'identifier'),
      p('taxNumber', 'Tax number', 'identifier'),
      p('position', 'Position', 'text'),
    ],
  },
  { name: 'Organization', label: 'Organisation', plural: 'Organisations', caption: ['name', 'alias', 'phone', 'email'], properties: legalEntity },
  {
    name: 'Company',
    label: 'Company',
    plural: 'Companies',
    caption: ['name', 'alias', 'registrationNumber', 'phone', 'email'],
    properties: [...legalEntity, p('jurisdiction', 'Jurisdiction', 'country'), p('sector', 'Sector', 'text')],
  },
  { name: 'LegalEntity', label: 'Legal entity', plural: 'Legal entities', caption: ['name', 'alias', 'phone', 'email'], properties: legalEntity },
  {
    name: 'Address',
    label: 'Address',
    plural: 'Addresses',
    caption: ['full', 'street', 'city'],
    properties: [
      p('full', 'Full address', 'address'),
      p('street', 'Street', 'text'),
      p('postalCode', 'Postal code', 'identifier'),
      p('city', 'City', 'text'),
      p('country', 'Country', 'country'),
      p('notes', 'Notes', 'text'),
      ...located,
    ],
  },
  {
    name: 'Vehicle',
    label: 'Vehicle',
    plural: 'Vehicles',
    caption: ['registrationNumber', 'name', 'model'],
    properties: [
      ...thing,
      p('registrationNumber', 'Registration number', 'identifier'),
      p('model', 'Model', 'text'),
      p('color', 'Colour', 'text'),
      p('vin', 'VIN', 'identifier'),
    ],
    identity: ['vin'],
  },
  {
    name: 'Vessel',
    label: 'Vessel',
    plural: 'Vessels',
    caption: ['name', 'imoNumber'],
    properties: [...thing, p('imoNumber', 'IMO number', 'identifier'), p('flag', 'Flag', 'country'), p('callSign', 'Call sign', 'identifier')],
    identity: ['imoNumber'],
  },
  {
    name: 'Airplane',
    label: 'Airplane',
    plural: 'Airplanes',
    caption: ['registrationNumber', 'name'],
    properties: [...thing, p('registrationNumber', 'Registration number', 'identifier'), p('model', 'Model', 'text')],
    identity: ['registrationNumber'],
  },
  {
    name: 'BankAccount',
    label: 'Bank account',
    plural: 'Bank accounts',
    caption: ['iban', 'accountNumber', 'name'],
    properties: [
      ...thing,
      p('iban', 'IBAN', 'iban'),
      p('accountNumber', 'Account number', 'identifier'),
      p('bankName', 'Bank', 'text'),
      p('bic', 'BIC', 'identifier'),
    ],
    identity: ['iban'],
  },
  {
    name: 'CryptoWallet',
    label: 'Crypto wallet',
    plural: 'Crypto wallets',
    caption: ['publicKey', 'name'],
    properties: [...thing, p('publicKey', 'Address / public key', 'identifier'), p('currency', 'Currency', 'text')],
    identity: ['publicKey'],
  },
  {
    name: 'RealEstate',
    label: 'Real estate',
    plural: 'Real estate',
    caption: ['name', 'address', 'cadastralCode'],
    properties: [...thing, p('address', 'Address', 'address'), p('cadastralCode', 'Cadastral code', 'identifier'), ...located],
  },
  {
    name: 'Identification',
    label: 'Identification',
    plural: 'Identifications',
    caption: ['number', 'type'],
    properties: [
      p('number', 'Number', 'identifier'),
      p('type', 'Document type', 'text'),
      p('country', 'Country', 'country'),
      p('holder', 'Holder', 'entity', ['Person', 'Company', 'Organization', 'LegalEntity']),
      p('startDate', 'Issued', 'date'),
      p('endDate', 'Expires', 'date'),
    ],
    identity: ['country', 'number'],
  },
  {
    name: 'Passport',
    label: 'Passport',
    plural: 'Passports',
    caption: ['number'],
    properties: [
      p('number', 'Number', 'identifier'),
      p('country', 'Country', 'country'),
      p('holder', 'Holder', 'entity', ['Person']),
      p('startDate', 'Issued', 'date'),
      p('endDate', 'Expires', 'date'),
    ],
    identity: ['country', 'number'],
  },
  {
    name: 'UserAccount',
    label: 'User account',
    plural: 'User accounts',
    caption: ['username', 'email', 'service'],
    properties: [
      p('username', 'Username', 'identifier'),
      p('service', 'Service', 'text'),
      p('email', 'E-mail', 'email'),
      p('phone', 'Phone', 'phone'),
      p('owner', 'Owner', 'entity', PARTY),
      p('notes', 'Notes', 'text'),
    ],
  },
  // Communications (issue 17). Phone, Device and SIM take deterministic ids from their numbers
  // (E.164, IMEI, IMSI), so two bureaus' records of one number collide. The core derives the
  // formats, type, country and validity from the number (electron/core/comms/derive.ts); a value
  // that is not a valid number is kept as given with valid = "no".
  {
    name: 'Phone',
    label: 'Phone',
    plural: 'Phones',
    caption: ['internationalFormat', 'number'],
    properties: [
      p('number', 'Number (E.164)', 'identifier'),
      p('internationalFormat', 'International format', 'identifier'),
      p('nationalFormat', 'National format', 'identifier'),
      p('alias', 'Other spelling', 'identifier'),
      p('numberType', 'Number type', 'text'),
      p('country', 'Country', 'country'),
      p('valid', 'Valid number', 'text'),
      p('name', 'Label', 'name'),
      p('operator', 'Operator', 'text'),
      p('notes', 'Notes', 'text'),
    ],
    identity: ['number'],
  },
  {
    name: 'Device',
    label: 'Handset',
    plural: 'Handsets',
    caption: ['imei', 'model', 'name'],
    properties: [
      p('imei', 'IMEI', 'identifier'),
      p('tac', 'Type allocation code', 'identifier'),
      p('softwareVersion', 'Software version', 'text'),
      p('valid', 'Valid IMEI', 'text'),
      p('make', 'Make', 'text'),
      p('model', 'Model', 'text'),
      p('name', 'Label', 'name'),
      p('notes', 'Notes', 'text'),
    ],
    identity: ['imei'],
  },
  {
    name: 'SIM',
    label: 'SIM card',
    plural: 'SIM cards',
    caption: ['imsi', 'iccid', 'name'],
    properties: [
      p('imsi', 'IMSI', 'identifier'),
      p('iccid', 'ICCID', 'identifier'),
      p('mcc', 'Mobile country code', 'identifier'),
      p('mnc', 'Mobile network code', 'identifier'),
      p('country', 'Country', 'country'),
      p('operator', 'Network', 'text'),
      p('valid', 'Valid identifiers', 'text'),
      p('name', 'Label', 'name'),
      p('notes', 'Notes', 'text'),
    ],
    identity: ['imsi'],
  },
  {
    name: 'CellSite',
    label: 'Cell site',
    plural: 'Cell sites',
    caption: ['cellId', 'name', 'address'],
    properties: [
      p('cellId', 'Cell identity (CGI / LAC-CI / ECGI)', 'identifier'),
      p('name', 'Name', 'name'),
      p('latitude', 'Latitude', 'number'),
      p('longitude', 'Longitude', 'number'),
      p('azimuth', 'Azimuth (°)', 'number'),
      p('beamWidth', 'Beam width (°)', 'number'),
      p('address', 'Address', 'address'),
      p('operator', 'Operator', 'text'),
      p('notes', 'Notes', 'text'),
    ],
    identity: ['cellId'],
  },
  {
    name: 'Event',
    label: 'Event',
    plural: 'Events',
    caption: ['name', 'date'],
    properties: [...thing, ...interval, p('location', 'Location', 'address'), p('summary', 'Summary', 'text'), ...located],
  },
  {
    name: 'Document',
    label: 'Document',
    plural: 'Documents',
    caption: ['title', 'fileName'],
    properties: [p('title', 'Title', 'name'), p('fileName', 'File name', 'identifier'), p('date', 'Date', 'date'), p('summary', 'Summary', 'text')],
  },
  {
    name: 'Note',
    label: 'Note',
    plural: 'Notes',
    caption: ['title', 'text'],
    properties: [p('title', 'Title', 'name'), p('text', 'Text', 'text'), p('date', 'Date', 'date')],
  },
];

/** A link type: an interstitial entity with two endpoint properties. */
function link(
  name: string,
  label: string,
  plural: string,
  caption: readonly string[],
  source: readonly [prop: string, label: string, range: readonly string[]],
  target: readonly [prop: string, label: string, range: readonly string[]],
  directed: boolean,
  properties: readonly PropertyDef[],
): SchemaDef {
  return {
    name,
    label,
    plural,
    caption,
    edge: { source: source[0], target: target[0], directed },
    properties: [p(source[0], source[1], 'entity', source[2]), p(target[0], target[1], 'entity', target[2]), ...properties],
  };
}

const ORGANISATION = ['Organization', 'Company', 'LegalEntity'] as const;
const role = p('role', 'Role', 'text');
const relationship = p('relationship', 'Relationship', 'text');

export const LINK_SCHEMATA: readonly SchemaDef[] = [
  link('Membership', 'Membership', 'Memberships', ['role'], ['member', 'Member', PARTY], ['organization', 'Organisation', ORGANISATION], true, [role, ...linkBase]),
  link('Directorship', 'Directorship', 'Directorships', ['role'], ['director', 'Director', PARTY], ['organization', 'Organisation', ORGANISATION], true, [role, ...linkBase]),
  link('Ownership', 'Ownership', 'Ownerships', ['percentage', 'role'], ['owner', 'Owner', PARTY], ['asset', 'Asset', ASSET], true, [
    p('percentage', 'Share (%)', 'number'),
    role,
    ...linkBase,
  ]),
  link('Employment', 'Employment', 'Employments', ['role'], ['employee', 'Employee', ['Person']], ['employer', 'Employer', PARTY], true, [role, ...linkBase]),
  link('Family', 'Family', 'Family ties', ['relationship'], ['person', 'Person', ['Person']], ['relative', 'Relative', ['Person']], false, [relationship, ...linkBase]),
  link('Associate', 'Associate', 'Associates', ['relationship'], ['person', 'Person', ['Person']], ['associate', 'Associate', ['Person']], false, [relationship, ...linkBase]),
  link('Representation', 'Representation', 'Representations', ['role'], ['agent', 'Agent', PARTY], ['client', 'Client', PARTY], true, [role, ...linkBase]),
  link('Payment', 'Payment', 'Payments', ['amount', 'purpose'], ['payer', 'Payer', [...PARTY, 'BankAccount', 'CryptoWallet']], ['beneficiary', 'Beneficiary', [...PARTY, 'BankAccount', 'CryptoWallet']], true, [
    p('amount', 'Amount', 'number'),
    p('currency', 'Currency', 'text'),
    p('purpose', 'Purpose', 'text'),
    ...linkBase,
  ]),
  link('Call', 'Call', 'Calls', ['count', 'date'], ['caller', 'Caller', ANY], ['receiver', 'Receiver', ANY], true, [
    p('callerNumber', 'Caller number', 'phone'),
    p('receiverNumber', 'Receiver number', 'phone'),
    p('count', 'Number of calls', 'number'),
    p('duration', 'Duration (s)', 'number'),
    ...linkBase,
  ]),
  // Communications (issue 17). FtM has no schemata for these; the names say the direction.
  link('UsesPhone', 'Uses phone', 'Phone users', ['role'], ['user', 'User', PARTY], ['phone', 'Phone', ['Phone']], true, [role, ...linkBase]),
  link('PhoneInDevice', 'Phone in handset', 'Phones in handsets', ['summary'], ['phone', 'Phone', ['Phone']], ['device', 'Handset', ['Device']], true, linkBase),
  link('SimInDevice', 'SIM in handset', 'SIMs in handsets', ['summary'], ['sim', 'SIM card', ['SIM']], ['device', 'Handset', ['Device']], true, linkBase),
  link('UnknownLink', 'Other link', 'Other links', ['role'], ['subject', 'Subject', ANY], ['object', 'Object', ANY], true, [role, ...linkBase]),
  link('Similar', 'Possible same-as', 'Possible same-as', ['score'], ['entity', 'Entity', ANY], ['candidate', 'Candidate', ANY], false, [
    p('score', 'Score', 'number'),
    p('criteria', 'Criteria', 'text'),
  ]),
];

export const ALL_SCHEMATA: readonly SchemaDef[] = [...ENTITY_SCHEMATA, ...LINK_SCHEMATA];
const BY_NAME = new Map(ALL_SCHEMATA.map((s) => [s.name, s]));

export const ENTITY_SCHEMA_NAMES = ENTITY_SCHEMATA.map((s) => s.name);
export const LINK_SCHEMA_NAMES = LINK_SCHEMATA.map((s) => s.name);

// The case's own types (issue 24), merged into every lookup of this module. A case type's `name`
// is its stable id (`T_` and 12 hex digits, shared/types/ids) and its `label` the analyst's name,
// so a rename changes one row and no statement. Each open case registers its set under its own
// key (the core on open, the renderer from `type.list`); the ids are random, so the sets of two
// cases open in one process (a test, an exchange between two bureaus) cannot collide.
const CASE_SETS = new Map<string, readonly SchemaDef[]>();
const CASE_BY_ID = new Map<string, SchemaDef>();

function reindex(): void {
  CASE_BY_ID.clear();
  for (const set of CASE_SETS.values()) for (const s of set) CASE_BY_ID.set(s.name, s);
}

/** Installs (or replaces) a case's own types; an empty list removes them. */
export function registerCaseSchemata(owner: string, schemata: readonly SchemaDef[]): void {
  if (schemata.length === 0) CASE_SETS.delete(owner);
  else CASE_SETS.set(owner, schemata);
  reindex();
}

/** The case types registered under `owner`, or every registered one. */
export function caseSchemata(owner?: string): readonly SchemaDef[] {
  if (owner !== undefined) return CASE_SETS.get(owner) ?? [];
  return [...CASE_BY_ID.values()];
}

/** Built-ins and the registered case types of a kind: what lists, filters and pickers offer. */
export function schemataOf(kind: 'entity' | 'link'): readonly SchemaDef[] {
  const own = [...CASE_BY_ID.values()].filter((s) => (s.edge !== undefined) === (kind === 'link'));
  return [...(kind === 'link' ? LINK_SCHEMATA : ENTITY_SCHEMATA), ...own];
}

export function isBuiltinSchema(name: string): boolean {
  return BY_NAME.has(name);
}

export function getSchema(name: string): SchemaDef | undefined {
  return BY_NAME.get(name) ?? CASE_BY_ID.get(name);
}

/** A property by its name, or a case property by its label (any case). */
export function findProperty(schema: SchemaDef, prop: string): PropertyDef | undefined {
  const key = prop.trim().toLowerCase();
  return getProperty(schema, prop) ?? schema.properties.find((x) => x.label.toLowerCase() === key && /^p_[0-9a-f]+$/.test(x.name));
}

export function isLinkSchema(name: string): boolean {
  return getSchema(name)?.edge !== undefined;
}

/** The built-in type a schema is or descends from (a Safe house is an Address). */
export function builtinOf(name: string): string {
  return getSchema(name)?.parent ?? name;
}

export function getProperty(schema: SchemaDef, prop: string): PropertyDef | undefined {
  return schema.properties.find((x) => x.name === prop);
}

/** Property types whose values the full-text search indexes. */
export const SEARCHABLE_TYPES: ReadonlySet<PropertyType> = new Set(['name', 'identifier', 'phone', 'email', 'iban']);

/**
 * The caption: a case type's template filled from its properties' first values (an empty
 * bracket left by a missing value is dropped), or else the first value of the first caption
 * property present.
 */
export function captionOf(schema: SchemaDef, values: (prop: string) => readonly string[] | undefined): string {
  if (schema.template) {
    let any = false;
    const filled = schema.template.replace(/\{([^{}]+)\}/g, (_, key: string) => {
      const def = schema.properties.find((x) => x.name === key) ?? schema.properties.find((x) => x.label.toLowerCase() === key.toLowerCase());
      const v = def ? values(def.name)?.[0] : undefined;
      if (v) any = true;
      return v ?? '';
    });
    const tidy = filled.replace(/\(\s*\)|\[\s*\]/g, '').replace(/\s+/g, ' ').trim();
    if (any && tidy !== '') return tidy;
  }
  for (const prop of schema.caption) {
    const v = values(prop);
    if (v && v.length > 0 && v[0] !== '') return v[0]!;
  }
  return '';
}
