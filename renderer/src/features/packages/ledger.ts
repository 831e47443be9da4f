import type { ExchangeCounts } from '../../../../shared/exchange/dto';

// The ledger's `summary` is the JSON the core stored with each package (its shape differs for
// sent and received packages); only the figures a history row shows are read, defensively.

export interface LedgerFigures {
  /** Sent: what the package held. */
  counts: Partial<ExchangeCounts> | null;
  /** Received: what the import added (ImportResult's figures). */
  imported: { entitiesCreated: number; entitiesMerged: number; statementsAdded: number; sourcesAdded: number } | null;
  withheld: Partial<ExchangeCounts> | null;
  accepted: 'all' | 'part' | null;
  file: string | null;
  gap: string | null;
}

const obj = (v: unknown): Record<string, unknown> | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function ledgerFigures(summary: unknown): LedgerFigures {
  const s = obj(summary) ?? {};
  const accepted = s.accepted === 'all' || s.accepted === 'part' ? s.accepted : null;
  const got = obj(s.counts);
  const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
  return {
    counts: obj(s.included) as Partial<ExchangeCounts> | null,
    imported:
      got && 'entitiesCreated' in got
        ? { entitiesCreated: num(got.entitiesCreated), entitiesMerged: num(got.entitiesMerged), statementsAdded: num(got.statementsAdded), sourcesAdded: num(got.sourcesAdded) }
        : null,
    withheld: obj(s.withheld) as Partial<ExchangeCounts> | null,
    accepted,
    file: str(s.file),
    gap: str(s.gap),
  };
}
