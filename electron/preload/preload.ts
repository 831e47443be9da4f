import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { CordonBridge, EventName, EventPayload } from '../../shared/api';
import { CHANNELS, EVENT_NAMES as CONTRACT_EVENTS } from '../../shared/channels';

// The sandboxed preload: the whole surface the renderer gets is `window.cordon`, a frozen object
// of two functions. ipcRenderer itself never crosses (it would let the page send on any channel
// and see IPC event objects); neither does the IPC event of an incoming message, only its payload.
// The third function names the path of a file dropped onto the page (attachments, issue 23): since
// Electron 32 a File no longer carries it, and only the preload may ask webUtils.
// Bundled to CommonJS (dist/preload/preload.cjs) because sandboxed preloads cannot be ESM.

const EVENT_NAMES: ReadonlySet<string> = new Set(CONTRACT_EVENTS);
const listeners = new Map<string, Set<(payload: unknown) => void>>();

ipcRenderer.on(CHANNELS.event, (_event, message: unknown) => {
  if (typeof message !== 'object' || message === null) return;
  const { event, payload } = message as { event?: unknown; payload?: unknown };
  if (typeof event !== 'string' || !EVENT_NAMES.has(event)) return;
  listeners.get(event)?.forEach((listener) => listener(payload));
});

const pathForFile = (file: unknown): string | null => {
  // webUtils throws on anything that is not a DOM File; a File made in memory has the path "".
  if (typeof File === 'undefined' || !(file instanceof File)) return null;
  try {
    const path = webUtils.getPathForFile(file);
    return typeof path === 'string' && path !== '' ? path : null;
  } catch {
    return null;
  }
};

const bridge: CordonBridge = {
  // The contract promises results, never exceptions: an input IPC cannot clone (a function, a DOM
  // node) rejects here, before reaching main, and comes back as a code like every other failure.
  call: (method, input) =>
    ipcRenderer.invoke(CHANNELS.call, method, input).catch(() => ({
      ok: false as const,
      error: { code: 'INVALID_INPUT' as const, message: 'The call could not be sent: its input is not plain data.' },
    })),
  pathForFile,
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
    if (typeof event !== 'string' || !EVENT_NAMES.has(event)) throw new TypeError(`"${String(event)}" is not an event of the contract.`);
    if (typeof listener !== 'function') throw new TypeError('A listener must be a function.');
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    const wrapped = (payload: unknown) => listener(payload as EventPayload<E>);
    set.add(wrapped);
    return () => {
      set.delete(wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('cordon', Object.freeze(bridge));
