import { create } from 'zustand';
import type { CaseInfo } from '../../../shared/case/dto';

// Presentation state about the open case. The core owns the data; this is what the screen shows
// until the next call refreshes it.

interface SessionState {
  info: CaseInfo | null;
  locked: boolean;
  setInfo(info: CaseInfo | null): void;
  setLocked(locked: boolean): void;
}

export const useSession = create<SessionState>()((set) => ({
  info: null,
  locked: false,
  setInfo: (info) => set({ info }),
  setLocked: (locked) => set({ locked }),
}));
