import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { translations } from '../../translations/translations.js';

/*
 * The "right now" page (/nu) routes by situation: each block starts with the number to call first for that
 * situation, and 112 comes first only where there is danger now. Read as a parent would: the rendered page.
 */

let testApp: TestApp | undefined;
const pages: Record<'nl' | 'en', string> = { nl: '', en: '' };
/** The id of every situation's block on /nu, in the page's order. */
const situations = [
  'nu-vermist',
  'nu-gevaar',
  'nu-misbruik',
  'nu-niet-meer-leven',
  'nu-afpersing',
  'nu-terug',
  'nu-bedreigd',
  'nu-advies',
];
before(async () => {
  testApp = await buildTestApp('sqlite');
  const app = testApp.app;
  for (const lang of ['nl', 'en'] as const) {
    const response = await app.inject({ method: 'GET', url: '/nu', cookies: { taal: lang } });
    assert.equal(response.statusCode, 200);
    pages[lang] = response.body;
  }
});
after(async () => {
  await testApp?.close();
});

/** The HTML of one situation block, found by its id. */
function block(html: string, id: string): string {
  const found = new RegExp(`<section[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</section>`).exec(html)?.[1];
  assert.ok(found !== undefined, `the page has a block #${id}`);
  return found;
}

/** The numbers a block offers to call, in the order they appear. */
function numbersIn(html: string): string[] {
  return [...html.matchAll(/href="tel:([^"]+)"/g)].map((match) => match[1]!);
}

/** The visible text, without tags, so that wording can be checked. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/g, ' ')
    .replace(/\s+/g, ' ');
}

/** The page's own content, without the site-wide header and footer. */
function mainOf(html: string): string {
  const found = /<main\b[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1];
  assert.ok(found !== undefined, 'the page has a main element');
  return found;
}

for (const lang of ['nl', 'en'] as const) {
  describe(`/nu routes by situation [${lang}]`, () => {
    test('a missing child: 112 first, with the checklist of what to have ready and no appeal online', () => {
      const missing = block(pages[lang], 'nu-vermist');
      assert.equal(numbersIn(missing)[0], '112');
      const text = textOf(missing);
      const checklist =
        lang === 'nl'
          ? [
              /recente foto/,
              /telefoonnummer/,
              /accounts/,
              /bijnamen/,
              /kentekens/,
              /plekken/,
              /geen foto of oproep online/,
            ]
          : [
              /recent photo/,
              /phone number/,
              /accounts/,
              /nicknames/,
              /licence plates/,
              /places/,
              /photo or appeal online/,
            ];
      for (const item of checklist) assert.match(text, item);
    });

    test('danger now: 112 first', () => {
      assert.equal(numbersIn(block(pages[lang], 'nu-gevaar'))[0], '112');
    });

    test('a sexual assault in the last 7 days: the Centrum Seksueel Geweld (0800-0188) before 112, with the advice on traces', () => {
      const assault = block(pages[lang], 'nu-misbruik');
      const numbers = numbersIn(assault);
      assert.equal(numbers[0], '08000188', 'the Centrum Seksueel Geweld comes first');
      assert.ok(numbers.indexOf('112') > 0, '112 comes after it, for danger now');
      const text = textOf(assault);
      assert.match(text, lang === 'nl' ? /papieren zak/ : /paper bag/);
      assert.match(text, lang === 'nl' ? /Dwing je kind nergens toe/ : /Never force your child/);
      assert.match(text, lang === 'nl' ? /dag en nacht/ : /day and night/);
    });

    test('a child who talks about not wanting to live: 113 and 0800-0113 first, 112 after', () => {
      const suicide = block(pages[lang], 'nu-niet-meer-leven');
      assert.deepEqual(numbersIn(suicide).slice(0, 2), ['113', '08000113']);
      assert.ok(numbersIn(suicide).indexOf('112') > 1);
      assert.match(textOf(suicide), lang === 'nl' ? /Gratis, dag en nacht/ : /Free, day and night/);
    });

    test('blackmail with images now: do not pay, do not delete, stop contact, report, never keep a nude image, and 113', () => {
      const blackmail = block(pages[lang], 'nu-afpersing');
      const numbers = numbersIn(blackmail);
      assert.ok(!numbers.includes('112') || numbers.indexOf('09008844') < numbers.indexOf('112'));
      for (const number of ['09008844', '0202615275', '113', '08000113']) {
        assert.ok(numbers.includes(number), `the block offers ${number}`);
      }
      const text = textOf(blackmail);
      const steps =
        lang === 'nl'
          ? [
              /Niet betalen/,
              /Niets wissen/,
              /Stop het contact/,
              /Meld het/,
              /nooit zelf een naaktbeeld/,
              /klein plaatje/,
            ]
          : [
              /Do not pay/,
              /Do not delete/,
              /Stop the contact/,
              /Report it/,
              /Never keep or send a nude image/,
              /small picture/,
            ];
      for (const step of steps) assert.match(text, step);
      assert.match(blackmail, /href="\/informatie\/sextortion"/);
    });

    test('a threat that is not happening now: the police on 0900-8844 first and the family safety page', () => {
      const threat = block(pages[lang], 'nu-bedreigd');
      assert.equal(numbersIn(threat)[0], '09008844');
      assert.match(threat, /href="\/informatie\/als-het-gezin-bedreigd-wordt"/);
    });

    test('advice without danger: Veilig Thuis', () => {
      assert.equal(numbersIn(block(pages[lang], 'nu-advies'))[0], '08002000');
    });

    test('every situation is listed at the top and leads to its block', () => {
      const main = mainOf(pages[lang]);
      for (const id of situations) {
        assert.match(main, new RegExp(`href="#${id}"`));
        assert.match(main, new RegExp(`id="${id}"`));
      }
    });

    test('the page is written for any child: no she or her (or he or him) by default, and no "good news"', () => {
      const text = textOf(mainOf(pages[lang]));
      // Dutch "hem" also stands for a thing ("als je hem al eens hebt geopend"), so only the unambiguous words.
      const gendered = lang === 'nl' ? /\b(zij|haar|hij)\b/i : /\b(she|her|hers|herself|he|him|his|himself)\b/i;
      assert.doesNotMatch(text, gendered);
      assert.doesNotMatch(text, /goed nieuws|good news/i);
    });
  });
}

describe('/nu in every translated language (src/translations/)', () => {
  for (const lang of Object.keys(translations)) {
    test(`${lang}: every situation offers exactly the Dutch page’s numbers, in the same order, and the page is translated`, async () => {
      const response = await testApp!.app.inject({ method: 'GET', url: '/nu', cookies: { taal: lang } });
      assert.equal(response.statusCode, 200);
      assert.doesNotMatch(response.body, /class="app-untranslated"/, 'the page itself is in the language');
      for (const id of situations) {
        assert.deepEqual(numbersIn(block(response.body, id)), numbersIn(block(pages.nl, id)), `${lang} #${id}`);
      }
      // The footer's lines and the big call button: the same numbers on every page in every language.
      assert.deepEqual(numbersIn(response.body), numbersIn(pages.nl), `${lang}: every number on the page`);
    });
  }
});
