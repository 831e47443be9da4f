import type { Handlers } from '../../../shared/api';
import type { attachmentsApi } from '../../../shared/attachments/api';
import type { AttachmentSaved } from '../../../shared/attachments/dto';
import type { Session } from '../session';
import { writeBlobToFile } from './blobs';
import { attachmentPreview } from './preview';
import { attachmentBlob, attachmentThumbnail, closePrepared, commitAttachments, getAttachment, listAttachments, maxAttachmentBytes, prepareFile, removeAttachment, setMaxAttachmentBytes, type PreparedFile } from './store';
import { assertStrippable, stripMetadata } from './strip';

export function attachmentHandlers(session: Session): Pick<Handlers, keyof typeof attachmentsApi> {
  return {
    'attachment.add': async ({ targetId, paths, sourceId }) => {
      const c = session.case;
      const limit = maxAttachmentBytes(c);
      return session.jobs.run('Attaching files', 0, async (job) => {
        const files: PreparedFile[] = [];
        try {
          for (const p of paths) {
            files.push(await prepareFile(p, limit));
            await job.checkpoint();
          }
          const total = files.reduce((n, f) => n + f.size, 0);
          job.saving();
          return { attachments: commitAttachments(c, targetId, sourceId, files, (done) => job.progress(done, total)) };
        } finally {
          closePrepared(files);
        }
      });
    },
    'attachment.list': async ({ targetId }) => listAttachments(session.case, targetId),
    'attachment.info': async ({ id }) => getAttachment(session.case, id),
    'attachment.save': async ({ id, path, stripMetadata: strip, overwrite }): Promise<AttachmentSaved> => {
      const c = session.case;
      const view = getAttachment(c, id);
      if (strip) assertStrippable(view.type);
      const bytes = writeBlobToFile(c.db, attachmentBlob(c, id), path, overwrite, strip ? (b) => stripMetadata(view.type, b) : undefined);
      c.write(() => c.audit.append({ actor: c.actor, action: 'attachment.save', target: id, detail: { name: view.name, sha256: view.sha256, path, bytes, stripped: strip } }));
      return { path, bytes, stripped: strip };
    },
    'attachment.thumbnail': async ({ id }) => attachmentThumbnail(session.case, id),
    'attachment.preview': async ({ id, maxPx }) => attachmentPreview(session.case, id, maxPx),
    'attachment.remove': async ({ id }) => removeAttachment(session.case, id),
    'attachment.setMaxSize': async ({ maxBytes }) => {
      setMaxAttachmentBytes(session.case, maxBytes);
      return { maxBytes };
    },
  };
}
