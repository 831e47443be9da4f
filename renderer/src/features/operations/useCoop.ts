import { useEffect, useState } from 'react';
import type { Input, Method, Output } from '../../../../shared/api';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { useWorkspace } from '../../state/workspace';

/** A read of the core, refetched after every write (dataVersion) and when `key` changes. */
export function useCoreRead<M extends Method>(method: M, input: Input<M> | null, key = ''): {
  data: Output<M> | null;
  error: unknown;
} {
  const version = useWorkspace((s) => s.dataVersion);
  const [state, setState] = useState<{ data: Output<M> | null; error: unknown }>({ data: null, error: null });
  useEffect(() => {
    if (input === null) {
      setState({ data: null, error: null });
      return;
    }
    let live = true;
    call(method, input).then(
      (data) => live && setState({ data, error: null }),
      (error: unknown) => live && setState({ data: null, error }),
    );
    return () => {
      live = false;
    };
  }, [method, key, version]);
  return state;
}

/** Today as YYYY-MM-DD on the analyst's clock. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}


/** A write to the core: busy while it runs, its refusal kept to show, data refetched after it. */
export function useWrite(): { busy: boolean; error: unknown; run(fn: () => Promise<unknown>): Promise<boolean>; clear(): void } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (fn: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      await afterWrite();
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, clear: () => setError(null) };
}
