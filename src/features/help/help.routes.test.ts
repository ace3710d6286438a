import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appForSuite } from '../../../test/helpers/app.js';
import { dialects } from '../../../test/helpers/databases.js';

/** The part of the OpenAPI document that describes one organisation. */
interface OrganisationDoc {
  required: string[];
  properties: Record<string, { nullable?: boolean } | undefined>;
}

for (const dialect of dialects) {
  describe(`the help finder over HTTP [${dialect}]`, () => {
    const testApp = appForSuite(dialect, { RATE_LIMIT_MAX: '100000' });

    const get = (url: string, headers: Record<string, string> = {}) =>
      testApp.app.inject({ method: 'GET', url, headers });

    test('the form has one field with municipality suggestions from a datalist, and 112 above it', async () => {
      const response = await get('/hulp');
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /<form class="app-help-form" method="get" action="\/hulp" role="search">/);
      assert.match(response.body, /<input[^>]+name="plaats"[^>]+list="gemeenten"/);
      assert.equal((response.body.match(/<option value="/g) ?? []).length, 342);
      assert.ok(response.body.indexOf('href="tel:112"') < response.body.indexOf('name="plaats"'));
    });

    test('a postcode shows, in order, danger first, who serves the place, then the national lines', async () => {
      const response = await get('/hulp?postcode=9711');
      assert.equal(response.statusCode, 200);
      const body = response.body;
      const order = ['id="help-danger"', 'id="help-local"', 'id="help-national"'].map((marker) => body.indexOf(marker));
      assert.ok(order.every((index) => index > 0) && order[0]! < order[1]! && order[1]! < order[2]!, String(order));
      assert.match(body, /Wie helpt er in Groningen\?/);
      assert.match(body, /Politie-eenheid Noord-Nederland/);
      assert.match(body, /href="tel:09008844"/);
      assert.match(body, /Dag en nacht bereikbaar/);
      assert.match(body, /CBS \(CC BY 4\.0\) en GeoNames \(CC BY 4\.0\)/);
    });

    test('the place looked up is not in the page title', async () => {
      const response = await get('/hulp?plaats=Groningen');
      const title = /<title>([^<]*)<\/title>/.exec(response.body)?.[1];
      assert.equal(title, 'Hulp in de buurt – Niet mijn kind');
    });

    test('a postcode in two municipalities asks which one, with links that find it', async () => {
      const response = await get('/hulp?plaats=1096');
      assert.match(response.body, /Welke gemeente bedoel je\?/);
      assert.match(response.body, /href="\/hulp\?gemeente=GM0437"/);
      const chosen = await get('/hulp?gemeente=GM0437');
      assert.match(chosen.body, /Wie helpt er in Ouder-Amstel\?/);
    });

    test('bad input gets a helpful page with a 4xx or a message, never a 500', async () => {
      const cases: [string, number, RegExp][] = [
        ['/hulp?plaats=', 200, /name="plaats"/],
        ['/hulp?plaats=abcd', 200, /Deze plaats kennen we niet/],
        ['/hulp?plaats=0000', 400, /Een postcode heeft 4 cijfers/],
        ['/hulp?plaats=99999', 400, /Een postcode heeft 4 cijfers/],
        [`/hulp?plaats=${'a'.repeat(10_000)}`, 400, /Dit is te lang/],
        ['/hulp?plaats=%3Cscript%3Ealert(1)%3C%2Fscript%3E', 400, /Gebruik alleen letters of cijfers/],
        ['/hulp?plaats=1%27%20OR%20%271%27%3D%271', 400, /Een postcode heeft 4 cijfers|Gebruik alleen letters/],
        ['/hulp?plaats=Atlantis', 200, /We konden &quot;Atlantis&quot; niet vinden/],
        ['/hulp?plaats=a&plaats=b', 400, /Dit verzoek klopt niet/],
        ['/hulp?gemeente=GM9999', 200, /Deze plaats kennen we niet/],
      ];
      for (const [url, status, message] of cases) {
        const response = await get(url);
        assert.equal(response.statusCode, status, url.slice(0, 60));
        assert.match(response.body, message, url.slice(0, 60));
        assert.doesNotMatch(response.body, /<script>alert/);
        assert.match(response.body, /href="tel:112"/, 'the emergency line is always there');
      }
    });

    test('English works the same way', async () => {
      const response = await get('/hulp?plaats=Den%20Haag', { 'accept-language': 'en' });
      assert.match(response.body, /Who helps in &#39;s-Gravenhage\?|Who helps in 's-Gravenhage\?/);
      assert.match(response.body, /Available day and night/);
    });

    test('the JSON API gives the same content, and problem+json for bad input', async () => {
      const response = await get('/api/v1/help?postcode=9711%20AB');
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'application/json; charset=utf-8');
      assert.equal(response.headers['access-control-allow-origin'], undefined, 'CORS is closed');
      const body = response.json<{
        match: string;
        place: { name: string; veiligheidsregio: { code: string }; politieEenheid: string };
        emergency: { phone: string }[];
        local: { kind: string; openNow: boolean | null }[];
        national: unknown[];
      }>();
      assert.equal(body.match, 'found');
      assert.equal(body.place.name, 'Groningen');
      assert.equal(body.place.veiligheidsregio.code, 'VR01');
      assert.equal(body.place.politieEenheid, 'Noord-Nederland');
      assert.equal(body.emergency[0]?.phone, '112');
      assert.ok(body.local.some((entry) => entry.kind === 'veilig-thuis' && entry.openNow === true));
      assert.ok(body.national.length > 0);

      const byName = await get('/api/v1/help?gemeente=s-gravenhage');
      assert.equal(byName.json<{ place: { code: string } }>().place.code, 'GM0518');
      const choose = await get('/api/v1/help?postcode=1096');
      assert.equal(choose.json<{ match: string; choices: unknown[] }>().match, 'choose');
      const none = await get('/api/v1/help?gemeente=Atlantis');
      assert.equal(none.json<{ match: string }>().match, 'none');

      for (const url of [
        '/api/v1/help',
        '/api/v1/help?postcode=abcd',
        '/api/v1/help?postcode=0000',
        '/api/v1/help?postcode=9711&gemeente=Groningen',
        '/api/v1/help?gemeente=%3Cscript%3E',
        `/api/v1/help?gemeente=${'x'.repeat(10_000)}`,
        '/api/v1/help?postcode=9711&postcode=6211',
      ]) {
        const bad = await get(url);
        assert.equal(bad.statusCode, 400, url.slice(0, 60));
        assert.equal(bad.headers['content-type'], 'application/problem+json; charset=utf-8');
        const problem = bad.json<{ status: number; title: string; detail: string }>();
        assert.equal(problem.status, 400);
        assert.ok(problem.detail.length > 10);
      }
    });

    test('every organisation names its source and, as nobody has checked their own sites, claims no check', async () => {
      const page = await get('/hulp?postcode=9711');
      const cards = page.body.match(/<li class="app-org" data-organisation="[^"]+">/g) ?? [];
      const sourceLines = page.body.match(/<p class="app-hint app-org__source">Bron: /g) ?? [];
      assert.ok(cards.length > 3);
      assert.equal(sourceLines.length, cards.length, 'one source line per organisation');
      assert.match(page.body, /Niet gecontroleerd sinds 28 november 2026\./);
      assert.doesNotMatch(page.body, /Gecontroleerd op|gecontroleerd op/);
      const english = await get('/hulp?postcode=9711', { 'accept-language': 'en' });
      assert.match(english.body, /Source: /);
      assert.doesNotMatch(english.body, /Checked on|checked on/);

      const api = await get('/api/v1/help?postcode=9711');
      const body = api.json<Record<'emergency' | 'local' | 'national', Record<string, unknown>[]>>();
      const all = [...body.emergency, ...body.local, ...body.national];
      assert.ok(all.length > 3);
      for (const entry of all) {
        assert.equal(entry.checkedOn, null, String(entry.slug));
        assert.equal('lastChecked' in entry, false);
        const source = entry.source as { publisher: string; title: string | null; url: string | null; date: string };
        assert.ok(source.publisher.length > 0);
        assert.match(source.date, /^\d{4}(-\d{2}-\d{2})?$/);
        assert.ok(source.url === null || source.url.startsWith('https://'));
      }
    });

    test('the API refuses cross-origin preflights and unknown API paths answer problem+json', async () => {
      const preflight = await testApp.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/help?postcode=9711',
        headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET' },
      });
      assert.equal(preflight.headers['access-control-allow-origin'], undefined);
      assert.ok(preflight.statusCode >= 400);
      const unknown = await get('/api/v1/nope');
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.headers['content-type'], 'application/problem+json; charset=utf-8');
    });

    test('the OpenAPI document describes the help endpoint', async () => {
      const response = await get('/api/openapi.json');
      const document = response.json<{
        openapi: string;
        paths: Record<string, { get?: { parameters: { name: string }[] } }>;
      }>();
      assert.match(document.openapi, /^3\./);
      const parameters = document.paths['/api/v1/help']?.get?.parameters.map((parameter) => parameter.name);
      assert.deepEqual(parameters?.slice(0, 2), ['postcode', 'gemeente']);
      const organisation = (
        document as unknown as {
          paths: Record<string, { get: { responses: Record<string, unknown> } }>;
        }
      ).paths['/api/v1/help']?.get.responses['200'] as {
        content: { 'application/json': { schema: { properties: { national: { items: OrganisationDoc } } } } };
      };
      const item = organisation.content['application/json'].schema.properties.national.items;
      assert.ok(item.required.includes('source') && item.required.includes('checkedOn'));
      assert.ok(!item.required.includes('lastChecked') && !('lastChecked' in item.properties));
      assert.equal(item.properties.checkedOn?.nullable, true);
    });

    test('the check outcome offers the regional help', async () => {
      const form = await get('/check');
      const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
      const cookie = String(form.headers['set-cookie']).split(';')[0]!;
      const questionnaire = testApp.services.check.current();
      const payload: Record<string, string> = { _csrf: token, versie: String(questionnaire.version) };
      for (const group of questionnaire.groups) {
        for (const question of group.questions) payload[question.id] = question.scale === 'leeftijd' ? '13-15' : 'nee';
      }
      const outcome = await testApp.app.inject({ method: 'POST', url: '/check', headers: { cookie }, payload });
      // Posted, so that the advice level stays out of addresses (check-lookups.routes.test.ts tests it further).
      assert.match(outcome.body, /<form class="app-help-form" method="post" action="\/hulp\/na-check"/);
    });
  });
}
