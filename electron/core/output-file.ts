import { writeFileSync } from 'node:fs';
import { CordonError } from '../../shared/errors';

// Writing a file the analyst asked for (an exported picture, a briefing pack): readable by its
// owner only, never over an existing file unless told, and a failure said as an error code.

export function writeOutputFile(path: string, bytes: Uint8Array, overwrite: boolean): void {
  try {
    writeFileSync(path, bytes, { flag: overwrite ? 'w' : 'wx', mode: 0o600 });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new CordonError('FILE_EXISTS', 'A file of that name exists already.');
    if (code === 'ENOENT') throw new CordonError('FILE_NOT_FOUND', 'The folder does not exist.');
    throw new CordonError('INVALID_INPUT', 'The file could not be written there.');
  }
}
