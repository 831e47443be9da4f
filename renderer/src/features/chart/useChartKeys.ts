import { useEffect, useRef } from 'react';
import type { ChartController } from './controller';

// The chart's keyboard: undo/redo, select all, Escape (leaves the lasso), Delete (asks what to
// delete). Keys typed into a field or a dialog are theirs.

export interface ChartKeyHandlers {
  onError(err: unknown): void;
  onEscape(): void;
  onDelete(ids: string[]): void;
}

export function useChartKeys(ctl: ChartController | null, handlers: ChartKeyHandlers): void {
  // The latest handlers, without re-binding the listener on every render.
  const h = useRef(handlers);
  h.current = handlers;
  useEffect(() => {
    if (!ctl) return;
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement;
      if (el.closest('input, textarea, select, [role=dialog]')) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z') {
        e.preventDefault();
        void (e.shiftKey ? ctl.history.redo() : ctl.history.undo()).catch(h.current.onError);
      } else if (mod && key === 'y') {
        e.preventDefault();
        void ctl.history.redo().catch(h.current.onError);
      } else if (mod && key === 'a') {
        e.preventDefault();
        ctl.entityNodes().select();
      } else if (e.key === 'Escape') {
        h.current.onEscape();
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        const ids = ctl.cy.nodes(':selected').not('.group').map((n) => n.id());
        if (ids.length > 0) h.current.onDelete(ids);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ctl]);
}
