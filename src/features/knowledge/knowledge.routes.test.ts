import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { caseProfessional, prepareCaseWorld, type CaseWorld } from '../../../test/helpers/case-factories.js';
import { caseAppForSuite } from '../../../test/helpers/case-setup.js';
import { dialects } from '../../../test/helpers/databases.js';
import { buildParent, type BuiltAccount } from '../../../test/helpers/factories.js';
import { mainOf, textOf } from '../../../test/helpers/html-text.js';
import { translatorFor } from '../../messages.js';
import { loadPathways } from '../cases/pathway.js';
import { pathwayDir } from '../../shared/paths.js';
import { createContentRepository } from '../content/content.repo.js';
import { articleKind } from './article.kind.js';
import { trackSlug } from './pathway-articles.js';

/*
 * The knowledge base as its readers meet it (ADR 0035), on both databases: the index with its filter (a plain GET
 * form), a written article with its sources and reviewer, the Dutch text for an English reader with a notice, the
 * articles about de lijn drawn from the pathway data, and the articles only for professionals: a 404 for anyone
 * else, never listed, never served from the page cache. The test's own articles are made with the article kind,
 * as the editorial core publishes them; the texts others write in content/kennisbank are not counted on.
 */

type Jar = Record<string, string>;
const pathway = loadPathways(pathwayDir).current;

const publicSlug = 'kb-toets-openbaar';
const closedSlug = 'kb-toets-professionals';
const publicTitle = 'Toetsartikel voor iedereen';
const closedTitle = 'Toetsartikel alleen voor professionals';

function articleText(options: { title: string; audience: string; topic: string; professionalsOnly: boolean }): string {
  return [
    '---',
    `title: ${options.title}`,
    'summary: Een korte samenvatting van het toetsartikel.',
    `audience: [${options.audience}]`,
    `topic: ${options.topic}`,
    'sources:',
    '  - title: Meldcode huiselijk geweld en kindermishandeling',
    '    publisher: Rijksoverheid',
    '    url: https://www.rijksoverheid.nl/onderwerpen/huiselijk-geweld/meldcode',
    'reviewedBy: Redactie toetsen',
    `professionalsOnly: ${options.professionalsOnly}`,
    'lastReviewed: 2026-11-30',
    '---',
    '## Wat je doet',
    '',
    'Tekst van het toetsartikel.',
    '',
  ].join('\n');
}

for (const dialect of dialects) {
  describe(`the knowledge base over HTTP [${dialect}]`, () => {
    const { target, sink } = caseAppForSuite(dialect);
    let world: CaseWorld | undefined;
    let professional: BuiltAccount | undefined;
    let parent: BuiltAccount | undefined;

    before(async () => {
      const kind = articleKind(createContentRepository(target.database.handle.db));
      const t = translatorFor('nl');
      const publish = async (key: string, text: string) => {
        const parsed = kind.parse(text, t);
        assert.ok(parsed.ok, `the test article ${key} parses: ${parsed.ok ? '' : parsed.problems.join('; ')}`);
        assert.deepEqual(await kind.check(parsed.value, key, t), []);
        await target.database.handle.db.transaction().execute((trx) => kind.apply(trx, key, parsed.value, new Date()));
      };
      await publish(
        `nl/${publicSlug}`,
        articleText({ title: publicTitle, audience: 'school, gp', topic: 'meldcode', professionalsOnly: false }),
      );
      await publish(
        `nl/${closedSlug}`,
        articleText({ title: closedTitle, audience: 'police', topic: 'signalen', professionalsOnly: true }),
      );
      world = await prepareCaseWorld(target, sink());
      professional = await caseProfessional(world, 'care', `kb.hulp.${dialect}.${process.pid}`);
      parent = await buildParent(target);
    });

    const get = (url: string, jar: Jar = {}, lang: 'nl' | 'en' = 'nl') =>
      target.app.inject({ method: 'GET', url, cookies: { taal: lang, ...jar } });

    test('the index lists de lijn, every track and the public article, with audience and review date', async () => {
      const response = await get('/kennisbank');
      assert.equal(response.statusCode, 200);
      const text = textOf(mainOf(response.body));
      assert.ok(text.includes('De lijn: alle sporen op een rij'));
      for (const track of pathway.tracks) {
        assert.match(response.body, new RegExp(`href="/kennisbank/${trackSlug(track)}"`), track.id);
      }
      assert.ok(text.includes(publicTitle));
      assert.ok(text.includes('Voor: School, Huisarts.'));
      assert.ok(text.includes('Laatst gecontroleerd op 30 november 2026 door Redactie toetsen'));
      assert.match(response.body, /<form[^>]*method="get"[^>]*action="\/kennisbank"/);
    });

    test('the filter by audience and by topic keeps only the matching articles', async () => {
      const police = textOf(mainOf((await get('/kennisbank?doelgroep=police')).body));
      assert.ok(!police.includes(publicTitle), 'an article for school and GP is not listed for police');
      assert.ok(police.includes('De lijn: alle sporen op een rij'), 'de lijn is for every audience');
      const school = await get('/kennisbank?doelgroep=school&onderwerp=meldcode');
      assert.equal(school.statusCode, 200);
      const schoolText = textOf(mainOf(school.body));
      assert.ok(schoolText.includes(publicTitle));
      assert.ok(!schoolText.includes('De lijn: alle sporen op een rij'), 'de lijn is not about the meldcode');
      assert.match(school.body, /<option value="school" selected/);
      const lijn = textOf(mainOf((await get('/kennisbank?onderwerp=de-lijn&doelgroep=')).body));
      assert.ok(lijn.includes('De lijn: alle sporen op een rij'));
      assert.ok(!lijn.includes(publicTitle));
    });

    test('a filter value not in the list, given twice or of 10 KB is a 400 that says so, with all articles', async () => {
      for (const query of [
        'doelgroep=brandweer',
        'onderwerp=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
        'doelgroep=police&doelgroep=school',
        `onderwerp=${'x'.repeat(10_000)}`,
        `doelgroep=${'%F0%9F%98%80'.repeat(2_500)}`,
      ]) {
        const response = await get(`/kennisbank?${query}`);
        assert.ok(
          response.statusCode >= 400 && response.statusCode < 500,
          `${query.slice(0, 40)}: ${response.statusCode}`,
        );
        assert.doesNotMatch(response.body, /<script>alert/);
        if (response.statusCode === 400 && response.headers['content-type']?.toString().startsWith('text/html')) {
          const text = textOf(mainOf(response.body));
          assert.match(text, /kennen we niet\. Kies er een uit de lijst/, query.slice(0, 40));
          assert.ok(text.includes(publicTitle), 'all articles are shown');
        }
      }
      // A parameter the form does not send is ignored: the whole index.
      const unknown = await get(`/kennisbank?doelgroep[]=police&${'z'.repeat(5_000)}=1`);
      assert.equal(unknown.statusCode, 200);
      assert.ok(textOf(mainOf(unknown.body)).includes(publicTitle));
    });

    test('a written article shows its body, sources, reviewer and date, and a print button', async () => {
      const response = await get(`/kennisbank/${publicSlug}`);
      assert.equal(response.statusCode, 200);
      const main = mainOf(response.body);
      const text = textOf(main);
      assert.match(main, new RegExp(`<h1[^>]*>${publicTitle}</h1>`));
      assert.ok(text.includes('Tekst van het toetsartikel.'));
      assert.ok(text.includes('Bronnen'));
      assert.match(main, /href="https:\/\/www\.rijksoverheid\.nl\/onderwerpen\/huiselijk-geweld\/meldcode"/);
      assert.ok(text.includes('Laatst gecontroleerd op 30 november 2026 door Redactie toetsen'));
      assert.match(main, /data-module="app-print"/);
      assert.match(response.body, new RegExp(`<form[^>]*method="post"[^>]*action="/kennisbank/${publicSlug}/nuttig"`));
    });

    test('in English an article not written in English is shown in Dutch with a notice, and listed so', async () => {
      const page = await get(`/kennisbank/${publicSlug}`, {}, 'en');
      assert.equal(page.statusCode, 200);
      const text = textOf(mainOf(page.body));
      assert.ok(text.includes('This article has not been written in English yet'));
      assert.match(page.body, new RegExp(`<h1 lang="nl">${publicTitle}</h1>`));
      assert.ok(text.includes('Last reviewed on November 30, 2026 by Redactie toetsen'));
      const index = textOf(mainOf((await get('/kennisbank', {}, 'en')).body));
      assert.ok(index.includes(`${publicTitle} (in Dutch)`));
      assert.ok(index.includes('De lijn: all tracks at a glance'));
    });

    test('an article for professionals is a 404 and unlisted for a visitor and a parent, also after a professional read it', async () => {
      const forProfessional = await get(`/kennisbank/${closedSlug}`, professional?.cookies);
      assert.equal(forProfessional.statusCode, 200);
      assert.ok(textOf(mainOf(forProfessional.body)).includes('Alleen voor professionals'));
      for (const [who, jar] of [
        ['a visitor', {}],
        ['a parent', parent?.cookies ?? {}],
        ['a visitor again (nothing cached)', {}],
      ] as const) {
        const page = await get(`/kennisbank/${closedSlug}`, jar);
        assert.equal(page.statusCode, 404, who);
        assert.doesNotMatch(page.body, new RegExp(closedTitle), who);
        for (const url of ['/kennisbank', '/kennisbank?onderwerp=signalen']) {
          assert.doesNotMatch((await get(url, jar)).body, new RegExp(closedTitle), `${who}: ${url}`);
        }
        assert.doesNotMatch((await get(`/kennisbank/${closedSlug}`, jar, 'en')).body, new RegExp(closedTitle));
      }
      const listed = await get('/kennisbank?onderwerp=signalen', professional?.cookies);
      assert.ok(textOf(mainOf(listed.body)).includes(closedTitle), 'listed for the professional');
      const admin = await get(`/kennisbank/${closedSlug}`, world?.admins[0].cookies);
      assert.equal(admin.statusCode, 200, 'an admin (editorial role) reads it');
    });

    test('a professional not activated yet does not see an article for professionals', async () => {
      assert.ok(world !== undefined);
      const { buildProfessional } = await import('../../../test/helpers/factories.js');
      const pending = await buildProfessional(target, {
        username: `kb.wacht.${dialect}.${process.pid}`,
        invitedBy: world.admins[0],
        sink: world.sink,
        organisationId: world.organisationId,
      });
      assert.equal((await get(`/kennisbank/${closedSlug}`, pending.cookies)).statusCode, 404);
    });

    test('de lijn and each track are drawn from the pathway data: every step text of the data is in its article', async () => {
      const overview = await get('/kennisbank/de-lijn');
      assert.equal(overview.statusCode, 200);
      const overviewText = textOf(mainOf(overview.body));
      for (const track of pathway.tracks) {
        assert.ok(overviewText.includes(track.summary.nl), `summary of ${track.id}`);
        for (const step of track.steps) assert.ok(overviewText.includes(step.title.nl), `step ${step.id}`);
      }
      for (const lang of ['nl', 'en'] as const) {
        for (const track of pathway.tracks) {
          const page = await get(`/kennisbank/${trackSlug(track)}`, {}, lang);
          assert.equal(page.statusCode, 200, track.id);
          const text = textOf(mainOf(page.body));
          for (const step of track.steps) {
            for (const words of [step.title, step.what, ...step.expect, ...step.ask]) {
              assert.ok(text.includes(words[lang]), `${lang} ${track.id}/${step.id}: ${words[lang].slice(0, 50)}`);
            }
          }
          for (const source of track.sources) assert.ok(text.includes(source.title), `source of ${track.id}`);
          assert.match(text, lang === 'nl' ? /Laatst gecontroleerd op .* door Redactie/ : /Last reviewed on .* by/);
        }
      }
      assert.equal((await get('/kennisbank/de-lijn-bestaat-niet')).statusCode, 404);
    });

    test('the footer links to the knowledge base for everyone, the header for a signed-in professional', async () => {
      const headerOf = (html: string) => /<header[\s\S]*?<\/header>/.exec(html)?.[0] ?? '';
      const footerOf = (html: string) => /<footer class="app-footer"[\s\S]*?<\/footer>/.exec(html)?.[0] ?? '';
      for (const jar of [{}, parent?.cookies ?? {}, professional?.cookies ?? {}]) {
        assert.match(footerOf((await get('/', jar)).body), /href="\/kennisbank"/);
      }
      assert.doesNotMatch(headerOf((await get('/', {})).body), /href="\/kennisbank"/);
      assert.doesNotMatch(headerOf((await get('/', parent?.cookies)).body), /href="\/kennisbank"/);
      const forProfessional = headerOf((await get('/kennisbank', professional?.cookies)).body);
      assert.match(forProfessional, /<a class="app-nav__link" href="\/kennisbank" aria-current="page"/);
    });

    test('hostile slugs are a 404, never a 500', async () => {
      for (const slug of ['..%2F..%2Fetc', 'A'.repeat(150), '%3Cscript%3E', 'de-lijn-', 'kb%00x']) {
        const response = await get(`/kennisbank/${slug}`);
        assert.ok(
          response.statusCode >= 400 && response.statusCode < 500,
          `${slug.slice(0, 30)}: ${response.statusCode}`,
        );
      }
    });
  });
}
