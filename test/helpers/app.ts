import { after, before } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createApp } from '../../src/app.js';
import { prepareDatabase } from '../../src/bootstrap.js';
import type { EditorialKinds } from '../../src/features/editorial/editorial.types.js';
import { createServices, type Services } from '../../src/services.js';
import { type Config, loadConfig } from '../../src/shared/config/config.js';
import type { Dialect } from '../../src/shared/db/database.js';
import { openTestDatabase, type TestDatabase } from './databases.js';

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  config: Config;
  database: TestDatabase;
  close(): Promise<void>;
}

/**
 * The real app on a fresh database of the given kind, migrated and seeded from content/ as `npm start` does.
 * `env` overrides configuration variables, e.g. { RATE_LIMIT_MAX: '5' }.
 */
export async function buildTestApp(
  dialect: Dialect,
  env: Record<string, string> = {},
  /** Other kinds of editorial document than the real ones (the core's tests use a small test kind); the clock of
   * the trusted persons' waiting period (ADR 0049). */
  overrides: { editorialKinds?: EditorialKinds; clock?: () => Date } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(dialect);
  const config = loadConfig({
    NODE_ENV: 'test',
    QUICK_EXIT_URL: 'https://neutral.example/',
    // A fixed test pepper and the lowest allowed Argon2 cost keep sign-up tests fast; production uses 64 MiB.
    PEPPER: 'dGVzdC1wZXBwZXItdGVzdC1wZXBwZXItdGVzdC1wZXA=',
    // A fixed test log key (Ed25519, PKCS#8): checkpoints and global roots in tests are signed with it.
    LOG_SIGNING_KEY: 'MC4CAQAwBQYDK2VwBCIEIEwZTs/NJNZTey0YkGCpMPYOoPsiwnxWttWyshK9E7lj',
    ARGON2_MEMORY_KIB: '19456',
    ARGON2_ITERATIONS: '2',
    ...database.env,
    ...env,
  });
  const services = createServices(database.handle, config, undefined, overrides);
  const app = await createApp(services, { logger: false });
  await prepareDatabase(database.handle, services);
  return {
    app,
    services,
    config,
    database,
    close: async () => {
      await app.close();
      await database.cleanup();
    },
  };
}

/**
 * The app for the tests of one suite: started by a before() hook of the surrounding describe (or file) with
 * buildTestApp, closed by an after() hook. Its fields can be read from the tests and from later before() hooks
 * of the same describe, not while the suite is being declared (the app does not exist yet then). At file level
 * Node 20 does not wait for one before() hook to end before starting the next: read it in tests only there. `env` as for buildTestApp, or a function
 * that gives it when the app starts (for values an earlier before() hook makes, e.g. a mail sink's URL).
 */
export function appForSuite(
  dialect: Dialect,
  env: Record<string, string> | (() => Record<string, string>) = {},
): Omit<TestApp, 'close'> {
  let started: TestApp | undefined;
  before(async () => {
    started = await buildTestApp(dialect, typeof env === 'function' ? env() : env);
  });
  after(() => started?.close());
  const current = (): TestApp => {
    if (started === undefined) throw new Error('the test app starts in a before() hook: read it inside a test');
    return started;
  };
  return {
    get app() {
      return current().app;
    },
    get services() {
      return current().services;
    },
    get config() {
      return current().config;
    },
    get database() {
      return current().database;
    },
  };
}

/** The names and values of the cookies a response sets, from its Set-Cookie headers. */
export function setCookies(headers: Record<string, unknown>): Map<string, string> {
  const raw = headers['set-cookie'];
  const list = Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : [];
  const cookies = new Map<string, string>();
  for (const line of list) {
    const [pair] = line.split(';');
    const separator = pair?.indexOf('=') ?? -1;
    if (pair !== undefined && separator > 0) cookies.set(pair.slice(0, separator), pair.slice(separator + 1));
  }
  return cookies;
}

/** Reads the hidden CSRF field out of a rendered form. */
export function csrfTokenFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (match?.[1] === undefined) throw new Error('no CSRF field in the page');
  return match[1];
}

/** The cookies a browser holds after a response: what it had, with what the response set over it. */
export function withCookiesOf(
  cookies: Record<string, string>,
  headers: Record<string, unknown>,
): Record<string, string> {
  return { ...cookies, ...Object.fromEntries(setCookies(headers)) };
}

export interface SignUpOptions {
  /** What is typed in the "repeat" field; the passphrase unless a test types something else. */
  again?: string;
  /** The cookies the browser already has (none: a fresh browser). */
  cookies?: Record<string, string>;
  /** The client address of both requests (light-my-request's default otherwise). */
  remoteAddress?: string;
}

/**
 * Signs up through the form as a browser does: GET /registreren for the CSRF cookie and token, then POST the
 * form. It asserts nothing: the answer is the response (200 with the recovery code when it worked) and the
 * browser's cookies after it, the session cookie among them when it worked.
 */
export async function signUpOverHttp(
  app: FastifyInstance,
  username: string,
  passphrase: string,
  options: SignUpOptions = {},
): Promise<{ response: LightMyRequestResponse; cookies: Record<string, string> }> {
  const browser = {
    ...(options.cookies !== undefined && { cookies: options.cookies }),
    ...(options.remoteAddress !== undefined && { remoteAddress: options.remoteAddress }),
  };
  const form = await app.inject({ method: 'GET', url: '/registreren', ...browser });
  const cookies = withCookiesOf(options.cookies ?? {}, form.headers);
  const response = await app.inject({
    method: 'POST',
    url: '/registreren',
    ...browser,
    cookies,
    payload: {
      _csrf: csrfTokenFrom(form.body),
      gebruikersnaam: username,
      wachtwoord: passphrase,
      herhaling: options.again ?? passphrase,
    },
  });
  return { response, cookies: withCookiesOf(cookies, response.headers) };
}

/**
 * Signs in through the form as a second browser of the same account does: GET /inloggen, then POST the name and
 * passphrase. It asserts nothing: the answer is the response (303 when it worked) and the browser's cookies.
 */
export async function signInOverHttp(
  app: FastifyInstance,
  username: string,
  passphrase: string,
): Promise<{ response: LightMyRequestResponse; cookies: Record<string, string> }> {
  const page = await app.inject({ method: 'GET', url: '/inloggen' });
  const cookies = withCookiesOf({}, page.headers);
  const response = await app.inject({
    method: 'POST',
    url: '/inloggen',
    cookies,
    payload: { _csrf: csrfTokenFrom(page.body), gebruikersnaam: username, wachtwoord: passphrase },
  });
  return { response, cookies: withCookiesOf(cookies, response.headers) };
}

/**
 * A form POST as a signed-in browser sends it: first a page (/account) for the CSRF token and the cookies it sets,
 * then the POST with that token and `payload`.
 */
export async function postForm(
  app: FastifyInstance,
  cookies: Record<string, string>,
  url: string,
  payload: Record<string, string>,
): Promise<LightMyRequestResponse> {
  const page = await app.inject({ method: 'GET', url: '/account', cookies });
  return app.inject({
    method: 'POST',
    url,
    cookies: withCookiesOf(cookies, page.headers),
    payload: { _csrf: csrfTokenFrom(page.body), ...payload },
  });
}
