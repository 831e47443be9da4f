import type { Database } from 'better-sqlite3-multiple-ciphers';

// Sequence numbers: each sender numbers its packages to each recipient 1, 2, 3…; a recipient
// that sees 5 after 3 knows a package is missing (or still in someone's pocket).

export function nextOutgoing(db: Database, officerId: string): number {
  return ((db.prepare('SELECT max(seq) FROM exchange_out_recipients WHERE officer_id = ?').pluck().get(officerId) as number | null) ?? 0) + 1;
}

export function expectedIncoming(db: Database, senderOfficerId: string): number {
  return ((db.prepare('SELECT max(seq) FROM exchange_in WHERE sender_officer = ?').pluck().get(senderOfficerId) as number | null) ?? 0) + 1;
}

/** A sentence about the gap, or null when the number is the expected one. */
export function describeGap(number: number, expected: number, sender: string): string | null {
  if (number === expected) return null;
  if (number > expected) {
    const range = number - 1 === expected ? `number ${expected}` : `numbers ${expected}–${number - 1}`;
    return `gap: package ${range} from ${sender} has not been imported (this is number ${number})`;
  }
  return `out of order: this is number ${number} from ${sender}, but number ${expected - 1} was already imported`;
}
