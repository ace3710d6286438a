import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { appForSuite, csrfTokenFrom, withCookiesOf } from '../../../test/helpers/app.js';
import {
  addCaseContent,
  type BuiltCase,
  type CaseMemberActor,
  caseActorOf,
  caseProfessional,
  casesOf,
  confirmMember,
  inviteInto,
  joinWith,
  prepareCaseWorld,
} from '../../../test/helpers/case-factories.js';
import { dialects } from '../../../test/helpers/databases.js';
import { assertNotInDump, databaseDump } from '../../../test/helpers/dump.js';
import { buildParent } from '../../../test/helpers/factories.js';
import { type SmtpSink, startSmtpSink } from '../../../test/helpers/smtp-sink.js';
import { changedTables, tableDump } from '../../../test/helpers/table-dump.js';
import { type Ciphertext, open, type Purpose, symmetricKey } from '../../shared/crypto/aead.js';
import { unwrapCompartmentKey } from './case-keys.js';
import { toWrap } from './cases.repo.js';
import type { Compartment, CompartmentKey } from './cases.types.js';

/*
 * Removal (issue 14): after a member is removed, their next request fails (404 on the case, on an item they
 * opened before, on a shared entry, on posting); and what the others write afterwards cannot be opened from a
 * database dump and the configuration together with every key the removed member ever held — each compartment
 * key of each epoch they could unwrap, their account's X25519 private key (for the new wraps) and the
 * configuration's secrets. The attempt is a real one: every sealed value written after the removal is tried with
 * each key, under every purpose, epoch and record id it could be bound to (every value of its row, and pairs of
 * them); the same attempt with the keys a remaining member holds opens what it should, so it is not vacuous.
 */

type Jar = Record<string, string>;

const SEALED = /^v1\.A256GCM\.([A-Za-z0-9_-]{1,64})\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const purposes: Purpose[] = ['case/label', 'case/item', 'case/entry-key'];

/** Every sealed value in the rows a change added, with the strings of its row (the candidates for its binding). */
function sealedValues(added: Record<string, { added: string[] }>): { table: string; value: string; row: string[] }[] {
  const found: { table: string; value: string; row: string[] }[] = [];
  for (const [table, change] of Object.entries(added)) {
    for (const line of change.added) {
      const columns = JSON.parse(line) as [string, unknown][];
      const strings = columns.map(([, value]) => value).filter((value): value is string => typeof value === 'string');
      for (const value of strings) if (SEALED.test(value)) found.push({ table, value, row: strings });
    }
  }
  return found;
}

/** Tries to open `value` with the key bytes under every binding it could have; the plaintext, or undefined. */
function tryOpen(value: string, keyBytes: Buffer, caseId: string, row: string[], maxEpoch: number): Buffer | undefined {
  const keyId = SEALED.exec(value)![1]!;
  const key = symmetricKey(keyId, keyBytes);
  const short = [...new Set([caseId, ...row.filter((text) => text.length <= 80 && !SEALED.test(text))])];
  const records = [...short, ...short.flatMap((first) => short.map((second) => `${first}/${second}`))];
  for (const purpose of purposes) {
    for (let epoch = 0; epoch <= maxEpoch; epoch += 1) {
      for (const recordId of records) {
        try {
          return open(key, value as Ciphertext, { purpose, ownerId: caseId, recordId, epoch });
        } catch {
          // not this binding
        }
      }
    }
  }
  return undefined;
}

const keyBytesOf = (key: CompartmentKey): Buffer => key.key.key.export();

for (const dialect of dialects) {
  describe(`removal from a case [${dialect}]`, () => {
    let sink: SmtpSink;
    before(async () => {
      sink = await startSmtpSink();
    });
    const testApp = appForSuite(dialect, () => ({
      RATE_LIMIT_MAX: '100000',
      SMTP_URL: sink.url,
      MAIL_FROM: 'no-reply@example.org',
      PUBLIC_ORIGIN: 'https://example.org',
    }));
    after(() => sink.close());

    async function csrfFor(jar: Jar): Promise<{ jar: Jar; token: string }> {
      const page = await testApp.app.inject({ method: 'GET', url: '/account', cookies: jar });
      assert.equal(page.statusCode, 200);
      return { jar: withCookiesOf(jar, page.headers), token: csrfTokenFrom(page.body) };
    }

    async function post(jar: Jar, url: string, body: Record<string, unknown>) {
      const form = await csrfFor(jar);
      return testApp.app.inject({ method: 'POST', url, cookies: form.jar, payload: { _csrf: form.token, ...body } });
    }

    test('the removed member is out at once, and nothing written afterwards opens with any key they held', async (t) => {
      const world = await prepareCaseWorld(testApp, sink);
      const db = testApp.database.handle.db;
      const cases = casesOf(testApp);

      // A parent's case with a care worker and the police, both confirmed; content of every kind, a shared entry.
      const parentAccount = await buildParent(testApp, { username: `weg${dialect}.ouder` });
      const parent = await caseActorOf(testApp, parentAccount);
      const started = await cases.start(parent, { naam: 'Roosmarijn', grondslag: 'parent', kindWeet: 'unknown' });
      assert.ok(started.ok);
      const caseId = started.caseId;
      const member = async (role: 'care' | 'police', name: string): Promise<CaseMemberActor> => {
        const account = await caseProfessional(world, role, name);
        const { code, memberId } = await inviteInto(testApp, parent, caseId, role);
        await joinWith(testApp, await caseActorOf(testApp, account), code);
        await confirmMember(testApp, parent, caseId, memberId);
        return { name: role, role, state: 'active', memberId, account, professionalRole: role };
      };
      const starterId = (
        await db.selectFrom('case_members').select('id').where('case_id', '=', caseId).executeTakeFirstOrThrow()
      ).id;
      const starter: CaseMemberActor = {
        name: 'parent',
        role: 'parent',
        state: 'active',
        memberId: starterId,
        account: parentAccount,
        professionalRole: undefined,
      };
      const care = await member('care', `weg${dialect}.zorg`);
      const police = await member('police', `weg${dialect}.politie`);
      const careWho = await caseActorOf(testApp, care.account);
      await (await cases.openCase(careWho, caseId)).key('professionals');
      const built: BuiltCase = {
        caseId,
        label: 'Roosmarijn',
        starter,
        actors: [starter, care, police],
        invited: [],
        memberIds: [],
        invitationIds: [],
      };
      const before = await addCaseContent(testApp, built, 'Voorheen');

      // Every key the police member could unwrap, each compartment and each epoch, and their account's private key.
      const policeWho = await caseActorOf(testApp, police.account);
      const policeOpened = await cases.openCase(policeWho, caseId);
      const policeWraps = await db
        .selectFrom('case_key_wraps')
        .select(['compartment', 'epoch'])
        .where('case_id', '=', caseId)
        .where('member_id', '=', police.memberId)
        .execute();
      const held: CompartmentKey[] = [];
      for (const wrap of policeWraps) {
        held.push(await policeOpened.keyAt(wrap.compartment as Compartment, Number(wrap.epoch)));
      }
      const compartmentsHeld = new Set(held.map((key) => key.compartment));
      assert.ok(compartmentsHeld.has('members') && compartmentsHeld.has('professionals'), 'the police held both keys');
      assert.ok(
        [...compartmentsHeld].some((name) => name.startsWith('share:')),
        "and the parent's share key",
      );
      const policePrivate = policeWho.keys.sharingKey().privateKey;
      const policeOldPages = [
        `/samenwerken/${caseId}`,
        `/samenwerken/${caseId}/afspraken/${before.professionalAgreementId}`,
        `/samenwerken/${caseId}/gedeeld/${before.entryId}`,
        `/samenwerken/${caseId}/berichten/professionals`,
      ];
      for (const url of policeOldPages) {
        const page = await testApp.app.inject({ method: 'GET', url, cookies: police.account.cookies });
        assert.equal(page.statusCode, 200, `before the removal the police opens ${url}`);
      }

      // The parent removes the police member through the case page's form.
      const dumpBefore = await tableDump(db as never, dialect);
      const removed = await post(
        parentAccount.cookies,
        `/samenwerken/${caseId}/leden/${police.memberId}/verwijderen`,
        {},
      );
      assert.equal(removed.statusCode, 303);

      // Their next request fails, on every page they had open, and posting changes nothing.
      for (const url of policeOldPages) {
        const page = await testApp.app.inject({ method: 'GET', url, cookies: police.account.cookies });
        assert.equal(page.statusCode, 404, `after the removal ${url} is not found for the police`);
        assert.ok(!page.body.includes('Roosmarijn') && !page.body.includes('Voorheen'));
      }
      const untouched = await tableDump(db as never, dialect, { sessions: ['last_seen_at', 'expires_at'] });
      const attempt = await post(police.account.cookies, `/samenwerken/${caseId}/berichten/professionals`, {
        bericht: 'Nog iets van de politie.',
      });
      assert.equal(attempt.statusCode, 404);
      assert.deepEqual(
        changedTables(untouched, await tableDump(db as never, dialect, { sessions: ['last_seen_at', 'expires_at'] })),
        {},
      );
      const list = await testApp.app.inject({ method: 'GET', url: '/samenwerken', cookies: police.account.cookies });
      assert.ok(!list.body.includes(caseId), 'the case is gone from their list');

      // The others write on, through the forms: messages in both channels, agreements, a meeting, a shared entry.
      const after = 'Nadien';
      const written = [
        await post(parentAccount.cookies, `/samenwerken/${caseId}/berichten`, { bericht: `${after} bericht` }),
        await post(care.account.cookies, `/samenwerken/${caseId}/berichten/professionals`, {
          bericht: `${after} bericht professionals`,
        }),
        await post(care.account.cookies, `/samenwerken/${caseId}/afspraken`, {
          wat: `${after} afspraak professionals`,
          wie: 'rol:care',
          datum: '',
          voor: 'professionals',
        }),
        await post(parentAccount.cookies, `/samenwerken/${caseId}/afspraken`, {
          wat: `${after} afspraak`,
          wie: '',
          datum: '',
          voor: 'iedereen',
        }),
        await post(care.account.cookies, `/samenwerken/${caseId}/overleg`, {
          datum: new Date().toISOString().slice(0, 10),
          samenvatting: `${after} overleg`,
          besluiten: `${after} besluit`,
          voor: 'professionals',
        }),
      ];
      for (const response of written) assert.equal(response.statusCode, 303, response.body.slice(0, 300));
      const entry = await post(parentAccount.cookies, '/logboek', {
        datum: '2026-11-21',
        categorie: 'behaviour',
        tekst: `${after} logboek`,
        regel: 'ja',
        metadata: 'ja',
      });
      assert.equal(entry.statusCode, 303);
      const entryId = String(entry.headers.location).split('/').pop()!;
      const shared = await post(parentAccount.cookies, `/samenwerken/${caseId}/delen`, {
        notitie: [entryId],
        kind16: 'nee',
        grondslag: 'ouder',
        kindWeet: 'onbekend',
      });
      assert.equal(shared.statusCode, 303, shared.body.slice(0, 300));
      const sharedPage = await testApp.app.inject({
        method: 'GET',
        url: `/samenwerken/${caseId}/gedeeld/${entryId}`,
        cookies: care.account.cookies,
      });
      assert.equal(sharedPage.statusCode, 200);
      assert.ok(sharedPage.body.includes(`${after} logboek`), 'the care worker reads the entry shared afterwards');

      // What an attacker has: the database as a backup holds it, and the configuration.
      const dumpAfter = await tableDump(db as never, dialect);
      const change = changedTables(dumpBefore, dumpAfter);
      const sealed = sealedValues(change);
      const caseTables = new Set(sealed.map((item) => item.table));
      for (const table of ['case_messages', 'case_agreements', 'case_meetings', 'case_shared_entries', 'cases']) {
        assert.ok(caseTables.has(table), `something sealed was written to ${table} after the removal`);
      }
      const epochs = await db
        .selectFrom('case_compartments')
        .select(['compartment', 'epoch'])
        .where('case_id', '=', caseId)
        .execute();
      const maxEpoch = Math.max(...epochs.map((row) => Number(row.epoch))) + 1;
      for (const compartment of compartmentsHeld) {
        const now = epochs.find((row) => row.compartment === compartment);
        const was = Math.max(...held.filter((key) => key.compartment === compartment).map((key) => key.epoch));
        assert.ok(now !== undefined && Number(now.epoch) > was, `${compartment} moved to a new epoch`);
      }
      const config = testApp.config;
      const candidates: [string, Buffer][] = [
        ...held.map((key): [string, Buffer] => [`${key.compartment}@${key.epoch}`, keyBytesOf(key)]),
        ...(config.pepper === undefined ? [] : [['pepper', config.pepper.subarray(0, 32)] as [string, Buffer]]),
      ];
      const opened: string[] = [];
      for (const item of sealed) {
        for (const [name, bytes] of candidates) {
          if (bytes.length !== 32) continue;
          const plaintext = tryOpen(item.value, bytes, caseId, item.row, maxEpoch);
          if (plaintext !== undefined)
            opened.push(`${item.table} with ${name}: ${plaintext.toString('utf8').slice(0, 60)}`);
        }
      }
      assert.deepEqual(opened, [], 'nothing written after the removal opens with a key the removed member held');

      // The new wraps do not open with the removed member's own private key, whoever they name as recipient.
      const newWraps = await db.selectFrom('case_key_wraps').selectAll().where('case_id', '=', caseId).execute();
      const members = await db
        .selectFrom('case_members as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['m.id', 'u.ed25519_public'])
        .where('m.case_id', '=', caseId)
        .execute();
      for (const row of newWraps) {
        const granter = members.find((m) => m.id === row.granter_member_id);
        const wrap = toWrap(row);
        assert.throws(() =>
          unwrapCompartmentKey(wrap, {
            caseId,
            compartment: wrap.compartment,
            epoch: wrap.epoch,
            recipient: { memberId: wrap.memberId, keyId: wrap.recipientKeyId, x25519Private: policePrivate },
            granter: { ed25519Public: Buffer.from(granter!.ed25519_public, 'base64') },
          }),
        );
        assert.notEqual(row.member_id, police.memberId, 'no wrap of the removed member is left');
      }

      // The same attempt with the keys the care worker holds now opens what was written: it is a real attempt.
      const careOpened = await cases.openCase(careWho, caseId);
      const current: CompartmentKey[] = [];
      for (const compartment of compartmentsHeld) current.push(await careOpened.key(compartment));
      let control = 0;
      for (const item of sealed) {
        if (current.some((key) => tryOpen(item.value, keyBytesOf(key), caseId, item.row, maxEpoch) !== undefined)) {
          control += 1;
        }
      }
      assert.ok(control >= 5, `the current keys open what was written afterwards (${control} of ${sealed.length})`);

      t.diagnostic(
        `${sealed.length} sealed values written after the removal, tried with ${candidates.length} keys held before ` +
          `(${candidates.map(([name]) => name).join(', ')}): none opened; the current keys opened ${control}`,
      );

      // And the dump holds none of the new keys nor any text written afterwards, in any encoding.
      const dump = await databaseDump(testApp);
      assertNotInDump(dump, [
        ...current.map((key): [string, Buffer] => [`the new ${key.compartment} key`, keyBytesOf(key)]),
        ...[`${after} bericht`, `${after} afspraak`, `${after} overleg`, `${after} logboek`].map(
          (text): [string, Buffer] => [text, Buffer.from(text)],
        ),
      ]);
    });
  });
}
