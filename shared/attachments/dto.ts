// What the core says about attachments (issue 23).

export type AttachmentTargetKind = 'entity' | 'link' | 'source';

export interface AttachmentView {
  id: string;
  name: string;
  sha256: string;
  /** The MIME type found in the bytes (never taken from the name). */
  type: string;
  /** The type the name's extension claims, when it claims one. */
  declaredType: string | null;
  size: number;
  target: { id: string; kind: AttachmentTargetKind; caption: string };
  /** The source report the file came with, if any. */
  sourceId: string | null;
  /** 'none' (not a document), 'indexed', or why its text is not in the search index. */
  textStatus: string;
  /** Text pages in the search index. */
  pages: number;
  warnings: string[];
  /** A photo's EXIF facts, when it has any. */
  photo: PhotoMeta | null;
  /** A thumbnail was made (attachment.thumbnail gives it). */
  thumbnail: boolean;
  createdBy: string;
  createdAt: string;
}

/** When, where and with what a photo was taken (EXIF). takenAt is the camera's local time, with its offset when recorded. */
export interface PhotoMeta {
  takenAt: string | null;
  timeOffset: string | null;
  latitude: number | null;
  longitude: number | null;
  camera: string | null;
}

export interface AttachmentThumbnail {
  type: 'image/jpeg';
  width: number;
  height: number;
  /** The JPEG bytes, base64 (the renderer shows it as a data: URL, which the CSP allows). */
  base64: string;
}

/** The viewer's picture of a photo: re-encoded from the original, bounded in pixels, without its metadata. */
export type AttachmentPreview = AttachmentThumbnail;

export interface AttachedFile extends AttachmentView {
  /** The same content was in the case already: it is stored once, and this attachment points at it. */
  existing: boolean;
}

export interface AttachResult {
  attachments: AttachedFile[];
}

export interface AttachmentSaved {
  path: string;
  bytes: number;
  /** Metadata (EXIF, XMP, IPTC, text chunks) was removed on the way out. */
  stripped: boolean;
}

export interface AttachmentRemoved {
  id: string;
  /** No other attachment used the content: its chunks were deleted from the case. */
  contentRemoved: boolean;
  /** Bytes of content deleted: their pages go to SQLite's free list and are reused by the next writes; the file itself shrinks only when it is compacted (VACUUM). */
  bytesFreed: number;
}
