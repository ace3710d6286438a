import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { buildTestApp, csrfTokenFrom, type TestApp } from '../../../test/helpers/app.js';
import { refuseAuditWrites } from '../../../test/helpers/audit-failure.js';
import { dialects } from '../../../test/helpers/databases.js';
import { buildParent } from '../../../test/helpers/factories.js';
import { entryFormBody, type FormFile } from '../../../test/helpers/journal.js';

/*
 * The journal through HTTP, as a browser without JavaScript uses it: multipart forms with files, the CSRF
 * token in the form, redirects after a post. Bad input of every kind gets a 4xx page in the user's language
 * that keeps what was typed, and stores nothing.
 */

const passphrase = 'paarse regenjas op dinsdag';

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A tiny file whose header claims 100,000 × 100,000 pixels: decoding it would need 30 GB. */
function imageBomb(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(100_000, 0);
  header.writeUInt32BE(100_000, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

const valid = {
  datum: '2026-11-20',
  tijd: '22:15',
  categorie: 'contact',
  tekst: 'Een oudere man in een grijze auto haalde haar op bij school.',
};

for (const dialect of dialects) {
  describe(`journal routes (${dialect})`, () => {
    let test_: TestApp;
    let photo: Buffer;
    before(async () => {
      test_ = await buildTestApp(dialect);
      photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c0392b' } })
        .jpeg()
        .withExif({ IFD0: { Copyright: 'zichtbaar-geheim' } })
        .toBuffer();
    });
    after(async () => test_.close());

    let count = 0;
    /** A signed-in parent in a fresh browser, with the CSRF cookie and token of the entry form. */
    async function parent(remoteAddress = `10.9.${dialect === 'sqlite' ? 1 : 2}.${(count += 1)}`) {
      const { app } = test_;
      const { cookies } = await buildParent(test_, { username: `ouder${count}`, passphrase, remoteAddress });
      const form = await app.inject({ method: 'GET', url: '/logboek/nieuw', cookies, remoteAddress });
      assert.equal(form.statusCode, 200);
      return { cookies, token: csrfTokenFrom(form.body), remoteAddress };
    }

    async function post(
      who: Awaited<ReturnType<typeof parent>>,
      url: string,
      fields: Record<string, string>,
      files: FormFile[] = [],
      headers: Record<string, string> = {},
    ) {
      const body = await entryFormBody({ _csrf: who.token, ...fields }, files);
      return test_.app.inject({
        method: 'POST',
        url,
        cookies: who.cookies,
        remoteAddress: who.remoteAddress,
        payload: body.payload,
        headers: { ...body.headers, ...headers },
      });
    }

    const entryCount = async () =>
      Number(
        (
          await test_.database.handle.db
            .selectFrom('journal_entries')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    test('without an account the journal explains itself; its other pages do not exist', async () => {
      const { app } = test_;
      const intro = await app.inject({ method: 'GET', url: '/logboek' });
      assert.equal(intro.statusCode, 200);
      assert.match(intro.body, /href="\/registreren"/);
      for (const url of [
        '/logboek/nieuw',
        '/logboek/afdrukken',
        '/dagboek',
        '/logboek/bijlage/00000000-0000-4000-8000-000000000000',
      ]) {
        assert.equal((await app.inject({ method: 'GET', url })).statusCode, 404, url);
      }
      const refused = await app.inject({ method: 'POST', url: '/logboek', payload: { tekst: 'x' } });
      assert.equal(refused.statusCode, 404);
    });

    test('an entry with a photo: saved, shown with a thumbnail, the photo downloadable without its metadata', async () => {
      const who = await parent();
      const response = await post(who, '/logboek', { ...valid, regel: 'ja', telefoon: '06-12345678\n12345' }, [
        { bytes: photo, name: 'foto.jpg', type: 'image/jpeg' },
      ]);
      assert.equal(response.statusCode, 303);
      const location = String(response.headers.location);
      assert.match(location, /^\/logboek\/[0-9a-f-]{36}$/);
      const page = await test_.app.inject({ method: 'GET', url: location, cookies: who.cookies });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /grijze auto/);
      assert.match(page.body, /12345 <span class="app-tag app-tag--warning">nummer lijkt niet te kloppen/);
      const thumbnail = /src="(\/logboek\/bijlage\/[0-9a-f-]{36}\/voorbeeld)"/.exec(page.body)?.[1];
      assert.ok(thumbnail !== undefined);
      const small = await test_.app.inject({ method: 'GET', url: thumbnail, cookies: who.cookies });
      assert.equal(small.statusCode, 200);
      assert.equal(small.headers['content-type'], 'image/jpeg');
      const full = await test_.app.inject({
        method: 'GET',
        url: thumbnail.replace('/voorbeeld', ''),
        cookies: who.cookies,
      });
      assert.equal(full.statusCode, 200);
      assert.match(String(full.headers['content-disposition']), /^attachment; filename="bijlage-1\.jpg"$/);
      assert.match(String(full.headers['content-security-policy']), /sandbox/);
      assert.equal(full.headers['cache-control'], 'no-store');
      assert.ok(!full.rawPayload.includes(Buffer.from('zichtbaar-geheim')), 'EXIF removed');
      assert.equal((await sharp(full.rawPayload).metadata()).format, 'jpeg');
      // Another parent gets nothing from the same addresses.
      const stranger = await parent();
      for (const url of [
        location,
        thumbnail,
        thumbnail.replace('/voorbeeld', ''),
        `${location}/corrigeren`,
        `${location}/wissen`,
      ]) {
        assert.equal((await test_.app.inject({ method: 'GET', url, cookies: stranger.cookies })).statusCode, 404, url);
      }
      const correction = await post(stranger, `${location}/corrigeren`, valid);
      assert.equal(correction.statusCode, 404);
      const redaction = await test_.app.inject({
        method: 'POST',
        url: `${location}/wissen`,
        cookies: stranger.cookies,
        payload: { _csrf: stranger.token },
      });
      assert.equal(redaction.statusCode, 404);
    });

    test('a post without its CSRF token is refused and stores nothing', async () => {
      const who = await parent();
      const before = await entryCount();
      const body = await entryFormBody(valid);
      const response = await test_.app.inject({
        method: 'POST',
        url: '/logboek',
        cookies: who.cookies,
        payload: body.payload,
        headers: body.headers,
      });
      assert.equal(response.statusCode, 403);
      assert.equal(await entryCount(), before);
    });

    const badInput: [string, Record<string, string>, { bytes: () => Buffer; name: string }[], RegExp, number?][] = [
      ['a date in the future', { datum: '2099-01-01' }, [], /ligt in de toekomst/],
      ['a date before 1990', { datum: '1989-12-31' }, [], /vanaf 1990/],
      ['a date that does not exist', { datum: '2026-02-30' }, [], /echte datum/],
      ['no category', { categorie: '' }, [], /Kies waar het over gaat/],
      ['a category that does not exist', { categorie: 'verzonnen' }, [], /Kies waar het over gaat/],
      ['a text of 100 KB', { tekst: 'woord '.repeat(17_000) }, [], /tekst is te lang/],
      ['nothing written at all', { tekst: '' }, [], /Schrijf op wat er gebeurde/],
      [
        'back before gone',
        { 'vermist-van': '2026-11-20T22:00', 'vermist-tot': '2026-11-19T08:00' },
        [],
        /terugkomst ligt voor het vertrek/,
      ],
      [
        'a file without the images rule confirmed',
        {},
        [{ bytes: () => Buffer.from('x'), name: 'a.png' }],
        /Bevestig dat er geen seksuele afbeelding/,
      ],
      [
        'a program renamed to .jpg',
        { regel: 'ja' },
        [{ bytes: () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000, 1)]), name: 'foto.jpg' }],
        /geen PNG, JPEG, WebP of PDF/,
      ],
      [
        'an SVG',
        { regel: 'ja' },
        [
          {
            bytes: () =>
              Buffer.from(
                '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
              ),
            name: 'a.svg',
          },
        ],
        /geen PNG, JPEG, WebP of PDF/,
      ],
      [
        'a corrupt image',
        { regel: 'ja' },
        [
          {
            bytes: () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300, 7)]),
            name: 'kapot.jpg',
          },
        ],
        /beschadigd/,
      ],
      ['an image bomb', { regel: 'ja' }, [{ bytes: imageBomb, name: 'bom.png' }], /te veel beeldpunten/],
      [
        'a 50 MB upload',
        { regel: 'ja' },
        [{ bytes: () => Buffer.alloc(50 * 1024 * 1024, 0x41), name: 'groot.jpg' }],
        /groter dan 10 MB/,
        413,
      ],
      [
        'six files',
        { regel: 'ja' },
        Array.from({ length: 6 }, (_, index) => ({ bytes: () => Buffer.from('x'), name: `${index}.png` })),
        /hoogstens 5 bestanden/,
      ],
    ];
    for (const [name, fields, files, message, status = 400] of badInput) {
      test(`${name}: a ${status} page with a clear message, the text kept, nothing stored`, async () => {
        const who = await parent();
        const before = await entryCount();
        const typed = { ...valid, ...fields };
        const response = await post(
          who,
          '/logboek',
          typed,
          files.map((file) => ({ bytes: file.bytes(), name: file.name })),
        );
        assert.equal(response.statusCode, status);
        assert.match(response.body, message);
        assert.match(response.body, /class="app-error-summary"/);
        if (typed.tekst !== '' && typed.tekst.length < 1000)
          assert.ok(response.body.includes(typed.tekst), 'the text is kept');
        assert.equal(await entryCount(), before);
      });
    }

    test('an entry form without files, posted with lists, prototype names or control characters, gets field messages', async () => {
      const who = await parent();
      const before = await entryCount();
      const plain = `_csrf=${encodeURIComponent(who.token)}&categorie=contact&tekst=Iets`;
      for (const [body, message] of [
        [`${plain}&datum=2026-11-20&datum=2026-11-21`, /Vul de datum in waarop het gebeurde/],
        [
          `_csrf=${encodeURIComponent(who.token)}&datum=2026-11-20&categorie=contact&categorie=online&tekst=Iets`,
          /Kies waar het over gaat/,
        ],
        [`${plain}&datum=%00%01%7f`, /Vul de datum in waarop het gebeurde/],
        [`${plain}&datum=${'9'.repeat(5_000)}`, /Vul een echte datum in/],
        [
          `_csrf=${encodeURIComponent(who.token)}&__proto__=x&constructor=contact&toString=2026-11-20`,
          /Vul de datum in waarop het gebeurde/,
        ],
        [
          `_csrf=${encodeURIComponent(who.token)}&datum=2026-11-20&categorie=contact&tekst=%00%01%02`,
          /Schrijf op wat er gebeurde/,
        ],
      ] as const) {
        const response = await test_.app.inject({
          method: 'POST',
          url: '/logboek',
          cookies: who.cookies,
          remoteAddress: who.remoteAddress,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: body,
        });
        assert.equal(response.statusCode, 400, body.slice(-60));
        assert.match(response.body, message, body.slice(-60));
        assert.match(response.body, /class="app-error-summary"/);
      }
      assert.equal(await entryCount(), before);
    });

    test('TIFF and GIF images are refused by their content', async () => {
      const who = await parent();
      for (const format of ['tiff', 'gif'] as const) {
        const bytes = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
          .toFormat(format)
          .toBuffer();
        const response = await post(who, '/logboek', { ...valid, regel: 'ja' }, [{ bytes, name: 'plaatje.png' }]);
        assert.equal(response.statusCode, 400, format);
        assert.match(response.body, /geen PNG, JPEG, WebP of PDF/);
      }
    });

    test('the new-entry form warns, above the file field, never to add a nude image, also not inside a chat screenshot', async () => {
      const who = await parent();
      for (const [lang, warning] of [
        ['nl', /geen naaktbeeld op staat\. Ook niet als klein plaatje in een schermafbeelding van een chat/],
        ['en', /shows no nude image\. Not even as a small picture inside a screenshot of a chat/],
      ] as const) {
        const form = await test_.app.inject({
          method: 'GET',
          url: '/logboek/nieuw',
          cookies: { ...who.cookies, taal: lang },
          remoteAddress: who.remoteAddress,
        });
        assert.equal(form.statusCode, 200);
        const at = warning.exec(form.body)?.index;
        const field = form.body.indexOf('type="file"');
        assert.ok(at !== undefined, `${lang}: the form shows the warning`);
        assert.ok(field > at, `${lang}: the warning comes before the file field`);
        assert.match(form.body, /aria-describedby="bijlagen-waarschuwing[^"]*"/, 'the file field is described by it');
      }
    });

    test('messages follow the language: the same mistake in English', async () => {
      const who = await parent();
      const response = await post(who, '/logboek', { ...valid, datum: '2099-01-01' }, [], { 'accept-language': 'en' });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /This date or time is in the future/);
    });

    test('correct, then redact: the old entry stays, the redacted one keeps its place', async () => {
      const who = await parent();
      const first = await post(who, '/logboek', valid);
      const location = String(first.headers.location);
      const form = await test_.app.inject({ method: 'GET', url: `${location}/corrigeren`, cookies: who.cookies });
      assert.match(form.body, /grijze auto/, 'the correction starts from what was written');
      const corrected = await post(who, `${location}/corrigeren`, { ...valid, tekst: 'Het was een blauwe auto.' });
      assert.equal(corrected.statusCode, 303);
      const original = await test_.app.inject({ method: 'GET', url: location, cookies: who.cookies });
      assert.match(original.body, /grijze auto/);
      assert.match(original.body, /blauwe auto/, 'shown together');
      assert.match(original.body, /Verbeterd in notitie/);

      const confirm = await test_.app.inject({ method: 'GET', url: `${location}/wissen`, cookies: who.cookies });
      const redacted = await test_.app.inject({
        method: 'POST',
        url: `${location}/wissen`,
        cookies: who.cookies,
        payload: { _csrf: csrfTokenFrom(confirm.body) },
      });
      assert.equal(redacted.statusCode, 303);
      const after = await test_.app.inject({ method: 'GET', url: location, cookies: who.cookies });
      assert.match(after.body, /Notitie 1 \(gewist\)/);
      assert.doesNotMatch(after.body, /grijze auto/);
      const again = await test_.app.inject({
        method: 'POST',
        url: `${location}/wissen`,
        cookies: who.cookies,
        payload: { _csrf: csrfTokenFrom(confirm.body) },
      });
      assert.equal(again.statusCode, 409);
      const list = await test_.app.inject({ method: 'GET', url: '/logboek?volgorde=geschreven', cookies: who.cookies });
      assert.match(list.body, /3 notities/);
    });

    test('the list filters by a neutral category code and period; a bad date gets a message', async () => {
      const who = await parent();
      await post(who, '/logboek', { ...valid, categorie: 'money', tekst: 'Nieuwe sneakers van 200 euro.' });
      await post(who, '/logboek', { ...valid, datum: '2026-10-01', tekst: 'Oktober.' });
      const money = await test_.app.inject({ method: 'GET', url: '/logboek?c=5', cookies: who.cookies });
      assert.match(money.body, /sneakers/);
      assert.doesNotMatch(money.body, /Oktober/);
      const october = await test_.app.inject({
        method: 'GET',
        url: '/logboek?van=2026-10-01&tot=2026-10-31',
        cookies: who.cookies,
      });
      assert.match(october.body, /Oktober/);
      assert.doesNotMatch(october.body, /sneakers/);
      const bad = await test_.app.inject({
        method: 'GET',
        url: '/logboek?van=gisteren&pagina=-1&c=99',
        cookies: who.cookies,
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /echte datum/);
      // Hostile filters: a day twice, prototype names, control characters; the right filters still apply.
      for (const url of [
        '/logboek?c=5&van=2026-10-01&van=2026-10-02',
        '/logboek?c=5&__proto__=x&constructor=y&tot=%00',
        `/logboek?c=5&tot=${'9'.repeat(2000)}`,
      ]) {
        const hostile = await test_.app.inject({ method: 'GET', url, cookies: who.cookies });
        assert.equal(hostile.statusCode, 400, url.slice(0, 60));
        assert.match(hostile.body, /echte datum/, url.slice(0, 60));
        assert.match(hostile.body, /sneakers/, 'the category filter still applies');
        assert.doesNotMatch(hostile.body, /Oktober/);
      }
      const ignored = await test_.app.inject({
        method: 'GET',
        url: '/logboek?c=5&c=6&volgorde=x&pagina=1e9&toString=1',
        cookies: who.cookies,
      });
      assert.equal(ignored.statusCode, 200, 'an unknown category, order or page reads as none');
    });

    test('ids that are not ids, and diary ids used as entry ids, are "not found"', async () => {
      const who = await parent();
      const page = await test_.app.inject({ method: 'GET', url: '/dagboek', cookies: who.cookies });
      await test_.app.inject({
        method: 'POST',
        url: '/dagboek',
        cookies: who.cookies,
        payload: { _csrf: csrfTokenFrom(page.body), tekst: 'Vandaag was zwaar.' },
      });
      const row = await test_.database.handle.db.selectFrom('diary_notes').select('id').executeTakeFirstOrThrow();
      for (const url of [
        `/logboek/${row.id}`,
        '/logboek/..%2f..%2fetc',
        "/logboek/1' OR '1'='1",
        `/logboek/bijlage/${row.id}`,
      ]) {
        const response = await test_.app.inject({ method: 'GET', url, cookies: who.cookies });
        assert.equal(response.statusCode, 404, url);
      }
      const correction = await post(who, `/logboek/${row.id}/corrigeren`, valid);
      assert.equal(correction.statusCode, 404);
    });

    test('"download my data" holds the journal as written and the diary; the account page shows the fingerprint', async () => {
      const who = await parent();
      await post(who, '/logboek', { ...valid, tekst: 'Voor mijn eigen kopie.' });
      const diaryPage = await test_.app.inject({ method: 'GET', url: '/dagboek', cookies: who.cookies });
      await test_.app.inject({
        method: 'POST',
        url: '/dagboek',
        cookies: who.cookies,
        payload: { _csrf: csrfTokenFrom(diaryPage.body), tekst: 'Alleen voor mij.' },
      });
      const account = await test_.app.inject({ method: 'GET', url: '/account', cookies: who.cookies });
      assert.match(account.body, /class="app-fingerprint">([0-9a-f]{4} ){15}[0-9a-f]{4}</);
      const download = await test_.app.inject({
        method: 'POST',
        url: '/account/gegevens',
        cookies: who.cookies,
        remoteAddress: who.remoteAddress,
        payload: { _csrf: csrfTokenFrom(account.body), wachtwoord: passphrase },
      });
      assert.equal(download.statusCode, 200);
      const data = download.json<{ journal: { observation?: { text: string } }[]; diary: { text: string }[] }>();
      assert.deepEqual(
        data.journal.map((entry) => entry.observation?.text),
        ['Voor mijn eigen kopie.'],
      );
      assert.deepEqual(
        data.diary.map((note) => note.text),
        ['Alleen voor mij.'],
      );
    });

    test('the diary: written, shown only to its writer, deleted; an empty note gets a message', async () => {
      const who = await parent();
      const page = await test_.app.inject({ method: 'GET', url: '/dagboek', cookies: who.cookies });
      const token = csrfTokenFrom(page.body);
      const empty = await test_.app.inject({
        method: 'POST',
        url: '/dagboek',
        cookies: who.cookies,
        payload: { _csrf: token, tekst: '  ' },
      });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /Schrijf eerst iets op/);
      // Missing, malformed, oversized and hostile notes: a 400 with the note's message, nothing stored.
      for (const [body, message] of [
        ['', /Schrijf eerst iets op/],
        ['tekst=een&tekst=twee', /Schrijf eerst iets op/],
        ['tekst=%00%01%1b%7f', /Schrijf eerst iets op/],
        ['__proto__=x&constructor=y&toString=z', /Schrijf eerst iets op/],
        [`tekst=${'a'.repeat(20_001)}`, /app-error-summary/],
      ] as const) {
        const refused = await test_.app.inject({
          method: 'POST',
          url: '/dagboek',
          cookies: who.cookies,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: `_csrf=${encodeURIComponent(token)}&${body}`,
        });
        assert.equal(refused.statusCode, 400, body.slice(0, 40));
        assert.match(refused.body, message, body.slice(0, 40));
      }
      const tooLong = await test_.app.inject({
        method: 'POST',
        url: '/dagboek',
        cookies: who.cookies,
        payload: { _csrf: token, tekst: `Lang verhaal ${'b'.repeat(20_000)}` },
      });
      assert.match(tooLong.body, /Lang verhaal b/, 'the note as typed is shown again');
      const saved = await test_.app.inject({
        method: 'POST',
        url: '/dagboek',
        cookies: who.cookies,
        payload: { _csrf: token, tekst: 'Ik huil veel.' },
      });
      assert.equal(saved.statusCode, 303);
      const shown = await test_.app.inject({ method: 'GET', url: '/dagboek', cookies: who.cookies });
      assert.match(shown.body, /Ik huil veel\./);
      const list = await test_.app.inject({ method: 'GET', url: '/logboek', cookies: who.cookies });
      assert.doesNotMatch(list.body, /Ik huil veel/);
      const print = await test_.app.inject({ method: 'GET', url: '/logboek/afdrukken', cookies: who.cookies });
      assert.doesNotMatch(print.body, /Ik huil veel/);
      assert.match(print.body, /papier kan gevonden worden/);
      const noteId = /action="\/dagboek\/([0-9a-f-]{36})\/verwijderen"/.exec(shown.body)?.[1];
      const stranger = await parent();
      const strangers = await test_.app.inject({ method: 'GET', url: '/dagboek', cookies: stranger.cookies });
      assert.doesNotMatch(strangers.body, /Ik huil veel/);
      const notTheirs = await test_.app.inject({
        method: 'POST',
        url: `/dagboek/${noteId}/verwijderen`,
        cookies: stranger.cookies,
        payload: { _csrf: csrfTokenFrom(strangers.body) },
      });
      assert.equal(notTheirs.statusCode, 404);
      const deleted = await test_.app.inject({
        method: 'POST',
        url: `/dagboek/${noteId}/verwijderen`,
        cookies: who.cookies,
        payload: { _csrf: csrfTokenFrom(shown.body) },
      });
      assert.equal(deleted.statusCode, 303);
      const gone = await test_.app.inject({ method: 'GET', url: '/dagboek', cookies: who.cookies });
      assert.doesNotMatch(gone.body, /Ik huil veel/);
    });

    test('when the audit log cannot be written, no entry, correction, redaction or diary change is saved, and the answer is an error', async () => {
      const who = await parent();
      const db = test_.database.handle.db;
      const first = await post(who, '/logboek', valid);
      assert.equal(first.statusCode, 303);
      const location = first.headers.location as string;
      await test_.app.inject({
        method: 'POST',
        url: '/dagboek',
        cookies: who.cookies,
        payload: { _csrf: who.token, tekst: 'Deze blijft staan.' },
      });
      const diary = await test_.app.inject({ method: 'GET', url: '/dagboek', cookies: who.cookies });
      const noteId = /\/dagboek\/([0-9a-f-]{36})\/verwijderen/.exec(diary.body)?.[1];
      assert.ok(noteId !== undefined);
      const count = async (table: 'journal_entries' | 'diary_notes' | 'audit_log') =>
        Number(
          (
            await db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const state = async () => ({
        entries: await count('journal_entries'),
        notes: await count('diary_notes'),
        audit: await count('audit_log'),
        shown: (await test_.app.inject({ method: 'GET', url: location, cookies: who.cookies })).body.includes(
          valid.tekst,
        ),
      });
      const before_ = await state();

      const restore = await refuseAuditWrites(test_.database.handle);
      try {
        const form = (url: string, payload: Record<string, string>) =>
          test_.app.inject({ method: 'POST', url, cookies: who.cookies, payload: { _csrf: who.token, ...payload } });
        const answers = {
          entry: await post(who, '/logboek', valid),
          correction: await post(who, `${location}/corrigeren`, { ...valid, tekst: 'Het was een blauwe auto.' }),
          redaction: await form(`${location}/wissen`, {}),
          note: await form('/dagboek', { tekst: 'Deze mag niet bewaard worden.' }),
          deletion: await form(`/dagboek/${noteId}/verwijderen`, {}),
        };
        for (const [what, answer] of Object.entries(answers)) assert.equal(answer.statusCode, 500, what);
      } finally {
        await restore();
      }
      // After a refresh the parent sees what she saw before: nothing was half-saved.
      assert.deepEqual(
        await state(),
        { ...before_, audit: before_.audit + 1 },
        'only the read of the entry page is logged',
      );

      const saved = await post(who, '/logboek', valid);
      assert.equal(saved.statusCode, 303);
      const line = await db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').executeTakeFirstOrThrow();
      assert.equal(line.action, 'journal.entry.add');
      assert.equal(`/logboek/${line.object_id}`, saved.headers.location);
      assert.match(line.request_id, /^[0-9a-f-]{36}$/, 'the request the entry came in');
      assert.equal((await test_.services.audit.verify()).ok, true);
    });

    test('entries and diary notes from several parents at once keep the audit chain whole', async () => {
      const writers = await Promise.all([parent(), parent(), parent()]);
      const answers = await Promise.all(
        writers.flatMap((who) => [
          post(who, '/logboek', valid),
          ...['een', 'twee', 'drie'].map((tekst) =>
            test_.app.inject({
              method: 'POST',
              url: '/dagboek',
              cookies: who.cookies,
              payload: { _csrf: who.token, tekst },
            }),
          ),
        ]),
      );
      assert.deepEqual(
        answers.map((answer) => answer.statusCode),
        answers.map(() => 303),
      );
      const result = await test_.services.audit.verify();
      assert.equal(result.ok, true, JSON.stringify(result.problems));
    });
  });
}
