import { useCallback, useEffect, useState } from 'react';
import type { MatchCandidate } from '../../../../shared/interchange/dto';
import { call } from '../../api';
import { useWorkspace } from '../../state/workspace';

/** Possible duplicates, best first; refetched after every write and on demand. */
export function useCandidates(schema: string, minScore: number) {
  const version = useWorkspace((s) => s.dataVersion);
  const [state, setState] = useState<{ candidates: MatchCandidate[] | null; error: unknown; busy: boolean }>({ candidates: null, error: null, busy: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, busy: true }));
    call('match.candidates', { ...(schema ? { schema } : {}), minScore, limit: 200 }).then(
      (candidates) => live && setState({ candidates, error: null, busy: false }),
      (error: unknown) => live && setState({ candidates: [], error, busy: false }),
    );
    return () => {
      live = false;
    };
  }, [schema, minScore, version, tick]);
  const refresh = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, refresh };
}
