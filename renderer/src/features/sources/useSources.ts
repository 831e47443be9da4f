import { useEffect, useState } from 'react';
import type { SourceView } from '../../../../shared/entities/dto';
import { call } from '../../api';
import { useWorkspace } from '../../state/workspace';

/** The case's source reports, refetched after every write. */
export function useSources(): { sources: SourceView[] | null; error: unknown } {
  const version = useWorkspace((s) => s.dataVersion);
  const [state, setState] = useState<{ sources: SourceView[] | null; error: unknown }>({ sources: null, error: null });
  useEffect(() => {
    let live = true;
    call('source.list', {}).then(
      (sources) => live && setState({ sources, error: null }),
      (error: unknown) => live && setState({ sources: [], error }),
    );
    return () => {
      live = false;
    };
  }, [version]);
  return state;
}
