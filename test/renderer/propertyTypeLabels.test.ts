import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROPERTY_TYPES } from '../../shared/catalogue';

// The entity form names each value's datatype by a key built at run time (form.type.<datatype>),
// which the static key check cannot see: every datatype of the catalogue has its label in every language.
describe('datatype labels', () => {
  for (const lang of ['en', 'fr', 'es', 'ar']) {
    it(`${lang}: a label for every datatype`, () => {
      const d = JSON.parse(readFileSync(join(__dirname, '../../renderer/src/i18n', `${lang}.json`), 'utf8')) as { form: { type: Record<string, string> } };
      expect(PROPERTY_TYPES.filter((t) => typeof d.form.type[t] !== 'string' || d.form.type[t] === '')).toEqual([]);
    });
  }
});
