import type { Database } from 'better-sqlite3-multiple-ciphers';
import { v7 as uuidv7 } from 'uuid';
import type { AuditLog } from './audit';

/** What every store operation needs: the database, who is acting, and the audit log. */
export interface StoreContext {
  db: Database;
  bureau: string;
  actor: string;
  audit: AuditLog;
  newId(): string;
}

/** `<bureau>-<uuidv7>` (DESIGN.md §3): time-ordered, and unique across bureaus. */
export function newEntityId(bureau: string): string {
  return `${bureau}-${uuidv7()}`;
}
