import { create } from 'zustand';

// Which attachment the analyst came to see (a search hit inside it): its target's page names it,
// scrolls to it and highlights it, then forgets it when the analyst goes elsewhere. Presentation
// state of this feature only, so it lives here and not in the shared workspace store.

interface AttachmentFocus {
  /** The attachment, and the page of its text the hit was on. */
  focus: { id: string; targetId: string; page: number | null } | null;
  show(id: string, targetId: string, page?: number | null): void;
  /** Forgets the focus if it was on this target's page. */
  leave(targetId: string): void;
}

export const useAttachmentFocus = create<AttachmentFocus>()((set, get) => ({
  focus: null,
  show: (id, targetId, page = null) => set({ focus: { id, targetId, page } }),
  leave: (targetId) => {
    if (get().focus?.targetId === targetId) set({ focus: null });
  },
}));
