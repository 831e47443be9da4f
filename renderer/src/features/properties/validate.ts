import type { PropertyDef } from '../../../../shared/catalogue';
import { checkValue } from '../../../../shared/values';

/** The same check the core applies, run as the analyst types; null when the value is fine or empty. */
export function valueProblem(def: PropertyDef, value: string): string | null {
  if (value.trim() === '') return null;
  const check = checkValue(def, value);
  return check.ok ? null : check.reason;
}

/** Drops empty inputs: what a form sends to the core. */
export function filledValues(values: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [prop, list] of Object.entries(values)) {
    const filled = list.map((v) => v.trim()).filter((v) => v !== '');
    if (filled.length > 0) out[prop] = filled;
  }
  return out;
}

export function hasProblems(defs: readonly PropertyDef[], values: Record<string, string[]>): boolean {
  return defs.some((d) => (values[d.name] ?? []).some((v) => valueProblem(d, v) !== null));
}
