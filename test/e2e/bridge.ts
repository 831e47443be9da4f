import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { hostApi, type CallResult, type EventName, type EventPayload, type Method } from '../../shared/api';
import { createCore, type Core } from '../../electron/core/runtime';
import { securityHeaders } from '../../electron/main/headers';
import { mimeType } from '../../electron/main/mime';

// The test bridge (DESIGN.md §2): the real built renderer in Chromium, the real core in this Node
// process. window.cordon gets the preload's shape — call(method, input) returning a CallResult and
// on(event, listener) — so the product runs unchanged, with no test-only code paths.

const ROOT = resolve('dist/renderer');

function serveRenderer(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = resolve(ROOT, `.${pathname === '/' ? '/index.html' : pathname}`);
    // Same guard as the app:// handler: nothing outside the build folder.
    if (file !== ROOT && !file.startsWith(ROOT + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
      // The app:// protocol's own headers and types, CSP included, so violations surface here.
      res.writeHead(200, securityHeaders(mimeType(file)));
      res.end(readFileSync(file));
    } catch {
      res.writeHead(404, securityHeaders('text/plain')).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` })));
}

/**
 * The page's side of the bridge; runs before any script of the app. `dropFolder` stands in for the
 * disk a dropped file comes from: Electron's webUtils names a dropped File's real path, and here a
 * File dropped by a spec is the one of that name the spec wrote in this folder (a File made with no
 * name has no path, as in Electron).
 */
function installBridge(dropFolder: string): void {
  type Listener = (payload: unknown) => void;
  const w = window as unknown as {
    __cordonCall(method: string, input: unknown): Promise<unknown>;
    __cordonEmit?: (event: string, payload: unknown) => void;
  };
  const listeners = new Map<string, Set<Listener>>();
  Object.defineProperty(window, '__cordonEmit', {
    value: (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload)),
  });
  const bridge = Object.freeze({
    call: (method: string, input: unknown) => w.__cordonCall(method, input),
    pathForFile: (file: unknown) => (file instanceof File && file.name !== '' && !file.name.includes('/') ? `${dropFolder}/${file.name}` : null),
    on: (event: string, listener: Listener) => {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => void set.delete(listener);
    },
  });
  Object.defineProperty(window, 'cordon', { value: bridge, enumerable: true });
  // CSP violations also reach the console, but this names the directive and the blocked URI.
  document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
}

/** Host methods: the app shows a native dialog; the bridge answers "cancelled". */
async function callHost(method: keyof typeof hostApi, input: unknown): Promise<CallResult<Method>> {
  const parsed = hostApi[method].input.safeParse(input);
  if (!parsed.success) return { ok: false, error: { code: 'INVALID_INPUT', message: 'Input rejected.' } };
  return { ok: true, value: { path: null } };
}

export interface CordonApp {
  page: Page;
  core: Core;
  dataDir: string;
  /** The folder files "dropped" onto the page come from (see installBridge). */
  dropFolder: string;
  /** Console errors, page errors and CSP violations seen so far; the fixture fails on any. */
  problems: string[];
  /** Loads the app and waits for the first screen. */
  open(): Promise<void>;
  /** Advances the core's clock (for the idle lock). */
  advanceClock(ms: number): void;
  shot(name: string): Promise<void>;
}

export const test = base.extend<{ app: CordonApp }, { rendererUrl: string }>({
  rendererUrl: [
    async ({}, use) => {
      const { server, url } = await serveRenderer();
      await use(url);
      await new Promise((ok) => server.close(ok));
    },
    { scope: 'worker' },
  ],
  app: async ({ page, rendererUrl }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cordon-e2e-'));
    const problems: string[] = [];
    let offset = 0;
    const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
      void page.evaluate(([e, p]) => (window as unknown as { __cordonEmit(e: string, p: unknown): void }).__cordonEmit(e, p), [event, payload] as const).catch(() => undefined);
    };
    const core = createCore({ dataDir: join(dataDir, 'core'), emit, now: () => Date.now() + offset });
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    await page.exposeFunction('__cordonCall', (method: unknown, input: unknown) =>
      typeof method === 'string' && Object.prototype.hasOwnProperty.call(hostApi, method)
        ? callHost(method as keyof typeof hostApi, input)
        : core.call(method, input),
    );
    const dropFolder = join(dataDir, 'dropped');
    mkdirSync(dropFolder);
    await page.addInitScript(installBridge, dropFolder);
    const app: CordonApp = {
      page,
      core,
      dataDir,
      dropFolder,
      problems,
      async open() {
        await page.goto(rendererUrl);
        await expect(page.locator('#root > main, #root > .case-view')).toBeVisible();
      },
      advanceClock(ms) {
        offset += ms;
      },
      async shot(name) {
        await page.screenshot({ path: `test/e2e/screenshots/${name}.png` });
      },
    };
    await use(app);
    core.dispose();
    rmSync(dataDir, { recursive: true, force: true });
    expect(problems, 'console errors, page errors or CSP violations').toEqual([]);
  },
});

export { expect };
