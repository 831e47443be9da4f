import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { protocol, SessionDouble } from './electron-double';
import { requestedPath } from '../../electron/main/app-path';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/headers';
import { createAppHandler, registerAppScheme, serveApp } from '../../electron/main/protocol';

vi.mock('electron', () => import('./electron-double'));
// Records every file the handler reads, to prove nothing outside the build folder is ever read.
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return { ...real, readFile: vi.fn(real.readFile) };
});

// <base>/secret.txt sits beside the build folder <base>/renderer: the traversal target.
const base = mkdtempSync(join(tmpdir(), 'cordon-glue-'));
const root = join(base, 'renderer');
let handler: (request: Request) => Promise<Response>;
const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

beforeAll(() => {
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(base, 'secret.txt'), 'TOP SECRET');
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Cordon</title>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'index-abc123.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'icons.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(root, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(root, 'assets', 'blob.xyz'), 'opaque');
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'escape.txt'));
  handler = createAppHandler(root);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const EXPECTED_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

describe('the app:// scheme', () => {
  it('is registered as standard and secure, with no extra privileges', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
  });

  it('is served in the given session', async () => {
    const ses = new SessionDouble();
    serveApp(ses.protocol as never, root);
    expect(ses.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const res = await ses.protocolHandlers.get('app')!(new Request('app://cordon/index.html'));
    expect(res.status).toBe(200);
  });
});

describe('responses', () => {
  it('carry the CSP of DESIGN.md §7 and nosniff', async () => {
    expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED_CSP);
    const res = await get('app://cordon/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>Cordon</title>');
  });

  it('carry the CSP on refusals too', async () => {
    for (const url of ['app://cordon/missing.js', 'app://evil/index.html']) {
      const res = await get(url);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it.each([
    ['app://cordon/', 'text/html; charset=utf-8'],
    ['app://cordon/index.html', 'text/html; charset=utf-8'],
    ['app://cordon/assets/index-abc123.js', 'text/javascript; charset=utf-8'],
    ['app://cordon/assets/index-abc123.css', 'text/css; charset=utf-8'],
    ['app://cordon/assets/icons.woff2?2278d404', 'font/woff2'],
    ['app://cordon/assets/logo.svg', 'image/svg+xml'],
    ['app://cordon/assets/blob.xyz', 'application/octet-stream'],
  ])('serve %s as %s', async (url, type) => {
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
  });

  it('answer HEAD without a body and refuse other methods', async () => {
    const head = await get('app://cordon/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://cordon/index.html', 'POST')).status).toBe(405);
  });

  it('are 404 for a missing file or a folder', async () => {
    expect((await get('app://cordon/nope.js')).status).toBe(404);
    expect((await get('app://cordon/assets')).status).toBe(404);
  });
});

describe('the traversal guard', () => {
  const attacks = [
    'app://cordon/../../etc/passwd',
    'app://cordon/../secret.txt',
    'app://cordon/%2e%2e/secret.txt',
    'app://cordon/%2e%2e%2fsecret.txt',
    'app://cordon/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://cordon/..%2fsecret.txt',
    'app://cordon/..%5csecret.txt',
    'app://cordon/assets\\..\\..\\secret.txt',
    'app://cordon/%252e%252e%252fsecret.txt',
    'app://cordon/%00',
    'app://cordon/index.html%00.js',
    'app://cordon//etc/passwd',
    `app://cordon/${encodeURIComponent(join(base, 'secret.txt'))}`,
    'app://cordon/C:/Windows/win.ini',
    'app://cordon/%E0%A4%A',
    'app://cordon/assets/escape.txt',
    'file:///etc/passwd',
    'file://evil/index.html',
    'app://evil/index.html',
    'app://cordon.evil/index.html',
    'app://cordon:8080/index.html',
    'https://evil.example/index.html',
  ];

  it.each(attacks)('refuses %s without reading outside the build folder', async (url) => {
    const readFile = vi.mocked(fsp.readFile);
    readFile.mockClear();
    const res = await get(url);
    expect([403, 404]).toContain(res.status);
    expect(await res.text()).not.toContain('TOP SECRET');
    for (const [path] of readFile.mock.calls) {
      expect(resolve(String(path)).startsWith(root + sep)).toBe(true);
    }
    expect(readFile).not.toHaveBeenCalledWith(join(base, 'secret.txt'));
  });

  it('refuses encoded and absolute paths syntactically, before touching the disk', () => {
    // A Request cannot even carry credentials; the guard refuses them on its own anyway.
    for (const url of ['app://user@cordon/index.html', 'app://cordon/%2e%2e%2fx', 'app://cordon/..%5cx', 'app://cordon/%00', 'app://cordon//etc/passwd', 'app://cordon/%2Fetc%2Fpasswd', 'app://cordon/C:%5Cx']) {
      expect(requestedPath(url)).toEqual({ ok: false, status: 403 });
    }
    expect(requestedPath('app://cordon/assets/a.js')).toEqual({ ok: true, relative: 'assets/a.js' });
    expect(requestedPath('app://cordon/')).toEqual({ ok: true, relative: 'index.html' });
  });
});

describe('the CSP header and the renderer', () => {
  it('agree: every directive of renderer/index.html is in the header, with the same sources', () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1];
    expect(meta, 'renderer/index.html declares a CSP').toBeDefined();
    const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name!, sources.join(' ')]));
    const header = directives(CONTENT_SECURITY_POLICY);
    for (const [name, sources] of directives(meta!)) expect(header.get(name), name).toBe(sources);
  });
});
