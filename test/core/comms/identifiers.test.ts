import { describe, expect, it } from 'vitest';
import { iccidFacts, imeiFacts, imsiFacts, luhnValid } from '../../../shared/comms/identifiers';
import { isRegion, phoneFacts } from '../../../shared/comms/phone';

describe('phone numbers', () => {
  it('reads national, international and bare-country-code spellings as one E.164 number, with type and country', () => {
    for (const v of ['+33 6 12 34 56 78', '0612345678', '33612345678', '0033612345678', '06.12.34.56.78']) {
      expect(phoneFacts(v, 'FR'), v).toMatchObject({ number: '+33612345678', valid: true, country: 'fr', type: 'mobile', national: '06 12 34 56 78', international: '+33 6 12 34 56 78' });
    }
    expect(phoneFacts('0612345678', 'FR').aliases).toContain('0612345678');
    expect(phoneFacts('+40 21 318 1020', 'FR')).toMatchObject({ number: '+40213181020', country: 'ro', type: 'fixed line' });
    // Read in the case's region: the same national digits are another number in Spain.
    expect(phoneFacts('912345678', 'ES')).toMatchObject({ number: '+34912345678', country: 'es' });
  });

  it('keeps a value that is not a valid number exactly as given, flagged', () => {
    for (const v of ['withheld', '12', '0711111111', 'ABC-123']) expect(phoneFacts(` ${v} `, 'FR'), v).toEqual({ number: v, valid: false, country: null, type: null, national: null, international: null, aliases: [] });
  });

  it('knows regions', () => {
    expect(isRegion('FR')).toBe(true);
    expect(isRegion('ZZ')).toBe(false);
    expect(isRegion('fr')).toBe(false);
  });
});

describe('handset and SIM identifiers', () => {
  it('checks IMEIs by Luhn, accepts an IMEISV and a 14-digit IMEI, flags the rest', () => {
    expect(luhnValid('490154203237518')).toBe(true);
    expect(imeiFacts('49-015420-323751-8')).toMatchObject({ imei: '490154203237518', valid: true, tac: '49015420' });
    expect(imeiFacts('4901542032375101')).toMatchObject({ imei: '490154203237518', valid: true, softwareVersion: '01' });
    expect(imeiFacts('49015420323751')).toMatchObject({ imei: '490154203237518', valid: true });
    expect(imeiFacts('490154203237519')).toMatchObject({ imei: '490154203237519', valid: false, problem: expect.stringMatching(/Luhn/) });
    expect(imeiFacts('n/a')).toMatchObject({ imei: 'n/a', valid: false });
  });

  it('reads the country and network of an IMSI, checks an ICCID', () => {
    expect(imsiFacts('208011234567890')).toMatchObject({ mcc: '208', mnc: '01', country: 'fr', network: 'Orange', valid: true });
    expect(imsiFacts('310410123456789')).toMatchObject({ mcc: '310', mnc: '410', country: 'us' });
    expect(imsiFacts('12345')).toMatchObject({ valid: false });
    expect(iccidFacts('8933011234567890128')).toMatchObject({ valid: luhnValid('8933011234567890128') });
    expect(iccidFacts('89330112345678901234')).toMatchObject({ iccid: '89330112345678901234' });
    expect(iccidFacts('1234')).toMatchObject({ valid: false });
  });
});
