// A browser without JavaScript over real HTTP (fetch): a cookie jar, forms sent as a browser sends them, no
// redirects followed, and a parent signed up or logged in through the forms. Shared by the crash, backup and
// reliability tests. (test/helpers/cluster-client.ts is the other one: a connection per request, for nginx.)
// Not a test file itself: it must not end in .test.ts.

import { csrfTokenFrom } from './app.js';

/** The cookies a browser would keep for the app. */
export class CookieJar {
  private readonly values = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';')[0] ?? '';
      const separator = pair.indexOf('=');
      if (separator > 0) this.values.set(pair.slice(0, separator), pair.slice(separator + 1));
    }
  }

  get(name: string): string | undefined {
    return this.values.get(name);
  }

  header(): string {
    return [...this.values].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export interface Answer {
  status: number;
  location: string | null;
  type: string;
  /** The body as sent (a download byte for byte); `text` is the same read as UTF-8. */
  body: Buffer;
  text: string;
}

/** One request as a browser without JavaScript sends it; redirects are not followed. */
export async function send(
  baseUrl: string,
  jar: CookieJar,
  path: string,
  body?: URLSearchParams | FormData,
  timeoutMs = 20_000,
): Promise<Answer> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { cookie: jar.header() },
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
    ...(body === undefined ? {} : { body }),
  });
  jar.take(response);
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    location: response.headers.get('location'),
    type: response.headers.get('content-type') ?? '',
    body: bytes,
    text: bytes.toString('utf8'),
  };
}

/** Signs up through the form in a fresh browser; the jar then holds the new session. */
export async function signUp(baseUrl: string, username: string, passphrase: string): Promise<CookieJar> {
  const jar = new CookieJar();
  const page = await send(baseUrl, jar, '/registreren');
  if (page.status !== 200) throw new Error(`GET /registreren: ${page.status}`);
  const created = await send(
    baseUrl,
    jar,
    '/registreren',
    new URLSearchParams({
      _csrf: csrfTokenFrom(page.text),
      gebruikersnaam: username,
      wachtwoord: passphrase,
      herhaling: passphrase,
    }),
  );
  if (created.status !== 200) throw new Error(`sign-up answered ${created.status}: ${created.text.slice(0, 500)}`);
  return jar;
}

/** Sends the login form in a fresh browser; the answer (303 to /account when it worked) and the jar. */
export async function submitLogIn(
  baseUrl: string,
  username: string,
  passphrase: string,
): Promise<{ answer: Answer; jar: CookieJar }> {
  const jar = new CookieJar();
  const page = await send(baseUrl, jar, '/inloggen');
  const answer = await send(
    baseUrl,
    jar,
    '/inloggen',
    new URLSearchParams({ _csrf: csrfTokenFrom(page.text), gebruikersnaam: username, wachtwoord: passphrase }),
  );
  return { answer, jar };
}
