// `npm run lint` step: the translation checks of scripts/i18n-keys.ts over the real files. Prints
// exactly which key is missing, unused or wrong in which locale, and fails if any is.
import { checkLocales, formatProblems } from './i18n-keys';

const problems = checkLocales(process.cwd());
if (problems.length > 0) {
  console.error(formatProblems(problems));
  process.exit(1);
}
console.log('i18n: every key used in renderer/ is in en, fr, es and ar, with each language’s plural forms; no unused keys.');
