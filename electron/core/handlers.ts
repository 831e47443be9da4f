import type { Handlers } from '../../shared/api';
import { analysisHandlers } from './analysis/service';
import { attachmentHandlers } from './attachments/handlers';
import { caseHandlers } from './case/handlers';
import { casefileHandlers } from './casefile/handlers';
import { chartHandlers } from './charts/handlers';
import { commsHandlers } from './comms/handlers';
import { cooperationHandlers } from './cooperation/handlers';
import { entitiesHandlers } from './entities/handlers';
import { exchangeHandlers } from './exchange/handlers';
import { interchangeHandlers } from './interchange/handlers';
import { mapHandlers } from './map/handlers';
import { vocabularyHandlers } from './vocabulary/handlers';
import type { Session } from './session';
import { timelineHandlers } from './timeline/handlers';

// The implementation of every core method of the contract: one slice per feature, as shared/api.ts
// assembles the contract. Inputs arrive already parsed by the contract's zod schemas (see dispatch.ts).

export function createHandlers(session: Session): Handlers {
  return {
    ...caseHandlers(session),
    ...entitiesHandlers(session),
    ...interchangeHandlers(session),
    ...analysisHandlers(session),
    ...exchangeHandlers(session),
    ...chartHandlers(session),
    ...cooperationHandlers(session),
    ...casefileHandlers(session),
    ...attachmentHandlers(session),
    ...mapHandlers(session),
    ...commsHandlers(session),
    ...vocabularyHandlers(session),
    ...timelineHandlers(session),
  };
}
