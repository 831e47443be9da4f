import { useEffect, useState } from 'react';
import type { PackageLedgerRow } from '../../../../shared/exchange/dto';
import { call } from '../../api';
import { useWorkspace } from '../../state/workspace';

/** The package ledger (sent and received), refetched after every write. */
export function usePackages(): { rows: PackageLedgerRow[] | null; error: unknown } {
  const version = useWorkspace((s) => s.dataVersion);
  const [state, setState] = useState<{ rows: PackageLedgerRow[] | null; error: unknown }>({ rows: null, error: null });
  useEffect(() => {
    let live = true;
    call('package.list', {}).then(
      (rows) => live && setState({ rows, error: null }),
      (error: unknown) => live && setState({ rows: [], error }),
    );
    return () => {
      live = false;
    };
  }, [version]);
  return state;
}
