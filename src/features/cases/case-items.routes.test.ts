import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { csrfTokenFrom, withCookiesOf } from '../../../test/helpers/app.js';
import {
  type BuiltCase,
  type CaseMemberActor,
  caseActorOf,
  caseProfessional,
  casesOf,
  type CaseWorld,
  confirmMember,
  inviteInto,
  joinWith,
  prepareCaseWorld,
  settleKeys,
} from '../../../test/helpers/case-factories.js';
import { caseAppForSuite } from '../../../test/helpers/case-setup.js';
import { dialects } from '../../../test/helpers/databases.js';
import { type BuiltAccount, buildParent } from '../../../test/helpers/factories.js';
import type { ProfessionalCaseRole } from './cases.types.js';

/*
 * The items' pages over HTTP, as the people who use them: a parent, a care worker and police in one case, a
 * parent of another case, an admin and someone not signed in. Every bad input is a 4xx page in the visitor's
 * language that stores nothing; another case's ids find nothing; two edits of one agreement end in a conflict
 * page, not a lost update.
 */

type Jar = Record<string, string>;

interface SmallCase {
  caseId: string;
  parent: BuiltAccount;
  care: BuiltAccount;
  police: BuiltAccount;
}

const itemTables = [
  'case_agreements',
  'case_agreement_changes',
  'case_meetings',
  'case_appointments',
  'case_messages',
  'case_step_moves',
  'case_events',
] as const;

for (const dialect of dialects) {
  describe(`case items over HTTP [${dialect}]`, () => {
    const { target: testApp, sink } = caseAppForSuite(dialect);
    const db = () => testApp.database.handle.db;

    let world: CaseWorld;
    let mine: SmallCase;
    let other: SmallCase;
    let otherAgreement: string;

    /** A case started by a parent with an active care worker and police member (keys settled). */
    async function smallCase(prefix: string): Promise<SmallCase> {
      const target = testApp;
      const parent = await buildParent(target, { username: `${prefix}.ouder` });
      const parentWho = await caseActorOf(target, parent);
      const started = await casesOf(target).start(parentWho, { naam: 'Sam', grondslag: 'parent', kindWeet: 'unknown' });
      assert.ok(started.ok);
      const actors: CaseMemberActor[] = [
        { name: 'parent', role: 'parent', state: 'active', memberId: '', account: parent, professionalRole: undefined },
      ];
      const professional = async (role: ProfessionalCaseRole) => {
        const account = await caseProfessional(world, role, `${prefix}.${role}`);
        const { code, memberId } = await inviteInto(target, parentWho, started.caseId, role);
        await joinWith(target, await caseActorOf(target, account), code);
        await confirmMember(target, parentWho, started.caseId, memberId);
        actors.push({ name: role, role, state: 'active', memberId, account, professionalRole: undefined });
        return account;
      };
      const care = await professional('care');
      const police = await professional('police');
      await settleKeys(target, { caseId: started.caseId, actors } as unknown as BuiltCase);
      return { caseId: started.caseId, parent, care, police };
    }

    before(async () => {
      world = await prepareCaseWorld(testApp, sink());
      mine = await smallCase(`items.${dialect}.een`);
      other = await smallCase(`items.${dialect}.twee`);
      // An agreement in the other case, to try its id from this one.
      const made = await postAgreement(other.caseId, other.parent.cookies, 'Afspraak van de andere zaak');
      assert.equal(made.statusCode, 303);
      otherAgreement = String(made.headers.location).split('/').at(-1) ?? '';
    });

    /** A form page's CSRF token (any page with a form; anonymous visitors get one from the sign-up page). */
    async function token(jar: Jar): Promise<{ jar: Jar; token: string }> {
      const page = await testApp.app.inject({ method: 'GET', url: '/registreren', cookies: jar });
      return { jar: withCookiesOf(jar, page.headers), token: csrfTokenFrom(page.body) };
    }
    async function post(url: string, jar: Jar, payload: Record<string, unknown>, language: 'nl' | 'en' = 'nl') {
      const withToken = await token(jar);
      return testApp.app.inject({
        method: 'POST',
        url,
        cookies: withToken.jar,
        headers: { 'accept-language': language },
        payload: { _csrf: withToken.token, ...payload },
      });
    }
    /** A new agreement in a case for everyone, for nobody in particular and without a date, through its form. */
    const postAgreement = (caseId: string, jar: Jar, wat: string) =>
      post(`/samenwerken/${caseId}/afspraken`, jar, { wat, wie: '', datum: '', voor: 'iedereen' });
    const get = (url: string, jar: Jar, language: 'nl' | 'en' = 'nl') =>
      testApp.app.inject({ method: 'GET', url, cookies: jar, headers: { 'accept-language': language } });
    const counts = async (): Promise<Record<string, number>> => {
      const result: Record<string, number> = {};
      for (const table of itemTables) {
        const row = await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow();
        result[table] = Number(row.n);
      }
      return result;
    };

    test('members post and read through the pages; texts never reach a URL', async () => {
      const base = `/samenwerken/${mine.caseId}`;
      const page = await get(`${base}/afspraken`, mine.parent.cookies);
      assert.equal(page.statusCode, 200);
      const made = await post(`${base}/afspraken`, mine.parent.cookies, {
        wat: 'Samen naar het wijkteam',
        wie: 'rol:care',
        datum: '2026-12-20',
        voor: 'iedereen',
      });
      assert.equal(made.statusCode, 303);
      assert.match(String(made.headers.location), /^\/samenwerken\/[0-9a-f-]{36}\/afspraken\/[0-9a-f-]{36}$/);
      const shown = await get(String(made.headers.location), mine.care.cookies);
      assert.equal(shown.statusCode, 200);
      assert.match(shown.body, /Samen naar het wijkteam/);

      const sent = await post(`${base}/berichten/professionals`, mine.police.cookies, { bericht: 'Alleen voor ons' });
      assert.equal(sent.statusCode, 303);
      for (let index = 0; index < 25; index += 1) {
        assert.equal(
          (await post(`${base}/berichten`, mine.care.cookies, { bericht: `bericht ${index}` })).statusCode,
          303,
        );
      }
      const timeline = await get(`${base}/tijdlijn`, mine.parent.cookies);
      assert.equal(timeline.statusCode, 200);
      assert.match(timeline.body, /bericht 24/);
      assert.doesNotMatch(timeline.body, /Alleen voor ons/);
      const next = /href="([^"]*\?na=[^"]+)"/.exec(timeline.body)?.[1]?.replaceAll('&amp;', '&');
      assert.ok(next !== undefined, 'a link to older events');
      assert.doesNotMatch(decodeURIComponent(next), /bericht|wijkteam|Sam/);
      const older = await get(next, mine.parent.cookies);
      assert.equal(older.statusCode, 200);
      assert.match(older.body, /Samen naar het wijkteam/);
      assert.doesNotMatch(older.body, /bericht 24/);
      const police = await get(`${base}/berichten/professionals`, mine.police.cookies);
      assert.match(police.body, /Alleen voor ons/);
    });

    test('every bad input is a 4xx in the visitor’s language, storing nothing, for every kind of visitor', async () => {
      const admin = world.admins[0];
      const visitors: { name: string; jar: Jar; member: 'parent' | 'professional' | 'none' }[] = [
        { name: 'anonymous', jar: {}, member: 'none' },
        { name: 'admin', jar: admin.cookies, member: 'none' },
        { name: 'parent', jar: mine.parent.cookies, member: 'parent' },
        { name: 'professional', jar: mine.care.cookies, member: 'professional' },
      ];
      const base = `/samenwerken/${mine.caseId}`;
      const agreement = await postAgreement(mine.caseId, mine.care.cookies, 'Een afspraak om te wijzigen');
      const agreementUrl = String(agreement.headers.location);
      const track = testApp.services.pathway.current.tracks[0];
      assert.ok(track !== undefined);
      /** [what, request, status for a parent, for a professional, a Dutch and an English phrase of the answer]. */
      const cases: {
        what: string;
        method: 'GET' | 'POST';
        url: string;
        payload?: Record<string, unknown>;
        parent: number;
        professional: number;
        /** The answer for everyone, signed in or not (a body too large is refused before anything else). */
        everyone?: number;
        nl?: RegExp;
        en?: RegExp;
      }[] = [
        {
          what: 'an empty agreement',
          method: 'POST',
          url: `${base}/afspraken`,
          payload: { wat: '', wie: '', datum: '', voor: 'iedereen' },
          parent: 400,
          professional: 400,
          nl: /Schrijf wat jullie afspreken/,
          en: /Write what you agree/,
        },
        {
          what: 'a date that does not exist and a stranger as who',
          method: 'POST',
          url: `${base}/afspraken`,
          payload: { wat: 'x', wie: `lid:${randomUUID()}`, datum: '2026-13-01', voor: 'iedereen' },
          parent: 400,
          professional: 400,
          nl: /Vul een echte datum in/,
          en: /Enter a real date/,
        },
        {
          what: 'fields sent twice',
          method: 'POST',
          url: `${base}/afspraken`,
          payload: { wat: ['a', 'b'], wie: '', datum: '', voor: 'iedereen' },
          parent: 400,
          professional: 400,
        },
        {
          what: 'an agreement for the professionals from a parent',
          method: 'POST',
          url: `${base}/afspraken`,
          payload: { wat: 'x', wie: '', datum: '', voor: 'professionals' },
          parent: 404,
          professional: 303,
        },
        {
          what: 'a change with a forged version',
          method: 'POST',
          url: agreementUrl,
          payload: { wat: 'x', wie: '', datum: '', status: 'open', versie: 'abc' },
          parent: 400,
          professional: 400,
          nl: /Laad de pagina opnieuw/,
          en: /Reload the page/,
        },
        {
          what: 'a change with an unknown status',
          method: 'POST',
          url: agreementUrl,
          payload: { wat: 'x', wie: '', datum: '', status: 'kwijt', versie: '1' },
          parent: 400,
          professional: 400,
        },
        {
          what: 'a message over 2,000 characters',
          method: 'POST',
          url: `${base}/berichten`,
          payload: { bericht: 'a'.repeat(2001) },
          parent: 400,
          professional: 400,
          nl: /Je bericht is te lang/,
          en: /Your message is too long/,
        },
        {
          what: 'a message of 100 KB',
          method: 'POST',
          url: `${base}/berichten`,
          payload: { bericht: 'a'.repeat(100 * 1024) },
          parent: 413,
          professional: 413,
          everyone: 413,
          nl: /Te veel gegevens/,
          en: /Too much data/,
        },
        {
          what: 'an empty message',
          method: 'POST',
          url: `${base}/berichten`,
          payload: { bericht: '   ' },
          parent: 400,
          professional: 400,
          nl: /Schrijf een bericht/,
          en: /Write a message/,
        },
        {
          what: 'a parent in the professionals’ channel',
          method: 'POST',
          url: `${base}/berichten/professionals`,
          payload: { bericht: 'hallo' },
          parent: 404,
          professional: 303,
        },
        {
          what: 'a meeting in the future without summary',
          method: 'POST',
          url: `${base}/overleg`,
          payload: { datum: '2099-01-01', samenvatting: '', voor: 'iedereen' },
          parent: 404,
          professional: 400,
          nl: /niet in de toekomst/,
          en: /cannot be in the future/,
        },
        {
          what: 'eleven decisions',
          method: 'POST',
          url: `${base}/overleg`,
          payload: {
            datum: '2026-01-05',
            samenvatting: 'x',
            besluiten: Array.from({ length: 11 }, (_, index) => `besluit ${index}`).join('\n'),
            voor: 'iedereen',
          },
          parent: 404,
          professional: 400,
        },
        {
          what: 'an appointment at 25:00 without a date',
          method: 'POST',
          url: `${base}/planning`,
          payload: { soort: 'afspraak', wat: 'x', datum: '', tijd: '25:00', wie: '', voor: 'iedereen' },
          parent: 400,
          professional: 400,
          nl: /Een afspraak heeft een datum nodig/,
          en: /An appointment needs a date/,
        },
        {
          what: 'a step of no track',
          method: 'POST',
          url: `${base}/traject`,
          payload: { traject: 'bestaat-niet', stap: 'x', voor: 'iedereen' },
          parent: 404,
          professional: 404,
        },
        {
          what: 'a step that is not in the track',
          method: 'POST',
          url: `${base}/traject`,
          payload: { traject: track.id, stap: 'bestaat-niet', voor: 'iedereen' },
          parent: 400,
          professional: 400,
          nl: /Kies een stap uit de lijst/,
          en: /Choose a step from the list/,
        },
        {
          what: 'a cursor that is not ours',
          method: 'GET',
          url: `${base}/tijdlijn?na=..%2F..%2Fetc`,
          parent: 400,
          professional: 400,
        },
        {
          what: 'two cursors',
          method: 'GET',
          url: `${base}/tijdlijn?na=dDEuNQ&na=dDEuNg`,
          parent: 400,
          professional: 400,
        },
        {
          what: 'a track that does not exist',
          method: 'GET',
          url: `${base}/traject/geen`,
          parent: 404,
          professional: 404,
        },
        {
          what: 'a case id that is no id',
          method: 'GET',
          url: '/samenwerken/niet-een-id/tijdlijn',
          parent: 404,
          professional: 404,
        },
        {
          what: 'an agreement id that is no id',
          method: 'GET',
          url: `${base}/afspraken/x`,
          parent: 404,
          professional: 404,
        },
        {
          what: 'the professionals’ channel for a parent',
          method: 'GET',
          url: `${base}/berichten/professionals`,
          parent: 404,
          professional: 200,
        },
        {
          what: 'the meeting form for a parent',
          method: 'GET',
          url: `${base}/overleg/nieuw`,
          parent: 404,
          professional: 200,
        },
      ];
      for (const visitor of visitors) {
        for (const language of ['nl', 'en'] as const) {
          for (const item of cases) {
            const before = await counts();
            const answer =
              item.method === 'GET'
                ? await get(item.url, visitor.jar, language)
                : await post(item.url, visitor.jar, item.payload ?? {}, language);
            const expected =
              item.everyone ??
              (visitor.member === 'none' ? 404 : visitor.member === 'parent' ? item.parent : item.professional);
            const label = `${visitor.name} (${language}): ${item.what}`;
            // A form that passed (a professional's professionals-only agreement) is the one expected change.
            if (expected === 303) {
              assert.equal(answer.statusCode, 303, label);
              continue;
            }
            assert.equal(answer.statusCode, expected, `${label}: ${answer.statusCode}`);
            if (expected === 200) continue;
            assert.match(answer.headers['content-type'] as string, /text\/html/, label);
            assert.match(answer.body, new RegExp(`<html lang="${language}"`), label);
            const phrase = language === 'nl' ? item.nl : item.en;
            if ((expected === 413 || (visitor.member !== 'none' && expected === 400)) && phrase !== undefined) {
              assert.match(answer.body, phrase, label);
            }
            assert.deepEqual(await counts(), before, `${label}: nothing stored`);
          }
        }
      }
    });

    test("another case's ids find nothing, as every member of this case", async () => {
      const members = [mine.parent, mine.care, mine.police];
      const foreign = `/samenwerken/${other.caseId}`;
      const urls = [
        `${foreign}/tijdlijn`,
        `${foreign}/afspraken`,
        `${foreign}/afspraken/${otherAgreement}`,
        `${foreign}/planning`,
        `${foreign}/berichten`,
        `${foreign}/berichten/professionals`,
        `${foreign}/traject`,
        `${foreign}/overleg/nieuw`,
        // The other case's agreement under this case's id.
        `/samenwerken/${mine.caseId}/afspraken/${otherAgreement}`,
      ];
      for (const member of members) {
        for (const url of urls) {
          const answer = await get(url, member.cookies);
          assert.equal(answer.statusCode, 404, `GET ${url}`);
          assert.doesNotMatch(answer.body, /Afspraak van de andere zaak/);
        }
        const before = await counts();
        const posts: [string, Record<string, unknown>][] = [
          [`${foreign}/afspraken`, { wat: 'x', wie: '', datum: '', voor: 'iedereen' }],
          [`${foreign}/afspraken/${otherAgreement}`, { wat: 'x', wie: '', datum: '', status: 'open', versie: '1' }],
          [
            `/samenwerken/${mine.caseId}/afspraken/${otherAgreement}`,
            { wat: 'x', wie: '', datum: '', status: 'gedaan', versie: '1' },
          ],
          [`${foreign}/berichten`, { bericht: 'x' }],
          [`${foreign}/planning`, { soort: 'stap', wat: 'x', datum: '', tijd: '', wie: '', voor: 'iedereen' }],
          [`${foreign}/overleg`, { datum: '2026-01-05', samenvatting: 'x', voor: 'iedereen' }],
        ];
        for (const [url, payload] of posts) {
          const answer = await post(url, member.cookies, payload);
          assert.equal(answer.statusCode, 404, `POST ${url}`);
        }
        assert.deepEqual(await counts(), before);
      }
      const { agreement } = await testApp.services.caseItems.agreement(
        (await caseActorOf(testApp, other.parent)).actor,
        await casesOf(testApp).openCase(await caseActorOf(testApp, other.parent), other.caseId),
        otherAgreement,
      );
      assert.equal(agreement.version, 1);
      assert.equal(agreement.text, 'Afspraak van de andere zaak');
    });

    test('two edits of one agreement: the second gets a conflict page showing the first, and nothing is lost', async () => {
      const made = await postAgreement(mine.caseId, mine.parent.cookies, 'Gesprek met school plannen');
      const url = String(made.headers.location);
      const id = url.split('/').at(-1) ?? '';
      // Both open the page: their forms carry version 1.
      const versionIn = (html: string) => /name="versie" value="(\d+)"/.exec(html)?.[1];
      assert.equal(versionIn((await get(url, mine.parent.cookies)).body), '1');
      assert.equal(versionIn((await get(url, mine.care.cookies)).body), '1');
      const first = await post(url, mine.care.cookies, {
        wat: 'Gesprek met school op dinsdag',
        wie: 'rol:care',
        datum: '2026-12-15',
        status: 'open',
        versie: '1',
      });
      assert.equal(first.statusCode, 303);
      const second = await post(url, mine.parent.cookies, {
        wat: 'Gesprek met school, ik wil erbij zijn',
        wie: '',
        datum: '',
        status: 'open',
        versie: '1',
      });
      assert.equal(second.statusCode, 409);
      assert.match(second.body, /Iemand anders heeft deze afspraak net gewijzigd/);
      assert.match(second.body, /Gesprek met school op dinsdag/);
      assert.match(second.body, /Gesprek met school, ik wil erbij zijn/);
      assert.equal(versionIn(second.body), '2');
      const history = async () =>
        (await db().selectFrom('case_agreement_changes').select('version').where('agreement_id', '=', id).execute())
          .length;
      assert.equal(await history(), 2);
      // Saving again from the conflict page (version 2) keeps both changes in the history.
      const again = await post(url, mine.parent.cookies, {
        wat: 'Gesprek met school op dinsdag, ik wil erbij zijn',
        wie: 'rol:care',
        datum: '2026-12-15',
        status: 'open',
        versie: '2',
      });
      assert.equal(again.statusCode, 303);
      assert.equal(await history(), 3);
      const page = await get(url, mine.care.cookies);
      assert.match(page.body, /Gesprek met school op dinsdag, ik wil erbij zijn/);
      assert.match(page.body, /Gesprek met school plannen/);
    });
  });
}
