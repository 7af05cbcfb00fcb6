/**
 * The renderer's Content-Security-Policy: the built bundle's own files only, no inline
 * script, no eval, no remote anything. Electron sends it as a header; the built
 * index.html carries it as a meta tag for web mode.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
