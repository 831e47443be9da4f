import { describe, expect, it } from 'vitest';
import { ALL_SCHEMATA, getProperty, LINK_SCHEMATA, PROPERTY_TYPES } from '../../shared/catalogue';
import { isStrongGrade, mostRestrictive } from '../../shared/grading';
import { gradingSchema } from '../../shared/gradingSchema';
import { isValidDate, isValidIban, naturalSortKey, normaliseValue } from '../../shared/values';

describe('grading schemes', () => {
  it.each([
    ['eu4x4', 'B2', true],
    ['eu4x4', 'X4', true],
    ['eu4x4', 'D1', false],
    ['eu4x4', 'B5', false],
    ['admiralty', 'F6', true],
    ['admiralty', 'G1', false],
    ['uk3x5x2', '1A', true],
    ['uk3x5x2', '3E', true],
    ['uk3x5x2', 'A1', false],
    ['uk3x5x2', '4A', false],
  ] as const)('%s %s valid: %s', (scheme, grade, valid) => {
    expect(gradingSchema.safeParse({ scheme, grade }).success).toBe(valid);
  });

  it('takes the most restrictive handling and TLP of a set', () => {
    expect(mostRestrictive([{ handling: 'H0', tlp: 'GREEN' }, { handling: 'H2' }, { handling: 'H1', tlp: 'AMBER+STRICT' }, { tlp: 'AMBER' }])).toEqual({
      handling: 'H2',
      tlp: 'AMBER+STRICT',
    });
    expect(mostRestrictive([])).toEqual({ handling: null, tlp: null });
  });

  it('classes A1–B2 (UK 1A–2B) as strong for chart styling', () => {
    expect(isStrongGrade('eu4x4', 'B2')).toBe(true);
    expect(isStrongGrade('eu4x4', 'C2')).toBe(false);
    expect(isStrongGrade('uk3x5x2', '2B')).toBe(true);
    expect(isStrongGrade('uk3x5x2', '1C')).toBe(false);
  });
});

describe('property values', () => {
  it('dates: real calendar dates at year, month, day or time precision', () => {
    for (const d of ['1994', '1994-03', '2024-02-29', '2024-02-29T13:45:00Z', '2024-02-29 13:45']) expect(isValidDate(d), d).toBe(true);
    for (const d of ['2023-02-29', '2024-13', '31/02/2024', '2024-02-31', 'yesterday', '2024-1-1']) expect(isValidDate(d), d).toBe(false);
  });

  it('IBANs by their check digits', () => {
    expect(isValidIban('DE89370400440532013000')).toBe(true);
    expect(isValidIban('DE89370400440532013001')).toBe(false);
    expect(normaliseValue('iban', 'gb82 west 1234 5698 7654 32')).toEqual({ ok: true, value: 'GB82WEST12345698765432' });
  });

  it('phones, e-mails, countries and numbers are normalised', () => {
    expect(normaliseValue('phone', '0039 (333) 123-4567')).toEqual({ ok: true, value: '+393331234567' });
    expect(normaliseValue('phone', 'call me').ok).toBe(false);
    expect(normaliseValue('email', 'A.B@Example.ORG')).toEqual({ ok: true, value: 'a.b@example.org' });
    expect(normaliseValue('country', 'IT')).toEqual({ ok: true, value: 'it' });
    expect(normaliseValue('country', 'Italy').ok).toBe(false);
    expect(normaliseValue('number', '1,250.5')).toEqual({ ok: true, value: '1250.5' });
    expect(normaliseValue('name', '  Иван  ')).toEqual({ ok: true, value: 'Иван' });
  });
});

describe('schema catalogue', () => {
  it('types every property and gives every link type two entity endpoints', () => {
    for (const s of ALL_SCHEMATA) {
      for (const p of s.properties) expect(PROPERTY_TYPES).toContain(p.type);
      for (const c of s.caption) expect(getProperty(s, c), `${s.name}.${c}`).toBeDefined();
    }
    for (const l of LINK_SCHEMATA) {
      expect(getProperty(l, l.edge!.source)?.type).toBe('entity');
      expect(getProperty(l, l.edge!.target)?.type).toBe('entity');
    }
  });
});

describe('natural sort key', () => {
  it('orders numbered names by number, case- and accent-blind', () => {
    const names = ['N10', 'n2', 'N1', 'N100', 'Émile', 'emile 3', 'N007'];
    expect([...names].sort((a, b) => (naturalSortKey(a) < naturalSortKey(b) ? -1 : 1))).toEqual(['Émile', 'emile 3', 'N1', 'n2', 'N007', 'N10', 'N100']);
  });
});
