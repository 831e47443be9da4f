// The languages Cordon speaks, and the workstation's choice of one (DESIGN.md §10). Kept apart from
// i18next's set-up so the settings dialog, format.ts and the tests read the same few facts.

export const LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];
/** A check language, never offered in the picker: English made 40% longer and accented. */
export const PSEUDO = 'pseudo';
export type UiLanguage = Language | typeof PSEUDO;
export type Digits = 'arab' | 'latn';

/** Each language named in itself, as a picker shows it to someone who may not read the current one. */
export const ENDONYMS: Record<Language, string> = { en: 'English', fr: 'Français', es: 'Español', ar: 'العربية' };

// localStorage is per workstation profile in Electron: the choice stays with this workstation.
const LANG_KEY = 'cordon.language';
const DIGITS_KEY = 'cordon.digits';

function store(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function isLanguage(v: unknown): v is Language {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}

/** The first of the system's languages Cordon speaks (`navigator.languages`, best first), else English. */
export function systemLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/** The remembered choice; on first start the system's language. The pseudo-locale only when a test or a developer stored it. */
export function savedLanguage(preferred: readonly string[]): UiLanguage {
  const v = store()?.getItem(LANG_KEY);
  if (v === PSEUDO || isLanguage(v)) return v;
  return systemLanguage(preferred);
}

export function saveLanguage(lng: UiLanguage): void {
  store()?.setItem(LANG_KEY, lng);
}

/** Arabic digits (٠١٢…) or Latin (012…) in Arabic; Arabic-Indic by default, as CLDR has it for `ar`. */
export function savedDigits(): Digits {
  return store()?.getItem(DIGITS_KEY) === 'latn' ? 'latn' : 'arab';
}

export function saveDigits(d: Digits): void {
  store()?.setItem(DIGITS_KEY, d);
}

/**
 * The BCP 47 tag every `Intl` formatter gets: the UI language, always the Gregorian calendar, and
 * in Arabic the chosen digits. The pseudo-locale formats as English.
 */
export function intlTag(lng: string, digits: Digits): string {
  if (lng === 'ar') return `ar-u-ca-gregory-nu-${digits}`;
  if (isLanguage(lng)) return `${lng}-u-ca-gregory`;
  return 'en-u-ca-gregory';
}
