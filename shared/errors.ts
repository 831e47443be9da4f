// Error codes are the only form in which failures cross a boundary (IPC, bridge, CLI):
// never stack traces, never raw driver messages that could carry case data.
export const ERROR_CODES = [
  'WRONG_PASSPHRASE',
  'NOT_A_CASE',
  'CORRUPT_CASE',
  'NEWER_VERSION',
  'FILE_EXISTS',
  'FILE_NOT_FOUND',
  'NO_CASE_OPEN',
  'CASE_ALREADY_OPEN',
  'LOCKED',
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'FORBIDDEN_SENDER',
  'NOT_FOUND',
  'CONSTRAINT',
  'CANCELLED',
  'INTERNAL',
  /** An exchange package failed a check (signature, digest, recipient, replay, format): refused. */
  'PACKAGE_REJECTED',
  /** The disk (or the file-size limit) is full: nothing was written. */
  'DISK_FULL',
  /** A backup or a copy failed its check: it was not kept. */
  'BACKUP_INVALID',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  /** Optional structured detail, e.g. the failing field paths of an INVALID_INPUT. */
  details?: unknown;
}

export class CordonError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'CordonError';
    this.code = code;
    this.details = details;
  }
  toPayload(): ErrorPayload {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isErrorPayload(value: unknown): value is ErrorPayload {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorPayload).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((value as ErrorPayload).code) &&
    typeof (value as ErrorPayload).message === 'string'
  );
}

/** Turns anything thrown into a payload safe to send across a boundary. */
export function toErrorPayload(err: unknown): ErrorPayload {
  if (err instanceof CordonError) return err.toPayload();
  if (isErrorPayload(err)) return { code: err.code, message: err.message, details: err.details };
  return { code: 'INTERNAL', message: 'An internal error occurred.' };
}
