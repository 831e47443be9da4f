import type { PropertyType } from './catalogue';

// Normalisation and validation of property values by type. The original text of names is kept
// exactly (original script); identifiers of a natural kind (IBAN, phone) are normalised so that two
// bureaus' records of the same account compare equal.

export type ValueCheck = { ok: true; value: string } | { ok: false; reason: string };

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const COUNTRY_RE = /^[a-z]{2}$/;

export function isValidDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [, y, mo, d, h, mi, s] = m;
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) return false;
  if (d !== undefined) {
    const dt = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    if (dt.getUTCMonth() !== Number(mo) - 1 || dt.getUTCDate() !== Number(d)) return false;
  }
  if (h !== undefined && Number(h) > 23) return false;
  if (mi !== undefined && Number(mi) > 59) return false;
  if (s !== undefined && Number(s) > 59) return false;
  return true;
}

/** ISO 13616 check digits (mod 97). */
export function isValidIban(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged) {
    const n = ch >= 'A' ? ch.charCodeAt(0) - 55 : Number(ch);
    rem = Number(String(rem) + String(n)) % 97;
  }
  return rem === 1;
}

export function normaliseValue(type: PropertyType, raw: string): ValueCheck {
  const value = raw.trim();
  if (value === '') return { ok: false, reason: 'is empty' };
  if (value.length > 10_000) return { ok: false, reason: 'is longer than 10,000 characters' };
  switch (type) {
    case 'date':
      return isValidDate(value) ? { ok: true, value } : { ok: false, reason: `"${value}" is not a date (YYYY, YYYY-MM, YYYY-MM-DD or ISO date-time)` };
    case 'datetime':
      return isValidDate(value) && /[T ]\d{2}:\d{2}/.test(value)
        ? { ok: true, value }
        : { ok: false, reason: `"${value}" is not a date-time (YYYY-MM-DDTHH:MM, seconds and zone optional)` };
    case 'country': {
      const c = value.toLowerCase();
      return COUNTRY_RE.test(c) ? { ok: true, value: c } : { ok: false, reason: `"${value}" is not a two-letter country code` };
    }
    case 'phone': {
      const digits = value.replace(/[\s().-]/g, '');
      const norm = digits.startsWith('00') ? `+${digits.slice(2)}` : digits;
      return /^\+?\d{3,17}$/.test(norm) ? { ok: true, value: norm } : { ok: false, reason: `"${value}" is not a phone number` };
    }
    case 'email':
      return EMAIL_RE.test(value) ? { ok: true, value: value.toLowerCase() } : { ok: false, reason: `"${value}" is not an e-mail address` };
    case 'iban': {
      const iban = value.replace(/\s+/g, '').toUpperCase();
      return isValidIban(iban) ? { ok: true, value: iban } : { ok: false, reason: `"${value}" is not a valid IBAN (check digits fail)` };
    }
    case 'number': {
      const n = Number(value.replace(/,/g, ''));
      return Number.isFinite(n) ? { ok: true, value: String(n) } : { ok: false, reason: `"${value}" is not a number` };
    }
    case 'latitude':
    case 'longitude': {
      // Degrees as a decimal number (WGS 84); a comma as the decimal mark is common in Europe.
      const limit = type === 'latitude' ? 90 : 180;
      const n = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(value) ? Number(value.replace(',', '.')) : NaN;
      if (!Number.isFinite(n)) return { ok: false, reason: `"${value}" is not a ${type} in decimal degrees` };
      if (Math.abs(n) > limit) return { ok: false, reason: `${type} ${value} is outside ±${limit}°` };
      return { ok: true, value: String(n) };
    }
    case 'name':
    case 'identifier':
    case 'address':
    case 'text':
    case 'entity':
    // An enumeration's list is its property's (PropertyDef.values): checked by checkValue.
    case 'enum':
      return { ok: true, value };
  }
}

/** Folds case and accents for comparisons (the search index does the same inside SQLite). */
export function foldText(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The key the entity list sorts by: folded text with every run of digits zero-padded, so that
 * analysts see N1, N2, … N10 rather than N1, N10, N100. */
export function naturalSortKey(caption: string): string {
  return foldText(caption).replace(/\d+/g, (digits) => {
    const trimmed = digits.replace(/^0+(?=\d)/, '');
    return trimmed.length >= 12 ? trimmed : trimmed.padStart(12, '0');
  });
}

/** A value checked against its property: its datatype, and an enumeration's list. */
export function checkValue(def: { type: PropertyType; values?: readonly string[] | undefined }, raw: string): ValueCheck {
  const check = normaliseValue(def.type, raw);
  if (!check.ok || def.type !== 'enum' || !def.values) return check;
  const hit = def.values.find((v) => v.toLowerCase() === check.value.toLowerCase());
  return hit !== undefined ? { ok: true, value: hit } : { ok: false, reason: `"${check.value}" is not one of ${def.values.join(', ')}` };
}
