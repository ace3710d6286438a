import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import type { Language } from '../i18n/i18n.js';
import type { PageContext } from '../views/context.js';
import { csrfToken } from './request-context.js';
import type { RenderedHtml } from '../views/rendered-html.js';

export type PageContextFactory = (request: FastifyRequest, reply: FastifyReply) => PageContext;

interface Entry {
  /** The page split where its CSRF token goes; one part when the page has no form. */
  parts: Buffer[];
  expires: number;
  /**
   * The headers of the response that stored the page, for answering early (answerEarly): set when the route
   * did nothing but draw the page (no key of its own), or named what else an early answer must do (`early`),
   * without Set-Cookie, HSTS and Content-Length, which depend on the request or the body.
   */
  headers?: Record<string, string | string[]>;
  /** What the route does besides drawing the page, done for each early answer too (e.g. counting a lookup). */
  early?: () => void;
  /** The route's pattern, for the access line of an early answer (as Fastify's routeOptions.url). */
  route?: string;
  /**
   * `headers` completed for early answers as a flat list (name, value, name, value, …), one per kind of answer
   * (with or without a cookie, with or without HSTS), made once: an answer puts its own cookie, HSTS and length in
   * its slots and hands the list to writeHead, which reads it at once and keeps nothing of it. node:http walks a
   * list by index; an object per response (each page's headers a shape of their own) made its header loop slow.
   */
  complete?: Map<string, { list: (string | string[])[]; cookie: number; hsts: number; length: number }>;
}

/** What an early answer adds to a stored page for this request (early-answers.ts). */
export interface EarlyExtras {
  /** A new CSRF token, and the Set-Cookie value for a new CSRF secret when the visitor had none. */
  csrf(): { token: string; cookie: string | undefined };
  hsts: string | undefined;
}

/** Headers of a stored response that are set per request, not kept with the page. */
const perRequestHeaders = new Set(['set-cookie', 'strict-transport-security', 'content-length']);

export interface PageCacheOptions {
  contextOf: PageContextFactory;
  /** How long a rendered page is served before it is rendered again (content edits show within this time). */
  ttlMs: number;
  maxEntries: number;
  clock?: () => number;
}

/**
 * Public pages look the same to every anonymous visitor in one language, so they are rendered once and served
 * from memory for a short while. Only anonymous GET requests without a query string are cached: the key is the
 * language and the path, so nothing personal can ever be stored or served to someone else. A form's CSRF token
 * is different for every visitor: the page is stored split around it and the visitor's own token is put in on
 * each request.
 */
export function createPageCache(options: PageCacheOptions) {
  const { contextOf, ttlMs, maxEntries } = options;
  const clock = options.clock ?? Date.now;
  const entries = new Map<string, Entry>();
  // A marker no page text can contain, so splitting on it finds only the token slots.
  const marker = `csrf-${randomBytes(16).toString('hex')}`;

  const withToken = (reply: FastifyReply, entry: Entry): Buffer => {
    const { parts } = entry;
    if (parts.length === 1) return parts[0]!;
    const token = Buffer.from(csrfToken(reply));
    let length = token.length * (parts.length - 1);
    for (const part of parts) length += part.length;
    // One buffer, written in place.
    const body = Buffer.allocUnsafe(length);
    let offset = 0;
    parts.forEach((part, index) => {
      if (index > 0) offset += token.copy(body, offset);
      offset += part.copy(body, offset);
    });
    return body;
  };

  const keepHeaders = (reply: FastifyReply, entry: Entry): void => {
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value === undefined || perRequestHeaders.has(name)) continue;
      headers[name] = typeof value === 'number' ? String(value) : value;
    }
    entry.headers = headers;
  };

  const send = (reply: FastifyReply, entry: Entry, keep = false): FastifyReply => {
    const body = withToken(reply, entry);
    reply.code(200).type('text/html; charset=utf-8').header('vary', 'Accept-Language, Cookie');
    if (keep) keepHeaders(reply, entry);
    return reply.send(body);
  };

  return {
    /**
     * Renders `view` for this request, from the cache when the request may share a page with others. The view
     * builder is only called on a miss, so the data it loads is not read either.
     */
    async page(
      request: FastifyRequest,
      reply: FastifyReply,
      view: (ctx: PageContext) => VNode | Promise<VNode>,
      options: { key?: string; early?: () => void } = {},
    ): Promise<FastifyReply> {
      // A route may name its own key for a page whose URL has a query, when it knows everything the page
      // depends on (e.g. the help finder: the place found and what was typed). Still anonymous GET only.
      const cacheable =
        request.method === 'GET' &&
        request.actor.kind === 'anonymous' &&
        (options.key !== undefined || !request.url.includes('?'));
      if (!cacheable) return reply.html(await view(contextOf(request, reply)));
      // The chosen language, not only the content's locale: an Arabic page and an English one differ in the frame.
      const key = `${request.pageLanguage.language} ${options.key ?? request.url}`;
      const now = clock();
      const cached = entries.get(key);
      if (cached !== undefined && cached.expires > now) return send(reply, cached);

      const ctx: PageContext = { ...contextOf(request, reply), csrfToken: () => marker };
      const html = `<!doctype html>${render(await view(ctx))}`;
      const entry: Entry = { parts: html.split(marker).map((part) => Buffer.from(part)), expires: now + ttlMs };
      if (entries.size >= maxEntries) entries.clear();
      entries.set(key, entry);
      // Answered early only when the URL alone names the page, and the route does nothing else (or says what),
      // and the route is under the global rate limit (one with a limit of its own takes the usual path).
      const early =
        (options.key === undefined || (options.key === request.url && options.early !== undefined)) &&
        request.routeOptions.config.rateLimit === undefined;
      if (early) {
        entry.route = request.routeOptions.url ?? request.url;
        if (options.early !== undefined) entry.early = options.early;
      }
      return send(reply, entry, early);
    },

    /**
     * The route pattern of the page stored for this language and URL when it may be answered early (stored by
     * page() without a key of its own, or with the URL as key and what else to do; still fresh), else undefined.
     */
    earlyRoute(language: Language, url: string): string | undefined {
      const entry = entries.get(`${language} ${url}`);
      return entry?.headers !== undefined && entry.expires > clock() ? entry.route : undefined;
    },

    /**
     * Answers an anonymous GET from a stored page on the raw response (early-answers.ts decides when: no session
     * cookie, not rate limited). The response has the headers the stored one had, this request's HSTS, and for a
     * page with a form a new token bound as the route would bind it ("anonymous", since no session is loaded)
     * and the CSRF cookie when the visitor had none. Returns false when there is nothing to serve.
     */
    answerEarly(language: Language, url: string, response: ServerResponse, extras: EarlyExtras): boolean {
      const entry = entries.get(`${language} ${url}`);
      if (entry?.headers === undefined || entry.expires <= clock()) return false;
      const { parts } = entry;
      let token = '';
      let cookie: string | undefined;
      if (parts.length > 1) {
        const made = extras.csrf();
        token = made.token;
        cookie = made.cookie;
      }
      // A token is base64url and '-' (ASCII): its length in bytes is its length in characters.
      let length = token.length * (parts.length - 1);
      for (const part of parts) length += part.length;
      const kind = `${cookie === undefined ? '' : 'c'}${extras.hsts === undefined ? '' : 'h'}`;
      entry.complete ??= new Map();
      let complete = entry.complete.get(kind);
      if (complete === undefined) {
        const list = Object.entries(entry.headers).flat();
        const slot = (name: string): number => list.push(name, '') - 1;
        complete = {
          list,
          cookie: cookie === undefined ? -1 : slot('set-cookie'),
          hsts: extras.hsts === undefined ? -1 : slot('strict-transport-security'),
          length: slot('content-length'),
        };
        entry.complete.set(kind, complete);
      }
      const headers = complete.list;
      if (cookie !== undefined) headers[complete.cookie] = cookie;
      if (extras.hsts !== undefined) headers[complete.hsts] = extras.hsts;
      headers[complete.length] = String(length);
      entry.early?.();
      // Written directly: the stored parts and the token, corked so they leave in one write, without copying the
      // page into a new buffer per response (that copy cost more than the rest of the write).
      const socket = response.socket;
      socket?.cork();
      response.writeHead(200, headers);
      const last = parts.length - 1;
      for (let index = 0; index < last; index += 1) {
        response.write(parts[index]);
        response.write(token, 'latin1');
      }
      response.end(parts[last]);
      socket?.uncork();
      return true;
    },

    /**
     * For a page that is the same for many requests except one part: the frame is rendered once per key with
     * a marker in the slot, and each request renders only the slot. The key must hold nothing personal (the
     * check outcome uses the advice level and branch flags, the same facts the anonymous counter keeps), and
     * the frame may not contain a CSRF token. The slot is a view, or HTML the route has already rendered.
     * Only anonymous visitors share a frame: for someone signed in the whole page is rendered for them (their
     * own header, time-out warning and CSRF token) and nothing of it is stored.
     */
    framed(
      request: FastifyRequest,
      reply: FastifyReply,
      key: string,
      frame: (ctx: PageContext, slot: string) => VNode,
      fill: (ctx: PageContext) => VNode | RenderedHtml,
      status = 200,
    ): FastifyReply {
      const ctx = contextOf(request, reply);
      const filled = fill(ctx);
      const slot = typeof filled === 'string' ? filled : render(filled);
      if (request.actor.kind !== 'anonymous') {
        const personal = `<!doctype html>${render(frame(ctx, marker))}`.split(marker);
        if (personal.length !== 2) throw new Error('a frame needs exactly one slot');
        return reply
          .code(status)
          .type('text/html; charset=utf-8')
          .header('vary', 'Accept-Language, Cookie')
          .send(`${personal[0]}${slot}${personal[1]}`);
      }
      const now = clock();
      const frameKey = `frame ${request.pageLanguage.language} ${key}`;
      let cached = entries.get(frameKey);
      if (cached === undefined || cached.expires <= now) {
        const noToken: PageContext = {
          ...ctx,
          csrfToken: () => {
            throw new Error('a reusable frame cannot hold a CSRF token');
          },
        };
        const parts = `<!doctype html>${render(frame(noToken, marker))}`.split(marker);
        if (parts.length !== 2) throw new Error('a frame needs exactly one slot');
        cached = { parts: parts.map((part) => Buffer.from(part)), expires: now + ttlMs };
        if (entries.size >= maxEntries) entries.clear();
        entries.set(frameKey, cached);
      }
      // One buffer, written in place: no intermediate buffer for the slot.
      const [before, after] = cached.parts as [Buffer, Buffer];
      const slotBytes = Buffer.byteLength(slot);
      const body = Buffer.allocUnsafe(before.length + slotBytes + after.length);
      before.copy(body, 0);
      body.write(slot, before.length);
      after.copy(body, before.length + slotBytes);
      return reply.code(status).type('text/html; charset=utf-8').header('vary', 'Accept-Language, Cookie').send(body);
    },

    clear(): void {
      entries.clear();
    },
  };
}

export type PageCache = ReturnType<typeof createPageCache>;
