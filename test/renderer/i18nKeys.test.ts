import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLocales, formatProblems, type Resource } from '../../scripts/i18n-keys';

// The translation checks of `npm run lint`, on the real files and on broken copies of them, so a
// missing key, a missing Arabic plural form or a lost placeholder is shown to fail the check.

const root = process.cwd();
const load = (l: string): Resource => JSON.parse(readFileSync(join(root, 'renderer/src/i18n', `${l}.json`), 'utf8')) as Resource;
const real = () => ({ en: load('en'), fr: load('fr'), es: load('es'), ar: load('ar') });

describe('translation keys', () => {
  it('every key of the code is in en, fr, es and ar, with the plural forms of each language', () => {
    const problems = checkLocales(root);
    expect(formatProblems(problems)).toBe('');
  });

  it('names the locale and the key that is missing', () => {
    const r = real();
    delete ((r.fr.start as Resource).strength as Resource).weak;
    const problems = checkLocales(root, r);
    expect(problems).toEqual([{ locale: 'fr', key: 'start.strength.weak', problem: 'missing' }]);
    expect(formatProblems(problems)).toContain('fr.json: 1 problem(s)');
  });

  it('asks Arabic for all six plural forms and French for its "many"', () => {
    const r = real();
    delete (r.ar.list as Resource).count_few;
    delete (r.fr.list as Resource).count_many;
    const problems = checkLocales(root, r);
    expect(problems).toContainEqual({ locale: 'ar', key: 'list.count_few', problem: 'missing-plural' });
    expect(problems).toContainEqual({ locale: 'fr', key: 'list.count_many', problem: 'missing-plural' });
  });

  it('refuses a form the language does not have, a stale key and a placeholder the code never passes', () => {
    const r = real();
    (r.fr.list as Resource).count_two = '{{n}} entités';
    (r.es.list as Resource).gone = 'ya no existe';
    (r.ar.lock as Resource).text = '{{nom}} مقفلة';
    const problems = checkLocales(root, r);
    expect(problems).toContainEqual({ locale: 'fr', key: 'list.count_two', problem: 'extra-plural', detail: 'fr has no "two" form' });
    expect(problems).toContainEqual({ locale: 'es', key: 'list.gone', problem: 'unused', detail: 'not in en.json' });
    expect(problems).toContainEqual({ locale: 'ar', key: 'lock.text', problem: 'placeholders', detail: 'unknown {{nom}}; lost {{name}}' });
  });

  it('reports an English key that no code uses', () => {
    const r = real();
    (r.en.lock as Resource).neverUsed = 'Nobody asks for this';
    const problems = checkLocales(root, r);
    expect(problems).toContainEqual({ locale: 'en', key: 'lock.neverUsed', problem: 'unused' });
  });
});
