import { z } from 'zod';
import type { EventNameConst } from './channels';
import { analysisApi } from './analysis/api';
import { attachmentsApi } from './attachments/api';
import { caseApi } from './case/api';
import { casefileApi } from './casefile/api';
import { chartsApi } from './charts/api';
import { commsApi } from './comms/api';
import { cooperationApi } from './cooperation/api';
import { entitiesApi } from './entities/api';
import { exchangeApi } from './exchange/api';
import { interchangeApi } from './interchange/api';
import { hostApi } from './host/api';
import { mapApi } from './map/api';
import { vocabularyApi } from './vocabulary/api';
import { timelineApi } from './timeline/api';

// The one contract between the renderer and the core (DESIGN.md §2). The preload, the main-process
// router, the Playwright bridge and the CLI are all typed by this table; nothing else names a
// method or a channel. Each feature declares its methods, inputs and outputs in its own folder
// (shared/<feature>/api.ts and dto.ts); this file only assembles them.

/** Methods the core answers (in its worker in the app, in-process in the CLI and the bridge). */
export const coreApi = {
  ...caseApi,
  ...entitiesApi,
  ...interchangeApi,
  ...analysisApi,
  ...exchangeApi,
  ...chartsApi,
  ...cooperationApi,
  ...casefileApi,
  ...attachmentsApi,
  ...mapApi,
  ...commsApi,
  ...vocabularyApi,
  ...timelineApi,
} as const;

export { hostApi };

export const api = { ...coreApi, ...hostApi } as const;

export type Api = typeof api;
export type Method = keyof Api;
export type Input<M extends Method> = z.input<Api[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Api[M]['input']>;
export type Output<M extends Method> = Exclude<Api[M]['_output'], undefined>;
export type CoreMethod = keyof typeof coreApi;
export type HostMethod = keyof typeof hostApi;

export const METHODS = Object.keys(api) as Method[];
export const CORE_METHODS = Object.keys(coreApi) as CoreMethod[];
export const HOST_METHODS = Object.keys(hostApi) as HostMethod[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}

/** The implementations of the core methods: what the worker, the bridge and the CLI serve. */
export type Handlers = { [M in CoreMethod]: (input: ParsedInput<M>) => Promise<Output<M>> };
export type HostHandlers = { [M in HostMethod]: (input: ParsedInput<M>) => Promise<Output<M>> };

export function isCoreMethod(name: unknown): name is CoreMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(coreApi, name);
}

// Events flow from the core to the renderer through one typed subscription.
export const events = {
  progress: z.object({
    job: z.string(),
    label: z.string(),
    done: z.number(),
    total: z.number(),
    state: z.enum(['running', 'saving', 'done', 'cancelled', 'failed']),
  }),
  locked: z.object({ reason: z.enum(['idle', 'user']) }),
  closed: z.object({}),
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** The IPC channel names: defined once (shared/channels.ts), used by the preload and the main router. */
export { CHANNELS, EVENT_NAMES } from './channels';
// Compile-time check that the preload's event list is exactly the contract's.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _eventsMatch: Same<EventName, EventNameConst> = true;
void _eventsMatch;

/** What a transport returns: a result or an error payload, never a thrown exception. */
export type CallResult<M extends Method> = { ok: true; value: Output<M> } | { ok: false; error: import('./errors').ErrorPayload };

/** The object the preload exposes as `window.cordon` (and the bridge installs in tests). */
export interface CordonBridge {
  call<M extends Method>(method: M, input: Input<M>): Promise<CallResult<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /**
   * Where on disk a file dropped onto the page lives (Electron's webUtils.getPathForFile), or null
   * when it has none (not a File, or a file made in memory). Typed `unknown` because shared/ has no
   * DOM; the renderer passes a DOM File. The path is then named to the core like a typed one.
   */
  pathForFile(file: unknown): string | null;
}
