import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { DEFAULT_ATTACHMENT_MAX_BYTES } from '../../../shared/attachments/api';
import type { AttachedFile, AttachmentRemoved, AttachmentTargetKind, AttachmentThumbnail, AttachmentView, PhotoMeta } from '../../../shared/attachments/dto';
import { CordonError } from '../../../shared/errors';
import type { Case } from '../store/case';
import type { StoreContext } from '../store/context';
import { cachedStatement } from '../store/prepared';
import { CHUNK_SIZE, deleteBlobIfUnused, writeBlob } from './blobs';
import { claimedType, detectType, HEAD_BYTES, nameWarning } from './detect';
import { sanitiseName } from './names';
import { makeThumbnail, readPhotoMeta, type Thumbnail } from './photos';
import { extractable, extractText, MAX_DOCUMENT_BYTES, type ExtractedText } from './text';

// Attaching files to an entity, a link or a source report, listing and removing them (issue 23).
// An attach is two steps: `prepareFile` (async: open, size limit, type from the bytes, text of a
// document) and then one transaction (`commitAttachments`) that streams every file into the case
// with its text, its attachment row and its audit row — all files or none.

const MAX_BYTES_META = 'attachment_max_bytes';

export function maxAttachmentBytes(c: Case): number {
  return Number(c.meta(MAX_BYTES_META) ?? DEFAULT_ATTACHMENT_MAX_BYTES);
}

export function setMaxAttachmentBytes(c: Case, maxBytes: number): void {
  c.write(() => {
    c.setMeta(MAX_BYTES_META, String(maxBytes));
    c.audit.append({ actor: c.actor, action: 'settings.attachment-max-size', detail: { maxBytes } });
  });
}

/** "2 GiB", "512 MiB", "12,345 bytes": sizes as the errors state them. */
export function formatBytes(n: number): string {
  for (const [unit, size] of [['GiB', 1024 ** 3], ['MiB', 1024 ** 2], ['KiB', 1024]] as const) {
    if (n >= size) return `${Number((n / size).toFixed(n % size === 0 ? 0 : 1))} ${unit}`;
  }
  return `${n} bytes`;
}

export interface PreparedFile {
  path: string;
  name: string;
  fd: number;
  size: number;
  type: string;
  declaredType: string | null;
  /** What the write checks of the first bytes (the bytes themselves are not kept: a hundred files would hold 100 MiB). */
  headCheck: { length: number; sha256: string };
  warnings: string[];
  text: ExtractedText | null;
  photo: PhotoMeta | null;
  thumbnail: Thumbnail | null;
  /** SHA-256 of the bytes the text, thumbnail or EXIF were read from (the write checks it). */
  readSha256?: string;
}

/** Photos up to this size are read whole for their thumbnail and EXIF. */
export const MAX_PHOTO_BYTES = 64 * 1024 * 1024;

function readFully(fd: number, size: number, name: string): Buffer {
  const buf = Buffer.allocUnsafe(size);
  let got = 0;
  while (got < size) {
    const r = readSync(fd, buf, got, size - got, got);
    if (r === 0) throw new CordonError('INVALID_INPUT', `${name} changed or vanished while it was being read; nothing was attached.`);
    got += r;
  }
  return buf;
}

/** Opens and examines one file; the caller closes `fd` (closePrepared) whatever happens next. */
export async function prepareFile(path: string, maxBytes: number): Promise<PreparedFile> {
  const name = sanitiseName(basename(path));
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CordonError('FILE_NOT_FOUND', `No file ${name} at that place; nothing was attached.`);
    if (code === 'EISDIR') throw new CordonError('INVALID_INPUT', `${name} is a folder, not a file; nothing was attached.`);
    throw new CordonError('INVALID_INPUT', `${name} could not be opened (${code ?? 'I/O error'}); nothing was attached.`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new CordonError('INVALID_INPUT', `${name} is not a regular file; nothing was attached.`);
    if (st.size > maxBytes) {
      throw new CordonError(
        'INVALID_INPUT',
        `${name} is ${formatBytes(st.size)} (${st.size} bytes), over this case's limit of ${formatBytes(maxBytes)} for one attachment; nothing was attached.`,
        { limit: maxBytes, size: st.size },
      );
    }
    const head = readFully(fd, Math.min(st.size, HEAD_BYTES), name);
    const type = await detectType(head);
    const declaredType = claimedType(name);
    const warnings: string[] = [];
    const lie = nameWarning(name, declaredType, type);
    if (lie) warnings.push(lie);
    let text: ExtractedText | null = null;
    let photo: PhotoMeta | null = null;
    let thumbnail: Thumbnail | null = null;
    let readSha256: string | undefined;
    const whole = () => {
      const bytes = st.size <= HEAD_BYTES ? head : readFully(fd, st.size, name);
      readSha256 = createHash('sha256').update(bytes).digest('hex');
      return bytes;
    };
    if (extractable(type)) {
      text = st.size <= MAX_DOCUMENT_BYTES ? await extractText(type, whole(), name) : await extractText(type, Buffer.alloc(MAX_DOCUMENT_BYTES + 1), name);
      warnings.push(...text.warnings);
    } else if (type.startsWith('image/') && type !== 'image/svg+xml' && st.size <= MAX_PHOTO_BYTES) {
      const bytes = whole();
      photo = await readPhotoMeta(type, bytes);
      thumbnail = await makeThumbnail(type, bytes);
    }
    const checked = Math.min(head.length, CHUNK_SIZE);
    const headCheck = { length: checked, sha256: createHash('sha256').update(head.subarray(0, checked)).digest('hex') };
    return { path, name, fd, size: st.size, type, declaredType, headCheck, warnings, text, photo, thumbnail, ...(readSha256 ? { readSha256 } : {}) };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

export function closePrepared(files: PreparedFile[]): void {
  for (const f of files) {
    try {
      closeSync(f.fd);
    } catch {
      // closed already
    }
  }
}

interface Target {
  id: string;
  kind: AttachmentTargetKind;
  caption: string;
  entity: number | null;
  source: number | null;
}

export function resolveTarget(c: StoreContext, targetId: string): Target {
  const e = cachedStatement(c.db, 'SELECT rid, is_link, caption FROM entities WHERE id = ? AND deleted = 0').get(targetId) as
    | { rid: number; is_link: number; caption: string }
    | undefined;
  if (e) return { id: targetId, kind: e.is_link ? 'link' : 'entity', caption: e.caption, entity: e.rid, source: null };
  const s = cachedStatement(c.db, 'SELECT rid, title FROM sources WHERE id = ?').get(targetId) as { rid: number; title: string } | undefined;
  if (s) return { id: targetId, kind: 'source', caption: s.title, entity: null, source: s.rid };
  throw new CordonError('NOT_FOUND', `No entity, link or source report ${targetId} in this case; nothing was attached.`);
}

function sourceRid(c: StoreContext, sourceId: string | undefined): number | null {
  if (sourceId === undefined) return null;
  const rid = cachedStatement(c.db, 'SELECT rid FROM sources WHERE id = ?').pluck().get(sourceId) as number | undefined;
  if (rid === undefined) throw new CordonError('NOT_FOUND', `No source report ${sourceId} in this case; nothing was attached.`);
  return rid;
}

/** SQLite's "disk full" (or the case's page limit) as the analyst's sentence. */
function storageError(err: unknown): unknown {
  const code = (err as { code?: string })?.code;
  if (code === 'SQLITE_FULL') return new CordonError('INVALID_INPUT', 'The disk is full: nothing was attached, and the case is as it was.');
  if (code === 'SQLITE_IOERR' || code?.startsWith('SQLITE_IOERR_')) return new CordonError('INVALID_INPUT', 'The case file could not be written (I/O error): nothing was attached.');
  return err;
}

/**
 * One transaction: every file's blob (or the existing one), text, attachment row and audit row.
 * `onProgress` gets the bytes written so far over all files.
 */
export function commitAttachments(c: StoreContext, targetId: string, sourceId: string | undefined, files: PreparedFile[], onProgress?: (done: number) => void): AttachedFile[] {
  const db = c.db;
  // Chunk pages are written once and not read again in this transaction: a small page cache lets
  // SQLite spill them to the WAL as it goes (they must go there anyway) instead of holding up to
  // the connection's 256 MiB of them in memory. The b-tree's few interior pages stay cached.
  const big = files.reduce((n, f) => n + f.size, 0) > ATTACH_CACHE_KIB * 1024;
  const cacheBefore = big && !db.inTransaction ? (db.pragma('cache_size', { simple: true }) as number) : null;
  if (cacheBefore !== null) db.pragma(`cache_size = -${ATTACH_CACHE_KIB}`);
  try {
    return db.transaction(() => {
      const target = resolveTarget(c, targetId);
      const source = sourceRid(c, sourceId);
      const ids: Array<{ id: string; existing: boolean }> = [];
      let before = 0;
      for (const f of files) {
        const blob = writeBlob(db, { fd: f.fd, size: f.size, name: f.name, type: f.type, headCheck: f.headCheck, ...(f.readSha256 ? { extractedSha256: f.readSha256 } : {}) }, (d) =>
          onProgress?.(before + d),
        );
        before += f.size;
        const warnings = [...f.warnings];
        for (const w of blob.warnings) if (!warnings.includes(w)) warnings.push(w);
        if (blob.existing) {
          const first = db
            .prepare('SELECT a.name, coalesce(e.caption, s.title) AS target FROM attachments a LEFT JOIN entities e ON e.rid = a.entity LEFT JOIN sources s ON s.rid = a.target_source WHERE a.blob = ? ORDER BY a.rid LIMIT 1')
            .get(blob.rid) as { name: string; target: string } | undefined;
          warnings.push(
            first
              ? `${f.name} is already in this case (as ${first.name}, on ${first.target || 'an untitled record'}); its content is stored once.`
              : `${f.name} is already in this case; its content is stored once.`,
          );
        } else {
          if (f.thumbnail) {
            cachedStatement(db, 'INSERT INTO attachment_thumbnails (blob, type, width, height, data) VALUES (?, ?, ?, ?, ?)').run(blob.rid, f.thumbnail.type, f.thumbnail.width, f.thumbnail.height, f.thumbnail.data);
          }
          if (f.photo) cachedStatement(db, 'UPDATE attachment_blobs SET photo = ? WHERE rid = ?').run(JSON.stringify(f.photo), blob.rid);
        }
        if (!blob.existing && f.text) {
          const page = cachedStatement(db, 'INSERT INTO attachment_pages (blob, page) VALUES (?, ?)');
          const text = cachedStatement(db, 'INSERT INTO attachment_text (rowid, text) VALUES (?, ?)');
          f.text.pages.forEach((p, i) => {
            const rid = page.run(blob.rid, i + 1).lastInsertRowid;
            text.run(rid, p);
          });
          cachedStatement(db, 'UPDATE attachment_blobs SET text_status = ? WHERE rid = ?').run(f.text.status, blob.rid);
        }
        const id = c.newId();
        cachedStatement(
          db,
          `INSERT INTO attachments (id, blob, entity, target_source, source, name, declared_type, detected_type, size, warnings, created_by, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(id, blob.rid, target.entity, target.source, source, f.name, f.declaredType, f.type, f.size, JSON.stringify(warnings), c.actor, new Date().toISOString());
        c.audit.append({
          actor: c.actor,
          action: 'attachment.add',
          target: id,
          detail: { target: target.id, name: f.name, sha256: blob.sha256, size: f.size, type: f.type, existing: blob.existing, ...(sourceId ? { source: sourceId } : {}) },
        });
        ids.push({ id, existing: blob.existing });
      }
      return ids.map(({ id, existing }) => ({ ...getAttachment(c, id), existing }));
    })();
  } catch (err) {
    throw storageError(err);
  } finally {
    if (cacheBefore !== null) db.pragma(`cache_size = ${cacheBefore}`);
  }
}

/** The page cache while a large attach writes (see commitAttachments). */
const ATTACH_CACHE_KIB = 32 * 1024;

const VIEW_SQL = `
  SELECT a.id, a.name, b.sha256, a.detected_type AS type, a.declared_type, a.size, a.warnings, a.created_by, a.created_at,
         b.text_status, (SELECT count(*) FROM attachment_pages p WHERE p.blob = a.blob) AS pages,
         b.photo, EXISTS (SELECT 1 FROM attachment_thumbnails t WHERE t.blob = a.blob) AS thumbnail,
         coalesce(e.id, ts.id) AS target_id, CASE WHEN e.rid IS NULL THEN 'source' WHEN e.is_link THEN 'link' ELSE 'entity' END AS target_kind,
         coalesce(e.caption, ts.title) AS target_caption, s.id AS source_id
    FROM attachments a
    JOIN attachment_blobs b ON b.rid = a.blob
    LEFT JOIN entities e ON e.rid = a.entity
    LEFT JOIN sources ts ON ts.rid = a.target_source
    LEFT JOIN sources s ON s.rid = a.source`;

type ViewRow = {
  id: string;
  name: string;
  sha256: string;
  type: string;
  declared_type: string | null;
  size: number;
  warnings: string;
  created_by: string;
  created_at: string;
  text_status: string;
  pages: number;
  photo: string | null;
  thumbnail: number;
  target_id: string;
  target_kind: AttachmentTargetKind;
  target_caption: string;
  source_id: string | null;
};

function toView(r: ViewRow): AttachmentView {
  return {
    id: r.id,
    name: r.name,
    sha256: r.sha256,
    type: r.type,
    declaredType: r.declared_type,
    size: r.size,
    target: { id: r.target_id, kind: r.target_kind, caption: r.target_caption },
    sourceId: r.source_id,
    textStatus: r.text_status,
    pages: r.pages,
    warnings: JSON.parse(r.warnings) as string[],
    photo: r.photo ? (JSON.parse(r.photo) as PhotoMeta) : null,
    thumbnail: r.thumbnail === 1,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

export function getAttachment(c: StoreContext, id: string): AttachmentView {
  const r = cachedStatement(c.db, `${VIEW_SQL} WHERE a.id = ?`).get(id) as ViewRow | undefined;
  if (!r) throw new CordonError('NOT_FOUND', `No attachment ${id} in this case.`);
  return toView(r);
}

export function attachmentBlob(c: StoreContext, id: string): number {
  const rid = cachedStatement(c.db, 'SELECT blob FROM attachments WHERE id = ?').pluck().get(id) as number | undefined;
  if (rid === undefined) throw new CordonError('NOT_FOUND', `No attachment ${id} in this case.`);
  return rid;
}

export function listAttachments(c: StoreContext, targetId?: string): AttachmentView[] {
  if (targetId === undefined) return (cachedStatement(c.db, `${VIEW_SQL} ORDER BY a.rid`).all() as ViewRow[]).map(toView);
  const t = resolveTarget(c, targetId);
  const rows = t.entity !== null ? cachedStatement(c.db, `${VIEW_SQL} WHERE a.entity = ? ORDER BY a.rid`).all(t.entity) : cachedStatement(c.db, `${VIEW_SQL} WHERE a.target_source = ? ORDER BY a.rid`).all(t.source);
  return (rows as ViewRow[]).map(toView);
}

/** Removes an attachment (audited); its content goes with it when nothing else uses it. */
export function removeAttachment(c: StoreContext, id: string): AttachmentRemoved {
  return c.db.transaction(() => {
    const view = getAttachment(c, id);
    const blob = attachmentBlob(c, id);
    cachedStatement(c.db, 'DELETE FROM attachments WHERE id = ?').run(id);
    const freed = deleteBlobIfUnused(c.db, blob);
    const contentRemoved = freed !== null;
    c.audit.append({ actor: c.actor, action: 'attachment.remove', target: id, detail: { target: view.target.id, name: view.name, sha256: view.sha256, size: view.size, contentRemoved } });
    return { id, contentRemoved, bytesFreed: freed ?? 0 };
  })();
}

export function attachmentThumbnail(c: StoreContext, id: string): AttachmentThumbnail | null {
  const t = cachedStatement(c.db, 'SELECT t.type, t.width, t.height, t.data FROM attachments a JOIN attachment_thumbnails t ON t.blob = a.blob WHERE a.id = ?').get(id) as
    | { type: 'image/jpeg'; width: number; height: number; data: Buffer }
    | undefined;
  if (!t) {
    attachmentBlob(c, id);
    return null;
  }
  return { type: t.type, width: t.width, height: t.height, base64: t.data.toString('base64') };
}
