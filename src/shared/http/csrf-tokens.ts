import { createHmac, createSecretKey, randomFillSync, type KeyObject } from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { anonymousBinding, csrfBinding } from './request-context.js';

declare module 'fastify' {
  interface FastifyReply {
    /** A new CSRF token for this response (use csrfToken() from request-context.ts). */
    makeCsrfToken(): string;
  }
  interface FastifyInstance {
    /**
     * A new CSRF token bound to "anonymous" (as makeCsrfToken() binds it when no session is loaded) for the
     * visitor's cookies, and the Set-Cookie header value for a new CSRF secret when they brought none. Only for
     * a page answered before Fastify (early-answers.ts), which writes the cookie itself.
     */
    anonymousCsrfTokenAndCookie(cookies: Record<string, string | undefined>): {
      token: string;
      cookie: string | undefined;
    };
  }
}

/**
 * Making CSRF tokens, the way @fastify/csrf does so that its check (`app.csrfProtection`, which stays the only
 * check) accepts them, without the two costs it has on every page with a form (docs/adr/0022): a system call for
 * 18 random bytes whenever a visitor has no CSRF cookie yet, and an HMAC of the binding ("anonymous" or the
 * session) on every token. Here random bytes come from a pool filled 4 KB at a time (as Node does for
 * randomUUID), and the binding's HMAC is kept per binding. What the token proves is unchanged: it is
 *
 *   HMAC(key, binding) "-" salt "-" HMAC(key, HMAC(key, binding) "-" salt "-" secret)
 *
 * with the secret in the visitor's CSRF cookie (18 random bytes), a new 8-character salt per token (so no two
 * pages carry the same token) and the binding of csrfBinding(), under the key derived from the pepper in app.ts.
 */
export interface CsrfTokenOptions {
  /** The same key @fastify/csrf-protection checks with (csrfOpts.hmacKey). */
  hmacKey: Buffer;
  cookieName: string;
  cookieOptions: CookieSerializeOptions;
}

const SECRET_BYTES = 18;
const SALT_LENGTH = 8;
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Bindings whose HMAC is kept; past this the list starts again (each entry is a few dozen bytes). */
const MAX_BINDINGS = 10_000;

/** Random bytes fetched 4 KB at a time; every byte is handed out once. */
function randomPool(size = 4096): (count: number) => Buffer {
  const pool = Buffer.alloc(size);
  let offset = size;
  return (count) => {
    if (offset + count > size) {
      randomFillSync(pool);
      offset = 0;
    }
    const bytes = Buffer.from(pool.subarray(offset, offset + count));
    pool.fill(0, offset, offset + count);
    offset += count;
    return bytes;
  };
}

export function csrfTokenMaker(hmacKey: Buffer) {
  const key: KeyObject = createSecretKey(hmacKey);
  const random = randomPool();
  const bindingHashes = new Map<string, string>();

  const bindingHash = (binding: string): string => {
    let hash = bindingHashes.get(binding);
    if (hash === undefined) {
      // @fastify/csrf writes it as base64url with '-' turned into '_', since '-' separates the token's parts.
      hash = createHmac('sha256', key).update(binding).digest('base64url').replaceAll('-', '_');
      if (bindingHashes.size >= MAX_BINDINGS) bindingHashes.clear();
      bindingHashes.set(binding, hash);
    }
    return hash;
  };

  return {
    /** A new secret for a visitor's CSRF cookie: 18 random bytes, base64url. */
    secret(): string {
      return random(SECRET_BYTES).toString('base64url');
    },
    /** A token for `secret`, bound to `binding`, with a new salt. */
    token(secret: string, binding: string): string {
      const bytes = random(SALT_LENGTH);
      let salt = '';
      for (const byte of bytes) salt += BASE62[byte % BASE62.length];
      const signed = `${bindingHash(binding)}-${salt}`;
      return `${signed}-${createHmac('sha256', key).update(`${signed}-${secret}`, 'ascii').digest('base64url')}`;
    },
  };
}

/**
 * reply.makeCsrfToken(): a token for the visitor's CSRF secret, setting the cookie with a new secret when the
 * request brought none (once per response: a second token on the same page uses the same new secret).
 */
export function registerCsrfTokens(app: FastifyInstance, options: CsrfTokenOptions): void {
  const maker = csrfTokenMaker(options.hmacKey);
  const newSecrets = new WeakMap<FastifyReply, string>();
  // The cookie's attributes are the same for every secret (a secret is base64url, a valid cookie value); they
  // are serialized once as reply.setCookie would (its default sameSite, then the options).
  let attributes: string | undefined;
  const cookieAttributes = (): string => {
    const { secure, ...rest } = options.cookieOptions;
    attributes ??= app
      .serializeCookie(options.cookieName, 'x', { sameSite: 'lax', ...rest, secure: secure === true })
      .slice(`${options.cookieName}=x`.length);
    return attributes;
  };
  app.decorateReply('makeCsrfToken', function makeCsrfToken(this: FastifyReply): string {
    let secret = this.request.cookies[options.cookieName] || newSecrets.get(this);
    if (!secret) {
      secret = maker.secret();
      newSecrets.set(this, secret);
      this.setCookie(options.cookieName, secret, options.cookieOptions);
    }
    return maker.token(secret, csrfBinding(this.request));
  });
  app.decorate('anonymousCsrfTokenAndCookie', (cookies: Record<string, string | undefined>) => {
    const known = cookies[options.cookieName];
    const secret = known || maker.secret();
    const token = maker.token(secret, anonymousBinding);
    return { token, cookie: known ? undefined : `${options.cookieName}=${secret}${cookieAttributes()}` };
  });
}
