import type { ErrorCode } from '../../../shared/errors';

// DESIGN.md §8: 0 ok, 1 failure, 2 usage, 3 wrong passphrase or not a case file, 4 input rejected.
export const EXIT = { ok: 0, failure: 1, usage: 2, notOpened: 3, rejected: 4 } as const;

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'WRONG_PASSPHRASE':
    case 'NOT_A_CASE':
    case 'CORRUPT_CASE':
    case 'NEWER_VERSION':
      return EXIT.notOpened;
    case 'INVALID_INPUT':
    case 'CONSTRAINT':
    case 'PACKAGE_REJECTED':
      return EXIT.rejected;
    default:
      return EXIT.failure;
  }
}
