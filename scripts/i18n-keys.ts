// The translation checks run by `npm run lint` (scripts/i18n-check.ts) and by
// test/renderer/i18nKeys.test.ts: every key the renderer uses exists in English, every English key
// exists in every locale with the plural forms that language needs and the same placeholders, no
// locale keeps keys the code no longer uses. Plain Node (fs), no i18next: it reads the files as text.
//
// Keys are found in the code as string literals, so t('a.b'), t(cond ? 'a.b' : 'a.c') and
// { labelKey: 'a.b' } all count; a template literal t(`rail.${id}`) stands for every key its shape
// matches (rail.<anything>). Keys reached in any other way must be listed in DYNAMIC below.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_SCHEMATA } from '../shared/catalogue';

export type Resource = { [key: string]: string | Resource };
export interface Problem {
  locale: string;
  key: string;
  problem: 'missing' | 'unused' | 'undefined-in-code' | 'missing-plural' | 'extra-plural' | 'placeholders' | 'not-a-string';
  detail?: string;
}

export const LOCALES = ['fr', 'es', 'ar'] as const;

/**
 * Keys built where no literal or template shows them. Each entry is a regular expression over the
 * whole key; keep the reason beside it.
 */
export const DYNAMIC: ReadonlyArray<{ pattern: RegExp; why: string }> = [
  // jobs.ts labels come from the core as English job names and are looked up by their text.
  { pattern: /^jobs\.label\..+$/, why: 'core job labels (electron/core/jobs.ts) looked up by name' },
];

const PLURAL = /_(zero|one|two|few|many|other)$/;

export function flatten(r: Resource, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  for (const [k, v] of Object.entries(r)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object') flatten(v as Resource, key, out);
    else out.set(key, v);
  }
  return out;
}

/** "list.count_one" → "list.count"; a key without a plural suffix is its own base. */
export const baseKey = (k: string): string => k.replace(PLURAL, '');

export function placeholders(s: string): Set<string> {
  return new Set([...s.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((m) => m[1] ?? ''));
}

/** The plural categories i18next asks for in a language (Intl.PluralRules, as i18next uses it). */
export function pluralCategories(lng: string): string[] {
  return new Intl.PluralRules(lng).resolvedOptions().pluralCategories as string[];
}

/** The catalogue's keys (shared/catalogue.ts): English comes from the catalogue itself, locales translate them. */
export function catalogueKeys(): Set<string> {
  const keys = new Set<string>();
  const props = new Map<string, Set<string>>();
  for (const s of ALL_SCHEMATA) {
    keys.add(`catalogue.schema.${s.name}`);
    keys.add(`catalogue.plural.${s.name}`);
    for (const p of s.properties) {
      keys.add(`catalogue.prop._.${p.name}`);
      if (!props.has(p.name)) props.set(p.name, new Set());
      props.get(p.name)!.add(p.label);
    }
  }
  // Where one property name has different labels by schema (Passport.startDate "Issued" beside
  // the usual "Start date"), the schemas with the less common label get a key of their own.
  for (const [name, labels] of props) {
    if (labels.size < 2) continue;
    const usual = mostCommonLabel(name);
    for (const s of ALL_SCHEMATA) for (const p of s.properties) if (p.name === name && p.label !== usual) keys.add(`catalogue.prop.${s.name}.${name}`);
  }
  return keys;
}

function mostCommonLabel(prop: string): string | undefined {
  const n = new Map<string, number>();
  for (const s of ALL_SCHEMATA) for (const p of s.properties) if (p.name === prop) n.set(p.label, (n.get(p.label) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx)$/.test(name)) out.push(p);
  }
  return out;
}

/** String literals and key-shaped template literals in the renderer's code. */
export function usesInCode(files: string[]): { literals: Set<string>; templates: RegExp[]; called: Set<string> } {
  const literals = new Set<string>();
  const called = new Set<string>();
  const templates: RegExp[] = [];
  for (const f of files) {
    const src = readFileSync(f, 'utf8');
    for (const m of src.matchAll(/(['"])([A-Za-z_][\w-]*(?:\.[\w\- ]+)+)\1/g)) literals.add(m[2] ?? '');
    for (const m of src.matchAll(/\bt\(\s*(['"])([^'"]+)\1/g)) called.add(m[2] ?? '');
    for (const m of src.matchAll(/`([A-Za-z_][\w-]*\.[^`]*\$\{[^`]*)`/g)) {
      const shape = m[1] ?? '';
      // Only key-shaped templates: dotted words and ${…} holes, nothing else.
      const parts = shape.split(/\$\{(?:[^{}]|\{[^{}]*\})*\}/);
      if (!parts.every((p) => /^[\w.-]*$/.test(p))) continue;
      templates.push(new RegExp(`^${parts.map((p) => p.replace(/[.]/g, '\\.')).join('.+')}$`));
    }
  }
  return { literals, templates, called };
}

export function checkLocales(root: string, resources?: Record<string, Resource>): Problem[] {
  const dir = join(root, 'renderer/src/i18n');
  const load = (l: string): Resource => resources?.[l] ?? (JSON.parse(readFileSync(join(dir, `${l}.json`), 'utf8')) as Resource);
  const en = flatten(load('en'));
  const problems: Problem[] = [];
  const enBases = new Map<string, string[]>();
  for (const k of en.keys()) enBases.set(baseKey(k), [...(enBases.get(baseKey(k)) ?? []), k]);

  // 1. The code's keys exist in English; English keys are used by the code.
  const { literals, templates, called } = usesInCode(sourceFiles(join(root, 'renderer/src')));
  const used = (base: string): boolean => literals.has(base) || templates.some((r) => r.test(base)) || DYNAMIC.some((d) => d.pattern.test(base));
  for (const base of enBases.keys()) if (!used(base)) problems.push({ locale: 'en', key: base, problem: 'unused' });
  // A key passed to t() that names nothing in English: a typo or a removed key.
  for (const key of called) {
    const isParent = [...enBases.keys()].some((k) => k.startsWith(`${key}.`));
    if (!enBases.has(key) && !isParent && !key.startsWith('catalogue.')) problems.push({ locale: 'en', key, problem: 'undefined-in-code' });
  }

  // 2. Every locale has every key, the plural forms of its language, the same placeholders.
  const catalogue = catalogueKeys();
  for (const l of LOCALES) {
    const tr = flatten(load(l));
    const categories = pluralCategories(l);
    for (const [base, enKeys] of enBases) {
      const plural = enKeys.some((k) => PLURAL.test(k));
      const wanted = plural ? categories.map((c) => `${base}_${c}`) : [base];
      const enText = enKeys.map((k) => String(en.get(k))).join(' ');
      const enVars = placeholders(enText);
      for (const k of wanted) {
        const v = tr.get(k);
        if (v === undefined) {
          problems.push({ locale: l, key: k, problem: plural ? 'missing-plural' : 'missing' });
          continue;
        }
        if (typeof v !== 'string') {
          problems.push({ locale: l, key: k, problem: 'not-a-string' });
          continue;
        }
        // A placeholder the English does not pass would print raw. Plural forms may spell the number
        // out ("un enregistrement") and so leave {{count}}/{{n}} out; Arabic's zero, one and two
        // forms say the number in the word itself ("كيانان", "لا روابط"), so may leave out more.
        const vars = placeholders(v);
        const form = k.match(PLURAL)?.[1];
        const unknown = [...vars].filter((x) => !enVars.has(x));
        const lost = [...enVars].filter((x) => !vars.has(x) && !(plural && (x === 'count' || x === 'n')) && !(form === 'zero' || form === 'one' || form === 'two'));
        if (unknown.length || lost.length) problems.push({ locale: l, key: k, problem: 'placeholders', detail: [unknown.length ? `unknown {{${unknown.join('}}, {{')}}}` : '', lost.length ? `lost {{${lost.join('}}, {{')}}}` : ''].filter(Boolean).join('; ') });
      }
    }
    for (const k of catalogue) if (!tr.has(k)) problems.push({ locale: l, key: k, problem: 'missing' });
    for (const k of tr.keys()) {
      if (k.startsWith('catalogue.')) {
        if (!catalogue.has(k)) problems.push({ locale: l, key: k, problem: 'unused', detail: 'not in shared/catalogue.ts' });
        continue;
      }
      const base = baseKey(k);
      if (!enBases.has(base)) {
        problems.push({ locale: l, key: k, problem: 'unused', detail: 'not in en.json' });
        continue;
      }
      const form = k.match(PLURAL)?.[1];
      if (form && !categories.includes(form)) problems.push({ locale: l, key: k, problem: 'extra-plural', detail: `${l} has no "${form}" form` });
    }
  }
  return problems;
}

export function formatProblems(problems: Problem[]): string {
  const byLocale = new Map<string, Problem[]>();
  for (const p of problems) byLocale.set(p.locale, [...(byLocale.get(p.locale) ?? []), p]);
  const lines: string[] = [];
  for (const [l, ps] of byLocale) {
    lines.push(`${l}.json: ${ps.length} problem(s)`);
    for (const p of ps) lines.push(`  ${p.problem.padEnd(18)} ${p.key}${p.detail ? `  (${p.detail})` : ''}`);
  }
  return lines.join('\n');
}
