import { DocumentIcon, MediaIcon } from '@blueprintjs/icons';
import { useEffect, useState } from 'react';
import type { AttachmentView } from '../../../../shared/attachments/dto';
import { call } from '../../api';

/** A photo's thumbnail made by the core (a data: URL; the CSP allows data: images), else an icon. */
export function Thumbnail({ attachment, alt }: { attachment: AttachmentView; alt: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!attachment.thumbnail) return;
    let live = true;
    call('attachment.thumbnail', { id: attachment.id }).then(
      (t) => live && setUrl(t ? `data:${t.type};base64,${t.base64}` : null),
      // A thumbnail that cannot be read is not worth an error on the page: the icon stays.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [attachment.id, attachment.thumbnail]);
  if (url) return <img className="attachment-thumb" src={url} alt={alt} data-testid="attachment-thumb" />;
  return <span className="attachment-thumb attachment-icon">{attachment.type.startsWith('image/') ? <MediaIcon size={20} /> : <DocumentIcon size={20} />}</span>;
}
