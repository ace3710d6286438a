import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { type FetchedPage, fetchInBothLanguages, mainOf, notFetched, textOf } from '../../../test/helpers/html-text.js';
import { pathwayDir } from '../../shared/paths.js';
import { loadPathways } from './pathway.js';
import type { PathwaySource } from './pathway.schema.js';

/*
 * /samenwerken/jongeren explains de lijn to young people of 12 to 17, without an account: danger first, "not your
 * fault", where a young person can go themselves (with each place's sources), what they decide and what not, their
 * own place on the site, and every step in their words. Read as a visitor would: the rendered page, both languages.
 */

const pathway = loadPathways(pathwayDir).current;
let testApp: TestApp | undefined;
let pages: Record<'nl' | 'en', FetchedPage> = { nl: notFetched, en: notFetched };

before(async () => {
  testApp = await buildTestApp('sqlite');
  pages = await fetchInBothLanguages(testApp, '/samenwerken/jongeren');
});
after(async () => {
  await testApp?.close();
});

/** One source as the page shows it: its name (linked where it has an address), then "not checked since". */
function assertSourceShown(html: string, source: PathwaySource, lang: 'nl' | 'en'): void {
  const name = `${source.publisher}: ${source.title}`;
  const text = textOf(html);
  const notChecked = lang === 'nl' ? 'Niet gecontroleerd sinds' : 'Not checked since';
  assert.ok(text.includes(`${name} ${notChecked}`), `${name}, then "${notChecked}"`);
  if (source.url !== undefined) assert.ok(html.includes(`href="${source.url.replace(/&/g, '&amp;')}"`), source.url);
}

const headings = {
  nl: 'Samenwerken rond jou: uitleg voor jongeren',
  en: 'Working together around you: explained for young people',
};

for (const lang of ['nl', 'en'] as const) {
  describe(`/samenwerken/jongeren [${lang}]`, () => {
    test('answers 200 with an HTML page in the chosen language, under a neutral title', () => {
      const page = pages[lang];
      assert.equal(page.status, 200);
      assert.match(page.type, /^text\/html/);
      assert.match(page.body, new RegExp(`<html[^>]*lang="${lang}"`));
      const title = /<title>([^<]*)<\/title>/.exec(page.body)?.[1] ?? '';
      const h1 = /<h1[^>]*>([^<]*)<\/h1>/.exec(page.body)?.[1] ?? '';
      assert.equal(h1, headings[lang]);
      for (const shown of [title, h1]) assert.doesNotMatch(shown, /uitbuit|exploit|misbruik|abuse|dossier/i);
    });

    test('says first what to do in danger and that it is not their fault, and links to using the site safely', () => {
      const main = mainOf(pages[lang].body);
      const text = textOf(main);
      const danger = text.indexOf(lang === 'nl' ? 'Ben je nu in gevaar? Bel 112.' : 'Are you in danger now? Call 112.');
      const fault = text.indexOf(lang === 'nl' ? 'het is niet jouw schuld' : 'it is not your fault');
      const steps = text.indexOf(pathway.tracks[0]!.steps[0]!.young.title[lang]);
      assert.ok(danger >= 0 && fault > danger && steps > fault, 'danger, then not your fault, then the steps');
      assert.match(main, /href="\/informatie\/veilig-gebruik"/);
    });

    test('every place a young person can go: its number as a tap-to-call link or its site, and its sources', () => {
      const main = mainOf(pages[lang].body);
      for (const place of pathway.young.help) {
        const item = new RegExp(
          `<li class="app-org" id="hulp-${place.id}">([\\s\\S]*?)</li>\\s*(?:<li class="app-org" id="hulp-|</ul>\\s*</section>)`,
        ).exec(main)?.[1];
        assert.ok(item !== undefined, `the place ${place.id}`);
        assert.ok(textOf(item).includes(place.name[lang]), place.id);
        assert.ok(textOf(item).includes(place.what[lang]), place.id);
        if (place.phone !== undefined) {
          assert.ok(item.includes(`href="tel:${place.phone.replace(/\D/g, '')}"`), `${place.id}: tel link`);
          assert.ok(textOf(item).includes(place.phone), `${place.id}: the number as people read it`);
        }
        if (place.url !== undefined) assert.ok(item.includes(`href="${place.url}"`), `${place.id}: its site`);
        for (const source of place.sources) assertSourceShown(item, source, lang);
      }
      const text = textOf(main);
      for (const line of ['0800-2000', '020-261 52 75', '0900-8844', '112']) assert.ok(text.includes(line), line);
      assert.ok(text.includes('Chat met Fier'));
    });

    test('every track and every step in the young person’s words: what happens, who does it, what to ask or say', () => {
      const main = mainOf(pages[lang].body);
      const text = textOf(main);
      for (const track of pathway.tracks) {
        assert.match(main, new RegExp(`<section[^>]*id="jong-spoor-${track.id}"`), `track ${track.id}`);
        assert.match(main, new RegExp(`href="#jong-spoor-${track.id}"`), `the contents link to ${track.id}`);
        assert.ok(text.includes(track.young.summary[lang]), `summary of ${track.id}`);
        for (const step of track.steps) {
          assert.match(main, new RegExp(`<li[^>]*id="jong-stap-${step.id}"`), `step ${step.id}`);
          for (const shown of [step.young.title, step.young.what, step.young.who, ...step.young.ask]) {
            assert.ok(text.includes(shown[lang]), `${step.id}: ${shown[lang]}`);
          }
          for (const next of step.next) assert.match(main, new RegExp(`href="#jong-stap-${next}"`));
          // The parents' texts are not on this page.
          assert.ok(!text.includes(step.what[lang]), `${step.id}: not the parent's text`);
        }
      }
      assert.doesNotMatch(text, lang === 'nl' ? /\bje kind\b/ : /\byour child\b/);
    });

    test('every source is on the page, linked where it has an address, each "not checked since" its date', () => {
      const main = mainOf(pages[lang].body);
      for (const track of pathway.tracks) {
        const section = new RegExp(`<section aria-labelledby="jong-bronnen-${track.id}">([\\s\\S]*?)</section>`).exec(
          main,
        )?.[1];
        assert.ok(section !== undefined, `sources of ${track.id}`);
        for (const source of track.sources) assertSourceShown(section, source, lang);
      }
      const own = /<section aria-labelledby="jongeren-bronnen">([\s\S]*?)<\/section>/.exec(main)?.[1];
      assert.ok(own !== undefined, "the page's own sources");
      for (const source of pathway.young.sources) assertSourceShown(own, source, lang);
      const text = textOf(main);
      const sources = [
        ...pathway.tracks.flatMap((track) => track.sources),
        ...pathway.young.help.flatMap((place) => place.sources),
        ...pathway.young.sources,
      ];
      const lines = text.match(lang === 'nl' ? /Niet gecontroleerd sinds/g : /Not checked since/g) ?? [];
      assert.equal(lines.length, sources.length, 'one "not checked since" per source');
      assert.doesNotMatch(text, lang === 'nl' ? /Gecontroleerd op/ : /Checked on/);
    });

    test('says what a young person decides at 12, 16 and 18, and what nobody can stop', () => {
      const text = textOf(mainOf(pages[lang].body));
      if (lang === 'nl') {
        assert.match(text, /Ben je 12 tot 16 jaar\? Dan beslis je samen met je ouders over hulp\./);
        assert.match(text, /Ben je 16 of 17\? Dan beslis je zelf over hulp\./);
        assert.match(text, /Vanaf 12 jaar hoort de rechter ook jou\./);
        assert.match(text, /Sommige dingen kun je niet tegenhouden/);
        assert.match(text, /Dan moeten ze Veilig Thuis inschakelen, ook als jij dat niet wilt\./);
      } else {
        assert.match(text, /If you are 12 to 16, you and your parents decide about help together\./);
        assert.match(text, /If you are 16 or 17, you decide about help yourself\./);
        assert.match(text, /Some things you cannot stop/);
      }
    });

    test('tells about the own place on the site and links to where a code is typed, and to the parents’ page', () => {
      const main = mainOf(pages[lang].body);
      assert.match(main, /href="\/samenwerken\/jongere"/);
      assert.match(main, /href="\/samenwerken\/hoe-het-werkt"/);
      assert.match(
        textOf(main),
        lang === 'nl' ? /Je ouders kunnen die berichten niet lezen\./ : /Your parents cannot read those messages\./,
      );
    });
  });
}

test('the page works without JavaScript and without a session: no form, no script needed to read it', () => {
  const main = mainOf(pages.nl.body);
  assert.doesNotMatch(main, /<form\b/);
  assert.doesNotMatch(main, /<script\b/);
});

test('element ids on the page are unique (the parents’ page uses its own)', () => {
  const ids = [...pages.nl.body.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
  assert.equal(new Set(ids).size, ids.length, 'no id twice');
});
