import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { render } from 'preact-render-to-string';
import { testPageContext } from '../../../../test/helpers/page-context.js';
import type { PageContext } from '../../../shared/views/context.js';
import { type Organisation, organisationSchema } from '../organisation.schema.js';
import { OrganisationCard } from './organisation-card.js';

/** An organisation card holds no form: asking for a CSRF token fails the test. */
const contextFor = (locale: PageContext['locale']) => testPageContext(locale, { path: '/hulp' });

const organisation: Organisation = {
  slug: 'voorbeeld',
  name: 'Voorbeeld',
  kind: 'parent-support',
  description: { nl: 'Helpt ouders.', en: 'Helps parents.' },
  phone: '0800-0000',
  area: { type: 'national' },
  source: { publisher: 'Rijksoverheid', title: 'Een pagina', url: 'https://rijksoverheid.nl', date: '2026-11-28' },
  verified: true,
};

/** The card's text without tags, spaces collapsed. */
function cardText(shown: Organisation, locale: PageContext['locale']): string {
  const html = render(<OrganisationCard ctx={contextFor(locale)} shown={{ organisation: shown, state: undefined }} />);
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('where an organisation card says its details come from', () => {
  test('without a real check it names the source and says the details were not checked since its date', () => {
    const nl = cardText(organisation, 'nl');
    assert.match(nl, /Bron: Rijksoverheid, Een pagina\. Niet gecontroleerd sinds 28 november 2026\./);
    assert.doesNotMatch(nl, /Gecontroleerd op/);
    const en = cardText(organisation, 'en');
    assert.match(en, /Source: Rijksoverheid, Een pagina\. Not checked since (28 November|November 28,) 2026\./);
    assert.doesNotMatch(en, /Checked on/);
  });

  test('a source dated by its year says the year, and a source without an address is not a link', () => {
    const old: Organisation = { ...organisation, source: { publisher: 'NOS', date: '2018' } };
    assert.match(cardText(old, 'nl'), /Bron: NOS\. Niet gecontroleerd sinds 2018\./);
    assert.match(cardText(old, 'en'), /Source: NOS\. Not checked since 2018\./);
    const html = render(<OrganisationCard ctx={contextFor('nl')} shown={{ organisation: old, state: undefined }} />);
    assert.doesNotMatch(html, /<a [^>]*>NOS<\/a>/);
  });

  test('the source links to its address, as an external link', () => {
    const html = render(<OrganisationCard ctx={contextFor('nl')} shown={{ organisation, state: undefined }} />);
    assert.match(
      html,
      /<a href="https:\/\/rijksoverheid\.nl" rel="noopener noreferrer external">Rijksoverheid, Een pagina<\/a>/,
    );
  });

  test('only a real check on the organisation’s own site gives "checked on" with that day', () => {
    const checked: Organisation = { ...organisation, checkedOn: '2026-12-03' };
    const nl = cardText(checked, 'nl');
    assert.match(nl, /Gecontroleerd op 3 december 2026\./);
    assert.doesNotMatch(nl, /Niet gecontroleerd/);
    assert.match(cardText(checked, 'en'), /Checked on (3 December|December 3,) 2026\./);
  });
});

describe('the interpreter line (ADR 0054)', () => {
  const source = { publisher: 'Wegwijzer Mensenhandel', url: 'https://wegwijzermensenhandel.nl/t', date: '2026-12-07' };
  test('not known is said as not known, in every language, never as "no"', () => {
    assert.ok(cardText(organisation, 'nl').includes('Tolk: dat weten we niet. Vraag ernaar als je belt.'));
    assert.ok(cardText(organisation, 'en').includes('Interpreter: we do not know. Ask when you call.'));
    assert.ok(!cardText(organisation, 'nl').includes('geen tolk'));
  });
  test('where a source says so: yes (with the languages spoken, named in the reader’s language) or no, with the source', () => {
    const yes = cardText({ ...organisation, interpreter: { arranged: true, languages: ['ar', 'tr'], source } }, 'nl');
    assert.ok(
      yes.includes('Je kunt om een tolk vragen. Ze spreken ook: Arabisch, Turks. (Bron: Wegwijzer Mensenhandel)'),
      yes,
    );
    const no = cardText({ ...organisation, interpreter: { arranged: false, languages: [], source } }, 'en');
    assert.ok(no.includes('According to the source, no interpreter can be arranged here.'), no);
  });
  test('a stored organisation of before (interpreter true or false, no source) reads as not known', () => {
    for (const legacy of [true, false]) {
      const parsed = organisationSchema.parse({ ...organisation, interpreter: legacy });
      assert.equal(parsed.interpreter, undefined);
    }
  });
});

describe('an organisation’s own texts in a page in another language', () => {
  const html = (ctx: PageContext) =>
    render(
      <OrganisationCard
        ctx={ctx}
        shown={{ organisation: { ...organisation, phoneNote: { nl: 'Gratis.', en: 'Free.' } }, state: undefined }}
      />,
    );

  test('in a translated Arabic page the English description and phone note say they are English, left to right', () => {
    const ctx = testPageContext('en', {
      path: '/hulp',
      pageLanguage: { language: 'ar', translated: true, reviewed: false },
    });
    const shown = html(ctx);
    assert.match(shown, /<p lang="en" dir="ltr">Helps parents\.<\/p>/);
    assert.match(shown, /<span class="app-hint" lang="en" dir="ltr"> Free\.<\/span>/);
  });

  test('in a page in their own language (Dutch, English, easy-read Dutch, or a fallback page) they carry nothing extra', () => {
    const cases: PageContext[] = [
      contextFor('nl'),
      contextFor('en'),
      testPageContext('nl', {
        path: '/hulp',
        pageLanguage: { language: 'makkelijk', translated: true, reviewed: false },
      }),
      testPageContext('en', { path: '/hulp', pageLanguage: { language: 'tr', translated: false, reviewed: false } }),
    ];
    for (const ctx of cases) assert.doesNotMatch(html(ctx), /lang=/);
  });
});
