// The one origin the renderer is served from. Every guard in the glue (protocol handler, IPC
// sender check, navigation, web requests) compares against these, so they live in one place.

export const APP_SCHEME = 'app';
export const APP_HOST = 'cordon';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** Parses a URL, or returns null: guards treat an unparsable URL as hostile, never throw. */
export function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when the URL belongs to the app's own origin, exactly `app://cordon`. Node's URL gives
 * non-special schemes the origin "null", so the parts are compared one by one; credentials and
 * ports are refused because they make a different origin (or a confusing one) for Chromium.
 */
export function isAppUrl(url: unknown): boolean {
  const u = parseUrl(url);
  return (
    u !== null &&
    u.protocol === `${APP_SCHEME}:` &&
    u.hostname === APP_HOST &&
    u.port === '' &&
    u.username === '' &&
    u.password === ''
  );
}
