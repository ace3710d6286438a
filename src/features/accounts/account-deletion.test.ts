import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { appForSuite, csrfTokenFrom } from '../../../test/helpers/app.js';
import { buildParent } from '../../../test/helpers/factories.js';

/*
 * After "delete my account" the name is gone from the database files themselves, not only from the tables: a
 * copy of the data folder (a backup, a stolen disk) must not say who had an account. SQLite only: PostgreSQL's
 * files are the database server's, not the app's.
 */

const passphrase = 'zeven blauwe kraanvogels zingen';
const username = 'zeldzame.naam.qx7';

describe('account deletion leaves no trace of the name in the SQLite files', () => {
  const testApp = appForSuite('sqlite');

  const databaseFile = () => path.join(testApp.config.dataDir, 'test.sqlite');
  /** The raw bytes of the database file and its write-ahead log, as a copy of the data folder would hold them. */
  const rawBytes = () =>
    Buffer.concat(
      [databaseFile(), `${databaseFile()}-wal`].filter((file) => existsSync(file)).map((file) => readFileSync(file)),
    );

  test('signed up, then deleted: the name is in neither the database file nor its -wal', async () => {
    const { app } = testApp;
    const { cookies } = await buildParent(testApp, { username, passphrase });
    assert.ok(rawBytes().includes(Buffer.from(username)), 'the name is stored while the account exists');

    const account = await app.inject({ method: 'GET', url: '/account', cookies });
    const deleted = await app.inject({
      method: 'POST',
      url: '/account/verwijderen',
      cookies,
      payload: { _csrf: csrfTokenFrom(account.body), wachtwoord: passphrase },
    });
    assert.equal(deleted.statusCode, 200);
    assert.match(deleted.body, /Je account is verwijderd/);
    const bytes = rawBytes();
    assert.ok(bytes.length > 0);
    assert.ok(!bytes.includes(Buffer.from(username)), 'the name is gone from the files');
  });
});
