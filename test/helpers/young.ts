import assert from 'node:assert/strict';
import { csrfTokenFrom, withCookiesOf } from './app.js';
import type { AppUnderTest } from './factories.js';

type Jar = Record<string, string>;

/** The one-time code an invitation page shows. */
export const invitationCodeIn = (html: string): string => {
  const code = /data-invitation-code[^>]*>\s*([A-Z0-9-]{19})\s*</.exec(html)?.[1];
  assert.ok(code !== undefined, 'the page shows the code');
  return code;
};

/** The safety number a confirmation page shows (six groups of five digits). */
export const safetyNumberIn = (html: string): string | undefined =>
  /data-safety-number[^>]*>\s*([\d ]{35})\s*</.exec(html)?.[1];

/** Month and year of birth, as the invitation form takes them, of someone `age` years old today. */
export function bornYearsAgo(age: number, now = new Date()): { maand: string; jaar: string } {
  return { maand: String(now.getUTCMonth() + 1), jaar: String(now.getUTCFullYear() - age) };
}

export interface YoungMember {
  /** The young person's cookies (signed in). */
  jar: Jar;
  /** The channel's page: /samenwerken/<case>/jongere/<member>. */
  channel: string;
  memberId: string;
  /** The invitation code, used up by the sign-up. */
  code: string;
  username: string;
  passphrase: string;
}

/**
 * Over HTTP, as people do it: a professional of the case (`inviter`, signed in) invites a young person of `age`,
 * who signs up with the code at /samenwerken/jongere; the inviter compares the safety number and confirms. The
 * young member is then active and holds the channel's key.
 */
/** GET and POST a form over HTTP as a browser would: the CSRF token from the page `tokenFrom`, which must answer 200. */
function formRequests(target: AppUnderTest) {
  const get = (url: string, jar: Jar = {}) => target.app.inject({ method: 'GET', url, cookies: jar });
  const post = async (url: string, jar: Jar, payload: Record<string, string>, tokenFrom: string) => {
    const page = await get(tokenFrom, jar);
    assert.equal(page.statusCode, 200, `${tokenFrom} answered ${page.statusCode}`);
    return target.app.inject({
      method: 'POST',
      url,
      cookies: withCookiesOf(jar, page.headers),
      payload: { _csrf: csrfTokenFrom(page.body), ...payload },
    });
  };
  return { get, post };
}

/**
 * Over HTTP: `parent` starts a case about `childName` and invites a care worker; `care` joins with the code and
 * the parent confirms them after the safety number. Returns the case's id.
 */
export async function startCaseWithCare(
  target: AppUnderTest,
  parent: { cookies: Jar; passphrase: string },
  care: { cookies: Jar },
  childName: string,
): Promise<string> {
  const { get, post } = formRequests(target);
  const consent = { grondslag: 'parent', kindWeet: 'unknown' };
  const started = await post('/samenwerken', parent.cookies, { naam: childName, ...consent }, '/samenwerken/nieuw');
  const caseId = /^\/samenwerken\/([0-9a-f-]{36})\?/.exec(String(started.headers.location))?.[1];
  assert.ok(caseId !== undefined);
  const invited = await post(`/samenwerken/${caseId}/uitnodigen`, parent.cookies, { rol: 'care' }, '/account');
  const code = invitationCodeIn(invited.body);
  const joined = await post('/samenwerken/aansluiten', care.cookies, { code }, '/samenwerken/aansluiten');
  assert.equal(joined.statusCode, 303);
  const confirmUrl = /href="(\/samenwerken\/[0-9a-f-]{36}\/leden\/[0-9a-f-]{36}\/bevestigen)"/.exec(
    (await get(`/samenwerken/${caseId}`, parent.cookies)).body,
  )?.[1];
  assert.ok(confirmUrl !== undefined);
  const sleutel = /name="sleutel" value="([0-9a-f]{64})"/.exec((await get(confirmUrl, parent.cookies)).body)?.[1];
  assert.ok(sleutel !== undefined);
  const confirmed = await post(
    confirmUrl,
    parent.cookies,
    { sleutel, wachtwoord: parent.passphrase, ...consent },
    confirmUrl,
  );
  assert.equal(confirmed.statusCode, 303);
  return caseId;
}

export async function buildYoungMember(
  target: AppUnderTest,
  inviter: { cookies: Jar },
  caseId: string,
  options: { age: number; username: string; passphrase?: string },
): Promise<YoungMember> {
  const { get, post } = formRequests(target);
  const inviteUrl = `/samenwerken/${caseId}/jongere/uitnodigen`;
  const invited = await post(inviteUrl, inviter.cookies, bornYearsAgo(options.age), inviteUrl);
  assert.equal(invited.statusCode, 200, invited.body.slice(0, 400));
  const code = invitationCodeIn(invited.body);
  const joinPage = await get('/samenwerken/jongere');
  assert.equal(joinPage.statusCode, 200);
  const passphrase = options.passphrase ?? 'paars konijn springt hoog over water';
  const signedUp = await target.app.inject({
    method: 'POST',
    url: '/samenwerken/jongere',
    cookies: withCookiesOf({}, joinPage.headers),
    payload: {
      _csrf: csrfTokenFrom(joinPage.body),
      code,
      gebruikersnaam: options.username,
      wachtwoord: passphrase,
      herhaling: passphrase,
    },
  });
  assert.equal(signedUp.statusCode, 200, signedUp.body.slice(0, 400));
  const jar = withCookiesOf(withCookiesOf({}, joinPage.headers), signedUp.headers);
  const home = await get('/samenwerken', jar);
  assert.equal(home.statusCode, 200);
  const found = /href="(\/samenwerken\/[0-9a-f-]{36}\/jongere\/([0-9a-f-]{36}))"/.exec(home.body);
  assert.ok(found !== null, 'the home links to the channel');
  const [, channel, memberId] = found as unknown as [string, string, string];
  const youngNumber = safetyNumberIn((await get(channel, jar)).body);
  assert.ok(youngNumber !== undefined, 'the young person sees the safety number');
  const waiting = await get(channel, inviter.cookies);
  assert.equal(waiting.statusCode, 200);
  assert.equal(safetyNumberIn(waiting.body), youngNumber, 'both see the same safety number');
  const sleutel = /name="sleutel" value="([0-9a-f]{64})"/.exec(waiting.body)?.[1];
  assert.ok(sleutel !== undefined);
  const confirmed = await post(`${channel}/bevestigen`, inviter.cookies, { sleutel }, channel);
  assert.equal(confirmed.statusCode, 303);
  return { jar, channel, memberId, code, username: options.username, passphrase };
}
