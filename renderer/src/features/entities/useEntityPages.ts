import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { EntitySummary } from '../../../../shared/entities/dto';
import { call } from '../../api';

export const PAGE_SIZE = 200;

/**
 * The entity list as pages fetched on demand: the total is known from the first page, rows load
 * when the virtual list scrolls near them, so a case of 100,000 entities costs a few pages.
 */
export function useEntityPages(schema: string | null, version: number) {
  const pages = useRef(new Map<number, EntitySummary[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);

  const load = useCallback(
    (page: number) => {
      if (pages.current.has(page) || pending.current.has(page)) return;
      pending.current.add(page);
      const gen = generation.current;
      call('entity.list', { offset: page * PAGE_SIZE, limit: PAGE_SIZE, ...(schema ? { schema } : {}) }).then(
        (res) => {
          if (gen !== generation.current) return;
          pending.current.delete(page);
          pages.current.set(page, res.items);
          setTotal(res.total);
          rerender();
        },
        (err: unknown) => {
          if (gen !== generation.current) return;
          pending.current.delete(page);
          setError(err);
        },
      );
    },
    [schema],
  );

  useEffect(() => {
    // A new filter or a write elsewhere: forget every cached page.
    generation.current++;
    pages.current = new Map();
    pending.current = new Set();
    setError(null);
    load(0);
  }, [load, version]);

  const ensureRange = useCallback(
    (start: number, end: number) => {
      for (let p = Math.floor(start / PAGE_SIZE); p <= Math.floor(end / PAGE_SIZE); p++) load(p);
    },
    [load],
  );

  const item = (index: number): EntitySummary | undefined => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];

  return { total, item, ensureRange, error };
}
