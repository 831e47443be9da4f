import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS, events, hostApi, type CallResult, type EventName, type HostHandlers, type HostMethod, type Method } from '../../shared/api';
import { CordonError, toErrorPayload } from '../../shared/errors';
import type { CoreClient } from '../core/client';
import { parseContractInput } from '../core/dispatch';
import { isTrustedSender } from './sender';

// The IPC router: one channel, one handler. Order of trust: the sender first (nothing from a
// foreign frame is even parsed), then the contract (method name, zod schema), then the core.
// Whatever fails crosses back as an error code and a plain message, never a stack.

export interface IpcDeps {
  core: Pick<CoreClient, 'call'>;
  host: HostHandlers;
  getWindow: () => BrowserWindow | null;
}

type Answer = CallResult<Method>;

function isHostMethod(name: unknown): name is HostMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(hostApi, name);
}

export function createCallHandler(deps: IpcDeps) {
  return async (event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, method: unknown, input: unknown): Promise<Answer> => {
    if (!isTrustedSender(event, deps.getWindow())) {
      return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'This frame may not call Cordon.' } };
    }
    try {
      // Throws UNKNOWN_METHOD or INVALID_INPUT before anything reaches the core or a dialog.
      const call = parseContractInput(method, input);
      if (isHostMethod(call.method)) {
        const value = await (deps.host[call.method] as (i: unknown) => Promise<unknown>)(call.input);
        return { ok: true, value: value as never };
      }
      const result = await deps.core.call(call.method, call.input);
      // Rebuilt, not passed through: only a known code, a message and details cross.
      return result.ok ? { ok: true, value: result.value } : { ok: false, error: toErrorPayload(result.error) };
    } catch (err) {
      if (!(err instanceof CordonError)) console.error(`[cordon main] ${String(method)} failed with ${(err as Error)?.name ?? 'an error'}`);
      return { ok: false, error: toErrorPayload(err) };
    }
  };
}

/** Registers the one handler; returns its removal (for a clean quit). */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, deps: IpcDeps): () => void {
  ipcMain.handle(CHANNELS.call, createCallHandler(deps));
  return () => ipcMain.removeHandler(CHANNELS.call);
}

/** Forwards every core event of the contract to the window; returns the unsubscribe. */
export function forwardCoreEvents(core: Pick<CoreClient, 'on'>, getWindow: () => BrowserWindow | null): () => void {
  const offs = (Object.keys(events) as EventName[]).map((name) =>
    core.on(name, (payload) => {
      const win = getWindow();
      if (win && !win.isDestroyed()) win.webContents.send(CHANNELS.event, { event: name, payload });
    }),
  );
  return () => offs.forEach((off) => off());
}
