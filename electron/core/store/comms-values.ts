import type { Database } from 'better-sqlite3-multiple-ciphers';
import { iccidFacts, imeiFacts, imsiFacts } from '../../../shared/comms/identifiers';
import { phoneFacts, type PhoneFacts } from '../../../shared/comms/phone';
import { cachedStatement } from './prepared';

// The values a Phone, Device or SIM carries besides the number it was given: the number's
// canonical form (its identity, so its deterministic id), the formats an analyst searches by, its
// type and country, and whether it is valid at all. Derived here, in the store's one path for new
// values, so that an entity made by hand, by an import or by a received package is the same.

export type Values = Array<[string, string]>;

/** The case's default region for national numbers (`case create --region FR`), or null. */
export function caseRegion(db: Database): string | null {
  return (cachedStatement(db, "SELECT value FROM meta WHERE key = 'region'").pluck().get() as string | undefined) ?? null;
}

/** A Phone's values for these facts (number first: it is the identity). */
export function phoneValues(f: PhoneFacts): Values {
  const out: Values = [['number', f.number]];
  if (f.international) out.push(['internationalFormat', f.international]);
  if (f.national) out.push(['nationalFormat', f.national]);
  for (const a of f.aliases) out.push(['alias', a]);
  if (f.type) out.push(['numberType', f.type]);
  if (f.country) out.push(['country', f.country]);
  out.push(['valid', f.valid ? 'yes' : 'no']);
  return out;
}

const COMMS = new Set(['Phone', 'Device', 'SIM']);

// libphonenumber costs about 30 µs a parse; an import meets each number many times.
const facts = new Map<string, PhoneFacts>();
function cachedPhoneFacts(raw: string, region: string | null): PhoneFacts {
  const key = `${region ?? ''}\u0000${raw}`;
  let f = facts.get(key);
  if (!f) {
    if (facts.size >= 200_000) facts.clear();
    facts.set(key, (f = phoneFacts(raw, region)));
  }
  return f;
}

function push(out: Values, prop: string, value: string | null): void {
  if (value !== null && value !== '' && !out.some(([p, v]) => p === prop && v === value)) out.push([prop, value]);
}

/** The values with what the catalogue derives from the numbers; other schemata unchanged. */
export function deriveCommsValues(db: Database, schema: string, values: Values): Values {
  if (!COMMS.has(schema)) return values;
  const out: Values = [];
  const derived: Values = [];
  if (schema === 'Phone') {
    const region = caseRegion(db);
    for (const [p, v] of values) {
      if (p !== 'number') continue;
      for (const [dp, dv] of phoneValues(cachedPhoneFacts(v, region))) push(dp === 'number' ? out : derived, dp, dv);
    }
  } else if (schema === 'Device') {
    for (const [p, v] of values) {
      if (p !== 'imei') continue;
      const f = imeiFacts(v);
      push(out, 'imei', f.imei);
      push(derived, 'tac', f.tac);
      push(derived, 'softwareVersion', f.softwareVersion);
      push(derived, 'valid', f.valid ? 'yes' : 'no');
    }
  } else {
    let valid = true;
    let any = false;
    for (const [p, v] of values) {
      if (p === 'imsi') {
        const f = imsiFacts(v);
        push(out, 'imsi', f.imsi);
        push(derived, 'mcc', f.mcc);
        push(derived, 'mnc', f.mnc);
        push(derived, 'country', f.country);
        push(derived, 'operator', f.network);
        valid &&= f.valid;
        any = true;
      } else if (p === 'iccid') {
        const f = iccidFacts(v);
        push(out, 'iccid', f.iccid);
        valid &&= f.valid;
        any = true;
      }
    }
    if (any) push(derived, 'valid', valid ? 'yes' : 'no');
  }
  // What the caller said itself wins over what is derived (a label, a known operator).
  for (const [p, v] of values) {
    if ((schema === 'Phone' && p === 'number') || (schema === 'Device' && p === 'imei') || (schema === 'SIM' && (p === 'imsi' || p === 'iccid'))) continue;
    push(out, p, v);
  }
  for (const [p, v] of derived) if (!out.some(([q]) => q === p) || p === 'alias') push(out, p, v);
  return out;
}
