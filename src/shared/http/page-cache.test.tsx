import assert from 'node:assert/strict';
import { test } from 'node:test';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import Fastify, { type FastifyInstance } from 'fastify';
import { setCookies } from '../../../test/helpers/app.js';
import { translatorFor } from '../../messages.js';
import { testAssets } from '../../../test/helpers/page-context.js';
import type { PageContext } from '../views/context.js';
import { registerCsrfTokens } from './csrf-tokens.js';
import { createPageCache } from './page-cache.js';
import { csrfBinding, pageContext, registerRequestContext } from './request-context.js';

/** A bare app with cookies, session-bound CSRF tokens as in app.ts, the request context and a page cache. */
async function appWithCache(clock: () => number) {
  const app: FastifyInstance = Fastify();
  await app.register(fastifyCookie);
  // As in app.ts: tokens bound to the session (none here, so "anonymous") with a key of their own.
  await app.register(fastifyCsrf, {
    cookieKey: 'csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict' },
    getUserInfo: (request) => csrfBinding(request),
    csrfOpts: { hmacKey: Buffer.alloc(32, 1) },
  });
  registerCsrfTokens(app, {
    hmacKey: Buffer.alloc(32, 1),
    cookieName: 'csrf',
    cookieOptions: { path: '/', httpOnly: true, sameSite: 'strict' },
  });
  registerRequestContext(app, translatorFor);
  const cache = createPageCache({
    contextOf: (request, reply) => pageContext(request, reply, testAssets, 'https://neutral.example/'),
    ttlMs: 1000,
    maxEntries: 10,
    clock,
  });
  return { app, cache };
}

async function build(now: { value: number }) {
  const { app, cache } = await appWithCache(() => now.value);
  const renders: string[] = [];
  const view = (ctx: PageContext) => {
    renders.push(`${ctx.locale} ${ctx.path}`);
    return (
      <form>
        <p>{ctx.t('site.name')}</p>
        <input name="_csrf" value={ctx.csrfToken()} />
      </form>
    );
  };
  app.get('/pagina', (request, reply) => cache.page(request, reply, view));
  app.get('/als-gebruiker', (request, reply) => {
    request.actor = { kind: 'user', userId: 'u1', roles: ['parent'] };
    return cache.page(request, reply, view);
  });
  app.post(
    '/formulier',
    { preHandler: (request, reply, done) => app.csrfProtection(request, reply, done) },
    () => 'ok',
  );
  return { app, renders };
}

const tokenOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];

test('an anonymous page is rendered once and then served from memory, per language', async () => {
  const { app, renders } = await build({ value: 0 });
  for (let index = 0; index < 3; index += 1) await app.inject({ method: 'GET', url: '/pagina' });
  await app.inject({ method: 'GET', url: '/pagina', headers: { 'accept-language': 'en' } });
  assert.deepEqual(renders, ['nl /pagina', 'en /pagina']);
});

test('every visitor gets their own CSRF token in a cached page, and it is accepted', async () => {
  const { app } = await build({ value: 0 });
  const first = await app.inject({ method: 'GET', url: '/pagina' });
  const second = await app.inject({ method: 'GET', url: '/pagina' });
  const [tokenA, tokenB] = [tokenOf(first.body), tokenOf(second.body)];
  assert.ok(tokenA !== undefined && tokenB !== undefined);
  assert.notEqual(tokenA, tokenB);
  assert.doesNotMatch(first.body, /csrf-[0-9a-f]{32}/, 'the placeholder never reaches a visitor');
  for (const [response, token] of [
    [first, tokenA],
    [second, tokenB],
  ] as const) {
    const posted = await app.inject({
      method: 'POST',
      url: '/formulier',
      cookies: Object.fromEntries(setCookies(response.headers)),
      payload: { _csrf: token },
    });
    assert.equal(posted.statusCode, 200);
  }
  const crossed = await app.inject({
    method: 'POST',
    url: '/formulier',
    cookies: Object.fromEntries(setCookies(first.headers)),
    payload: { _csrf: tokenB },
  });
  assert.equal(crossed.statusCode, 403, "one visitor's token does not work with another's cookie");
});

test('requests with a query string and signed-in users are never cached', async () => {
  const { app, renders } = await build({ value: 0 });
  await app.inject({ method: 'GET', url: '/pagina?x=1' });
  await app.inject({ method: 'GET', url: '/pagina?x=1' });
  await app.inject({ method: 'GET', url: '/als-gebruiker' });
  await app.inject({ method: 'GET', url: '/als-gebruiker' });
  assert.equal(renders.length, 4);
});

test('a cached page is rendered again after its time is up', async () => {
  const now = { value: 0 };
  const { app, renders } = await build(now);
  await app.inject({ method: 'GET', url: '/pagina' });
  now.value = 999;
  await app.inject({ method: 'GET', url: '/pagina' });
  now.value = 1001;
  await app.inject({ method: 'GET', url: '/pagina' });
  assert.equal(renders.length, 2);
});

test('a framed page: anonymous visitors share one frame; a signed-in user gets a page of their own, with a token', async () => {
  const { app, cache } = await appWithCache(() => 0);
  const frames: string[] = [];
  // Like the layout: a signed-in page has a form (stay logged in) that needs a CSRF token.
  const frame = (ctx: PageContext, slot: string) => {
    frames.push(ctx.signedIn ? 'user' : 'anonymous');
    return (
      <div>
        <p>{ctx.signedIn ? 'signed in' : 'anonymous'}</p>
        {ctx.signedIn && <input name="_csrf" value={ctx.csrfToken()} />}
        <section>{slot}</section>
      </div>
    );
  };
  const fill = (ctx: PageContext) => <b>{`slot for ${ctx.signedIn ? 'user' : 'anonymous'}`}</b>;
  app.get('/frame', (request, reply) => cache.framed(request, reply, 'k', frame, fill));
  app.get('/frame-als-gebruiker', (request, reply) => {
    request.actor = { kind: 'user', userId: 'u1', roles: ['parent'] };
    return cache.framed(request, reply, 'k', frame, fill);
  });

  const user = await app.inject({ method: 'GET', url: '/frame-als-gebruiker' });
  assert.equal(user.statusCode, 200, 'a signed-in user first to see this frame gets no 500');
  assert.match(user.body, /<p>signed in<\/p>/);
  assert.match(user.body, /<section><b>slot for user<\/b><\/section>/);
  assert.ok(tokenOf(user.body) !== undefined, 'the signed-in page carries a CSRF token');

  const anonymousPages = [
    await app.inject({ method: 'GET', url: '/frame' }),
    await app.inject({ method: 'GET', url: '/frame' }),
  ];
  for (const page of anonymousPages) {
    assert.match(page.body, /<p>anonymous<\/p><section><b>slot for anonymous<\/b><\/section>/);
    assert.equal(tokenOf(page.body), undefined);
  }

  const userAgain = await app.inject({ method: 'GET', url: '/frame-als-gebruiker' });
  assert.match(userAgain.body, /<p>signed in<\/p>/, 'the cached anonymous frame is not served to a signed-in user');
  assert.doesNotMatch(userAgain.body, /<p>anonymous<\/p>/);
  assert.deepEqual(
    frames,
    ['user', 'anonymous', 'user'],
    'the anonymous frame is rendered once, the user frame each time',
  );
});
