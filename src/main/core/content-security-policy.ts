/**
 * The renderer's Content-Security-Policy, sent by the app scheme (Electron) and by the HTTP
 * server (browser mode). Scripts come only from our own bundle; styles may be inline because
 * MUI (emotion) injects <style> elements at run time; nothing is fetched from, framed by or
 * posted to anywhere else. index.html carries the same policy as a meta tag.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
