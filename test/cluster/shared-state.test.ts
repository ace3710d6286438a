import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { createApp } from '../../src/app.js';
import { prepareDatabase } from '../../src/bootstrap.js';
import { createServices, type Services } from '../../src/services.js';
import { openDatabase } from '../../src/shared/db/database.js';
import { contentDir } from '../../src/shared/paths.js';
import { buildTestApp, csrfTokenFrom, type TestApp, withCookiesOf } from '../helpers/app.js';

/*
 * Two instances of the app on one PostgreSQL database (issue 17, ADR 0041), each listening on its own port as
 * behind a round-robin proxy: the rate limit counts once for both, and content published on one instance shows on
 * the other at once (its page cache emptied, the questionnaire reloaded, the search index rebuilt).
 */

interface Instance {
  app: FastifyInstance;
  services: Services;
  url: string;
  close(): Promise<void>;
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

/** Two instances: the test app (which made the database) and a second one on the same database and settings. */
async function twoInstances(env: Record<string, string>): Promise<[Instance, Instance]> {
  const first: TestApp = await buildTestApp('postgres', env);
  const handle = openDatabase(first.config.database);
  const services = createServices(handle, first.config);
  const app = await createApp(services, { logger: false });
  await prepareDatabase(handle, services);
  return [
    {
      app: first.app,
      services: first.services,
      url: await listen(first.app),
      close: () => first.close(),
    },
    {
      app,
      services,
      url: await listen(app),
      close: async () => {
        await app.close();
        await handle.close();
      },
    },
  ];
}

/** Asks until `check` holds (the other instance hears of a publish a moment after the commit); fails after 10 s. */
async function eventually(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (await check()) return;
    await sleep(100);
  }
  assert.fail(`never: ${what}`);
}

describe('two instances on one PostgreSQL: the rate limit', () => {
  let instances: [Instance, Instance];
  before(async () => {
    instances = await twoInstances({ RATE_LIMIT_MAX: '6' });
  });
  after(async () => {
    await Promise.all(instances.map((instance) => instance.close()));
  });

  test('requests alternating between the instances get 429 at the shared maximum, early answers included', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      // The home page is stored after its first anonymous answer: later ones are answered early (createRateLimit).
      const response = await fetch(`${instances[i % 2]!.url}/`);
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 429, 429, 429, 429]);
  });
});

describe('two instances on one PostgreSQL: a publish', () => {
  let instances: [Instance, Instance];
  before(async () => {
    instances = await twoInstances({});
  });
  after(async () => {
    await Promise.all(instances.map((instance) => instance.close()));
  });

  const get = async (instance: Instance, url: string) => {
    const response = await fetch(`${instance.url}${url}`);
    return { status: response.status, body: await response.text() };
  };

  test('a page published on instance 1 shows on instance 2, whose page cache held the old one', async () => {
    const [one, two] = instances;
    const before = await get(two, '/informatie/signalen');
    assert.equal(before.status, 200);
    assert.doesNotMatch(before.body, /Signalen \(bijgewerkt op instantie 1\)/);
    // Asked again: now stored in its page cache (a stale copy unless the publish reaches this instance).
    assert.equal((await get(two, '/informatie/signalen')).status, 200);

    const file = await readFile(path.join(contentDir, 'nl', 'signalen.md'), 'utf8');
    const text = file
      .replace(/^title: .*$/m, 'title: Signalen (bijgewerkt op instantie 1)')
      .concat('\n\nHier staat het woord kwartelkoning, alleen op deze pagina.\n');
    const imported = await one.services.editorial.importDocuments('page', [{ key: 'nl/signalen', text }]);
    assert.equal(imported.updated, 1);
    assert.match((await get(one, '/informatie/signalen')).body, /Signalen \(bijgewerkt op instantie 1\)/);

    await eventually('instance 2 shows the new page', async () =>
      /Signalen \(bijgewerkt op instantie 1\)/.test((await get(two, '/informatie/signalen')).body),
    );
    // The search index of instance 2 is rebuilt too: the new word finds the page.
    await eventually('instance 2 finds the new word', async () => {
      const form = await fetch(`${two.url}/zoeken`);
      const cookies = withCookiesOf({}, Object.fromEntries([['set-cookie', form.headers.getSetCookie()]]));
      const response = await fetch(`${two.url}/zoeken`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: Object.entries(cookies)
            .map(([name, value]) => `${name}=${value}`)
            .join('; '),
        },
        body: new URLSearchParams({ _csrf: csrfTokenFrom(await form.text()), zoekterm: 'kwartelkoning' }),
      });
      return (await response.text()).includes('href="/informatie/signalen"');
    });
  });

  test('a questionnaire version published on instance 1 is the check on instance 2', async () => {
    const [one, two] = instances;
    const question = 'Is je kind de laatste tijd anders dan vroeger (versie 3)?';
    assert.doesNotMatch((await get(two, '/check')).body, /versie 3\)\?/);
    const v2 = JSON.parse(await readFile(path.join(contentDir, 'check', 'v2.json'), 'utf8')) as {
      version: number;
      groups: { questions: { text: { nl: string } }[] }[];
    };
    v2.version = 3;
    v2.groups[0]!.questions[0]!.text.nl = question;
    await one.services.editorial.importDocuments('questionnaire', [
      { key: 'check', text: `${JSON.stringify(v2, null, 2)}\n` },
    ]);
    assert.ok((await get(one, '/check')).body.includes(question), 'instance 1 at once');
    await eventually('instance 2 asks the new question', async () =>
      (await get(two, '/check')).body.includes(question),
    );
  });

  test('a publish while the listening connections are cut still reaches instance 2 (it reloads on reconnect)', async () => {
    const [one, two] = instances;
    const admin = openDatabase(one.services.config.database);
    try {
      assert.equal((await get(two, '/informatie/signalen')).status, 200);
      await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'nmk-change-bus'`.execute(admin.db);
      const file = await readFile(path.join(contentDir, 'nl', 'signalen.md'), 'utf8');
      const text = file.replace(/^title: .*$/m, 'title: Signalen (terwijl niemand luisterde)');
      await one.services.editorial.importDocuments('page', [{ key: 'nl/signalen', text }]);
      await eventually('instance 2 shows the page published while it was not listening', async () =>
        /Signalen \(terwijl niemand luisterde\)/.test((await get(two, '/informatie/signalen')).body),
      );
    } finally {
      await admin.close();
    }
  });
});
