import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, csrfTokenFrom, type TestApp } from '../test/helpers/app.js';
import { refuseAuditWrites } from '../test/helpers/audit-failure.js';
import { dialects } from '../test/helpers/databases.js';
import { buildParent, buildParentSession } from '../test/helpers/factories.js';
import { testObservation } from '../test/helpers/journal.js';
import { createPasskeyRepository } from './features/accounts/passkeys.repo.js';
import { nicknamePlace } from './features/accounts/passkeys.service.js';
import { journalActorOf } from './features/journal/journal.service.js';
import { translatorFor } from './messages.js';
import type { CurrentSession } from './shared/auth/session.js';
import { seal } from './shared/crypto/aead.js';

/*
 * The features that hold a user's data are listed once (userDataHolders in src/services.ts, ADR 0017); key
 * rotation, "download my data", account deletion and the end of a session go through that list. Each listed
 * feature needs its case below: a feature added to the list without one fails the first test.
 */

interface FeatureCase {
  /** Stores something of the parent in this feature, with the parent's session. */
  store(session: CurrentSession): Promise<void>;
  /** How many of its stored rows belong to the user (none after the account is deleted). */
  rows(userId: string): Promise<number>;
  /** What the parent reads back with a session: the same after a key rotation. */
  read(session: CurrentSession): Promise<unknown>;
  /** The keys its part adds to "download my data". */
  exported: readonly string[];
  /** Whether it still keeps something for this session (never after the session ended). */
  keepsFor(session: CurrentSession): Promise<boolean>;
}

for (const dialect of dialects) {
  describe(`features that hold a user's data (${dialect})`, () => {
    let test_: TestApp;
    before(async () => {
      test_ = await buildTestApp(dialect);
    });
    after(async () => test_.close());

    const db = () => test_.database.handle.db;
    const count = async (rows: Promise<unknown[]>) => (await rows).length;

    /** The parent members whose police bundles the 'case-exports' case made. */
    const bundleMembers = new Map<string, string[]>();
    const cases: Record<string, FeatureCase> = {
      journal: {
        async store(session) {
          const who = journalActorOf(session);
          await test_.services.journal.addObservation(who, testObservation({ text: 'Een grijze auto bij school.' }));
          await test_.services.journal.addDiaryNote(who, 'Vandaag was zwaar.');
        },
        rows: async (userId) =>
          (await count(db().selectFrom('journals').select('id').where('owner_id', '=', userId).execute())) +
          (await count(db().selectFrom('diary_notes').select('id').where('owner_id', '=', userId).execute())),
        async read(session) {
          const who = journalActorOf(session);
          return {
            entries: (await test_.services.journal.everything(who)).map((entry) => entry.observation?.text),
            diary: (await test_.services.journal.diaryNotes(who)).map((note) => note.text),
          };
        },
        exported: ['journal', 'diary'],
        keepsFor: () => Promise.resolve(false),
      },
      passkeys: {
        async store(session) {
          const id = randomUUID();
          await createPasskeyRepository(db()).insert({
            id,
            userId: session.userId,
            credentialId: `credential-${id}`,
            publicKey: 'not used here',
            counter: 0,
            transports: [],
            nickname: seal(
              session.keys.masterKey(),
              Buffer.from('Telefoon in de keuken', 'utf8'),
              nicknamePlace(session.userId, id, session.keys.epoch),
            ),
            createdAt: new Date().toISOString(),
          });
        },
        rows: (userId) => count(db().selectFrom('passkeys').select('id').where('user_id', '=', userId).execute()),
        read: async (session) => (await test_.services.passkeys.list(session)).map((passkey) => passkey.nickname),
        exported: ['passkeys'],
        keepsFor: () => Promise.resolve(false),
      },
      cases: {
        async store(session) {
          const started = await test_.services.cases.start(
            { actor: session.actor, userId: session.userId, keys: session.keys },
            { naam: 'Sanne', grondslag: 'parent', kindWeet: 'unknown' },
          );
          assert.ok(started.ok);
        },
        rows: (userId) => count(db().selectFrom('case_members').select('id').where('user_id', '=', userId).execute()),
        // The memberships stay (after a key rotation they wait for confirmation again, ADR 0027).
        read: async (session) =>
          (
            await test_.services.cases.listMine({ actor: session.actor, userId: session.userId, keys: session.keys })
          ).map((row) => row.caseId),
        exported: ['cases'],
        keepsFor: () => Promise.resolve(false),
      },
      // The police bundle of what a parent shares into a case (ADR 0029): one row per sharing parent member.
      'case-exports': {
        async store(session) {
          const who = { actor: session.actor, userId: session.userId, keys: session.keys, requestId: 'test' };
          const started = await test_.services.cases.start(who, {
            naam: 'Sanne',
            grondslag: 'parent',
            kindWeet: 'unknown',
          });
          assert.ok(started.ok);
          const entry = await test_.services.journal.addObservation(
            journalActorOf(session),
            testObservation({ text: 'Gedeeld met de politie.' }),
          );
          const opened = await test_.services.cases.openCase(who, started.caseId);
          await test_.services.caseShares.share(who, opened, [entry.id], {
            basis: 'parent',
            childKnows: 'yes',
            childIs16OrOlder: false,
          });
          await test_.services.caseExports.prepare(
            who,
            await test_.services.cases.openCase(who, started.caseId),
            'nl',
            translatorFor('nl'),
          );
          await test_.services.jobs.runDue();
          bundleMembers.set(session.userId, [
            ...(bundleMembers.get(session.userId) ?? []),
            opened.facts.viewer.memberId,
          ]);
        },
        rows: (userId) =>
          count(
            db()
              .selectFrom('case_police_bundles')
              .select('id')
              .where((eb) =>
                eb.or([
                  eb(
                    'parent_member_id',
                    'in',
                    eb.selectFrom('case_members').select('id').where('user_id', '=', userId),
                  ),
                  // After the deletion the memberships no longer name the account: the ones made above.
                  eb('parent_member_id', 'in', bundleMembers.get(userId) ?? ['none']),
                ]),
              )
              .execute(),
          ),
        read: () => Promise.resolve(undefined),
        exported: [],
        keepsFor: () => Promise.resolve(false),
      },
      'journal-export': {
        async store(session) {
          const started = await test_.services.exports.start(session, {
            label: 'S.',
            entries: { mode: 'alles' },
            attachments: { mode: 'alle' },
            locale: 'nl',
          });
          assert.equal(started, 'started');
          await test_.services.jobs.runDue();
        },
        rows: (userId) =>
          count(db().selectFrom('journal_exports').select('id').where('user_id', '=', userId).execute()),
        read: () => Promise.resolve(undefined),
        exported: [],
        keepsFor: async (session) => (await test_.services.exports.status(session)) !== undefined,
      },
      // A trusted person (ADR 0049): the parent names one, and is named by another; both sides are the parent's data.
      trustedPersons: {
        async store(session) {
          const service = test_.services.trustedPersons;
          const helper = await buildParentSession(test_.services.accounts);
          const offer = await service.makeOffer(helper.session);
          const named = await service.name(
            session,
            { gebruikersnaam: helper.username, code: offer.code, wachtdagen: '7' },
            '10.0.0.9',
          );
          assert.ok(named.ok, 'the parent names a trusted person');
          const trusting = await buildParentSession(test_.services.accounts);
          const ownOffer = await service.makeOffer(session);
          const namedBy = await service.name(
            trusting.session,
            { gebruikersnaam: session.username, code: ownOffer.code, wachtdagen: '7' },
            '10.0.0.9',
          );
          assert.ok(namedBy.ok, 'another parent names this parent');
        },
        rows: (userId) =>
          count(
            db()
              .selectFrom('trusted_persons')
              .select('owner_id')
              .where((eb) => eb.or([eb('owner_id', '=', userId), eb('trusted_id', '=', userId)]))
              .execute(),
          ),
        // The owner's side stays usable after the owner's key rotation: wrapped again under the new master key.
        read: async (session) => {
          const { mine } = await test_.services.trustedPersons.overview(session);
          return {
            trusted: mine?.trustedUsername,
            wrapped: mine?.hasWrap,
            epoch: mine?.ownerEpoch === session.keys.epoch,
          };
        },
        exported: ['trustedPerson'],
        keepsFor: () => Promise.resolve(false),
      },
      // The parents' survey (ADR 0047): the not-before day written by an offer, and the offer open in the session.
      survey: {
        async store(session) {
          const started = await test_.services.cases.start(
            { actor: session.actor, userId: session.userId, keys: session.keys },
            { naam: 'Sanne', grondslag: 'parent', kindWeet: 'unknown' },
          );
          assert.ok(started.ok);
          const member = await db()
            .selectFrom('case_members')
            .select('id')
            .where('case_id', '=', started.caseId)
            .executeTakeFirstOrThrow();
          // A move into a track, told to every member: a milestone.
          await db()
            .insertInto('case_step_moves')
            .values({
              id: randomUUID(),
              case_id: started.caseId,
              compartment: 'members',
              epoch: 1,
              pathway_version: 1,
              track: 'signaal-en-advies',
              step: 'zorg-opmerken',
              note: '',
              moved_by_member_id: member.id,
              created_at: new Date().toISOString(),
            })
            .execute();
          assert.equal(await test_.services.survey.offerFor(session.actor, session), 'new-track');
        },
        rows: (userId) =>
          count(db().selectFrom('survey_schedule').select('user_id').where('user_id', '=', userId).execute()),
        read: async (session) =>
          (
            await db()
              .selectFrom('survey_schedule')
              .select('not_before')
              .where('user_id', '=', session.userId)
              .executeTakeFirst()
          )?.not_before,
        exported: ['survey'],
        keepsFor: async (session) =>
          (await count(
            db()
              .selectFrom('survey_offers')
              .select('milestone')
              .where('session_id_hash', '=', session.idHash)
              .execute(),
          )) > 0,
      },
    };
    const listed = () => test_.services.userData.map((holder) => holder.feature);

    test('every feature in the list has its case here', () => {
      assert.deepEqual([...listed()].sort(), Object.keys(cases).sort());
    });

    let parents = 0;
    /** A parent over HTTP with data in every listed feature. */
    const parentWithData = async () => {
      const name = `ouder.gegevens${(parents += 1)}`;
      const passphrase = 'kast tafel lamp gordijn';
      const { cookies, session: cookie } = await buildParent(test_, { username: name, passphrase });
      const session = await test_.services.accounts.currentSession(cookie);
      assert.ok(session !== undefined);
      for (const feature of listed()) await cases[feature]!.store(session);
      const page = await test_.app.inject({ method: 'GET', url: '/account', cookies });
      const post = (url: string) =>
        test_.app.inject({
          method: 'POST',
          url,
          cookies,
          payload: { _csrf: csrfTokenFrom(page.body), wachtwoord: passphrase },
        });
      return { session, cookies, passphrase, post };
    };

    test("'download my data' carries every feature's part", async () => {
      const parent = await parentWithData();
      const download = await parent.post('/account/gegevens');
      assert.equal(download.statusCode, 200);
      const data = download.json<Record<string, unknown>>();
      for (const feature of listed()) {
        for (const key of cases[feature]!.exported) assert.ok(key in data, `${feature}: ${key}`);
      }
      // A case comes with the parent's choice of e-mail about news (the default for a parent: a daily digest).
      const [mine] = data.cases as { emailAboutNews: unknown }[];
      assert.deepEqual(mine?.emailAboutNews, { frequency: 'daily', chosen: false });
      // The survey's one trace of the parent: the day before which they are not asked again (ADR 0047).
      const notBefore = await cases.survey!.read(parent.session);
      assert.match(String(notBefore), /^\d{4}-\d{2}-\d{2}$/);
      assert.deepEqual(data.survey, { notAskedBefore: notBefore });
    });

    test('a key rotation leaves what every feature holds readable under the new keys', async () => {
      const parent = await parentWithData();
      const before_ = new Map<string, unknown>();
      for (const feature of listed()) before_.set(feature, await cases[feature]!.read(parent.session));
      const newPassphrase = 'nieuwe zin voor een nieuw begin';
      const result = await test_.services.keyRotation.rotate(
        parent.session,
        { huidig: parent.passphrase, wachtwoord: newPassphrase, herhaling: newPassphrase },
        '10.0.0.1',
        'test',
      );
      assert.ok(result.ok);
      const rotated = await test_.services.accounts.currentSession(result.cookie);
      assert.ok(rotated !== undefined && rotated.keys.epoch === 2);
      for (const feature of listed()) {
        assert.deepEqual(await cases[feature]!.read(rotated), before_.get(feature), feature);
      }
    });

    test('deleting the account deletes what every feature holds of it', async () => {
      const parent = await parentWithData();
      for (const feature of listed()) assert.ok((await cases[feature]!.rows(parent.session.userId)) > 0, feature);
      // When its audit line cannot be written, nothing is deleted (one transaction, ADR 0016).
      const restore = await refuseAuditWrites(test_.database.handle);
      try {
        assert.equal((await parent.post('/account/verwijderen')).statusCode, 500);
      } finally {
        await restore();
      }
      for (const feature of listed()) assert.ok((await cases[feature]!.rows(parent.session.userId)) > 0, feature);
      assert.equal((await parent.post('/account/verwijderen')).statusCode, 200);
      for (const feature of listed()) assert.equal(await cases[feature]!.rows(parent.session.userId), 0, feature);
    });

    test('a session that ends is forgotten by every feature', async () => {
      const parent = await parentWithData();
      assert.ok(await cases['journal-export']!.keepsFor(parent.session), 'the export is there before');
      const token = csrfTokenFrom(
        (await test_.app.inject({ method: 'GET', url: '/account', cookies: parent.cookies })).body,
      );
      await test_.app.inject({ method: 'POST', url: '/uitloggen', cookies: parent.cookies, payload: { _csrf: token } });
      for (const feature of listed()) assert.equal(await cases[feature]!.keepsFor(parent.session), false, feature);
    });
  });
}
