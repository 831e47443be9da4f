import { useEffect, useState } from 'react';
import type { SearchResult } from '../../../../shared/entities/dto';
import { call } from '../../api';

const DEBOUNCE_MS = 120;

/** Search results for a query, debounced; stale answers (an older query) are dropped. */
export function useSearch(query: string, limit: number, version = 0): { results: SearchResult[]; error: unknown; busy: boolean } {
  const [state, setState] = useState<{ results: SearchResult[]; error: unknown; busy: boolean }>({ results: [], error: null, busy: false });
  useEffect(() => {
    const q = query.trim();
    if (q === '') {
      setState({ results: [], error: null, busy: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, busy: true }));
    const timer = setTimeout(() => {
      call('search', { query: q, limit }).then(
        (results) => live && setState({ results, error: null, busy: false }),
        (error: unknown) => live && setState({ results: [], error, busy: false }),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, limit, version]);
  return state;
}
