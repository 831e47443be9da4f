import { parse } from 'csv-parse/sync';
import { CSV_DELIMITERS } from '../../../../shared/interchange/api';

// Delimiter and header detection on a sample of the file (the first lines, cut at a line end):
// the delimiter that gives the most rows with the same number of columns wins.

export function sampleLines(text: string, maxLines = 50): string {
  let end = 0;
  for (let i = 0; i < maxLines; i++) {
    const nl = text.indexOf('\n', end);
    if (nl < 0) return text;
    end = nl + 1;
  }
  return text.slice(0, end);
}

function rowsWith(sample: string, delimiter: string): string[][] {
  try {
    return parse(sample, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, skip_records_with_error: true }) as string[][];
  } catch {
    return [];
  }
}

export function detectDelimiter(sample: string): { delimiter: string; columns: number } {
  let best = { delimiter: ',', columns: 1, score: -1 };
  for (const delimiter of CSV_DELIMITERS) {
    const rows = rowsWith(sample, delimiter);
    if (rows.length === 0) continue;
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    const [mode, freq] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
    if (mode < 2) continue;
    // Consistency first, then more columns (a comma inside "Smith, John" must not beat ';').
    const score = (freq / rows.length) * 100 + Math.min(mode, 50) / 100;
    if (score > best.score) best = { delimiter, columns: mode, score };
  }
  return { delimiter: best.delimiter, columns: best.columns };
}

const LOOKS_LIKE_DATA = /^[\s+\-()\d.,:/]*\d[\s+\-()\d.,:/]*$/;

/** A first row of distinct, non-empty labels that are not numbers, dates or phone numbers. */
export function detectHeader(rows: string[][]): boolean {
  const first = rows[0];
  if (!first || first.length === 0) return false;
  const cells = first.map((c) => c.trim());
  // Labels are words: a cell with a number in it (an IBAN, a date, a phone) is data.
  if (cells.some((c) => c === '' || LOOKS_LIKE_DATA.test(c) || (c.match(/\d/g)?.length ?? 0) > 3)) return false;
  if (new Set(cells.map((c) => c.toLowerCase())).size !== cells.length) return false;
  const second = rows[1];
  if (!second) return true;
  // Labels over data: if the second row looks exactly like the first (all text), still a header
  // when every label is short; long free-text first rows are data.
  return cells.every((c) => c.length <= 60);
}

export function parseSample(sample: string, delimiter: string): string[][] {
  return rowsWith(sample, delimiter);
}
