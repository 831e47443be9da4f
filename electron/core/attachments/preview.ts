import type { AttachmentPreview } from '../../../shared/attachments/dto';
import { CordonError } from '../../../shared/errors';
import type { StoreContext } from '../store/context';
import { readBlobBytes } from './blobs';
import { makePreview } from './photos';
import { attachmentBlob, getAttachment, MAX_PHOTO_BYTES } from './store';

// The viewer's picture of an attached photo (issue 23): made in the core from the decrypted bytes,
// bounded in pixels (PREVIEW_MAX_PX) and re-encoded, so the renderer never gets a 40-megapixel
// original, an unknown image format or the photo's EXIF. Photos only: a document has its own viewer.

export function attachmentPreview(c: StoreContext, id: string, maxPx: number): AttachmentPreview {
  const view = getAttachment(c, id);
  if (!view.type.startsWith('image/')) {
    throw new CordonError('INVALID_INPUT', `${view.name} is ${view.type}, not a photo: it has no picture to show.`, { type: view.type });
  }
  if (view.type !== 'image/jpeg') {
    throw new CordonError('INVALID_INPUT', `${view.name} is ${view.type}: the viewer shows JPEG photos only for now. Save a copy to open it elsewhere.`, { type: view.type });
  }
  const bytes = readBlobBytes(c.db, attachmentBlob(c, id), MAX_PHOTO_BYTES);
  const p = makePreview(bytes, maxPx);
  if (!p) throw new CordonError('INVALID_INPUT', `${view.name} could not be decoded as a photo (damaged, or over 50 megapixels).`, { type: view.type });
  return { type: p.type, width: p.width, height: p.height, base64: p.data.toString('base64') };
}
