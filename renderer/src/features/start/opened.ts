import type { CaseInfo } from '../../../../shared/case/dto';
import { useSession } from '../../state/session';
import { useWorkspace } from '../../state/workspace';
import { useChartTabs } from '../chart/chartTabs';
import { useImportWizard } from '../import/wizardStore';

/** A case was created or opened: show it from a clean workspace. */
export function caseOpened(info: CaseInfo): void {
  useWorkspace.getState().reset();
  // Chart tabs and the import wizard belong to one case: a case opened (even the same one again)
  // starts clean; moving between views of the open case keeps them.
  useChartTabs.getState().reset();
  useImportWizard.getState().reset();
  useSession.getState().setLocked(false);
  useSession.getState().setInfo(info);
}
