// Response headers of every app:// response (DESIGN.md §7). The CSP allows only the app's own
// scripts and styles; `connect-src 'none'` means no fetch/XHR/WebSocket at all: the renderer
// talks to the core only through window.cordon. No font-src: the renderer ships no font files
// (Blueprint's icons are inline SVG), so fonts fall under default-src 'none'. The renderer's
// index.html repeats this policy in a meta tag; the header is what holds even if that changes.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    // The app never needs to be framed, to send a referrer, or to be cached between runs.
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
