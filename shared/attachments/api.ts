import { z } from 'zod';
import { filePath, id, method } from '../contract';
import type { AttachmentPreview, AttachmentRemoved, AttachmentSaved, AttachmentThumbnail, AttachmentView, AttachResult } from './dto';

// Attachments (issue 23): files inside the encrypted case, on an entity, a link or a source report.

/** The default size limit of one attached file (a case can set its own). */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 2 * 1024 * 1024 * 1024;

export const attachmentsApi = {
  /** Attaches files to an entity, link or source report, all in one transaction. */
  'attachment.add': method<AttachResult>()(
    z.object({ targetId: id, paths: z.array(filePath).min(1).max(1000), sourceId: id.optional() }),
  ),
  /** The attachments of one target, or of the whole case. */
  'attachment.list': method<AttachmentView[]>()(z.object({ targetId: id.optional() })),
  'attachment.info': method<AttachmentView>()(z.object({ id })),
  /** Writes an attachment's bytes to a file the analyst chose (optionally without its metadata). */
  'attachment.save': method<AttachmentSaved>()(
    z.object({ id, path: filePath, stripMetadata: z.boolean().default(false), overwrite: z.boolean().default(false) }),
  ),
  /** A photo's thumbnail (at most 256 px), or null when none could be made. */
  'attachment.thumbnail': method<AttachmentThumbnail | null>()(z.object({ id })),
  /** A photo for the viewer: JPEG, at most maxPx (default 1600) on its longer side; a non-photo is refused. */
  'attachment.preview': method<AttachmentPreview>()(z.object({ id, maxPx: z.number().int().min(64).max(4096).default(1600) })),
  'attachment.remove': method<AttachmentRemoved>()(z.object({ id })),
  /** The largest file this case accepts, in bytes. */
  'attachment.setMaxSize': method<{ maxBytes: number }>()(z.object({ maxBytes: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) })),
};
