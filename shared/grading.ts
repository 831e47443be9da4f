// Each scheme keeps its own codes: a grade is never converted between schemes (DESIGN.md §3).
export const GRADING_SCHEMES = ['eu4x4', 'admiralty', 'uk3x5x2'] as const;
export type GradingScheme = (typeof GRADING_SCHEMES)[number];

export interface SchemeDefinition {
  id: GradingScheme;
  label: string;
  /** Source reliability codes, most reliable first. */
  source: readonly string[];
  /** Information / intelligence assessment codes, most reliable first. A grade is always written
   * source then information: EU and Admiralty "B2", UK "1A" (source 1, intelligence A). */
  information: readonly string[];
  /** The scheme's handling codes (none for Admiralty). */
  handling: readonly string[];
}

export const SCHEMES: Record<GradingScheme, SchemeDefinition> = {
  eu4x4: {
    id: 'eu4x4',
    label: 'EU 4x4',
    source: ['A', 'B', 'C', 'X'],
    information: ['1', '2', '3', '4'],
    handling: ['H0', 'H1', 'H2', 'H3'],
  },
  admiralty: {
    id: 'admiralty',
    label: 'Admiralty / NATO',
    source: ['A', 'B', 'C', 'D', 'E', 'F'],
    information: ['1', '2', '3', '4', '5', '6'],
    handling: [],
  },
  uk3x5x2: {
    id: 'uk3x5x2',
    label: 'UK 3x5x2',
    source: ['1', '2', '3'],
    information: ['A', 'B', 'C', 'D', 'E'],
    handling: ['P', 'C'],
  },
};

export const TLP_LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type Tlp = (typeof TLP_LEVELS)[number];

/** Handling codes ordered from least to most restrictive, per scheme. EU H3 carries free-text
 * conditions, so it ranks above H1 but below H2 ("not to be disseminated"). */
const HANDLING_RANK: Record<string, number> = { H0: 0, H1: 1, H3: 2, H2: 3, P: 0, C: 2 };

export interface Grading {
  scheme: GradingScheme;
  /** e.g. "B2" (EU, Admiralty) or "1A" (UK: source then intelligence). */
  grade: string;
  handling?: string;
  handlingConditions?: string;
  tlp?: Tlp;
}

export function splitGrade(scheme: GradingScheme, grade: string): { source: string; information: string } | null {
  const def = SCHEMES[scheme];
  if (grade.length !== 2) return null;
  const [s, i] = [grade[0]!, grade[1]!];
  if (!def.source.includes(s) || !def.information.includes(i)) return null;
  return { source: s, information: i };
}

export function isValidGrade(scheme: GradingScheme, grade: string): boolean {
  return splitGrade(scheme, grade) !== null;
}

export function isValidHandling(scheme: GradingScheme, handling: string): boolean {
  return SCHEMES[scheme].handling.includes(handling);
}

export function handlingRank(code: string | undefined | null): number {
  if (!code) return -1;
  return HANDLING_RANK[code] ?? -1;
}

export function tlpRank(tlp: Tlp | undefined | null): number {
  return tlp ? TLP_LEVELS.indexOf(tlp) : -1;
}

/** The most restrictive handling code and TLP of a set of gradings: what a derived view carries. */
export function mostRestrictive(gradings: Iterable<Pick<Grading, 'handling' | 'tlp'>>): { handling: string | null; tlp: Tlp | null } {
  let handling: string | null = null;
  let tlp: Tlp | null = null;
  for (const g of gradings) {
    if (g.handling && handlingRank(g.handling) > handlingRank(handling)) handling = g.handling;
    if (g.tlp && tlpRank(g.tlp) > tlpRank(tlp)) tlp = g.tlp;
  }
  return { handling, tlp };
}

/** "Confirmed" class for chart styling: EU/Admiralty A1–B2, UK 1A–2B. */
export function isStrongGrade(scheme: GradingScheme, grade: string): boolean {
  const parts = splitGrade(scheme, grade);
  if (!parts) return false;
  const def = SCHEMES[scheme];
  return def.source.indexOf(parts.source) <= 1 && def.information.indexOf(parts.information) <= 1;
}
