import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, resolve, sep } from 'node:path';
import { isAppUrl, parseUrl } from './origin';

// The path-traversal guard of the app:// protocol: maps a request URL to a file inside the
// renderer build folder, or refuses it. Every check is deliberately redundant: the URL parser
// has already removed plain `..` segments, but encoded forms (`%2e%2e%2f`, `..%5c`), null bytes,
// drive letters, empty segments (`//etc/passwd`) and symlinks are only caught here.

export type Resolution = { ok: true; file: string } | { ok: false; status: 403 | 404 };

const refused: Resolution = { ok: false, status: 403 };
const missing: Resolution = { ok: false, status: 404 };

/** Syntactic checks only: which path inside the root a URL names, or why it is refused. */
export function requestedPath(url: string): { ok: true; relative: string } | { ok: false; status: 403 } {
  const u = parseUrl(url);
  if (!u || !isAppUrl(url)) return { ok: false, status: 403 };
  // Only the path names a file; a query (a CSS cache-buster like `icons.woff2?hash`) is ignored.
  let decoded: string;
  try {
    decoded = decodeURIComponent(u.pathname);
  } catch {
    return { ok: false, status: 403 }; // malformed escapes
  }
  if (decoded === '/' || decoded === '') decoded = '/index.html';
  // Anything a second decoding, Windows, or a C string could turn into a different path.
  if (/[\\\0%:]/.test(decoded) || !decoded.startsWith('/')) return { ok: false, status: 403 };
  const segments = decoded.slice(1).split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return { ok: false, status: 403 };
  const relative = segments.join('/');
  if (isAbsolute(relative)) return { ok: false, status: 403 };
  return { ok: true, relative };
}

function inside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** Resolves a request to an existing regular file inside `root` (symlinks included). */
export async function resolveAppFile(root: string, url: string): Promise<Resolution> {
  const req = requestedPath(url);
  if (!req.ok) return refused;
  const rootReal = await realpath(root).catch(() => null);
  if (!rootReal) return missing;
  const candidate = resolve(rootReal, req.relative);
  if (!inside(rootReal, candidate)) return refused;
  // A symlink inside the build folder must not lead out of it.
  const real = await realpath(candidate).catch(() => null);
  if (!real) return missing;
  if (!inside(rootReal, real)) return refused;
  const info = await stat(real).catch(() => null);
  if (!info?.isFile()) return missing;
  return { ok: true, file: real };
}
