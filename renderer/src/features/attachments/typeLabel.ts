import i18n from 'i18next';

// The detected type as the analyst reads it ("JPEG photo", "PDF document"); the MIME type stays in
// the tooltip. Unknown types are named by their MIME type.

const KINDS: Record<string, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/tiff': 'tiff',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'text/plain': 'text',
};

export function typeLabel(mime: string): string {
  const kind = KINDS[mime];
  return kind ? i18n.t(`attachments.type.${kind}`) : i18n.t('attachments.type.other', { mime });
}

/** Photos the core can show in the viewer (it decodes JPEG; see attachment.preview). */
export function viewable(mime: string): boolean {
  return mime === 'image/jpeg';
}

/** Types whose metadata the core can strip on a copy (see strip.ts in the core). */
export function strippable(mime: string): boolean {
  return mime === 'image/jpeg' || mime === 'image/png';
}
