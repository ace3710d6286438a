import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { appForSuite, csrfTokenFrom, withCookiesOf } from '../../../test/helpers/app.js';
import { buildAdmin } from '../../../test/helpers/factories.js';
import { mainOf, textOf } from '../../../test/helpers/html-text.js';

/*
 * A knowledge article in the CMS (the editorial core with the article kind): a new article's draft form shows the
 * article's own fields (reviewer, professionals only), the preview without saving renders it as the public page
 * will, and a draft under a slug of the pathway articles is refused with the reason.
 */

type Jar = Record<string, string>;

describe('a knowledge article in the CMS [sqlite]', () => {
  const target = appForSuite('sqlite', { RATE_LIMIT_MAX: '100000' });

  async function post(url: string, jar: Jar, tokenFrom: string, payload: Record<string, string>) {
    const page = await target.app.inject({ method: 'GET', url: tokenFrom, cookies: jar });
    assert.equal(page.statusCode, 200, `${tokenFrom}: ${page.statusCode}`);
    return target.app.inject({
      method: 'POST',
      url,
      cookies: withCookiesOf(jar, page.headers),
      payload: { _csrf: csrfTokenFrom(page.body), ...payload },
    });
  }

  test('a new article: its form, its preview as published, and a reserved slug refused', async () => {
    const admin = await buildAdmin(target);
    const created = await post('/beheer/inhoud', admin.cookies, '/beheer/inhoud/nieuw?soort=article', {
      soort: 'article',
      sleutel: 'nl/kb-cms-toets',
    });
    assert.equal(created.statusCode, 303, created.body.slice(0, 300));
    const editUrl = String(created.headers.location);
    const form = await target.app.inject({ method: 'GET', url: editUrl, cookies: admin.cookies });
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /name="reviewedBy"/);
    assert.match(form.body, /name="professionalsOnly"/);
    const editNumber =
      /name="_edit"[^>]*value="(\d+)"/.exec(form.body)?.[1] ?? /value="(\d+)"[^>]*name="_edit"/.exec(form.body)?.[1];
    const preview = await post(editUrl, admin.cookies, editUrl, {
      _action: 'preview',
      _edit: editNumber ?? '1',
      _note: 'Nieuw artikel',
      title: 'CMS-toetsartikel',
      summary: 'Samenvatting van het CMS-toetsartikel.',
      'audience-police': 'on',
      topic: 'signalen',
      sources: '',
      reviewedBy: 'Redactie toetsen',
      professionalsOnly: 'on',
      lastReviewed: '2026-12-01',
      order: '100',
      body: '## Kop\n\nTekst van het CMS-toetsartikel.',
    });
    assert.equal(preview.statusCode, 200, textOf(preview.body).slice(0, 600));
    const text = textOf(mainOf(preview.body));
    assert.ok(text.includes('Tekst van het CMS-toetsartikel.'));
    assert.ok(text.includes('Alleen voor professionals'));
    assert.ok(text.includes('Laatst gecontroleerd op 1 december 2026 door Redactie toetsen'));

    const reserved = await post('/beheer/inhoud', admin.cookies, '/beheer/inhoud/nieuw?soort=article', {
      soort: 'article',
      sleutel: 'nl/de-lijn-strafzaak',
    });
    assert.ok(reserved.statusCode >= 400 && reserved.statusCode < 500, `reserved slug: ${reserved.statusCode}`);
    assert.ok(textOf(reserved.body).includes('is voor de artikelen die uit de gegevens van de lijn komen'));
  });
});
