// Partial dates ("1994", "1994-03") are periods, compared on their common prefix: a link ending
// "1994-03" is still active on 1994-03-20. The core's charts/dates.ts applies the same rule.

export function comparePartial(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Whether a link with this period is active on `day` (undated ends are open). */
export function activeOn(start: string | null, end: string | null, day: string): boolean {
  if (start && comparePartial(start, day) > 0) return false;
  if (end && comparePartial(end, day) < 0) return false;
  return true;
}

/** Months "YYYY-MM" from the earliest to the latest date given (for the "as of" slider). */
export function monthRange(dates: Iterable<string | null>): string[] {
  let lo: string | null = null;
  let hi: string | null = null;
  for (const d of dates) {
    if (!d || d.length < 4) continue;
    const m = d.length >= 7 ? d.slice(0, 7) : `${d.slice(0, 4)}-01`;
    const mEnd = d.length >= 7 ? d.slice(0, 7) : `${d.slice(0, 4)}-12`;
    if (!lo || m < lo) lo = m;
    if (!hi || mEnd > hi) hi = mEnd;
  }
  if (!lo || !hi) return [];
  const out: string[] = [];
  let [y, m] = lo.split('-').map(Number) as [number, number];
  while (out.length < 1200) {
    const cur = `${y}-${String(m).padStart(2, '0')}`;
    out.push(cur);
    if (cur >= hi) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}
