import type { z } from 'zod';
import type { sourceInput } from '../../../../shared/entities/api';
import { isValidGrade, isValidHandling, SCHEMES, type GradingScheme } from '../../../../shared/grading';
import { attr, kid, kids, type XmlNode } from '../xml';

// An i2 chart carries its own grading systems: three lists of strings (GradeOne, GradeTwo,
// GradeThree) and, on every item and card, indexes into them. Cordon keeps each scheme's own
// codes (DESIGN.md §3): a chart whose lists are EU 4x4, Admiralty or UK 3x5x2 codes maps onto that
// scheme; any other system is kept as text and graded Admiralty F6 ("cannot be judged").

export interface ChartGrading {
  scheme: GradingScheme | null;
  one: string[];
  two: string[];
  three: string[];
}

/** "A - Always reliable" → "A"; "H2 (no dissemination)" → "H2"; "-" → null. */
export function codeOf(text: string | undefined): string | null {
  const m = /^\s*(H[0-3]|[A-Za-z](?![A-Za-z])|[1-6](?!\d))/.exec(text ?? '');
  return m ? m[1]!.toUpperCase() : null;
}

function strings(chart: XmlNode, name: string): string[] {
  return kids(kid(kid(chart, name), 'StringCollection'), 'String').map((s) => attr(s, 'Text') ?? attr(s, 'Value') ?? '');
}

export function readGrading(chart: XmlNode): ChartGrading {
  const one = strings(chart, 'GradeOne');
  const two = strings(chart, 'GradeTwo');
  const three = strings(chart, 'GradeThree');
  const c1 = one.map(codeOf).filter((c): c is string => c !== null);
  const c2 = two.map(codeOf).filter((c): c is string => c !== null);
  const c3 = three.map(codeOf).filter((c): c is string => c !== null);
  const fits = (s: GradingScheme) =>
    c1.length > 0 &&
    c2.length > 0 &&
    c1.every((c) => SCHEMES[s].source.includes(c)) &&
    c2.every((c) => SCHEMES[s].information.includes(c)) &&
    c3.every((c) => SCHEMES[s].handling.includes(c));
  let scheme: GradingScheme | null = null;
  if (fits('eu4x4')) scheme = 'eu4x4';
  else if (fits('admiralty')) scheme = 'admiralty';
  else if (fits('uk3x5x2')) scheme = 'uk3x5x2';
  return { scheme, one, two, three };
}

type SourceInput = z.output<typeof sourceInput>;

/** A source report for an item or card, from its attributes; null when it says nothing. */
export function sourceFor(g: ChartGrading, el: XmlNode, fallbackTitle: string, extra: { title?: string | undefined; reportDate?: string | undefined } = {}): SourceInput | null {
  const ref = attr(el, 'SourceReference')?.trim() || undefined;
  const type = attr(el, 'SourceType')?.trim() || undefined;
  const idx = (name: string) => {
    const v = attr(el, name);
    return v === undefined || v === '' ? null : Number(v);
  };
  const texts = [g.one[idx('GradeOneIndex') ?? -1], g.two[idx('GradeTwoIndex') ?? -1], g.three[idx('GradeThreeIndex') ?? -1]];
  const codes = texts.map(codeOf);
  const graded = codes[0] !== null || codes[1] !== null;
  if (!ref && !type && !graded && !extra.title) return null;
  const title = extra.title || type || ref || fallbackTitle;
  const base = { title, ...(ref ? { reference: ref } : {}), ...(extra.reportDate ? { reportDate: extra.reportDate } : {}) };
  if (g.scheme && codes[0] && codes[1]) {
    const grade = `${codes[0]}${codes[1]}`;
    if (isValidGrade(g.scheme, grade)) {
      const handling = codes[2] && isValidHandling(g.scheme, codes[2]) ? codes[2] : undefined;
      return { ...base, scheme: g.scheme, grade, ...(handling ? { handling } : {}) };
    }
  }
  // Not gradable in a scheme of ours: the chart's own words stay with the source.
  const said = texts.filter((t): t is string => !!t && codeOf(t) !== null);
  const reference = said.length > 0 ? `${ref ? `${ref}; ` : ''}i2 grades: ${texts.map((t) => t ?? '-').join(' / ')}` : ref;
  return { ...base, ...(reference ? { reference } : {}), scheme: 'admiralty', grade: 'F6' };
}

const LABELS: Record<GradingScheme, { one: Record<string, string>; two: Record<string, string>; three: Record<string, string> }> = {
  eu4x4: {
    one: { A: 'A - No doubt about reliability', B: 'B - Usually reliable', C: 'C - Not usually reliable', X: 'X - Reliability cannot be assessed' },
    two: { '1': '1 - Known to be true without reservation', '2': '2 - Known personally to the source', '3': '3 - Not known personally, corroborated', '4': '4 - Cannot be judged' },
    three: { H0: 'H0 - No restriction', H1: 'H1 - Not for use as evidence', H2: 'H2 - Not to be disseminated', H3: 'H3 - Other conditions' },
  },
  admiralty: {
    one: { A: 'A - Completely reliable', B: 'B - Usually reliable', C: 'C - Fairly reliable', D: 'D - Not usually reliable', E: 'E - Unreliable', F: 'F - Reliability cannot be judged' },
    two: { '1': '1 - Confirmed', '2': '2 - Probably true', '3': '3 - Possibly true', '4': '4 - Doubtful', '5': '5 - Improbable', '6': '6 - Truth cannot be judged' },
    three: {},
  },
  uk3x5x2: {
    one: { '1': '1 - Reliable', '2': '2 - Untested source', '3': '3 - Not reliable' },
    two: { A: 'A - Known directly', B: 'B - Known indirectly, corroborated', C: 'C - Known indirectly', D: 'D - Not known', E: 'E - Suspected to be false' },
    three: { P: 'P - Lawful sharing permitted', C: 'C - Lawful sharing permitted with conditions' },
  },
};

/** The chart's grading lists for a scheme: index 0 is "-" (not graded), then the scheme's codes. */
export function gradingLists(scheme: GradingScheme): { one: string[]; two: string[]; three: string[] } {
  const l = LABELS[scheme];
  const def = SCHEMES[scheme];
  return {
    one: ['-', ...def.source.map((c) => l.one[c] ?? c)],
    two: ['-', ...def.information.map((c) => l.two[c] ?? c)],
    three: ['-', ...def.handling.map((c) => l.three[c] ?? c)],
  };
}

/** Indexes into gradingLists(scheme) for a source of that scheme. */
export function gradeIndexes(scheme: GradingScheme, grade: string, handling: string | null): [number, number, number] {
  const def = SCHEMES[scheme];
  const s = def.source.indexOf(grade[0] ?? '');
  const i = def.information.indexOf(grade[1] ?? '');
  const h = handling ? def.handling.indexOf(handling) : -1;
  return [s + 1, i + 1, h + 1];
}
