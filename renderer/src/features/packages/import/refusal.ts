import type { VerificationStep } from '../../../../../shared/exchange/dto';
import { isApiError } from '../../../api';

/** A refused package as the core reports it (PACKAGE_REJECTED): the failed step, every check
 * made up to it, and where the received copy is kept. */
export interface Refusal {
  message: string;
  step: string;
  steps: VerificationStep[];
  quarantine: string | null;
}

export function refusalOf(err: unknown): Refusal | null {
  if (!isApiError(err) || err.code !== 'PACKAGE_REJECTED') return null;
  const d = (err.details ?? {}) as { step?: unknown; steps?: unknown; quarantine?: unknown };
  const steps = Array.isArray(d.steps)
    ? d.steps.filter((s): s is VerificationStep => typeof s === 'object' && s !== null && typeof (s as VerificationStep).step === 'string')
    : [];
  return {
    message: err.message,
    step: typeof d.step === 'string' ? d.step : (steps.find((s) => !s.ok)?.step ?? ''),
    steps,
    quarantine: typeof d.quarantine === 'string' ? d.quarantine : null,
  };
}
