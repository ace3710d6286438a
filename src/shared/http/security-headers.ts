import type { FastifyInstance } from 'fastify';

/*
 * One precomputed header set, applied in a single hook. (@fastify/helmet computes per request and measured at
 * about half the throughput of a bare server; see docs/adr/0001-http-framework.md.)
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
  // Our script never builds HTML from strings; Trusted Types makes any such sink fail loudly. The one policy
  // allowed, app-sw, only vouches for the service worker's own URL (src/assets/app.js).
  "require-trusted-types-for 'script'",
  'trusted-types app-sw',
].join('; ');

const permissionsPolicy = [
  'accelerometer=()',
  'autoplay=()',
  'browsing-topics=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'usb=()',
].join(', ');

export const baseSecurityHeaders: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': contentSecurityPolicy,
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'permissions-policy': permissionsPolicy,
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-dns-prefetch-control': 'off',
  // Nothing is cached unless a route says otherwise (only fingerprinted assets do): pages of this site must
  // not linger in a shared device's cache.
  'cache-control': 'no-store',
});

const hsts = 'max-age=63072000; includeSubDomains';

/** The Strict-Transport-Security header for this request: only when it came over HTTPS. */
export function hstsFor(request: { protocol: string }): string | undefined {
  return request.protocol === 'https' ? hsts : undefined;
}

/** Sets the security headers on every response; HSTS only when the request came over HTTPS. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(baseSecurityHeaders);
    const strict = hstsFor(request);
    if (strict !== undefined) reply.header('strict-transport-security', strict);
    done();
  });
}
