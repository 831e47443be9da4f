import type { CaseInfo } from '../../../../shared/dto';
import { useSession } from '../../state/session';
import { useWorkspace } from '../../state/workspace';

/** A case was created or opened: show it from a clean workspace. */
export function caseOpened(info: CaseInfo): void {
  useWorkspace.getState().reset();
  useSession.getState().setLocked(false);
  useSession.getState().setInfo(info);
}
