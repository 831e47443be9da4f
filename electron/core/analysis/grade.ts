import { CordonError } from '../../../shared/errors';
import { GRADING_SCHEMES, SCHEMES, splitGrade, type GradingScheme } from '../../../shared/grading';

// Grading in analysis: which links are good enough to count, and which routes are best sourced.
//
// A minimum grade such as B2 is read within one scheme and never converted to another (DESIGN.md
// §3). A source graded in that scheme meets it when its source letter AND its information digit
// are each at least as good (EU 4x4 / Admiralty: A1, A2, B1, B2 meet B2; C1 does not, B3 does
// not). Without an explicit scheme, the minimum applies in every scheme where it is a valid code
// (B2: EU 4x4 and Admiralty), each judged on its own ladder; sources graded in other schemes
// (UK 3x5x2, where B2 is not a grade) cannot be compared and do not meet it. A link counts when at
// least one source behind any of its statements meets the minimum; an unsourced link never does.

export interface MinGrade {
  grade: string;
  scheme?: GradingScheme | undefined;
}

export interface GradeFilter {
  /** The minimum's ranks in each scheme where it applies. */
  byScheme: Map<GradingScheme, { source: number; information: number }>;
  label: string;
}

export function gradeFilter(min: MinGrade): GradeFilter {
  const grade = min.grade.trim().toUpperCase();
  const schemes = min.scheme ? [min.scheme] : GRADING_SCHEMES.filter((s) => splitGrade(s, grade) !== null);
  const byScheme = new Map<GradingScheme, { source: number; information: number }>();
  for (const s of schemes) {
    const parts = splitGrade(s, grade);
    if (!parts) continue;
    byScheme.set(s, { source: SCHEMES[s].source.indexOf(parts.source), information: SCHEMES[s].information.indexOf(parts.information) });
  }
  if (byScheme.size === 0) {
    throw new CordonError(
      'INVALID_INPUT',
      min.scheme
        ? `"${grade}" is not a ${SCHEMES[min.scheme].label} grade.`
        : `"${grade}" is not a grade in any scheme (EU 4x4 and Admiralty: letter then digit, e.g. B2; UK 3x5x2: digit then letter, e.g. 2B).`,
    );
  }
  return { byScheme, label: min.scheme ? `${min.scheme}:${grade}` : grade };
}

export function meets(filter: GradeFilter, scheme: string, grade: string): boolean {
  const min = filter.byScheme.get(scheme as GradingScheme);
  if (!min) return false;
  const parts = splitGrade(scheme as GradingScheme, grade);
  if (!parts) return false;
  const def = SCHEMES[scheme as GradingScheme];
  return def.source.indexOf(parts.source) <= min.source && def.information.indexOf(parts.information) <= min.information;
}

/** Routing length of a link by its best grade, for "prefer well-sourced links": 1 for the best
 * grade of its scheme up to 5 for the worst (1 + 2·source rank + 2·information rank, each rank
 * scaled to 0..1 on the scheme's own ladder); 5 for an ungraded link. A preference between routes,
 * not a conversion of grades: it never decides whether a link is shown or counted. */
export const UNGRADED_COST = 5;

export function gradingCost(scheme: string, grade: string): number {
  const def = SCHEMES[scheme as GradingScheme];
  const parts = def ? splitGrade(scheme as GradingScheme, grade) : null;
  if (!def || !parts) return UNGRADED_COST;
  const s = def.source.indexOf(parts.source) / (def.source.length - 1);
  const i = def.information.indexOf(parts.information) / (def.information.length - 1);
  return 1 + 2 * s + 2 * i;
}
