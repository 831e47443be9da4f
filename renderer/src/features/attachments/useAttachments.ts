import { useCallback, useEffect, useState } from 'react';
import type { AttachmentView } from '../../../../shared/attachments/dto';
import { call } from '../../api';
import { useWorkspace } from '../../state/workspace';

/** One target's attachments, refetched after every write in the case. */
export function useAttachments(targetId: string) {
  const version = useWorkspace((s) => s.dataVersion);
  const [state, setState] = useState<{ list: AttachmentView[] | null; error: unknown }>({ list: null, error: null });
  const [own, setOwn] = useState(0);
  useEffect(() => {
    let live = true;
    call('attachment.list', { targetId }).then(
      (list) => live && setState({ list, error: null }),
      (error: unknown) => live && setState({ list: [], error }),
    );
    return () => {
      live = false;
    };
  }, [targetId, version, own]);
  return { ...state, reload: useCallback(() => setOwn((n) => n + 1), []) };
}
