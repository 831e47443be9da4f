import { currentIntlTag } from '../../i18n';

// ISO 3166-1 alpha-2 codes with names in the UI language, derived from the browser's own Intl
// data: no country table to maintain, and names follow the locale. User-assigned and pseudo
// codes (AA, QM–QZ, XA–XZ except Kosovo's XK, ZZ) and groupings (EU, EZ, UN) are left out.

const EXCLUDED = /^(AA|Q[M-Z]|X[A-JL-Z]|ZZ|EU|EZ|UN)$/;
let cache: { lang: string; list: Array<{ code: string; name: string }> } | null = null;

export function countries(): Array<{ code: string; name: string }> {
  const lang = currentIntlTag();
  if (cache?.lang === lang) return cache.list;
  const names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
  const list: Array<{ code: string; name: string }> = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (EXCLUDED.test(code)) continue;
      const name = names.of(code);
      if (name && name !== code) list.push({ code: code.toLowerCase(), name });
    }
  }
  list.sort((x, y) => x.name.localeCompare(y.name, lang));
  cache = { lang, list };
  return list;
}
