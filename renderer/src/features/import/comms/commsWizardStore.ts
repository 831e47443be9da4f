import { create } from 'zustand';
import type { CdrImportReport, CdrPreview, CellImportReport } from '../../../../../shared/comms/dto';
import type { CdrField } from '../../../../../shared/comms/dto';

// The call-record side of the import wizard, outside the view like the interchange side: an
// analyst who leaves a million-row import running finds its report on coming back.

export type CommsStep = 'file' | 'mapping' | 'run';

interface CommsWizardState {
  step: CommsStep;
  preview: CdrPreview | null;
  /** The mapping being edited: field → header. */
  columns: Partial<Record<CdrField, string>>;
  timeZone: string;
  dayFirst: boolean;
  cdrReport: CdrImportReport | null;
  cellReport: CellImportReport | null;
  runError: unknown;
  set(p: Partial<Omit<CommsWizardState, 'set' | 'reset'>>): void;
  reset(): void;
}

const initial = () => ({ step: 'file' as CommsStep, preview: null, columns: {}, timeZone: 'UTC', dayFirst: true, cdrReport: null, cellReport: null, runError: null });

export const useCommsWizard = create<CommsWizardState>()((set) => ({
  ...initial(),
  set: (p) => set(p),
  reset: () => set(initial()),
}));

/** What a mapping lacks to read a call record (as the core's missingFields): the keys of the messages. */
export function missingOf(c: Partial<Record<CdrField, string>>): Array<'parties' | 'start'> {
  const out: Array<'parties' | 'start'> = [];
  if (!((c.caller && c.callee) || (c.msisdn && c.other))) out.push('parties');
  if (!c.start && !c.date) out.push('start');
  return out;
}
