import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { csrfTokenFrom, setCookies } from '../../../test/helpers/app.js';
import { caseProfessional, prepareCaseWorld } from '../../../test/helpers/case-factories.js';
import { caseAppForSuite } from '../../../test/helpers/case-setup.js';
import { dialects } from '../../../test/helpers/databases.js';
import { buildParent } from '../../../test/helpers/factories.js';
import { amsterdamDay } from '../../shared/time/amsterdam.js';
import { adviceLevels } from '../check/check.schema.js';

/*
 * Help looked up from a check's result (issue 18, migration 0045) on both databases: the result page posts the
 * advice level in the form's body; POST /hulp/na-check counts exactly one check lookup (day, level, the place's
 * veiligheidsregio) and answers 303 to /hulp for the postcode, an address without the level. Bad input answers 4xx
 * with a message and counts nothing, for an anonymous visitor, a signed-in parent, a professional and an admin
 * alike.
 */

type Jar = Record<string, string>;

for (const dialect of dialects) {
  describe(`help looked up from a check's result [${dialect}]`, () => {
    const { target: testApp, sink } = caseAppForSuite(dialect);
    const visitors: { who: string; jar: Jar; token: string }[] = [];
    let calm: Record<string, string>;

    /** A visitor's cookies and a CSRF token from the check's form. */
    async function visitor(jar: Jar): Promise<{ jar: Jar; token: string }> {
      const form = await testApp.app.inject({ method: 'GET', url: '/check', cookies: jar });
      assert.equal(form.statusCode, 200);
      return { jar: { ...jar, ...Object.fromEntries(setCookies(form.headers)) }, token: csrfTokenFrom(form.body) };
    }

    before(async () => {
      const questionnaire = testApp.services.check.current();
      calm = { versie: String(questionnaire.version) };
      for (const group of questionnaire.groups) {
        for (const question of group.questions) calm[question.id] = question.scale === 'leeftijd' ? '13-15' : 'nee';
      }
      visitors.push({ who: 'an anonymous visitor', ...(await visitor({})) });
      const parent = await buildParent(testApp, { username: `checkhulp.${dialect}.${process.pid}` });
      visitors.push({ who: 'a signed-in parent', ...(await visitor(parent.cookies)) });
      const world = await prepareCaseWorld(testApp, sink());
      const professional = await caseProfessional(world, 'care', `checkhulp.zorg.${dialect}.${process.pid}`);
      visitors.push({ who: 'a professional', ...(await visitor(professional.cookies)) });
      visitors.push({ who: 'an admin', ...(await visitor(world.admins[0].cookies)) });
    });

    const postLookup = (jar: Jar, payload: Record<string, unknown> | string, headers: Record<string, string> = {}) =>
      testApp.app.inject({ method: 'POST', url: '/hulp/na-check', cookies: jar, payload: payload as never, headers });

    async function counts(): Promise<string[]> {
      await testApp.services.help.flush();
      const rows = await testApp.database.handle.db
        .selectFrom('check_lookups')
        .select(['day', 'level', 'safety_region_code', 'count'])
        .orderBy('level')
        .orderBy('safety_region_code')
        .execute();
      return rows.map((row) => `${row.day} ${row.level} ${row.safety_region_code} ${Number(row.count)}`);
    }

    async function regionOf(postcode: string): Promise<string[]> {
      const answer = await testApp.app.inject({ method: 'GET', url: `/api/v1/help?postcode=${postcode}` });
      const body = answer.json<{
        place: { veiligheidsregio: { code: string } } | null;
        choices: { veiligheidsregio: { code: string } }[];
      }>();
      return [
        ...new Set([...(body.place === null ? [] : [body.place]), ...body.choices].map((p) => p.veiligheidsregio.code)),
      ];
    }

    test('the result page offers the form: posted, with the level in its body and a CSRF token, not in an address', async () => {
      for (const { who, jar, token } of visitors) {
        const result = await testApp.app.inject({
          method: 'POST',
          url: '/check',
          cookies: jar,
          payload: { _csrf: token, ...calm },
        });
        assert.equal(result.statusCode, 200, who);
        const form = /<form class="app-help-form" method="post" action="\/hulp\/na-check">([\s\S]*?)<\/form>/.exec(
          result.body,
        );
        assert.ok(form, `${who}: the help form posts to /hulp/na-check`);
        assert.match(form[1]!, /<input type="hidden" name="_csrf" value="[^"]+"\/>/);
        assert.match(form[1]!, /<input type="hidden" name="niveau" value="blijf-in-gesprek"\/>/);
        assert.match(form[1]!, /name="plaats"/);
        assert.doesNotMatch(result.body, /<form[^>]+method="get"[^>]+action="\/hulp"/, `${who}: no GET form to /hulp`);
        for (const level of adviceLevels) {
          assert.doesNotMatch(result.body, new RegExp(`href="[^"]*${level}`), `${who}: no link holds the level`);
        }
      }
    });

    test('a lookup counts exactly one, by day, level and region, and redirects to /hulp without the level', async () => {
      const before = await counts();
      assert.deepEqual(before, []);
      const [region] = await regionOf('9711');
      assert.ok(region !== undefined);
      const today = amsterdamDay(new Date());
      const { jar, token } = visitors[0]!;
      const response = await postLookup(jar, { _csrf: token, niveau: 'bel-vandaag', plaats: ' 9711 ab ' });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/hulp?postcode=9711AB');
      for (const level of adviceLevels) assert.ok(!String(response.headers.location).includes(level));
      assert.deepEqual(await counts(), [`${today} bel-vandaag ${region} 1`], 'exactly one check lookup');
      // The results page it leads to is the ordinary one (and counts as a help lookup there).
      const results = await testApp.app.inject({ method: 'GET', url: response.headers.location, cookies: jar });
      assert.equal(results.statusCode, 200);
      assert.match(results.body, /Groningen/);

      // The signed-in parent, another level: one more row, the first unchanged.
      const parent = visitors[1]!;
      const second = await postLookup(parent.jar, { _csrf: parent.token, niveau: 'bel-112', plaats: 'Groningen' });
      assert.equal(second.statusCode, 303);
      assert.match(String(second.headers.location), /^\/hulp\?gemeente=GM\d{4}$/);
      assert.deepEqual(await counts(), [`${today} bel-112 ${region} 1`, `${today} bel-vandaag ${region} 1`]);
      const again = await postLookup(jar, { _csrf: token, niveau: 'bel-vandaag', plaats: '9711' });
      assert.equal(again.statusCode, 303);
      assert.deepEqual(
        await counts(),
        [`${today} bel-112 ${region} 1`, `${today} bel-vandaag ${region} 2`],
        'added up',
      );
    });

    test('a postcode in two municipalities is counted only when both lie in one region; unknown places are not', async () => {
      await testApp.database.handle.db.deleteFrom('check_lookups').execute();
      const regions = await regionOf('1096');
      const { jar, token } = visitors[0]!;
      const response = await postLookup(jar, { _csrf: token, niveau: 'vraag-advies', plaats: '1096' });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/hulp?postcode=1096');
      const today = amsterdamDay(new Date());
      assert.deepEqual(await counts(), regions.length === 1 ? [`${today} vraag-advies ${regions[0]} 1`] : []);
      await testApp.database.handle.db.deleteFrom('check_lookups').execute();
      const unknown = await postLookup(jar, { _csrf: token, niveau: 'vraag-advies', plaats: 'Nergenshuizen' });
      assert.equal(unknown.statusCode, 303);
      assert.equal(unknown.headers.location, '/hulp?plaats=Nergenshuizen');
      assert.deepEqual(await counts(), [], 'a place not found is not counted');
    });

    test('bad or hostile input answers 4xx with a message and counts nothing, for anonymous visitors, parents, professionals and admins', async () => {
      await testApp.database.handle.db.deleteFrom('check_lookups').execute();
      const cases: [string, Record<string, unknown> | string, number, RegExp][] = [
        ['no level', { plaats: '9711' }, 400, /Dit verzoek klopt niet/],
        ['an unknown level', { niveau: 'paniek', plaats: '9711' }, 400, /Dit verzoek klopt niet/],
        ['a level given twice', { niveau: ['bel-112', 'bel-vandaag'], plaats: '9711' }, 400, /Dit verzoek klopt niet/],
        ['markup as level', { niveau: '<script>alert(1)</script>', plaats: '9711' }, 400, /Dit verzoek klopt niet/],
        ['no place', { niveau: 'bel-112' }, 400, /Je hebt niets ingevuld/],
        ['an empty place', { niveau: 'bel-112', plaats: '   ' }, 400, /Je hebt niets ingevuld/],
        ['a short postcode', { niveau: 'bel-112', plaats: '12' }, 400, /Een postcode heeft 4 cijfers/],
        ['a postcode with a leading 0', { niveau: 'bel-112', plaats: '0123 AB' }, 400, /Een postcode heeft 4 cijfers/],
        [
          'markup as place',
          { niveau: 'bel-112', plaats: '<img src=x onerror=alert(1)>' },
          400,
          /Gebruik alleen letters/,
        ],
        [
          'SQL as place',
          { niveau: 'bel-112', plaats: "1' OR '1'='1" },
          400,
          /Een postcode heeft 4 cijfers|Gebruik alleen letters/,
        ],
        ['a very long place', { niveau: 'bel-112', plaats: 'a'.repeat(5000) }, 400, /Dit is te lang/],
        ['a place given twice', { niveau: 'bel-112', plaats: ['9711', '1096'] }, 400, /Je hebt niets ingevuld/],
      ];
      for (const { who, jar, token } of visitors) {
        for (const [label, fields, status, message] of cases) {
          const payload = typeof fields === 'string' ? fields : { _csrf: token, ...fields };
          const response = await postLookup(jar, payload);
          assert.equal(response.statusCode, status, `${who}: ${label}`);
          assert.match(response.body, message, `${who}: ${label}`);
          assert.doesNotMatch(response.body, /<script>alert|<img src=x/, `${who}: ${label}: nothing echoed as markup`);
          assert.equal(response.headers.location, undefined, `${who}: ${label}: no redirect`);
        }
        // Without a CSRF token, or with another visitor's, the post is refused before anything happens.
        const noToken = await postLookup(jar, { niveau: 'bel-112', plaats: '9711' });
        assert.equal(noToken.statusCode, 403, `${who}: no token`);
        const other = visitors.find((visitor) => visitor.jar !== jar)!;
        const foreign = await postLookup(jar, { _csrf: other.token, niveau: 'bel-112', plaats: '9711' });
        assert.equal(foreign.statusCode, 403, `${who}: another visitor's token`);
        // A body no form sends.
        const text = await postLookup(jar, `_csrf=${token}&niveau=bel-112&plaats=9711`, {
          'content-type': 'text/plain',
        });
        assert.ok(text.statusCode >= 400 && text.statusCode < 500, `${who}: text/plain answered ${text.statusCode}`);
      }
      assert.deepEqual(await counts(), [], 'nothing was counted');
    });
  });
}
