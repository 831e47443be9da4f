import { create } from 'zustand';
import type { ImportReport, TabularPreview } from '../../../../shared/interchange/dto';
import { useCommsWizard } from './comms/commsWizardStore';
import { emptyDraft, type Draft } from './draft';
import type { Step } from './StepBar';

// The import wizard's state lives outside the view: an analyst who starts a long import, or who
// leaves the report to look at the entities or the chart, finds the wizard where it was on
// coming back. "Start again" and opening another case clear it.

interface WizardState {
  draft: Draft;
  step: Step;
  preview: TabularPreview | null;
  dry: ImportReport | null;
  report: ImportReport | null;
  runError: unknown;
  patchDraft(p: Partial<Draft>): void;
  set(p: Partial<Pick<WizardState, 'step' | 'preview' | 'dry' | 'report' | 'runError'>>): void;
  reset(): void;
}

const initial = () => ({ draft: emptyDraft(), step: 'file' as Step, preview: null, dry: null, report: null, runError: null });

export const useImportWizard = create<WizardState>()((set) => ({
  ...initial(),
  patchDraft: (p) => set((s) => ({ draft: { ...s.draft, ...p } })),
  set: (p) => set(p),
  reset: () => {
    set(initial());
    useCommsWizard.getState().reset();
  },
}));
