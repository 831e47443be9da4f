import { z } from 'zod';
import { method } from '../contract';

/** Methods the host process answers itself (a native file dialog in the app); never the core. */
export const hostApi = {
  'dialog.pickCaseFile': method<{ path: string | null }>()(z.object({ mode: z.enum(['create', 'open']) })),
} as const;
