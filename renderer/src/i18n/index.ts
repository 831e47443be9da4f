import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';

// Every user-facing string goes through i18next (DESIGN.md §10). French, Spanish and Arabic are
// planned: the document direction follows the language so layouts (logical CSS) mirror for Arabic.

export async function initI18n(): Promise<void> {
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: navigator.language?.split('-')[0] ?? 'en',
    fallbackLng: 'en',
    supportedLngs: ['en'],
    nonExplicitSupportedLngs: true,
    // React already escapes text; double escaping would show "&amp;" in names.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const apply = (): void => {
    document.documentElement.lang = i18n.resolvedLanguage ?? 'en';
    document.documentElement.dir = i18n.dir(i18n.resolvedLanguage);
  };
  apply();
  i18n.on('languageChanged', apply);
}
