import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { openCase, type OpenCase } from '../interchange/support';

export { openCase };

/** A comms case: region FR, times in Europe/Paris. */
export async function commsCase(): Promise<OpenCase> {
  const oc = await openCase('FR');
  await oc.core.ok('case.setRegion', { region: 'FR', timeZone: 'Europe/Paris' });
  return oc;
}

export function writeFile(dir: string, name: string, text: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** Row counts of the comms tables and what an import writes around them. */
export function commsCounts(db: Database): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of ['comms_events', 'comms_links', 'comms_usage', 'comms_cells', 'comms_imports', 'entities', 'statement_rows', 'imports', 'audit']) {
    out[t] = db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
  }
  return out;
}

export const CDR = [
  'calling_number,called_number,start_time,duration,call_type,imei,imsi,cell_id',
  '0612345678,+33 6 98 76 54 32,2024-03-01 10:00:00,60,voice,490154203237518,208011234567890,208-01-100-1',
  '33612345678,0698765432,2024-03-01 11:00:00,0,SMS,490154203237518,208011234567890,208-01-100-1',
  '0698765432,0612345678,2024-03-02 09:30:00,125,voix,,,208-01-100-2',
  '0612345678,0766666666,2024-03-02 12:00:00,00:02:05,voice,490154203237518,208011234567890,208-01-100-2',
  '0766666666,0698765432,2024-03-03 08:00:00,30,voice,,,',
].join('\n');
