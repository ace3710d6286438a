import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { appForSuite, csrfTokenFrom } from '../../../test/helpers/app.js';
import { dialects } from '../../../test/helpers/databases.js';
import { buildParent } from '../../../test/helpers/factories.js';
import { entryFormBody } from '../../../test/helpers/journal.js';
import { assertNotInDump, databaseDump } from '../../../test/helpers/dump.js';

/*
 * A copy of the database (raw SQLite files, or pg_dump) after a parent wrote entries, a correction, a diary note
 * and attachments, must hold none of what they wrote or uploaded: no text, no field value, no file bytes, no
 * photo metadata, in any common encoding.
 */

const passphrase = 'koperen ketel in de schuur';

for (const dialect of dialects) {
  describe(`a copy of the database holds nothing of the journal (${dialect})`, () => {
    const testApp = appForSuite(dialect);

    test('no text, field value, file bytes or EXIF in the dump', async () => {
      const { app } = testApp;
      const { cookies } = await buildParent(testApp, { username: 'dump.ouder', passphrase });
      const token = csrfTokenFrom((await app.inject({ method: 'GET', url: '/logboek/nieuw', cookies })).body);

      const photo = await sharp({ create: { width: 200, height: 150, channels: 3, background: '#8e44ad' } })
        .jpeg({ quality: 95 })
        .withExif({ IFD0: { Copyright: 'Exif-Merkteken-Zwanenburg', Artist: 'Fotograaf-Visbeek' } })
        .toBuffer();
      const pdf = Buffer.from(
        '%PDF-1.4\n1 0 obj << /Type /Catalog /Title (Pdf-Geheim-Houtkamp) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
      );
      const values = {
        text: 'Zag haar instappen bij Kapsalon Merelhof om kwart over tien',
        words: 'Hij zegt dat ik hem iets schuldig ben, papa',
        person: 'Rocco-Ballerina',
        online: 'snap:vossenstaart_771',
        phone: '06-98765432',
        plate: 'ZX-481-Q',
        place: 'Parkeerplaats Wolvenhoek',
        agency: 'Referentie-PL0900-77123',
        diary: 'Ik durf het niet aan mijn moeder te vertellen',
      };
      const body = await entryFormBody(
        {
          _csrf: token,
          datum: '2026-11-20',
          categorie: 'contact',
          tekst: values.text,
          woorden: values.words,
          'persoon-1-naam': values.person,
          online: values.online,
          telefoon: values.phone,
          kenteken: values.plate,
          plaatsen: values.place,
          'instantie-1-wie': 'Politie',
          'instantie-1-kenmerk': values.agency,
          regel: 'ja',
          metadata: 'ja',
        },
        [
          { bytes: photo, name: 'a.jpg' },
          { bytes: pdf, name: 'b.pdf' },
        ],
      );
      const added = await app.inject({ method: 'POST', url: '/logboek', cookies, ...body });
      assert.equal(added.statusCode, 303);
      const entryPage = await app.inject({ method: 'GET', url: String(added.headers.location), cookies });
      const stored = await app.inject({
        method: 'GET',
        url: /href="(\/logboek\/bijlage\/[0-9a-f-]{36})"/.exec(entryPage.body)![1]!,
        cookies,
      });
      assert.equal(stored.statusCode, 200);
      const diaryPage = await app.inject({ method: 'GET', url: '/dagboek', cookies });
      const diary = await app.inject({
        method: 'POST',
        url: '/dagboek',
        cookies,
        payload: { _csrf: csrfTokenFrom(diaryPage.body), tekst: values.diary },
      });
      assert.equal(diary.statusCode, 303);

      const dump = await databaseDump(testApp);
      // The dump is real: the tables are there, and so is what is stored in the clear (the username).
      assert.ok(dump.includes('journal_entries'), 'the dump holds the journal tables');
      assert.ok(dump.includes('dump.ouder'), 'the dump holds the clear-text username');
      const slice = (bytes: Buffer, from: number) => bytes.subarray(from, from + 48);
      assertNotInDump(dump, [
        ...Object.entries(values).map(([name, value]): [string, Buffer] => [name, Buffer.from(value)]),
        ['EXIF copyright', Buffer.from('Exif-Merkteken-Zwanenburg')],
        ['PDF title', Buffer.from('Pdf-Geheim-Houtkamp')],
        ['original photo bytes', slice(photo, photo.length - 200)],
        ['original photo header', slice(photo, 0)],
        ['stored photo bytes', slice(stored.rawPayload, stored.rawPayload.length - 200)],
        ['PDF bytes', pdf],
      ]);
    });
  });
}
