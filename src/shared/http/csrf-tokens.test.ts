import assert from 'node:assert/strict';
import { test } from 'node:test';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import Fastify from 'fastify';
import { setCookies } from '../../../test/helpers/app.js';
import { csrfTokenMaker, registerCsrfTokens } from './csrf-tokens.js';
import { csrfBinding, csrfToken } from './request-context.js';

const hmacKey = Buffer.alloc(32, 7);
const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' } as const;

/** As in app.ts: the plugin checks, csrf-tokens.ts makes the tokens. No session here, so the binding is "anonymous". */
async function appWithForms() {
  const app = Fastify();
  await app.register(fastifyCookie);
  await app.register(fastifyCsrf, {
    cookieKey: 'csrf',
    cookieOpts: cookieOptions,
    getUserInfo: (request) => csrfBinding(request),
    csrfOpts: { hmacKey },
  });
  registerCsrfTokens(app, { hmacKey, cookieName: 'csrf', cookieOptions });
  // A page with two forms.
  app.get('/form', (_request, reply) => reply.send({ first: csrfToken(reply), second: csrfToken(reply) }));
  app.post('/form', { preHandler: (request, reply, done) => app.csrfProtection(request, reply, done) }, () => 'ok');
  return app;
}

async function postWith(app: Awaited<ReturnType<typeof appWithForms>>, secret: string | undefined, token: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/form',
    payload: { _csrf: token },
    headers: { 'x-csrf-token': token },
    ...(secret === undefined ? {} : { cookies: { csrf: secret } }),
  });
  return response.statusCode;
}

test('a first visit gets one new secret cookie, and every token made for it passes the plugin’s check', async () => {
  const app = await appWithForms();
  const page = await app.inject({ url: '/form' });
  const cookies = setCookies(page.headers);
  const secret = cookies.get('csrf');
  assert.ok(secret !== undefined && secret.length >= 24, 'a CSRF cookie with a secret of 18 bytes');
  assert.equal([page.headers['set-cookie']].flat().length, 1, 'one cookie, however many forms');
  const { first, second } = page.json<{ first: string; second: string }>();
  assert.notEqual(first, second, 'each token has its own salt');
  assert.equal(await postWith(app, secret, first), 200);
  assert.equal(await postWith(app, secret, second), 200);
  // A returning visitor keeps the secret: no new cookie, and the new token works.
  const again = await app.inject({ url: '/form', cookies: { csrf: secret } });
  assert.equal(again.headers['set-cookie'], undefined);
  assert.equal(await postWith(app, secret, again.json<{ first: string }>().first), 200);
  await app.close();
});

test('a token is refused with another secret, without the cookie, for another binding or when altered', async () => {
  const app = await appWithForms();
  const page = await app.inject({ url: '/form' });
  const secret = setCookies(page.headers).get('csrf') ?? '';
  const { first } = page.json<{ first: string }>();
  const other = await app.inject({ url: '/form' });
  assert.equal(await postWith(app, setCookies(other.headers).get('csrf'), first), 403);
  assert.equal(await postWith(app, undefined, first), 403);
  const maker = csrfTokenMaker(hmacKey);
  assert.equal(await postWith(app, secret, maker.token(secret, 'anonymous')), 200);
  assert.equal(await postWith(app, secret, maker.token(secret, 'session:abc')), 403);
  assert.equal(await postWith(app, secret, csrfTokenMaker(Buffer.alloc(32, 8)).token(secret, 'anonymous')), 403);
  const altered = `${first.slice(0, -1)}${first.endsWith('A') ? 'B' : 'A'}`;
  assert.equal(await postWith(app, secret, altered), 403);
  await app.close();
});

test('secrets and salts do not repeat', () => {
  const maker = csrfTokenMaker(hmacKey);
  const secrets = new Set(Array.from({ length: 2000 }, () => maker.secret()));
  assert.equal(secrets.size, 2000);
  const tokens = new Set(Array.from({ length: 2000 }, () => maker.token('s', 'anonymous')));
  assert.equal(tokens.size, 2000);
});
