import type { Handlers } from '../../../shared/api';
import type { commsApi } from '../../../shared/comms/api';
import { movement } from './movement';
import type { Session } from '../session';
import { activity, colocation, common, silence, swaps, top } from './analysis';
import { runCellImport } from './cells';
import { previewCdr, runCdrImport } from './cdr/import';
import { eventPage } from './event-page';
import { foldPhones } from './fold';
import { setRegion } from './region';

// The contract's communications methods (shared/comms/api.ts).

export function commsHandlers(session: Session): Pick<Handlers, keyof typeof commsApi> {
  return {
    'case.setRegion': async ({ region, timeZone }) => setRegion(session.case, region, timeZone),
    'comms.importCdr': async (input) => runCdrImport(session.case, session.jobs, input),
    'comms.previewCdr': async (input) => previewCdr(session.case, input),
    'comms.importCells': async (input) => runCellImport(session.case, session.jobs, input),
    'comms.top': async (input) => top(session.case.db, input),
    'comms.common': async (input) => common(session.case.db, input),
    'comms.activity': async (input) => activity(session.case.db, input),
    'comms.swaps': async (input) => swaps(session.case.db, input),
    'comms.colocation': async (input) => colocation(session.case.db, input),
    'comms.silence': async (input) => silence(session.case.db, input),
    'comms.movement': async (input) => movement(session.case.db, input),
    'comms.fold': async ({ phoneIds }) => foldPhones(session.case.db, phoneIds),
    'comms.events': async (input) => eventPage(session.case.db, input),
  };
}
