import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { csrfTokenFrom, withCookiesOf } from '../../../test/helpers/app.js';
import { caseProfessional, prepareCaseWorld, type CaseWorld } from '../../../test/helpers/case-factories.js';
import { caseAppForSuite } from '../../../test/helpers/case-setup.js';
import { dialects } from '../../../test/helpers/databases.js';
import { buildParent, type BuiltAccount } from '../../../test/helpers/factories.js';
import { testObservation } from '../../../test/helpers/journal.js';
import { registeredRoutes } from '../../../test/helpers/routes.js';
import { bornYearsAgo, buildYoungMember, startCaseWithCare } from '../../../test/helpers/young.js';
import { journalActorOf } from '../journal/journal.service.js';
import { refuseWhenYoungRefused, YoungConsentRefused } from './case-young.consent.js';

/*
 * The child's own voice over HTTP (ADR 0030), on both databases: a care worker invites a young person (a parent
 * may not: 403; under 12: 400), the young person signs up with the code at /samenwerken/jongere, waits, is
 * confirmed after the safety number, and writes in the private channel; the parent finds nothing of it (case
 * page, timeline, the channel's address). From 16 the young person's refusal stops adding a member (409) and the
 * share flow's check, with nothing written.
 */

type Jar = Record<string, string>;

for (const dialect of dialects) {
  describe(`the child's own voice over HTTP [${dialect}]`, () => {
    const { target, sink } = caseAppForSuite(dialect);

    let world: CaseWorld | undefined;
    const theWorld = async () => (world ??= await prepareCaseWorld(target, sink()));
    let serial = 0;
    const unique = (prefix: string) => `${prefix}.${dialect}.${process.pid}.${(serial += 1)}`;

    const get = (url: string, jar: Jar = {}) => target.app.inject({ method: 'GET', url, cookies: jar });
    async function post(url: string, jar: Jar, payload: Record<string, string> = {}, tokenFrom = '/account') {
      const page = await get(tokenFrom, jar);
      assert.equal(page.statusCode, 200, `${tokenFrom} answered ${page.statusCode}`);
      return target.app.inject({
        method: 'POST',
        url,
        cookies: withCookiesOf(jar, page.headers),
        payload: { _csrf: csrfTokenFrom(page.body), ...payload },
      });
    }
    /** A case started by a parent with a confirmed care worker. */
    async function caseWithCare(): Promise<{ parent: BuiltAccount; care: BuiltAccount; caseId: string }> {
      const parent = await buildParent(target);
      const care = await caseProfessional(await theWorld(), 'care', unique('hulp.jong'));
      return { parent, care, caseId: await startCaseWithCare(target, parent, care, 'Noor') };
    }

    const now = new Date();
    const birth = (age: number) => bornYearsAgo(age, now);
    const youngMember = (care: BuiltAccount, caseId: string, age: number) =>
      buildYoungMember(target, care, caseId, { age, username: unique('jong') });

    test('the menu leads each to their own place: a parent to the journal, a professional and a young person to /samenwerken', async () => {
      const { parent, care, caseId } = await caseWithCare();
      const { jar } = await youngMember(care, caseId, 14);
      const menu = async (cookies: Jar) =>
        [...(await get('/informatie', cookies)).body.matchAll(/class="app-nav__link"\s+href="([^"]+)"/g)].map(
          (match) => match[1],
        );
      const forParent = await menu(parent.cookies);
      assert.ok(forParent.includes('/logboek') && !forParent.includes('/samenwerken'), forParent.join(' '));
      for (const [who, cookies] of [
        ['care worker', care.cookies],
        ['young person', jar],
      ] as const) {
        const links = await menu(cookies);
        assert.ok(links.includes('/samenwerken') && !links.includes('/logboek'), `${who}: ${links.join(' ')}`);
      }
      const forVisitor = await menu({});
      assert.ok(!forVisitor.includes('/logboek') && !forVisitor.includes('/samenwerken'), forVisitor.join(' '));
    });

    test('only a professional of the case invites, a child of 12 to 17; the parent gets a 403, a visitor a 404', async () => {
      const { parent, care, caseId } = await caseWithCare();
      const url = `/samenwerken/${caseId}/jongere/uitnodigen`;
      assert.equal((await get(url, parent.cookies)).statusCode, 403);
      const byParent = await post(url, parent.cookies, birth(14), `/samenwerken/${caseId}`);
      assert.equal(byParent.statusCode, 403);
      assert.match(byParent.body, /Alleen een hulpverlener/);
      assert.equal((await get(url)).statusCode, 404);
      const stranger = await buildParent(target);
      assert.equal((await post(url, stranger.cookies, birth(14))).statusCode, 404);
      const tooYoung = await post(url, care.cookies, birth(11), url);
      assert.equal(tooYoung.statusCode, 400);
      assert.match(tooYoung.body, /vanaf 12 jaar/);
      const future = await post(url, care.cookies, { maand: '1', jaar: String(now.getUTCFullYear() + 1) }, url);
      assert.equal(future.statusCode, 400);
      const adult = await post(url, care.cookies, birth(19), url);
      assert.equal(adult.statusCode, 400);
      const malformed = await post(url, care.cookies, { maand: '13', jaar: 'twee' }, url);
      assert.equal(malformed.statusCode, 400);
      assert.match(malformed.body, /Kies de maand/);
      // Nothing was written by the refusals: no young member.
      const young = await target.database.handle.db
        .selectFrom('case_members')
        .select('id')
        .where('case_id', '=', caseId)
        .where('role', '=', 'young')
        .execute();
      assert.equal(young.length, 0);
    });

    test('a 14-year-old signs up with the code and writes in the channel; the parent finds nothing of it', async () => {
      const { parent, care, caseId } = await caseWithCare();
      const { jar, channel, code } = await youngMember(care, caseId, 14);
      // The code works once.
      const again = await post(
        '/samenwerken/jongere',
        {},
        { code, gebruikersnaam: unique('jong'), wachtwoord: 'a b c d e f', herhaling: 'a b c d e f' },
        '/samenwerken/jongere',
      );
      assert.equal(again.statusCode, 410);
      const unknown = await post('/samenwerken/jongere', {}, { code: 'ABCD-EFGH-JKLM-NPQR' }, '/samenwerken/jongere');
      assert.equal(unknown.statusCode, 400);

      const sent = await post(`${channel}/berichten`, jar, { bericht: 'Ik wil met jou praten.' }, channel);
      assert.equal(sent.statusCode, 303);
      const tooLong = await post(`${channel}/berichten`, jar, { bericht: 'x'.repeat(2001) }, channel);
      assert.equal(tooLong.statusCode, 400);
      const careView = await get(channel, care.cookies);
      assert.equal(careView.statusCode, 200);
      assert.match(careView.body, /Ik wil met jou praten\./);
      const reply = await post(`${channel}/berichten`, care.cookies, { bericht: 'Goed dat je schrijft.' }, channel);
      assert.equal(reply.statusCode, 303);
      const youngView = await get(channel, jar);
      assert.match(youngView.body, /Goed dat je schrijft\./);
      // The young person: no case page, no consent questions at 14, no answer accepted.
      assert.equal((await get(`/samenwerken/${caseId}`, jar)).statusCode, 404);
      assert.equal((await get(`/samenwerken/${caseId}/tijdlijn`, jar)).statusCode, 404);
      assert.doesNotMatch(youngView.body, /data-young-consent/);
      const answered = await post(`${channel}/toestemming`, jar, { stroom: 'export', antwoord: 'nee' }, channel);
      assert.equal(answered.statusCode, 404);

      // The parent: nothing on the case page, the timeline or at the channel's address; the messages are sealed.
      const casePage = await get(`/samenwerken/${caseId}`, parent.cookies);
      assert.equal(casePage.statusCode, 200);
      assert.doesNotMatch(casePage.body, /data-young-section|Jongere|jongere/);
      const timeline = await get(`/samenwerken/${caseId}/tijdlijn`, parent.cookies);
      assert.equal(timeline.statusCode, 200);
      assert.doesNotMatch(timeline.body, /Jongere|jongere|Ik wil met jou praten/);
      assert.equal((await get(channel, parent.cookies)).statusCode, 404);
      assert.equal((await post(`${channel}/berichten`, parent.cookies, { bericht: 'hoi' })).statusCode, 404);
      const stored = await target.database.handle.db
        .selectFrom('case_messages')
        .select('body')
        .where('case_id', '=', caseId)
        .where('compartment', 'like', 'young:%')
        .execute();
      assert.equal(stored.length, 2);
      for (const row of stored) assert.doesNotMatch(row.body, /praten|schrijft/);
      // Only the young member and the care worker hold the channel's key.
      const holders = await target.database.handle.db
        .selectFrom('case_key_wraps')
        .innerJoin('case_members', 'case_members.id', 'case_key_wraps.member_id')
        .select('case_members.role')
        .where('case_key_wraps.case_id', '=', caseId)
        .where('case_key_wraps.compartment', 'like', 'young:%')
        .execute();
      assert.deepEqual(holders.map((row) => row.role).sort(), ['care', 'young']);
      // Every event about the young member is in their own compartment.
      const events = await target.database.handle.db
        .selectFrom('case_events')
        .select(['kind', 'compartment'])
        .where('case_id', '=', caseId)
        .where('kind', 'like', 'young.%')
        .execute();
      assert.ok(events.length >= 4);
      for (const event of events) assert.match(event.compartment, /^young:/);
      // The care worker's section shows the young member; the parent's page does not.
      const carePage = await get(`/samenwerken/${caseId}`, care.cookies);
      assert.match(carePage.body, /data-young-section/);
      // A young account's own pages work; it has no journal, no diary and no professional pages.
      for (const url of ['/', '/account', '/samenwerken/jongeren']) {
        assert.equal((await get(url, jar)).statusCode, 200, url);
      }
      for (const url of ['/logboek', '/dagboek', '/samenwerken/nieuw', '/organisatie']) {
        assert.equal((await get(url, jar)).statusCode, 404, url);
      }
      // The care worker closes the channel: the young member is removed and finds nothing any more.
      const youngMemberId = channel.split('/').pop()!;
      const closed = await post(
        `/samenwerken/${caseId}/leden/${youngMemberId}/verwijderen`,
        care.cookies,
        {},
        `/samenwerken/${caseId}`,
      );
      assert.equal(closed.statusCode, 303);
      assert.equal((await get(channel, jar)).statusCode, 404);
      assert.equal((await get(channel, care.cookies)).statusCode, 404);
      assert.doesNotMatch((await get('/samenwerken', jar)).body, /jongere\/[0-9a-f-]{36}/);
      assert.doesNotMatch((await get(`/samenwerken/${caseId}/tijdlijn`, parent.cookies)).body, /Jongere|jongere/);
    });

    test('every case route the app registers: a young member reaches only their own channel; a parent nothing about the young member', async () => {
      const { parent, care, caseId } = await caseWithCare();
      const { jar, channel } = await youngMember(care, caseId, 14);
      const youngId = channel.split('/').pop()!;
      const other = '00000000-0000-4000-8000-000000000000';
      const urlOf = (path: string, memberId: string) =>
        path.replace(':caseId', caseId).replace(':memberId', memberId).replace(/:\w+/g, other);
      const routes = registeredRoutes(target.app).filter((route) => route.path.startsWith('/samenwerken/:caseId'));
      assert.ok(routes.some((route) => route.path === '/samenwerken/:caseId/jongere/:memberId'));
      const reached: string[] = [];
      for (const route of routes) {
        const url = urlOf(route.path, youngId);
        const own = url === channel;
        const answer = route.method === 'GET' ? await get(url, jar) : await post(url, jar, {}, channel);
        if (own && route.method === 'GET') {
          assert.equal(answer.statusCode, 200);
          continue;
        }
        // Their own choice of e-mail about news (ADR 0028: every active member, a young one too): it shows nothing
        // of the case, not even the child's label.
        if (route.method === 'GET' && route.path === '/samenwerken/:caseId/meldingen') {
          assert.doesNotMatch(answer.body, /Noor/);
          continue;
        }
        if (answer.statusCode < 400) reached.push(`${route.method} ${route.path} ${answer.statusCode}`);
      }
      assert.deepEqual(reached, [], 'a young member reaches nothing of the case but their own channel');
      // The parent, with the young member's id wherever a member is named: nothing answers.
      const parentReached: string[] = [];
      for (const route of routes.filter((candidate) => candidate.path.includes(':memberId'))) {
        const url = urlOf(route.path, youngId);
        const answer =
          route.method === 'GET'
            ? await get(url, parent.cookies)
            : await post(url, parent.cookies, {}, `/samenwerken/${caseId}`);
        if (answer.statusCode < 400) parentReached.push(`${route.method} ${route.path} ${answer.statusCode}`);
      }
      assert.deepEqual(parentReached, [], 'a parent reaches nothing of the young member');
      // The young member is still there, untouched, and their channel still open.
      assert.equal((await get(channel, jar)).statusCode, 200);
    });

    test('from 16 the young person refuses adding members: 409 for the professional, a neutral 409 for the parent, nothing written', async () => {
      const { parent, care, caseId } = await caseWithCare();
      const { jar, channel } = await youngMember(care, caseId, 16);
      const page = await get(channel, jar);
      assert.match(page.body, /data-young-consent/);
      const refused = await post(`${channel}/toestemming`, jar, { stroom: 'add-member', antwoord: 'nee' }, channel);
      assert.equal(refused.statusCode, 303);
      const bad = await post(`${channel}/toestemming`, jar, { stroom: 'alles', antwoord: 'nee' }, channel);
      assert.equal(bad.statusCode, 400);
      const before = await target.database.handle.db
        .selectFrom('case_members')
        .select('id')
        .where('case_id', '=', caseId)
        .execute();
      const byCare = await post(`/samenwerken/${caseId}/uitnodigen`, care.cookies, { rol: 'police' });
      assert.equal(byCare.statusCode, 409);
      assert.match(byCare.body, /De jongere heeft hier geen toestemming voor gegeven/);
      const byParent = await post(`/samenwerken/${caseId}/uitnodigen`, parent.cookies, { rol: 'care' });
      assert.equal(byParent.statusCode, 409);
      assert.doesNotMatch(byParent.body, /jongere/i);
      const after = await target.database.handle.db
        .selectFrom('case_members')
        .select('id')
        .where('case_id', '=', caseId)
        .execute();
      assert.equal(after.length, before.length);
      // The check the share flow and the exports call answers the same; an answer of yes lifts it.
      const check = target.services.caseYoung.youngConsentBlocks;
      assert.equal(await check(caseId, 'add-member', new Date()), true);
      assert.equal(await check(caseId, 'share-entries', new Date()), false);
      await assert.rejects(
        refuseWhenYoungRefused(check, caseId, 'add-member', new Date(), true),
        (error) => error instanceof YoungConsentRefused && error.status === 409,
      );
      // Sharing journal entries: the young person refuses; the parent's share is refused in neutral words (even
      // when the parent says the child is younger than 16), and nothing is shared.
      const noSharing = await post(
        `${channel}/toestemming`,
        jar,
        { stroom: 'share-entries', antwoord: 'nee' },
        channel,
      );
      assert.equal(noSharing.statusCode, 303);
      const session = (await target.services.accounts.currentSession(parent.session))!;
      const entry = await target.services.journal.addObservation(
        { ...journalActorOf(session), requestId: 'test' },
        testObservation({ text: 'Iets wat ik zag.' }),
      );
      const shareForm = `/samenwerken/${caseId}/delen`;
      const shared = await post(
        shareForm,
        parent.cookies,
        { notitie: entry.id, kind16: 'nee', grondslag: 'ouder', kindWeet: 'ja' },
        shareForm,
      );
      assert.equal(shared.statusCode, 409);
      assert.match(shared.body, /geen toestemming/);
      assert.doesNotMatch(shared.body, /jongere/i);
      const sharedRows = await target.database.handle.db
        .selectFrom('case_shared_entries')
        .select('entry_id')
        .where('case_id', '=', caseId)
        .execute();
      assert.deepEqual(sharedRows, []);
      const given = await post(`${channel}/toestemming`, jar, { stroom: 'add-member', antwoord: 'ja' }, channel);
      assert.equal(given.statusCode, 303);
      assert.equal(await check(caseId, 'add-member', new Date()), false);
      assert.equal((await post(`/samenwerken/${caseId}/uitnodigen`, care.cookies, { rol: 'police' })).statusCode, 200);
      // The young member's answers are on no page of the parent's (the case page lists the consent records).
      const parentPage = await get(`/samenwerken/${caseId}`, parent.cookies);
      assert.equal(parentPage.statusCode, 200);
      assert.doesNotMatch(parentPage.body, /jongere|Jongere/);
      const answers = await target.database.handle.db
        .selectFrom('case_consents')
        .select('id')
        .where('case_id', '=', caseId)
        .where('basis', '=', 'child')
        .execute();
      assert.equal(answers.length, 3);
      const others = await target.database.handle.db
        .selectFrom('case_consents')
        .select('id')
        .where('case_id', '=', caseId)
        .where('basis', '!=', 'child')
        .execute();
      assert.equal(parentPage.body.match(/data-consent=/g)?.length ?? 0, others.length);
    });
  });
}
