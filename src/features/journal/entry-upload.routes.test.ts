import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { PassThrough } from 'node:stream';
import { describe, test } from 'node:test';
import { appForSuite, csrfTokenFrom, setCookies } from '../../../test/helpers/app.js';
import { dialects } from '../../../test/helpers/databases.js';
import { buildAdmin, buildParent } from '../../../test/helpers/factories.js';
import { entryFormBody } from '../../../test/helpers/journal.js';

/*
 * Entry forms with files, as an attacker and as a hurried parent send them: the token is
 * checked before any file is read, the sixth file and the first byte past 10 MB stop the reading, a body that
 * is not proper multipart is a 400, and only so many are read at once. "Before it was read" is shown by the
 * answer arriving while the client is still sending (its stream is still open), never by a clock or memory.
 */

const passphrase = 'paarse regenjas op dinsdag';
const MB = 1024 * 1024;
const valid = {
  datum: '2026-11-20',
  tijd: '22:15',
  categorie: 'contact',
  tekst: 'Een oudere man in een grijze auto haalde haar op bij school.',
};

/** A multipart body written by hand, part by part, so a test can stop anywhere. */
function multipartWriter() {
  const boundary = `----nmk${randomBytes(8).toString('hex')}`;
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    field: (name: string, value: string) =>
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    fileHead: (filename: string) =>
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="bijlagen"; filename="${filename}"\r\n` +
          'Content-Type: image/jpeg\r\n\r\n',
      ),
    fileEnd: Buffer.from('\r\n'),
    end: Buffer.from(`--${boundary}--\r\n`),
  };
}

/**
 * Waits until the server has read the stream's buffered bytes. The server may first wait on the database (the
 * session, the journal's write rule), so this waits for the reading itself, however long that takes on a busy
 * machine; a server that never reads fails the test through its safety net instead of hanging.
 */
async function untilRead(stream: PassThrough): Promise<void> {
  while (stream.readableLength > 0 && !stream.destroyed) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  assert.equal(stream.readableLength, 0, 'the server read what was sent so far');
}

/**
 * A test whose server kept reading would wait forever for a body the client never finishes: it fails after
 * this instead of hanging the run. Nothing here measures time; the answer arrives long before it.
 */
const safetyNet = { timeout: 120_000 };

for (const dialect of dialects) {
  describe(`journal entry forms with files (${dialect})`, () => {
    // Two entry forms with files at once for everyone, so the overall bound can be reached in a test.
    // A stalled connection is closed after one second (UPLOAD_IDLE_SECONDS), so that can be shown too.
    const testApp = appForSuite(dialect, { UPLOADS_IN_FLIGHT_MAX: '2', UPLOAD_IDLE_SECONDS: '1' });

    let count = 0;
    /** A signed-in parent with the CSRF cookie and token of the entry form. */
    async function parent() {
      const { app } = testApp;
      count += 1;
      const remoteAddress = `10.12.${dialect === 'sqlite' ? 1 : 2}.${count}`;
      const { cookies } = await buildParent(testApp, { username: `upload.ouder${count}`, passphrase, remoteAddress });
      const form = await app.inject({ method: 'GET', url: '/logboek/nieuw', cookies, remoteAddress });
      return { cookies, token: csrfTokenFrom(form.body), remoteAddress };
    }
    type Parent = Awaited<ReturnType<typeof parent>>;

    /** Starts a post whose body the test writes, part by part; the stream stays open until the test ends it. */
    function streamingPost(who: Pick<Parent, 'cookies' | 'remoteAddress'>, url: string, headers = {}) {
      const writer = multipartWriter();
      const body = new PassThrough();
      const response = testApp.app.inject({
        method: 'POST',
        url,
        cookies: who.cookies,
        remoteAddress: who.remoteAddress,
        headers: { 'content-type': writer.contentType, ...headers },
        payload: body,
      });
      return { writer, body, response };
    }

    /** A whole body at once. */
    function post(who: Pick<Parent, 'cookies' | 'remoteAddress'>, url: string, payload: Buffer, contentType: string) {
      return testApp.app.inject({
        method: 'POST',
        url,
        cookies: who.cookies,
        remoteAddress: who.remoteAddress,
        headers: { 'content-type': contentType },
        payload,
      });
    }

    const rows = async (table: 'journal_entries' | 'journal_attachments') =>
      Number(
        (
          await testApp.database.handle.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    test(
      'a bogus token with big files is refused with 403 while the client is still sending them',
      safetyNet,
      async () => {
        const who = await parent();
        const before = await rows('journal_entries');
        const { writer, body, response } = streamingPost(who, '/logboek');
        body.write(writer.field('_csrf', 'vervalst-token'));
        body.write(writer.fileHead('groot-1.jpg'));
        body.write(Buffer.alloc(MB, 0x41));
        // The client means to send 20 files of 10 MB; it has sent 1 MB of the first and waits.
        const answer = await response;
        assert.equal(answer.statusCode, 403);
        assert.match(answer.body, /Het formulier is verlopen/);
        assert.equal(answer.headers.connection, 'close', 'the server reads no more of this connection');
        assert.equal(body.writableEnded, false, 'answered before the client finished sending');
        body.destroy();
        assert.equal(await rows('journal_entries'), before);
      },
    );

    test('a form whose first field is not the token is refused before anything else is read', safetyNet, async () => {
      const who = await parent();
      const { writer, body, response } = streamingPost(who, '/logboek');
      // A file first, then (never reached) the token.
      body.write(writer.fileHead('eerst.jpg'));
      body.write(Buffer.alloc(MB, 0x42));
      const answer = await response;
      assert.equal(answer.statusCode, 403);
      assert.equal(body.writableEnded, false);
      body.destroy();

      const fieldFirst = streamingPost(who, '/logboek');
      fieldFirst.body.write(fieldFirst.writer.field('tekst', 'eerst tekst'));
      fieldFirst.body.write(fieldFirst.writer.field('_csrf', who.token));
      assert.equal((await fieldFirst.response).statusCode, 403, 'the token must be the first field');
      fieldFirst.body.destroy();
    });

    test(
      'the token may come in the x-csrf-token header instead: a bogus one is refused before the body is read',
      safetyNet,
      async () => {
        const who = await parent();
        const bogus = streamingPost(who, '/logboek', { 'x-csrf-token': 'vervalst' });
        bogus.body.write(bogus.writer.field('_csrf', who.token));
        bogus.body.write(bogus.writer.fileHead('groot.jpg'));
        bogus.body.write(Buffer.alloc(MB, 0x43));
        const refused = await bogus.response;
        assert.equal(refused.statusCode, 403);
        assert.equal(bogus.body.writableEnded, false);
        bogus.body.destroy();

        // The right token in the header: the fields may come in any order.
        const writer = multipartWriter();
        const payload = Buffer.concat([
          ...Object.entries(valid).map(([name, value]) => writer.field(name, value)),
          writer.end,
        ]);
        const saved = await testApp.app.inject({
          method: 'POST',
          url: '/logboek',
          cookies: who.cookies,
          remoteAddress: who.remoteAddress,
          headers: { 'content-type': writer.contentType, 'x-csrf-token': who.token },
          payload,
        });
        assert.equal(saved.statusCode, 303);
      },
    );

    test(
      'the sixth file stops the reading: a 400 form that keeps the text, while the client is still sending',
      safetyNet,
      async () => {
        const who = await parent();
        const before = await rows('journal_entries');
        const { writer, body, response } = streamingPost(who, '/logboek');
        body.write(writer.field('_csrf', who.token));
        for (const [name, value] of Object.entries(valid)) body.write(writer.field(name, value));
        for (let file = 1; file <= 5; file += 1) {
          body.write(writer.fileHead(`${file}.jpg`));
          body.write(Buffer.from('x'));
          body.write(writer.fileEnd);
        }
        body.write(writer.fileHead('6.jpg'));
        body.write(Buffer.alloc(64 * 1024, 0x44));
        const answer = await response;
        assert.equal(answer.statusCode, 400);
        assert.match(answer.body, /hoogstens 5 bestanden/);
        assert.ok(answer.body.includes(valid.tekst), 'the text is kept');
        assert.equal(answer.headers.connection, 'close');
        assert.equal(body.writableEnded, false, 'answered before the sixth file was sent');
        body.destroy();
        assert.equal(await rows('journal_entries'), before);
      },
    );

    test('a file past 10 MB stops the reading at its limit: a 413 form, nothing stored', safetyNet, async () => {
      const who = await parent();
      const before = { entries: await rows('journal_entries'), attachments: await rows('journal_attachments') };
      const { writer, body, response } = streamingPost(who, '/logboek');
      body.write(writer.field('_csrf', who.token));
      for (const [name, value] of Object.entries(valid)) body.write(writer.field(name, value));
      body.write(writer.field('regel', 'ja'));
      body.write(writer.fileHead('te-groot.jpg'));
      // 10 MB and one byte more; the client would go on to 50 MB.
      for (let sent = 0; sent < 10; sent += 1) body.write(Buffer.alloc(MB, 0x45));
      body.write(Buffer.alloc(64 * 1024, 0x45));
      const answer = await response;
      assert.equal(answer.statusCode, 413);
      assert.match(answer.body, /groter dan 10 MB/);
      assert.ok(answer.body.includes(valid.tekst), 'the text is kept');
      assert.equal(body.writableEnded, false, 'answered before the rest of the file was sent');
      body.destroy();
      assert.deepEqual(
        { entries: await rows('journal_entries'), attachments: await rows('journal_attachments') },
        before,
      );
    });

    test(
      'a body without a boundary, or cut off, is a 400 that says what to do, on a new entry and on a correction',
      safetyNet,
      async () => {
        const who = await parent();
        const first = multipartWriter();
        const created = await post(
          who,
          '/logboek',
          Buffer.concat([
            first.field('_csrf', who.token),
            ...Object.entries(valid).map(([n, v]) => first.field(n, v)),
            first.end,
          ]),
          first.contentType,
        );
        assert.equal(created.statusCode, 303);
        const entry = String(created.headers.location);
        const before = await rows('journal_entries');
        for (const url of ['/logboek', `${entry}/corrigeren`]) {
          const writer = multipartWriter();
          const noBoundary = await post(who, url, writer.field('_csrf', who.token), 'multipart/form-data');
          assert.equal(noBoundary.statusCode, 400, `${url}: no boundary`);
          assert.match(noBoundary.body, /kwam niet goed of niet helemaal bij ons aan/);
          const cutOff = await post(
            who,
            url,
            Buffer.concat([writer.field('_csrf', who.token), writer.field('tekst', 'half'), writer.fileHead('a.jpg')]),
            writer.contentType,
          );
          assert.equal(cutOff.statusCode, 400, `${url}: cut off`);
          assert.match(cutOff.body, /kwam niet goed of niet helemaal bij ons aan/);
          const cutInAFile = await post(
            who,
            url,
            Buffer.concat([writer.field('_csrf', who.token), writer.fileHead('a.jpg'), Buffer.from('abc')]),
            writer.contentType,
          );
          assert.equal(cutInAFile.statusCode, 400, `${url}: cut off inside a file`);
          const english = await testApp.app.inject({
            method: 'POST',
            url,
            cookies: who.cookies,
            remoteAddress: who.remoteAddress,
            headers: { 'content-type': 'multipart/form-data; boundary=', 'accept-language': 'en' },
            payload: writer.field('_csrf', who.token),
          });
          assert.equal(english.statusCode, 400);
          assert.match(english.body, /did not reach us properly or completely/);
        }
        assert.equal(await rows('journal_entries'), before);
      },
    );

    test(
      'a malformed body from someone who may not write a journal is "not found", never a 500',
      safetyNet,
      async () => {
        const owner = await parent();
        const writer = multipartWriter();
        const created = await post(
          owner,
          '/logboek',
          Buffer.concat([
            writer.field('_csrf', owner.token),
            ...Object.entries(valid).map(([n, v]) => writer.field(n, v)),
            writer.end,
          ]),
          writer.contentType,
        );
        const entry = String(created.headers.location);
        // An admin without a second factor, signed in (no roles), and an anonymous visitor with a form token.
        const admin = await buildAdmin(testApp, {
          username: `beheer.upload.${dialect}`,
          email: `beheer.${dialect}@example.org`,
          passphrase,
          secondFactor: false,
        });
        const sessionCookie = Object.keys(owner.cookies).find((name) => name.endsWith('sessie'))!;
        const page = await testApp.app.inject({ method: 'GET', url: '/inloggen', remoteAddress: '10.12.9.1' });
        const anonymous = {
          cookies: Object.fromEntries(setCookies(page.headers)),
          token: csrfTokenFrom(page.body),
          remoteAddress: '10.12.9.1',
        };
        const adminJar = { ...anonymous, cookies: { ...anonymous.cookies, [sessionCookie]: admin.session } };
        for (const who of [anonymous, adminJar]) {
          for (const url of ['/logboek', `${entry}/corrigeren`]) {
            for (const [what, payload, type] of [
              ['no boundary', writer.field('_csrf', who.token), 'multipart/form-data'],
              [
                'cut off',
                Buffer.concat([writer.field('_csrf', who.token), writer.fileHead('a.jpg')]),
                writer.contentType,
              ],
            ] as const) {
              const response = await post(who, url, payload, type);
              assert.equal(response.statusCode, 404, `${url}, ${what}`);
            }
          }
        }
      },
    );

    test(
      'uploads in flight are bounded: a third from one account gets 429, one past the overall bound 503',
      safetyNet,
      async () => {
        const first = await parent();
        const second = await parent();
        const before = await rows('journal_entries');
        const open = [streamingPost(first, '/logboek'), streamingPost(first, '/logboek')];
        for (const post of open) {
          post.body.write(post.writer.field('_csrf', first.token));
          post.body.write(post.writer.fileHead('langzaam.jpg'));
          post.body.write(Buffer.alloc(1024, 0x46));
          await untilRead(post.body);
        }
        const third = streamingPost(first, '/logboek');
        third.body.write(third.writer.field('_csrf', first.token));
        const mine = await third.response;
        assert.equal(mine.statusCode, 429);
        assert.equal(mine.headers['retry-after'], '30');
        assert.match(mine.body, /al bestanden aan het sturen/);
        third.body.destroy();

        const other = streamingPost(second, '/logboek');
        other.body.write(other.writer.field('_csrf', second.token));
        const everyone = await other.response;
        assert.equal(everyone.statusCode, 503);
        assert.equal(everyone.headers['retry-after'], '60');
        assert.match(everyone.body, /veel bestanden tegelijk/);
        other.body.destroy();

        // The first two finish (one whole, one cut off); their places are given back.
        const [whole, cut] = open as [(typeof open)[0], (typeof open)[0]];
        whole.body.end(Buffer.concat([whole.writer.fileEnd, whole.writer.end]));
        cut.body.end();
        const finished = [(await whole.response).statusCode, (await cut.response).statusCode];
        assert.deepEqual(finished, [400, 400], 'no category and text; the other cut off');
        const writer = multipartWriter();
        const later = await post(
          second,
          '/logboek',
          Buffer.concat([
            writer.field('_csrf', second.token),
            ...Object.entries(valid).map(([n, v]) => writer.field(n, v)),
            writer.end,
          ]),
          writer.contentType,
        );
        assert.equal(later.statusCode, 303, 'a place is free again');
        assert.equal(await rows('journal_entries'), before + 1);
      },
    );

    /**
     * A POST /logboek over a real TCP connection (inject cannot stall or stop mid-body): the connected socket,
     * the request head to write first, what the server answered, and when the server closed.
     */
    async function rawEntryPost(cookies: Record<string, string>, contentType: string, contentLength: number) {
      if (!testApp.app.server.listening) await testApp.app.listen({ host: '127.0.0.1', port: 0 });
      const address = testApp.app.server.address();
      assert.ok(address !== null && typeof address === 'object');
      const socket = connect(address.port, '127.0.0.1');
      const received: Buffer[] = [];
      const closed = new Promise<void>((resolve) => {
        socket.on('close', () => resolve());
      });
      socket.on('data', (chunk: Buffer) => received.push(chunk));
      socket.on('error', () => undefined);
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      const cookie = Object.entries(cookies)
        .map(([name, value]) => `${name}=${value}`)
        .join('; ');
      const head =
        `POST /logboek HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${contentType}\r\n` +
        `Content-Length: ${contentLength}\r\nCookie: ${cookie}\r\n\r\n`;
      return { socket, head, received, closed };
    }

    test(
      'over a real connection the refusal arrives and the server closes while the client is still sending',
      safetyNet,
      async () => {
        const who = await parent();
        const writer = multipartWriter();
        const declared = 200 * MB;
        const { socket, head, received, closed } = await rawEntryPost(who.cookies, writer.contentType, declared);
        let sent = 0;
        const start = Buffer.concat([
          Buffer.from(head),
          writer.field('_csrf', 'vervalst'),
          writer.fileHead('groot.jpg'),
        ]);
        socket.write(start);
        sent += start.length;
        // Keep sending a megabyte at a time until the server has answered and closed, or the body is all sent.
        const chunk = Buffer.alloc(MB, 0x47);
        while (!socket.destroyed && sent < declared && received.length === 0) {
          await new Promise<void>((resolve) => {
            socket.write(chunk, () => resolve());
          });
          sent += chunk.length;
        }
        await closed;
        const answer = Buffer.concat(received).toString('latin1');
        assert.match(answer, /^HTTP\/1\.1 403 /);
        assert.match(answer, /\r\nconnection: close\r\n/i);
        assert.ok(sent < declared / 4, `the client sent ${sent} of ${declared} bytes before the server closed`);
      },
    );

    test(
      'a connection that stops sending in the middle of a file is closed and stores nothing; the parent can post again',
      safetyNet,
      async () => {
        const who = await parent();
        const before = await rows('journal_entries');
        const writer = multipartWriter();
        const { socket, head, closed } = await rawEntryPost(who.cookies, writer.contentType, 5 * MB);
        // A valid token, the start of a file, and then nothing more: the post holds a place until it is closed.
        socket.write(Buffer.concat([Buffer.from(head), writer.field('_csrf', who.token), writer.fileHead('half.jpg')]));
        await closed;
        assert.equal(await rows('journal_entries'), before, 'nothing was stored');
        // The parent is not left refused as busy.
        for (let attempt = 0; attempt < 3; attempt += 1) {
          const answer = await testApp.app.inject({
            method: 'POST',
            url: '/logboek',
            cookies: who.cookies,
            remoteAddress: who.remoteAddress,
            ...(await entryFormBody({
              _csrf: who.token,
              datum: '2026-11-20',
              categorie: 'behaviour',
              tekst: 'Weer thuis.',
            })),
          });
          assert.equal(answer.statusCode, 303, answer.body);
        }
        assert.equal(await rows('journal_entries'), before + 3);
      },
    );
  });
}
