import { useEffect, useState } from 'react';
import type { OfficerView } from '../../../../shared/exchange/dto';
import { call } from '../../api';
import { useWorkspace } from '../../state/workspace';

export interface OfficersState {
  /** This workstation's officer, or null before the identity is set up. */
  me: OfficerView | null;
  /** Partner officers (this workstation's own officer excluded). */
  partners: OfficerView[];
  loaded: boolean;
  error: unknown;
}

/** The directory, refetched after every write. */
export function useOfficers(): OfficersState {
  const version = useWorkspace((s) => s.dataVersion);
  const [state, setState] = useState<OfficersState>({ me: null, partners: [], loaded: false, error: null });
  useEffect(() => {
    let live = true;
    call('officer.list', {}).then(
      (all) => live && setState({ me: all.find((o) => o.self) ?? null, partners: all.filter((o) => !o.self), loaded: true, error: null }),
      (error: unknown) => live && setState({ me: null, partners: [], loaded: true, error }),
    );
    return () => {
      live = false;
    };
  }, [version]);
  return state;
}
