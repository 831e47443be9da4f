import { useEffect, useState } from 'react';
import type { EntityDetail } from '../../../../shared/entities/dto';
import { call } from '../../api';

/** One entity's detail from the core, refetched when it or the data version changes. */
export function useEntity(id: string | null, version: number) {
  const [state, setState] = useState<{ detail: EntityDetail | null; error: unknown; loading: boolean }>({ detail: null, error: null, loading: false });
  useEffect(() => {
    if (!id) {
      setState({ detail: null, error: null, loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    call('entity.get', { id }).then(
      (detail) => live && setState({ detail, error: null, loading: false }),
      (error: unknown) => live && setState({ detail: null, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [id, version]);
  return { ...state, replace: (detail: EntityDetail) => setState({ detail, error: null, loading: false }) };
}
