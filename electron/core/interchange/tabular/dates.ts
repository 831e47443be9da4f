import { isValidDate } from '../../../../shared/values';

// Dates "with a format" (the wizard's date column): DD/MM/YYYY, MM/DD/YY HH:mm, YYYYMMDD, …
// into ISO 8601, which is what the statements hold. A value that fits the pattern but is no real
// day ('31/02/2024') is refused, never rolled over into March.

const TOKENS = ['YYYY', 'YY', 'MM', 'M', 'DD', 'D', 'HH', 'H', 'mm', 'ss'] as const;
type Token = (typeof TOKENS)[number];

interface Compiled {
  re: RegExp;
  order: Token[];
}

const cache = new Map<string, Compiled>();

function compile(format: string): Compiled {
  let c = cache.get(format);
  if (c) return c;
  const order: Token[] = [];
  let re = '^';
  for (let i = 0; i < format.length; ) {
    const tok = TOKENS.find((t) => format.startsWith(t, i));
    if (tok) {
      order.push(tok);
      re += tok === 'YYYY' ? '(\\d{4})' : tok === 'YY' || tok === 'mm' || tok === 'ss' ? '(\\d{2})' : '(\\d{1,2})';
      i += tok.length;
    } else {
      const ch = format[i]!;
      // Any run of spaces in the pattern matches any run of spaces in the value.
      re += ch === ' ' ? '\\s+' : ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
      i++;
    }
  }
  c = { re: new RegExp(`${re}$`), order };
  cache.set(format, c);
  return c;
}

const pad = (n: number) => String(n).padStart(2, '0');

export type DateParse = { ok: true; value: string } | { ok: false; reason: string };

export function parseDate(raw: string, format: string): DateParse {
  const value = raw.trim();
  const { re, order } = compile(format);
  const m = re.exec(value);
  if (!m) return { ok: false, reason: `"${value}" does not have the date format ${format}` };
  const parts: Partial<Record<Token, number>> = {};
  order.forEach((t, i) => (parts[t] = Number(m[i + 1])));
  let year = parts.YYYY;
  if (year === undefined && parts.YY !== undefined) year = parts.YY < 50 ? 2000 + parts.YY : 1900 + parts.YY;
  const month = parts.MM ?? parts.M;
  const day = parts.DD ?? parts.D;
  const hour = parts.HH ?? parts.H;
  if (year === undefined) return { ok: false, reason: `the date format ${format} has no year` };
  let iso = String(year).padStart(4, '0');
  if (month !== undefined) iso += `-${pad(month)}`;
  if (month !== undefined && day !== undefined) iso += `-${pad(day)}`;
  if (day !== undefined && hour !== undefined) {
    iso += `T${pad(hour)}:${pad(parts.mm ?? 0)}`;
    if (parts.ss !== undefined) iso += `:${pad(parts.ss)}`;
  }
  return isValidDate(iso) ? { ok: true, value: iso } : { ok: false, reason: `"${value}" is not a date` };
}
