import { useEffect, useState } from 'react';
import { registerCaseSchemata } from '../../../../shared/catalogue';
import type { TypeView } from '../../../../shared/vocabulary/dto';
import { call } from '../../api';
import { useWorkspace } from '../../state/workspace';

// The case's own types (issue 24) in the renderer's copy of the catalogue, so every list, picker,
// label and the chart's style see them as the core does. Read again after every write.

/** Registers the open case's types; answers a counter that moves each time they are read. */
export function useCaseTypes(): number {
  const version = useWorkspace((s) => s.dataVersion);
  const [loaded, setLoaded] = useState(0);
  useEffect(() => {
    let live = true;
    call('type.schemata', {}).then(
      (schemata) => {
        if (!live) return;
        registerCaseSchemata('open-case', schemata);
        setLoaded((n) => n + 1);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [version]);
  useEffect(() => () => registerCaseSchemata('open-case', []), []);
  return loaded;
}

/** Every type, built-in and the case's own, refetched after every write. */
export function useTypeList(): { types: TypeView[] | null; error: unknown } {
  const version = useWorkspace((s) => s.dataVersion);
  const [state, setState] = useState<{ types: TypeView[] | null; error: unknown }>({ types: null, error: null });
  useEffect(() => {
    let live = true;
    call('type.list', {}).then(
      (types) => live && setState({ types, error: null }),
      (error: unknown) => live && setState({ types: [], error }),
    );
    return () => {
      live = false;
    };
  }, [version]);
  return state;
}
