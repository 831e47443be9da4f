import type { Handlers } from '../../../shared/api';
import type { timelineApi } from '../../../shared/timeline/api';
import type { Session } from '../session';
import { events, histogram } from './service';

// The contract's timeline methods (shared/timeline/api.ts).

export function timelineHandlers(session: Session): Pick<Handlers, keyof typeof timelineApi> {
  return {
    'timeline.histogram': async (input) => histogram(session.case.db, input),
    'timeline.events': async (input) => events(session.case.db, input),
  };
}
