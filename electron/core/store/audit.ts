import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import type { AuditRow, AuditVerdict } from '../../../shared/case/dto';

// The audit log: append-only (triggers refuse UPDATE and DELETE) and hash-chained, so that a row
// edited or removed behind the application's back is found by `verify`. The head of the chain is
// also kept in `meta`, which catches the removal of the newest rows.

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  actor: string;
  action: string;
  target?: string | null;
  detail?: unknown;
}

/** Stable JSON (sorted keys) so that the hash does not depend on property order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(',')}}`;
}

function rowHash(prev: string, seq: number, at: string, actor: string, action: string, target: string | null, detail: string): string {
  return createHash('sha256').update(`${prev}\n${canonicalJson({ seq, at, actor, action, target, detail })}`).digest('hex');
}

export class AuditLog {
  private readonly insert;
  private readonly head;
  private readonly setHead;

  constructor(private readonly db: Database) {
    this.insert = db.prepare(
      'INSERT INTO audit (seq, at, actor, action, target, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.head = db.prepare("SELECT value FROM meta WHERE key = 'audit_head'").pluck();
    this.setHead = db.prepare("INSERT INTO meta (key, value) VALUES ('audit_head', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  }

  /** Appends one row. Call inside the transaction of the change it records. */
  append(entry: AuditEntry): number {
    const headJson = this.head.get() as string | undefined;
    const head = headJson ? (JSON.parse(headJson) as { seq: number; hash: string }) : { seq: 0, hash: GENESIS_HASH };
    const seq = head.seq + 1;
    const at = new Date().toISOString();
    const target = entry.target ?? null;
    const detail = canonicalJson(entry.detail ?? {});
    const hash = rowHash(head.hash, seq, at, entry.actor, entry.action, target, detail);
    this.insert.run(seq, at, entry.actor, entry.action, target, detail, head.hash, hash);
    this.setHead.run(JSON.stringify({ seq, hash }));
    return seq;
  }

  list(offset: number, limit: number): { total: number; rows: AuditRow[] } {
    const total = this.db.prepare('SELECT count(*) FROM audit').pluck().get() as number;
    const rows = this.db
      .prepare('SELECT seq, at, actor, action, target, detail, hash FROM audit ORDER BY seq DESC LIMIT ? OFFSET ?')
      .all(limit, offset) as Array<Omit<AuditRow, 'detail'> & { detail: string }>;
    return { total, rows: rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as unknown })) };
  }

  verify(): AuditVerdict {
    let prev = GENESIS_HASH;
    let expectedSeq = 1;
    let rows = 0;
    const broken = (seq: number, reason: string): AuditVerdict => ({ ok: false, rows, firstBroken: seq, reason });
    for (const r of this.db
      .prepare('SELECT seq, at, actor, action, target, detail, prev_hash, hash FROM audit ORDER BY seq')
      .iterate() as Iterable<{ seq: number; at: string; actor: string; action: string; target: string | null; detail: string; prev_hash: string; hash: string }>) {
      rows++;
      if (r.seq !== expectedSeq) return broken(expectedSeq, `row ${expectedSeq} is missing`);
      if (r.prev_hash !== prev) return broken(r.seq, `row ${r.seq} does not follow row ${r.seq - 1}`);
      if (rowHash(prev, r.seq, r.at, r.actor, r.action, r.target, r.detail) !== r.hash) {
        return broken(r.seq, `row ${r.seq} was altered`);
      }
      prev = r.hash;
      expectedSeq++;
    }
    const headJson = this.head.get() as string | undefined;
    if (headJson) {
      const head = JSON.parse(headJson) as { seq: number; hash: string };
      if (head.seq !== expectedSeq - 1 || head.hash !== prev) {
        return broken(expectedSeq, `the log ends at row ${expectedSeq - 1} but its recorded head is row ${head.seq}`);
      }
    } else if (rows > 0) {
      return broken(1, 'the recorded head of the log is missing');
    }
    return { ok: true, rows, firstBroken: null, reason: null };
  }
}
