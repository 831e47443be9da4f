import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

// Phone numbers (issue 17): E.164 by libphonenumber-js with its "max" metadata, which is the one
// that knows the number type (mobile, fixed line, premium…) of every numbering plan. A number is
// read in the case's default region (a national "06 12 34 56 78" in a French case is +33…). A
// value that is not a valid number is never "fixed": it is kept exactly as given, flagged invalid,
// and stays searchable.

export interface PhoneFacts {
  /** E.164 when valid; otherwise the value exactly as given (trimmed). */
  number: string;
  valid: boolean;
  /** ISO 3166 alpha-2, lower case (the catalogue's country type), when known. */
  country: string | null;
  /** libphonenumber's type in lower case with spaces: 'mobile', 'fixed line', 'premium rate'… */
  type: string | null;
  national: string | null;
  international: string | null;
  /** Other spellings an analyst types: national digits ("0612345678"), the value as given. */
  aliases: string[];
}

const TYPE_WORDS: Record<string, string> = {
  MOBILE: 'mobile',
  FIXED_LINE: 'fixed line',
  FIXED_LINE_OR_MOBILE: 'fixed line or mobile',
  PREMIUM_RATE: 'premium rate',
  TOLL_FREE: 'toll free',
  SHARED_COST: 'shared cost',
  VOIP: 'voip',
  PERSONAL_NUMBER: 'personal number',
  PAGER: 'pager',
  UAN: 'uan',
  VOICEMAIL: 'voicemail',
};

/** A region libphonenumber knows (ISO 3166 alpha-2, upper case): a case's default region. */
export function isRegion(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && isSupportedCountry(code);
}

/** The facts of one value as a phone number, read in `region` (ISO alpha-2, upper case) when national. */
export function phoneFacts(raw: string, region: string | null): PhoneFacts {
  const given = raw.trim();
  // "00" is the international prefix in most of the world; CDRs often write 0033… or 33….
  const cleaned = given.replace(/^00(?=[1-9])/, '+');
  let parsed;
  try {
    parsed = parsePhoneNumberFromString(cleaned, region ? { defaultCountry: region as CountryCode, extract: false } : { extract: false });
  } catch {
    parsed = undefined;
  }
  // Operators often drop the "+" of an international number (33612345678): try it with one.
  if ((!parsed || !parsed.isValid()) && /^[1-9]\d{7,14}$/.test(cleaned)) {
    const plus = parsePhoneNumberFromString(`+${cleaned}`, { extract: false });
    if (plus?.isValid()) parsed = plus;
  }
  if (!parsed || !parsed.isValid()) {
    return { number: given, valid: false, country: null, type: null, national: null, international: null, aliases: [] };
  }
  const national = parsed.formatNational();
  const international = parsed.formatInternational();
  const nationalDigits = national.replace(/\D/g, '');
  const aliases: string[] = [];
  for (const a of [nationalDigits, given]) if (a !== '' && a !== parsed.number && a !== national && a !== international && !aliases.includes(a)) aliases.push(a);
  const type = parsed.getType();
  return {
    number: parsed.number,
    valid: true,
    country: parsed.country ? parsed.country.toLowerCase() : null,
    type: type ? (TYPE_WORDS[type] ?? type.toLowerCase()) : null,
    national,
    international,
    aliases,
  };
}

/**
 * A cache of phoneFacts per distinct value: a million-row CDR holds a few thousand numbers, and
 * libphonenumber costs about 30 µs a parse (measured here), which would be most of the import.
 */
export class PhoneCache {
  private readonly map = new Map<string, PhoneFacts>();
  constructor(readonly region: string | null) {}
  get(raw: string): PhoneFacts {
    let f = this.map.get(raw);
    if (!f) {
      f = phoneFacts(raw, this.region);
      if (this.map.size > 1_000_000) this.map.clear();
      this.map.set(raw, f);
    }
    return f;
  }
}
