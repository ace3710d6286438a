import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { caseProfessional, prepareCaseWorld } from '../../../test/helpers/case-factories.js';
import { caseAppForSuite } from '../../../test/helpers/case-setup.js';
import { dialects } from '../../../test/helpers/databases.js';
import { buildParent } from '../../../test/helpers/factories.js';
import { languages } from '../../shared/i18n/i18n.js';

/*
 * The language switch /taal/:lang as every kind of user meets it (anonymous, a parent, a professional, an admin),
 * on both databases: a known language sets the cookie and goes back to a path on this site; an unknown, hostile
 * or oversized language is a 404 page; a hostile, oversized or repeated `terug` is a redirect to the start page.
 * Never a 500, never a way off the site.
 */

type Jar = Record<string, string>;

const hostileBacks = [
  '//evil.example/',
  'https://evil.example/',
  '/\\evil.example',
  '/%0d%0aSet-Cookie:%20x=1',
  '/\r\nLocation: https://evil.example/',
  'javascript:alert(1)',
  '/<script>alert(1)</script>',
  `/${'a'.repeat(20_000)}`,
  '',
];

const hostileLanguages = ['fr', 'NL', '<script>', '..%2F..%2Fetc', 'x'.repeat(5000), '%E0%A4%A', '%00', 'nl%0d%0a'];

for (const dialect of dialects) {
  describe(`the language switch for every kind of user [${dialect}]`, () => {
    const { target, sink } = caseAppForSuite(dialect);
    const jars = new Map<string, Jar>();

    before(async () => {
      const world = await prepareCaseWorld(target, sink());
      jars.set('anonymous', {});
      jars.set('parent', (await buildParent(target)).cookies);
      jars.set('professional', (await caseProfessional(world, 'care', `taal.hulp.${dialect}.${process.pid}`)).cookies);
      jars.set('admin', world.admins[0].cookies);
    });

    test('a known language sets the cookie and returns to the page', async () => {
      for (const [actor, jar] of jars) {
        for (const language of languages) {
          const response = await target.app.inject({
            method: 'GET',
            url: `/taal/${language}?terug=%2Fnu`,
            cookies: jar,
          });
          assert.equal(response.statusCode, 303, `${actor} ${language}`);
          assert.equal(response.headers.location, '/nu', `${actor} ${language}`);
          assert.match(String(response.headers['set-cookie']), new RegExp(`^taal=${language};`), `${actor}`);
        }
      }
    });

    test('a hostile, oversized or repeated way back is a redirect to the start page', async () => {
      for (const [actor, jar] of jars) {
        for (const back of hostileBacks) {
          const response = await target.app.inject({
            method: 'GET',
            url: `/taal/en?terug=${encodeURIComponent(back)}`,
            cookies: jar,
          });
          assert.equal(response.statusCode, 303, `${actor} terug=${back.slice(0, 40)}`);
          assert.equal(response.headers.location, '/', `${actor} terug=${back.slice(0, 40)}`);
        }
        const twice = await target.app.inject({
          method: 'GET',
          url: '/taal/en?terug=%2Fnu&terug=%2Fhulp',
          cookies: jar,
        });
        assert.equal(twice.statusCode, 303, actor);
        assert.equal(twice.headers.location, '/', `${actor}: terug given twice`);
      }
    });

    test('an unknown, hostile or oversized language is a 4xx page that sets no language', async () => {
      for (const [actor, jar] of jars) {
        for (const language of hostileLanguages) {
          const response = await target.app.inject({
            method: 'GET',
            url: `/taal/${language}?terug=%2Fnu`,
            cookies: jar,
          });
          assert.ok(
            response.statusCode >= 400 && response.statusCode < 500,
            `${actor} /taal/${language.slice(0, 40)}: ${response.statusCode}`,
          );
          assert.match(response.headers['content-type'] as string, /^text\/html/, actor);
          assert.match(response.body, /<h1>/, `${actor}: a page that says something`);
          assert.doesNotMatch(response.body, /<script>alert/, actor);
          assert.doesNotMatch(String(response.headers['set-cookie'] ?? ''), /taal=/, `${actor}: no language set`);
        }
      }
    });
  });
}
