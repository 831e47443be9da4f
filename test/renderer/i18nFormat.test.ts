import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDateTime, formatDuration, formatList, formatNumber, formatPartialDate } from '../../renderer/src/format';
import { chooseDigits, chooseLanguage, currentIntlTag, initI18n, isolate } from '../../renderer/src/i18n';
import { intlTag, systemLanguage } from '../../renderer/src/i18n/languages';
import { pseudoString } from '../../renderer/src/i18n/pseudo';

// Formatting and plural rules per locale, through the same i18next set-up as the app (Node has
// full ICU, as Chromium does; Intl.DurationFormat is Chromium-only, so the fallback is what runs here).

beforeAll(async () => {
  await initI18n(['de-DE', 'fr-CA', 'en-GB']);
});

const NOON_UTC = '2026-03-05T12:30:00Z';

describe('first start', () => {
  it('follows the first system language Cordon speaks', () => {
    expect(i18n.resolvedLanguage).toBe('fr');
    expect(systemLanguage(['ar-JO', 'en'])).toBe('ar');
    expect(systemLanguage(['es-419'])).toBe('es');
    expect(systemLanguage(['de', 'nl'])).toBe('en');
  });
});

describe('plural rules', () => {
  it('English one/other', async () => {
    await chooseLanguage('en');
    expect(i18n.t('list.count', { count: 1, n: '1' })).toBe('1 entity');
    expect(i18n.t('list.count', { count: 3, n: '3' })).toBe('3 entities');
  });

  it('French treats 0 and 1 as singular, and a million as "many"', async () => {
    await chooseLanguage('fr');
    expect(i18n.t('list.count', { count: 0, n: '0' })).toBe('0 entité');
    expect(i18n.t('list.count', { count: 1, n: '1' })).toBe('1 entité');
    expect(i18n.t('list.count', { count: 2, n: '2' })).toBe('2 entités');
    expect(i18n.t('list.count', { count: 1_000_000, n: '1 000 000' })).toBe('1 000 000 d’entités');
  });

  it('Spanish one/many/other', async () => {
    await chooseLanguage('es');
    expect(i18n.t('sources.count', { count: 1, n: '1' })).toBe('1 informe');
    expect(i18n.t('sources.count', { count: 5, n: '5' })).toBe('5 informes');
    expect(i18n.t('sources.count', { count: 1_000_000, n: '1 millón' })).toBe('1 millón de informes');
  });

  it('Arabic zero, one, two, few, many and other', async () => {
    await chooseLanguage('ar');
    await chooseDigits('latn');
    const forms = [0, 1, 2, 3, 11, 100].map((count) => i18n.t('list.count', { count, n: String(count) }));
    expect(forms).toEqual(['لا كيانات', 'كيان واحد', 'كيانان', '3 كيانات', '11 كيانًا', '100 كيان']);
  });

  it('numbers interpolated into a sentence are written in the locale', async () => {
    await chooseLanguage('fr');
    expect(i18n.t('entity.links', { count: 1234 })).toBe('Liens (1\u202f234)');
    await chooseLanguage('ar');
    await chooseDigits('arab');
    expect(i18n.t('entity.links', { count: 12 })).toBe('الروابط (١٢)');
  });
});

describe('Intl formats', () => {
  it('numbers with Arabic-Indic or Latin digits in Arabic, as chosen; Gregorian always', async () => {
    await chooseLanguage('ar');
    await chooseDigits('arab');
    expect(currentIntlTag()).toBe('ar-u-ca-gregory-nu-arab');
    expect(formatNumber(1234.5)).toBe('١٬٢٣٤٫٥');
    expect(formatPartialDate('2024')).toBe('٢٠٢٤');
    await chooseDigits('latn');
    expect(formatNumber(1234.5)).toBe('1,234.5');
    expect(formatPartialDate('2024-03-05')).toMatch(/2024/);
    expect(intlTag('fr', 'arab')).toBe('fr-u-ca-gregory');
  });

  it('dates and times in the officer’s time zone, with the zone named', async () => {
    await chooseLanguage('fr');
    expect(formatDateTime(NOON_UTC, 'Europe/Paris')).toBe('5 mars 2026, 13:30 UTC+1');
    await chooseLanguage('en');
    expect(formatDateTime(NOON_UTC, 'UTC')).toBe('Mar 5, 2026, 12:30 PM UTC');
    await chooseLanguage('es');
    expect(formatDateTime(NOON_UTC, 'Europe/Madrid')).toBe('5 mar 2026, 13:30 CET');
    expect(formatDateTime('not a date')).toBe('not a date');
  });

  it('lists and durations', async () => {
    await chooseLanguage('es');
    expect(formatList(['NL_NCB', 'FR_NCB', 'ES_NCB'])).toBe('NL_NCB, FR_NCB y ES_NCB');
    await chooseLanguage('fr');
    expect(formatList(['A', 'B'])).toBe('A et B');
    expect(formatDuration(3723).replace(/\s/g, ' ')).toBe('1 h 2 min 3 s');
    await chooseLanguage('en');
    expect(formatDuration(0)).toBe('0 sec');
    expect(formatDuration(65).replace(/\s/g, ' ')).toBe('1 min 5 sec');
  });
});

describe('pseudo-locale', () => {
  it('accents, lengthens by 40% and keeps placeholders', () => {
    const s = pseudoString('Delete “{{name}}”?');
    expect(s).toMatch(/^\[Đéŀéŧé “\{\{name\}\}”\? ·+\]$/);
    expect(s.length).toBeGreaterThanOrEqual('Delete “{{name}}”?'.length + Math.ceil(6 * 0.4) + 3);
  });
});

describe('bidi isolation of interpolated names', () => {
  it('isolates every name in an Arabic sentence, and an Arabic name in an English one', async () => {
    await chooseLanguage('ar');
    expect(i18n.t('lock.text', { name: 'Operation Harbour 2' })).toBe('القضية «\u2068Operation Harbour 2\u2069» مقفلة وقد حُذف مفتاحها من الذاكرة. أدخل عبارة المرور للمتابعة.');
    await chooseLanguage('en');
    expect(i18n.t('provenance.by', { bureau: 'NL_NCB' })).toBe('by NL_NCB');
    expect(i18n.t('provenance.by', { bureau: 'مكتب عمّان' })).toBe('by \u2068مكتب عمّان\u2069');
  });

  it('leaves bare numbers alone, isolates numbers with spaces (a phone) in right-to-left', () => {
    expect(isolate('1234', true)).toBe('1234');
    expect(isolate('١٬٢٣٤', true)).toBe('١٬٢٣٤');
    expect(isolate('+33 1 23 45 67 89', true)).toBe('\u2068+33 1 23 45 67 89\u2069');
    expect(isolate('+33 1 23 45 67 89', false)).toBe('+33 1 23 45 67 89');
  });
});
