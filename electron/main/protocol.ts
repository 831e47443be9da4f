import { readFile } from 'node:fs/promises';
import { protocol, type Protocol } from 'electron';
import { resolveAppFile } from './app-path';
import { securityHeaders } from './headers';
import { mimeType } from './mime';
import { APP_SCHEME } from './origin';

// The renderer is served from app://cordon/ rather than file://: a standard, secure scheme gives
// it a real origin (for the CSP's 'self' and the IPC sender check) without file://'s reach over
// the whole disk.

/** Must run before `app` is ready (Electron's rule for privileged schemes). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // No fetch API, no CORS, no service workers, no CSP bypass: the renderer loads its own
    // scripts, styles, images and fonts, and nothing else.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true } },
  ]);
}

function refuse(status: number): Response {
  return new Response(null, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/** The handler for app:// requests, serving files of `root` (the renderer build). */
export function createAppHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    const found = await resolveAppFile(root, request.url);
    if (!found.ok) return refuse(found.status);
    const body = await readFile(found.file).catch(() => null);
    if (body === null) return refuse(404);
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: securityHeaders(mimeType(found.file)),
    });
  };
}

/** Serves app:// in the app's own session (protocol handlers are per session). */
export function serveApp(sessionProtocol: Protocol, root: string): void {
  sessionProtocol.handle(APP_SCHEME, createAppHandler(root));
}
