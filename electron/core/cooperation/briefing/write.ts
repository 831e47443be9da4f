import { createHash } from 'node:crypto';
import { extname, resolve } from 'node:path';
import type { ParsedInput } from '../../../../shared/api';
import type { BriefingResult } from '../../../../shared/cooperation/dto';
import { CordonError } from '../../../../shared/errors';
import type { Case } from '../../store/case';
import { writeOutputFile } from '../../output-file';
import { briefingContent } from './content';
import { briefingPdf } from './pdf';

// Writing a briefing pack: a dissemination, so it is checked (the recipient takes part in the
// meeting), never overwrites a file unless told, and is audited with its marking, recipient, the
// items left out and the digest of the file. A refusal writes nothing.

export async function writeBriefing(c: Case, input: ParsedInput<'meeting.briefing'>, now = new Date()): Promise<BriefingResult> {
  const path = resolve(input.path);
  if (extname(path).toLowerCase() !== '.pdf') throw new CordonError('INVALID_INPUT', 'The file name must end in .pdf.');
  const content = briefingContent(c, input.meetingId, input.for ?? null, now);
  if (input.for !== undefined && !content.meeting.bureaus.includes(input.for)) {
    throw new CordonError('INVALID_INPUT', `${input.for} does not take part in this meeting (${content.meeting.bureaus.join(', ')}).`);
  }
  const { bytes, pages } = await briefingPdf(content);
  writeOutputFile(path, bytes, input.overwrite);
  const withheld = content.withheld;
  c.write(() =>
    c.audit.append({
      actor: c.actor,
      action: 'meeting.briefing',
      target: input.meetingId,
      detail: {
        path,
        recipient: content.recipient,
        handling: content.handling,
        tlp: content.tlp,
        items: content.items.map((i) => i.id),
        withheld: withheld.map((w) => w.id),
        pages,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      },
    }),
  );
  return { path, bytes: bytes.length, pages, recipient: content.recipient, handling: content.handling, tlp: content.tlp, items: content.items.length, withheld };
}
