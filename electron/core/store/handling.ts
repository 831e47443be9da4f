import type { WithholdRule } from '../../../shared/exchange/dto';

// The handling rules of an export (DESIGN.md §3, §6): what may not leave this workstation for
// these recipients. They are judged per source report, since a source carries the grading of
// everything it supports; statements, entities and links follow their sources. They live in store/
// because two features apply them: the exchange (what a package withholds) and cooperation (what a
// bureau's briefing pack leaves out); cooperation never imports exchange/.

export interface SourceGrading {
  id: string;
  title: string;
  scheme: string;
  handling: string | null;
  tlp: string | null;
  originator: string;
  restrictedTo: string[];
}

export interface Withhold {
  rule: WithholdRule;
  reason: string;
}

/**
 * Why a source may not go to these recipient bureaus, or null when it may.
 * - EU H2: "not to be disseminated" without the originator's permission — never exported.
 * - TLP:RED: for the named recipients only. Red information received from another bureau is
 *   never passed on; our own goes only to bureaus the source names in its restriction list.
 * - A source restricted to some bureaus goes to no other (its originator always may see it).
 */
export function withholdSource(s: SourceGrading, recipientBureaus: readonly string[], myBureau: string): Withhold | null {
  if (s.scheme === 'eu4x4' && s.handling === 'H2') {
    return { rule: 'H2', reason: `EU handling code H2: not to be disseminated without the permission of the originator (${s.originator})` };
  }
  if (s.tlp === 'RED') {
    if (s.originator !== myBureau) {
      return { rule: 'TLP_RED', reason: `TLP:RED information received from ${s.originator} may not be passed on` };
    }
    const unnamed = recipientBureaus.filter((b) => !s.restrictedTo.includes(b));
    if (unnamed.length > 0) {
      return {
        rule: 'TLP_RED',
        reason: `TLP:RED is for named recipients only, and ${unnamed.join(', ')} ${unnamed.length > 1 ? 'are' : 'is'} not named on the source`,
      };
    }
  }
  if (s.restrictedTo.length > 0) {
    const outside = recipientBureaus.filter((b) => b !== s.originator && !s.restrictedTo.includes(b));
    if (outside.length > 0) {
      return { rule: 'RESTRICTED', reason: `restricted to ${s.restrictedTo.join(', ')}; not releasable to ${outside.join(', ')}` };
    }
  }
  return null;
}

/** Handling codes that travel with the data as conditions the recipients must honour. */
export function conditionsOf(s: { scheme: string; handling: string | null }): boolean {
  return (s.scheme === 'eu4x4' && s.handling === 'H3') || (s.scheme === 'uk3x5x2' && s.handling === 'C');
}
