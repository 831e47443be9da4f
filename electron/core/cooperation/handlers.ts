import type { Handlers } from '../../../shared/api';
import type { Session } from '../session';
import { writeBriefing } from './briefing/write';
import { deconflictionList } from './deconfliction';
import { addAction, addAgendaItem, addDecision, createMeeting, getMeeting, listMeetings, openActions, setActionStatus, setMinutes } from './meetings';
import { addDependency, addPhase, addTargets, addTask, createOperation, listOperations, openOperation, removeTarget, setActionDay, setStatus } from './operations';
import { updatePhase, updateTask } from './plan-edits';
import { operationResults, recordResult } from './results';

// The contract's meeting, operation and deconfliction methods (issue 7).

type CooperationMethods = Extract<keyof Handlers, `meeting.${string}` | `operation.${string}` | `deconfliction.${string}`>;

export function cooperationHandlers(session: Session): Pick<Handlers, CooperationMethods> {
  return {
    'meeting.create': async (input) => createMeeting(session.case, input),
    'meeting.list': async () => listMeetings(session.case),
    'meeting.get': async ({ id }) => getMeeting(session.case, id),
    'meeting.addItem': async (input) => addAgendaItem(session.case, input),
    'meeting.setMinutes': async ({ itemId, minutes }) => setMinutes(session.case, itemId, minutes),
    'meeting.addDecision': async (input) => addDecision(session.case, input),
    'meeting.addAction': async (input) => addAction(session.case, input),
    'meeting.setActionStatus': async ({ id, status }) => setActionStatus(session.case, id, status),
    'meeting.briefing': async (input) => writeBriefing(session.case, input),
    'meeting.openActions': async ({ asOf }) => openActions(session.case, asOf),

    'operation.create': async (input) => createOperation(session.case, input),
    'operation.list': async () => listOperations(session.case),
    'operation.open': async ({ id, asOf }) => openOperation(session.case, id, asOf),
    'operation.setStatus': async ({ id, status }) => setStatus(session.case, id, status),
    'operation.addTargets': async ({ id, targets }) => addTargets(session.case, id, targets),
    'operation.removeTarget': async ({ id, entityId }) => removeTarget(session.case, id, entityId),
    'operation.addPhase': async (input) => addPhase(session.case, input),
    'operation.addTask': async (input) => addTask(session.case, input),
    'operation.updatePhase': async (input) => updatePhase(session.case, input),
    'operation.updateTask': async (input) => updateTask(session.case, input),
    'operation.addDependency': async ({ taskId, dependsOn }) => addDependency(session.case, taskId, dependsOn),
    'operation.setActionDay': async (input) => setActionDay(session.case, input),
    'operation.recordResult': async (input) => recordResult(session.case, input),
    'operation.results': async ({ id }) => {
      const c = session.case;
      return session.jobs.run('Operation results', 1000, (job) => operationResults(c, id, { signal: job.signal, progress: (done, total) => job.progress(done, total) }));
    },
    'deconfliction.list': async () => deconflictionList(session.case),
  };
}
