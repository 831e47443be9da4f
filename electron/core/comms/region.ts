import type { Database } from 'better-sqlite3-multiple-ciphers';
import { isRegion } from '../../../shared/comms/phone';
import { CordonError } from '../../../shared/errors';
import { checkTimeZone } from '../cooperation/time';
import type { Case } from '../store/case';
import { cachedStatement } from '../store/prepared';
import { caseRegion } from '../store/comms-values';

// The case's default region (national phone numbers are read in it) and time zone (call records'
// wall-clock times are read in it), both in the case's meta table; set at `case create --region FR
// --tz Europe/Paris` or in the case settings.

export { caseRegion };

export function caseTimeZone(db: Database): string | null {
  return (cachedStatement(db, "SELECT value FROM meta WHERE key = 'time_zone'").pluck().get() as string | undefined) ?? null;
}

export function setRegion(c: Case, region: string | null, timeZone: string | null | undefined): { region: string | null; timeZone: string | null } {
  if (region !== null && !isRegion(region)) throw new CordonError('INVALID_INPUT', `"${region}" is not a region whose phone numbers Cordon knows (a two-letter country code such as FR).`);
  const zone = timeZone ? checkTimeZone(timeZone) : timeZone;
  c.write(() => {
    if (region === null) c.db.prepare("DELETE FROM meta WHERE key = 'region'").run();
    else c.setMeta('region', region);
    if (zone === null) c.db.prepare("DELETE FROM meta WHERE key = 'time_zone'").run();
    else if (zone !== undefined) c.setMeta('time_zone', zone);
    c.audit.append({ actor: c.actor, action: 'settings.region', detail: { region, timeZone: zone ?? null } });
  });
  return { region: caseRegion(c.db), timeZone: caseTimeZone(c.db) };
}
