// Partial dates ("1994", "1994-03", "1994-03-20") are periods. Two of them are compared on their
// common prefix, so a link ending "1994-03" is still active on 1994-03-20 (the same rule as the
// analysis module's "as of").

/** Negative, zero or positive like a comparator, on the common prefix of two partial dates. */
export function comparePartial(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whether a period [start, end] (either may be open) meets the window [from, to] (either may be open). */
export function overlaps(start: string | null, end: string | null, from: string | undefined, to: string | undefined): boolean {
  if (to && start && comparePartial(start, to) > 0) return false;
  if (from && end && comparePartial(end, from) < 0) return false;
  return true;
}
