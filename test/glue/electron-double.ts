import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

// A recording stand-in for the `electron` module, which cannot load here (its binary is not
// downloadable on our machines; DESIGN.md §9). Each glue test file mocks `electron` with this
// module: `vi.mock('electron', () => import('./electron-double'))`. It implements only what the
// glue calls, and records it so tests can drive the registered handlers with attacker input.

/** An Electron-style event: listeners call preventDefault() to refuse. */
export function electronEvent<T extends object>(fields: T = {} as T) {
  return Object.assign({ defaultPrevented: false, preventDefault: vi.fn(function (this: { defaultPrevented: boolean }) { this.defaultPrevented = true; }) }, fields);
}

export class FrameDouble {
  static nextRoutingId = 1;
  readonly processId = 4242;
  readonly routingId = FrameDouble.nextRoutingId++;
  constructor(
    public url: string,
    public parent: FrameDouble | null = null,
  ) {}
}

export class WebContentsDouble extends EventEmitter {
  static nextId = 1;
  readonly id = WebContentsDouble.nextId++;
  readonly mainFrame = new FrameDouble('app://cordon/index.html');
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly send = vi.fn();
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

export class SessionDouble extends EventEmitter {
  readonly handlers: {
    permissionRequest?: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
    permissionCheck?: (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
    devicePermission?: (details: unknown) => boolean;
    displayMedia?: (request: unknown, callback: (streams: unknown) => void) => void;
    beforeRequest?: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;
  } = {};
  readonly protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  readonly protocol = { handle: vi.fn((scheme: string, handler: (r: Request) => Promise<Response>) => this.protocolHandlers.set(scheme, handler)) };
  readonly webRequest = { onBeforeRequest: vi.fn((listener: SessionDouble['handlers']['beforeRequest']) => (this.handlers.beforeRequest = listener)) };
  setPermissionRequestHandler(h: SessionDouble['handlers']['permissionRequest']) {
    this.handlers.permissionRequest = h;
  }
  setPermissionCheckHandler(h: SessionDouble['handlers']['permissionCheck']) {
    this.handlers.permissionCheck = h;
  }
  setDevicePermissionHandler(h: SessionDouble['handlers']['devicePermission']) {
    this.handlers.devicePermission = h;
  }
  setDisplayMediaRequestHandler(h: SessionDouble['handlers']['displayMedia']) {
    this.handlers.displayMedia = h;
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly created: BrowserWindow[] = [];
  readonly webContents = new WebContentsDouble();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  destroyed = false;
  constructor(public readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super();
    BrowserWindow.created.push(this);
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return false;
  }
}

class AppDouble extends EventEmitter {
  isPackaged = false;
  singleInstance = true;
  private readyResolve!: () => void;
  readonly ready = new Promise<void>((resolve) => (this.readyResolve = resolve));
  readonly calls: string[] = [];
  readonly enableSandbox = vi.fn(() => this.calls.push('enableSandbox'));
  readonly requestSingleInstanceLock = vi.fn(() => this.singleInstance);
  readonly getPath = vi.fn((name: string) => `/tmp/cordon-double/${name}`);
  readonly quit = vi.fn(() => this.calls.push('quit'));
  readonly exit = vi.fn();
  whenReady() {
    return this.ready;
  }
  /** Test hook: what Electron does once it has initialised. */
  becomeReady() {
    this.calls.push('ready');
    this.readyResolve();
    return this.ready;
  }
}

export const app = new AppDouble();

export const protocol = {
  registerSchemesAsPrivileged: vi.fn((_schemes: unknown[]) => app.calls.push('registerSchemesAsPrivileged')),
};

export const session = {
  partitions: new Map<string, SessionDouble>(),
  fromPartition: vi.fn((partition: string) => {
    const s = session.partitions.get(partition) ?? new SessionDouble();
    session.partitions.set(partition, s);
    return s;
  }),
};

export const ipcMain = {
  handlers: new Map<string, (...args: unknown[]) => unknown>(),
  handle: vi.fn((channel: string, handler: (...args: unknown[]) => unknown) => ipcMain.handlers.set(channel, handler)),
  removeHandler: vi.fn((channel: string) => ipcMain.handlers.delete(channel)),
};

export const dialog = {
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePaths: ['/cases/alpha.cordon'] })),
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePath: '/cases/new-case' })),
};

export const Menu = { setApplicationMenu: vi.fn() };

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, value: unknown) => contextBridge.exposed.set(key, value)),
};

export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null })),
});

/** Electron's webUtils: the test says which path a dropped File has. */
export const webUtils = {
  getPathForFile: vi.fn((_file: unknown): string => ''),
};

export default { app, protocol, session, ipcMain, dialog, Menu, contextBridge, ipcRenderer, BrowserWindow, webUtils };
