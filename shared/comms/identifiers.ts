// Handset and SIM identifiers (issue 17): IMEI (3GPP TS 23.003 §6: 14 digits + a Luhn check digit;
// IMEISV: the 14 digits + a 2-digit software version, no check digit), ICCID (ITU-T E.118: up to
// 19 digits + a Luhn check digit) and IMSI (MCC + MNC + MSIN, ITU-T E.212). A value that fails
// its check is kept as given and flagged, never corrected.

/** Luhn (ISO/IEC 7812-1) over all digits, the last being the check digit. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The Luhn check digit to append to `body`. */
export function luhnDigit(body: string): string {
  for (let c = 0; c <= 9; c++) if (luhnValid(body + c)) return String(c);
  return '0';
}

export interface ImeiFacts {
  /** The 15-digit IMEI (an IMEISV's check digit computed); or the value as given when not an IMEI. */
  imei: string;
  valid: boolean;
  /** The type allocation code (make and model, in the GSMA's database). */
  tac: string | null;
  /** Software version, when an IMEISV was given. */
  softwareVersion: string | null;
  problem: string | null;
}

export function imeiFacts(raw: string): ImeiFacts {
  const given = raw.trim();
  const digits = given.replace(/[\s./-]/g, '');
  if (/^\d{16}$/.test(digits)) {
    const body = digits.slice(0, 14);
    return { imei: body + luhnDigit(body), valid: true, tac: digits.slice(0, 8), softwareVersion: digits.slice(14), problem: null };
  }
  if (/^\d{15}$/.test(digits)) {
    const ok = luhnValid(digits);
    return { imei: digits, valid: ok, tac: digits.slice(0, 8), softwareVersion: null, problem: ok ? null : `IMEI ${digits} fails its Luhn check digit` };
  }
  // Some operators write the 14 digits without the check digit.
  if (/^\d{14}$/.test(digits)) return { imei: digits + luhnDigit(digits), valid: true, tac: digits.slice(0, 8), softwareVersion: null, problem: null };
  return { imei: given, valid: false, tac: null, softwareVersion: null, problem: `"${given}" is not an IMEI (15 digits, or 16 for an IMEISV)` };
}

export interface IccidFacts {
  iccid: string;
  valid: boolean;
  problem: string | null;
}

export function iccidFacts(raw: string): IccidFacts {
  const given = raw.trim();
  const digits = given.replace(/[\s-]/g, '').replace(/F$/i, '');
  if (!/^89\d{16,18}$/.test(digits)) return { iccid: given, valid: false, problem: `"${given}" is not an ICCID (89 followed by 16 to 18 digits)` };
  const ok = luhnValid(digits);
  return { iccid: digits, valid: ok, problem: ok ? null : `ICCID ${digits} fails its Luhn check digit` };
}

// Mobile country codes (ITU-T E.212, "Mobile Network Codes", the list annexed to the ITU
// Operational Bulletin), a subset: Europe in full, the rest of the world's larger networks. An
// MCC not listed is shown as its number; nothing else depends on it.
const MCC: Record<string, string> = {
  '202': 'gr', '204': 'nl', '206': 'be', '208': 'fr', '212': 'mc', '213': 'ad', '214': 'es', '216': 'hu', '218': 'ba', '219': 'hr',
  '220': 'rs', '221': 'xk', '222': 'it', '225': 'va', '226': 'ro', '228': 'ch', '230': 'cz', '231': 'sk', '232': 'at', '234': 'gb',
  '235': 'gb', '238': 'dk', '240': 'se', '242': 'no', '244': 'fi', '246': 'lt', '247': 'lv', '248': 'ee', '250': 'ru', '255': 'ua',
  '257': 'by', '259': 'md', '260': 'pl', '262': 'de', '266': 'gi', '268': 'pt', '270': 'lu', '272': 'ie', '274': 'is', '276': 'al',
  '278': 'mt', '280': 'cy', '282': 'ge', '283': 'am', '284': 'bg', '286': 'tr', '288': 'fo', '290': 'gl', '292': 'sm', '293': 'si',
  '294': 'mk', '295': 'li', '297': 'me', '302': 'ca', '310': 'us', '311': 'us', '312': 'us', '313': 'us', '314': 'us', '315': 'us',
  '316': 'us', '334': 'mx', '404': 'in', '405': 'in', '410': 'pk', '418': 'iq', '420': 'sa', '424': 'ae', '425': 'il', '432': 'ir',
  '440': 'jp', '450': 'kr', '452': 'vn', '454': 'hk', '460': 'cn', '466': 'tw', '470': 'bd', '502': 'my', '505': 'au', '510': 'id',
  '515': 'ph', '520': 'th', '525': 'sg', '530': 'nz', '602': 'eg', '603': 'dz', '604': 'ma', '605': 'tn', '608': 'sn', '612': 'ci',
  '620': 'gh', '621': 'ng', '624': 'cm', '639': 'ke', '655': 'za', '716': 'pe', '722': 'ar', '724': 'br', '730': 'cl', '732': 'co',
  '734': 've',
};
// The larger networks of the countries Cordon's first bureaus work with (same source).
const MNC: Record<string, string> = {
  '208-01': 'Orange', '208-10': 'SFR', '208-15': 'Free Mobile', '208-20': 'Bouygues Telecom',
  '214-01': 'Vodafone', '214-03': 'Orange', '214-04': 'Yoigo', '214-07': 'Movistar',
  '222-01': 'TIM', '222-10': 'Vodafone', '222-50': 'Iliad', '222-88': 'WindTre',
  '226-01': 'Vodafone', '226-03': 'Telekom Romania', '226-05': 'Digi.Mobil', '226-10': 'Orange',
  '262-01': 'Telekom', '262-02': 'Vodafone', '262-03': 'Telefónica (O2)', '262-07': 'Telefónica (O2)',
  '234-10': 'O2', '234-15': 'Vodafone', '234-20': 'Three', '234-30': 'EE',
  '204-04': 'Vodafone', '204-08': 'KPN', '204-16': 'T-Mobile',
  '206-01': 'Proximus', '206-10': 'Orange', '206-20': 'BASE',
  '268-01': 'Vodafone', '268-03': 'NOS', '268-06': 'MEO',
};
/** MCCs whose networks have 3-digit MNCs (North America and a few others); elsewhere 2 digits. */
const THREE_DIGIT_MNC = new Set(['302', '310', '311', '312', '313', '314', '315', '316', '334', '338', '342', '344', '346', '348', '354', '356', '358', '360', '365', '366', '376', '405', '708', '722', '732']);

export interface ImsiFacts {
  imsi: string;
  valid: boolean;
  mcc: string | null;
  mnc: string | null;
  country: string | null;
  network: string | null;
  problem: string | null;
}

export function imsiFacts(raw: string): ImsiFacts {
  const given = raw.trim();
  const digits = given.replace(/[\s-]/g, '');
  if (!/^\d{14,15}$/.test(digits)) return { imsi: given, valid: false, mcc: null, mnc: null, country: null, network: null, problem: `"${given}" is not an IMSI (14 or 15 digits)` };
  const mcc = digits.slice(0, 3);
  const mnc = digits.slice(3, THREE_DIGIT_MNC.has(mcc) ? 6 : 5);
  return { imsi: digits, valid: true, mcc, mnc, country: MCC[mcc] ?? null, network: MNC[`${mcc}-${mnc}`] ?? null, problem: null };
}
