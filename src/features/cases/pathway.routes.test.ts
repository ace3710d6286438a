import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { type FetchedPage, fetchInBothLanguages, mainOf, notFetched, textOf } from '../../../test/helpers/html-text.js';
import { loadPathways } from './pathway.js';
import { pathwayDir } from '../../shared/paths.js';

/*
 * /samenwerken/hoe-het-werkt explains the pathway of de lijn to anyone, without an account: every track with its
 * steps, what a parent can expect and ask, what a parent cannot decide, and where each fact comes from. Read as
 * a visitor would: the rendered page, in both languages.
 */

const pathway = loadPathways(pathwayDir).current;
let testApp: TestApp | undefined;
let pages: Record<'nl' | 'en', FetchedPage> = { nl: notFetched, en: notFetched };

before(async () => {
  testApp = await buildTestApp('sqlite');
  pages = await fetchInBothLanguages(testApp, '/samenwerken/hoe-het-werkt');
});
after(async () => {
  await testApp?.close();
});

for (const lang of ['nl', 'en'] as const) {
  describe(`/samenwerken/hoe-het-werkt [${lang}]`, () => {
    test('answers 200 with an HTML page in the chosen language, under a neutral title', () => {
      const page = pages[lang];
      assert.equal(page.status, 200);
      assert.match(page.type, /^text\/html/);
      assert.match(page.body, new RegExp(`<html[^>]*lang="${lang}"`));
      const title = /<title>([^<]*)<\/title>/.exec(page.body)?.[1] ?? '';
      const h1 = /<h1[^>]*>([^<]*)<\/h1>/.exec(page.body)?.[1] ?? '';
      assert.equal(
        h1,
        lang === 'nl' ? 'Samenwerken rond je kind: zo werkt het' : 'Working together around your child: how it works',
      );
      for (const shown of [title, h1]) assert.doesNotMatch(shown, /uitbuit|exploit|dossier/i);
    });

    test('shows every track with every step, and what a parent can expect and ask at each', () => {
      const main = mainOf(pages[lang].body);
      const text = textOf(main);
      for (const track of pathway.tracks) {
        assert.match(main, new RegExp(`<section[^>]*id="spoor-${track.id}"`), `track ${track.id}`);
        assert.ok(text.includes(track.title[lang]), `title of ${track.id}`);
        assert.match(main, new RegExp(`href="#spoor-${track.id}"`), `the contents link to ${track.id}`);
        for (const step of track.steps) {
          assert.match(main, new RegExp(`<li[^>]*id="stap-${step.id}"`), `step ${step.id}`);
          assert.ok(text.includes(step.title[lang]), `title of ${step.id}`);
          assert.ok(text.includes(step.expect[0]![lang]), `what to expect at ${step.id}`);
          assert.ok(text.includes(step.ask[0]![lang]), `what to ask at ${step.id}`);
        }
      }
      assert.ok(text.includes(lang === 'nl' ? 'Wat je kunt verwachten' : 'What you can expect'));
      assert.ok(text.includes(lang === 'nl' ? 'Wat je kunt vragen' : 'What you can ask'));
      assert.ok(text.includes(lang === 'nl' ? 'Wie doet dit meestal:' : 'Who usually does this:'));
    });

    test('links each next step, also into another track, and the loop back from aftercare', () => {
      const main = mainOf(pages[lang].body);
      const aftercareEnd = /<li[^>]*id="stap-nazorg-klaar"[^>]*>([\s\S]*?)<\/li>\s*<\/ol>/.exec(main)?.[1] ?? '';
      assert.match(aftercareEnd, /href="#stap-zorg-opmerken"/);
      const signal = pathway.tracks.find((track) => track.id === 'signaal-en-advies')!.title[lang];
      assert.ok(textOf(aftercareEnd).includes(signal), 'a step in another track is named with its track');
      for (const track of pathway.tracks) {
        for (const step of track.steps) {
          for (const next of step.next) assert.match(main, new RegExp(`href="#stap-${next}"`));
        }
      }
    });

    test('says plainly what a parent cannot decide or stop', () => {
      const text = textOf(mainOf(pages[lang].body));
      if (lang === 'nl') {
        assert.match(text, /Je kunt een onderzoek van de politie, van Veilig Thuis of van de Raad/);
        assert.match(text, /niet stoppen/);
        assert.match(text, /Het Openbaar Ministerie beslist/);
        assert.match(text, /kun je niet uit de samenwerking halen/);
      } else {
        assert.match(text, /You cannot stop an investigation by the police, by Veilig Thuis or by the Raad/);
        assert.match(text, /public prosecutor \(Openbaar Ministerie\) decides/);
        assert.match(text, /You cannot remove Veilig Thuis during an investigation/);
      }
    });

    test('shows every track’s sources, linked where they have an address, each "not checked since" its date', () => {
      const main = mainOf(pages[lang].body);
      for (const track of pathway.tracks) {
        const section = new RegExp(`<section aria-labelledby="bronnen-${track.id}">([\\s\\S]*?)</section>`).exec(
          main,
        )?.[1];
        assert.ok(section !== undefined, `sources of ${track.id}`);
        const text = textOf(section);
        for (const source of track.sources) {
          assert.ok(text.includes(`${source.publisher}: ${source.title}`), `${track.id}: ${source.title}`);
          if (source.url !== undefined) {
            assert.ok(section.includes(`href="${source.url.replace(/&/g, '&amp;')}"`), source.url);
          }
        }
        const lines = text.match(lang === 'nl' ? /Niet gecontroleerd sinds/g : /Not checked since/g) ?? [];
        assert.equal(lines.length, track.sources.length, `${track.id}: one "not checked since" per source`);
        assert.doesNotMatch(text, lang === 'nl' ? /Gecontroleerd op/ : /Checked on/);
      }
      assert.match(textOf(main), lang === 'nl' ? /Niet gecontroleerd sinds 2021\./ : /Not checked since 2021\./);
    });

    test('links to the information pages, the right-now page and the explanation for young people', () => {
      const main = mainOf(pages[lang].body);
      assert.match(main, /href="\/nu"/);
      assert.match(main, /href="\/informatie\/na-een-aangifte"/);
      assert.match(main, /href="\/informatie\/jeugdhulp-en-bescherming"/);
      assert.match(main, /href="\/samenwerken\/jongeren"/, 'the explanation for young people');
    });
  });
}

test('the page works without JavaScript and without a session: no form, no script needed to read it', () => {
  const main = mainOf(pages.nl.body);
  assert.doesNotMatch(main, /<form\b/);
  assert.doesNotMatch(main, /<script\b/);
});
