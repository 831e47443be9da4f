import { extname, resolve } from 'node:path';
import type { ParsedInput } from '../../../shared/api';
import { CordonError } from '../../../shared/errors';
import type { Case } from '../store/case';
import { writeOutputFile } from '../output-file';

// Writing an exported chart picture. The renderer draws it (it holds the positions and styles);
// the core writes the file, refuses to overwrite unless told, and audits the export with the
// handling code printed in its footer (an export is a dissemination: DESIGN.md §4, audit).

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function writeChartExport(c: Case, input: ParsedInput<'chart.export'>): { path: string; bytes: number } {
  const path = resolve(input.path);
  if (extname(path).toLowerCase() !== `.${input.format}`) throw new CordonError('INVALID_INPUT', `The file name must end in .${input.format}.`);
  const name = c.db.prepare('SELECT name FROM charts WHERE id = ?').pluck().get(input.id) as string | undefined;
  if (name === undefined) throw new CordonError('NOT_FOUND', `Chart ${input.id} is not in this case.`);
  let bytes: Buffer;
  if (input.format === 'png') {
    bytes = Buffer.from(input.data.replace(/^data:image\/png;base64,/, ''), 'base64');
    if (!bytes.subarray(0, 8).equals(PNG_MAGIC)) throw new CordonError('INVALID_INPUT', 'The picture is not a PNG image.');
  } else {
    if (!/^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(input.data)) throw new CordonError('INVALID_INPUT', 'The picture is not an SVG document.');
    bytes = Buffer.from(input.data, 'utf8');
  }
  writeOutputFile(path, bytes, input.overwrite);
  c.write(() =>
    c.audit.append({
      actor: c.actor,
      action: 'chart.export',
      target: input.id,
      detail: { chart: name, format: input.format, path, bytes: bytes.length, handling: input.handling, tlp: input.tlp },
    }),
  );
  return { path, bytes: bytes.length };
}
