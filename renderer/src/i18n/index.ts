import i18n, { type FormatterModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from './ar.json';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';
import { intlTag, PSEUDO, savedDigits, savedLanguage, saveDigits, saveLanguage, type Digits, type UiLanguage } from './languages';
import { ALL_SCHEMATA } from '../../../shared/catalogue';
import { pseudoResource, type Resource } from './pseudo';

// Every user-facing string goes through i18next (DESIGN.md §10): English, French, Spanish and
// Arabic, plus a pseudo-locale for the layout checks. The document's language and direction follow
// the choice, so the logical CSS mirrors the whole layout in Arabic.

let digits: Digits = savedDigits();

/** The catalogue's English labels as a resource, so the pseudo-locale lengthens type and property names too. */
function catalogueResource(): Resource {
  const schema: Resource = {};
  const plural: Resource = {};
  const prop: Record<string, Resource> = { _: {} };
  for (const s of ALL_SCHEMATA) {
    schema[s.name] = s.label;
    plural[s.name] = s.plural;
    for (const p of s.properties) (prop[s.name] ??= {})[p.name] = p.label;
  }
  return { schema, plural, prop };
}

/** The tag every Intl formatter uses: UI language, Gregorian calendar, and the Arabic digits choice. */
export function currentIntlTag(): string {
  return intlTag(i18n.resolvedLanguage ?? i18n.language ?? 'en', digits);
}

const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const PLAIN_NUMBER = /^[\p{Nd}٬٫,.]+%?$/u;

/**
 * A name or value put into a sentence, wrapped in Unicode isolates (FSI … PDI) where the two
 * directions meet: every value in a right-to-left sentence, and a value holding right-to-left
 * letters in a left-to-right one. So "Ahmad Al-Khatib" inside Arabic, or "أحمد" followed by a
 * passport number inside English, keeps its own order and does not pull its neighbours along
 * (DESIGN.md §10). A bare number needs none.
 */
export function isolate(value: string, rtlSentence: boolean): string {
  if (value === '' || PLAIN_NUMBER.test(value)) return value;
  return rtlSentence || RTL_LETTER.test(value) ? `\u2068${value}\u2069` : value;
}

// Numbers interpolated into a sentence ({{count}}, {{n}}) are written in the locale's way too
// (1 234 in French, ١٢٣ with Arabic digits), so no call site formats them by hand; strings are
// isolated as above.
const formatter: FormatterModule = {
  type: 'formatter',
  init: () => undefined,
  add: () => undefined,
  addCached: () => undefined,
  format: (value: unknown, format?: string, lng?: string): string => {
    if (typeof value === 'number' && (format === undefined || format === 'number')) return new Intl.NumberFormat(currentIntlTag()).format(value);
    if (Array.isArray(value) && format === 'list') return new Intl.ListFormat(currentIntlTag(), { type: 'conjunction' }).format(value.map(String));
    if (typeof value === 'string' && format === undefined) return isolate(value, i18n.dir(lng) === 'rtl');
    return value as string;
  },
};

export async function initI18n(preferred: readonly string[] = navigator.languages ?? [navigator.language]): Promise<void> {
  await i18n
    .use(initReactI18next)
    .use(formatter)
    .init({
      resources: {
        en: { translation: en },
        fr: { translation: fr },
        es: { translation: es },
        ar: { translation: ar },
        [PSEUDO]: { translation: pseudoResource({ ...en, catalogue: catalogueResource() }) },
      },
      lng: savedLanguage(preferred),
      fallbackLng: 'en',
      supportedLngs: ['en', 'fr', 'es', 'ar', PSEUDO],
      nonExplicitSupportedLngs: true,
      // React already escapes text; double escaping would show "&amp;" in names.
      interpolation: { escapeValue: false, alwaysFormat: true },
      returnNull: false,
    });
  const apply = (): void => {
    if (typeof document === 'undefined') return;
    const lng = i18n.resolvedLanguage ?? 'en';
    document.documentElement.lang = lng === PSEUDO ? 'en' : lng;
    document.documentElement.dir = i18n.dir(lng);
  };
  apply();
  i18n.on('languageChanged', apply);
}

/** Switches the UI language now and remembers it on this workstation. */
export async function chooseLanguage(lng: UiLanguage): Promise<void> {
  saveLanguage(lng);
  await i18n.changeLanguage(lng);
}

export function currentDigits(): Digits {
  return digits;
}

/** Arabic or Latin digits in Arabic; re-renders through a language change event so every screen reformats. */
export async function chooseDigits(d: Digits): Promise<void> {
  digits = d;
  saveDigits(d);
  await i18n.changeLanguage(i18n.resolvedLanguage ?? 'en');
}
