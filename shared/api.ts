import { z } from 'zod';
import { ALL_SCHEMATA, ENTITY_SCHEMA_NAMES, LINK_SCHEMA_NAMES } from './catalogue';
import { gradingSchema } from './grading';
import type {
  AuditRow,
  AuditVerdict,
  CaseInfo,
  EntityDetail,
  EntityPage,
  RecentCase,
  SearchResult,
  SourceView,
} from './dto';

// The one contract between the renderer and the core (DESIGN.md §2). The preload, the main-process
// router, the Playwright bridge and the CLI are all typed by this table; nothing else names a
// method or a channel.

/** A method: its input schema, with the output type carried as a phantom. */
interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Never set at run time; carries the output type. */
  readonly _output?: O;
}
const method = <O>() => <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input });

const id = z.string().trim().min(1).max(200);
const bureau = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9_]{0,15}$/, 'a bureau code is 1–16 letters, digits or _');
const filePath = z.string().trim().min(1).max(4096);
const passphrase = z.string().min(1).max(1024);
const propValues = z.record(z.string().min(1).max(100), z.array(z.string().max(10_000)).max(1000));
const schemaName = z.enum(ALL_SCHEMATA.map((s) => s.name) as [string, ...string[]]);

export const sourceInput = z
  .object({
    title: z.string().trim().min(1).max(500),
    reference: z.string().trim().max(500).optional(),
    reportDate: z.string().trim().max(40).optional(),
    restrictedTo: z.array(bureau).max(200).optional(),
  })
  .and(gradingSchema);

/** Methods the core answers (in its worker in the app, in-process in the CLI and the bridge). */
export const coreApi = {
  'case.create': method<CaseInfo>()(
    z.object({ path: filePath, passphrase, name: z.string().trim().min(1).max(200), bureau }),
  ),
  'case.open': method<CaseInfo>()(z.object({ path: filePath, passphrase })),
  'case.openDemo': method<CaseInfo>()(z.object({})),
  'case.close': method<null>()(z.object({})),
  'case.info': method<CaseInfo | null>()(z.object({})),
  'case.recent': method<RecentCase[]>()(z.object({})),
  'case.lock': method<null>()(z.object({})),
  'case.unlock': method<CaseInfo>()(z.object({ passphrase })),
  'case.setIdleLock': method<CaseInfo>()(z.object({ minutes: z.number().int().min(1).max(24 * 60) })),

  'entity.list': method<EntityPage>()(
    z.object({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(200),
      schema: z.enum(ENTITY_SCHEMA_NAMES as [string, ...string[]]).optional(),
    }),
  ),
  'entity.get': method<EntityDetail>()(z.object({ id })),
  'entity.create': method<{ id: string }>()(
    z.object({
      schema: z.enum(ENTITY_SCHEMA_NAMES as [string, ...string[]]),
      properties: propValues,
      sourceId: id.optional(),
    }),
  ),
  'entity.update': method<EntityDetail>()(
    z.object({
      id,
      add: z.array(z.object({ prop: z.string().min(1).max(100), value: z.string().max(10_000) })).max(1000).default([]),
      retract: z.array(z.number().int().positive()).max(1000).default([]),
      sourceId: id.optional(),
    }),
  ),
  'entity.delete': method<null>()(z.object({ id })),
  'link.create': method<{ id: string }>()(
    z.object({
      schema: z.enum(LINK_SCHEMA_NAMES as [string, ...string[]]),
      from: id,
      to: id,
      properties: propValues.default({}),
      sourceId: id.optional(),
    }),
  ),
  'source.create': method<{ id: string }>()(sourceInput),
  'source.list': method<SourceView[]>()(z.object({})),
  'source.get': method<SourceView>()(z.object({ id })),
  search: method<SearchResult[]>()(
    z.object({
      query: z.string().max(500),
      limit: z.number().int().min(1).max(500).default(50),
      schema: schemaName.optional(),
    }),
  ),
  'audit.list': method<{ total: number; rows: AuditRow[] }>()(
    z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(200) }),
  ),
  'audit.verify': method<AuditVerdict>()(z.object({})),
  /** Cancels a running job (its id comes with its progress events). Answered at once. */
  'job.cancel': method<{ cancelled: boolean }>()(z.object({ job: z.string().uuid() })),
} as const;

/** Methods the host process answers itself (a native file dialog in the app). */
export const hostApi = {
  'dialog.pickCaseFile': method<{ path: string | null }>()(z.object({ mode: z.enum(['create', 'open']) })),
} as const;

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
    state: z.enum(['running', 'done', 'cancelled', 'failed']),
  }),
  locked: z.object({ reason: z.enum(['idle', 'user']) }),
  closed: z.object({}),
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** The IPC channel names: defined once here, used by the preload and the main router. */
export const CHANNELS = { call: 'cordon:call', event: 'cordon:event' } as const;

/** What a transport returns: a result or an error payload, never a thrown exception. */
export type CallResult<M extends Method> = { ok: true; value: Output<M> } | { ok: false; error: import('./errors').ErrorPayload };

/** The object the preload exposes as `window.cordon` (and the bridge installs in tests). */
export interface CordonBridge {
  call<M extends Method>(method: M, input: Input<M>): Promise<CallResult<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
