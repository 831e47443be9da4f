import { writeFileSync } from 'node:fs';
import { CordonError } from '../../shared/errors';

// Writing a file the analyst asked for (an exported picture, a briefing pack, an export): readable
// by its owner only, never over an existing file unless told, and a failure said as an error code.

/** A failed write as an error code and a sentence (never the raw errno message with its path). */
export function outputError(err: unknown): Error {
  if (err instanceof CordonError) return err;
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'EEXIST') return new CordonError('FILE_EXISTS', 'A file of that name exists already.');
  if (code === 'ENOENT') return new CordonError('FILE_NOT_FOUND', 'The folder does not exist.');
  if (code === 'ENOSPC') return new CordonError('INVALID_INPUT', 'The disk is full; the file could not be written.');
  return new CordonError('INVALID_INPUT', 'The file could not be written there.');
}

export function writeOutputFile(path: string, bytes: Uint8Array, overwrite: boolean): void {
  try {
    writeFileSync(path, bytes, { flag: overwrite ? 'w' : 'wx', mode: 0o600 });
  } catch (err) {
    throw outputError(err);
  }
}
