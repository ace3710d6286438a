import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  type BuiltCase,
  type CaseMemberActor,
  caseActorOf,
  caseProfessional,
  casesOf,
  type CaseWorld,
  confirmMember,
  inviteInto,
  joinWith,
  prepareCaseWorld,
  settleKeys,
} from '../../../test/helpers/case-factories.js';
import { caseAppForSuite } from '../../../test/helpers/case-setup.js';
import { dialects } from '../../../test/helpers/databases.js';
import { type BuiltAccount, buildParent } from '../../../test/helpers/factories.js';
import { measureTables } from './case-measures.repo.js';
import type { ProfessionalCaseRole } from './cases.types.js';

/*
 * The measures through the app, on both databases: a case's professionals see its measures on the case page (a
 * meeting recorded through the items service, the parent invited to it; the first help contact; an agreement), the
 * parent and the observer-free rest of the case do not; and the weekly figures written by the daily run stay as
 * they were after the case is closed and, a year later, crypto-shredded.
 */

for (const dialect of dialects) {
  describe(`case measures through the app [${dialect}]`, () => {
    const { target: testApp, sink } = caseAppForSuite(dialect);
    let world: CaseWorld;
    let caseId: string;
    let parent: BuiltAccount;
    let coordinator: BuiltAccount;
    let police: BuiltAccount;

    before(async () => {
      world = await prepareCaseWorld(testApp, sink());
      const prefix = `measures.${dialect}`;
      parent = await buildParent(testApp, { username: `${prefix}.ouder` });
      const parentWho = await caseActorOf(testApp, parent);
      const started = await casesOf(testApp).start(parentWho, {
        naam: 'Sam',
        grondslag: 'parent',
        kindWeet: 'unknown',
      });
      assert.ok(started.ok);
      caseId = started.caseId;
      const actors: CaseMemberActor[] = [
        { name: 'parent', role: 'parent', state: 'active', memberId: '', account: parent, professionalRole: undefined },
      ];
      const professional = async (role: ProfessionalCaseRole) => {
        const account = await caseProfessional(world, role, `${prefix}.${role}`);
        const { code, memberId } = await inviteInto(testApp, parentWho, caseId, role);
        await joinWith(testApp, await caseActorOf(testApp, account), code);
        await confirmMember(testApp, parentWho, caseId, memberId);
        actors.push({ name: role, role, state: 'active', memberId, account, professionalRole: undefined });
        return account;
      };
      coordinator = await professional('coordinator');
      police = await professional('police');
      await settleKeys(testApp, { caseId, actors } as unknown as BuiltCase);
      const who = await caseActorOf(testApp, coordinator);
      const opened = await casesOf(testApp).openCase(who, caseId);
      const meeting = await testApp.services.caseItems.recordMeeting(who.actor, opened, {
        datum: new Date().toISOString().slice(0, 10),
        samenvatting: 'Overleg',
        besluiten: '',
        voor: 'professionals',
        'ouder-uitgenodigd': 'ja',
        'aanwezig-coordinator': 'ja',
      });
      assert.ok(meeting.ok, JSON.stringify(meeting));
      const agreement = await testApp.services.caseItems.createAgreement(who.actor, opened, {
        wat: 'Iets regelen',
        wie: '',
        datum: '2020-01-02',
        voor: 'iedereen',
      });
      assert.ok(agreement.ok, JSON.stringify(agreement));
    });

    const casePage = (account: BuiltAccount, language: 'nl' | 'en' = 'nl') =>
      testApp.app.inject({
        method: 'GET',
        url: `/samenwerken/${caseId}`,
        cookies: account.cookies,
        headers: { 'accept-language': language },
      });

    /** The text of one measure on the page (data-measure="…"), tags removed. */
    const measure = (body: string, name: string): string | undefined => {
      const match = new RegExp(`data-measure="${name}">([\\s\\S]*?)</dd>`).exec(body);
      return match?.[1]
        ?.replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    };

    test('the professionals see the case’s measures on its page', async () => {
      for (const account of [coordinator, police]) {
        const page = await casePage(account);
        assert.equal(page.statusCode, 200);
        assert.ok(page.body.includes('data-case-measures'), 'the measures section');
        assert.equal(measure(page.body, 'meetings'), '1');
        assert.equal(measure(page.body, 'parent-invited'), '1 van 1');
        assert.equal(measure(page.body, 'parent-took-part'), '0 van 1');
        // The parent started it and the coordinator joined the same day.
        assert.match(measure(page.body, 'first-help') ?? '', /^dezelfde dag /);
        assert.equal(measure(page.body, 'agreements'), '1, waarvan 1 te laat');
        assert.equal(measure(page.body, 'tracks'), 'Geen');
      }
      const english = await casePage(coordinator, 'en');
      assert.equal(measure(english.body, 'parent-invited'), '1 of 1');
      assert.ok(english.body.includes('Figures about this case'));
    });

    test('a parent does not see them', async () => {
      const page = await casePage(parent);
      assert.equal(page.statusCode, 200);
      assert.ok(!page.body.includes('data-case-measures'));
      assert.ok(!page.body.includes('Cijfers over deze samenwerking'));
    });

    test('the weekly figures stay as they were after the case is closed and shredded', async () => {
      const db = testApp.database.handle.db;
      const now = new Date();
      await testApp.services.caseMeasures.daily(now);
      const snapshot = async () => {
        const rows: Record<string, unknown[]> = {};
        for (const table of measureTables) {
          rows[table] = (await db.selectFrom(table).selectAll().orderBy('week').execute()).map((row) =>
            JSON.stringify(Object.entries(row).map(([key, value]) => [key, String(value)])),
          );
        }
        return rows;
      };
      const counted = await snapshot();
      // No id of anything the app holds appears in any measure table (users, cases, members, organisations, items).
      const ids = (
        await Promise.all([
          db.selectFrom('users').select('id').execute(),
          db.selectFrom('cases').select('id').execute(),
          db.selectFrom('case_members').select('id').execute(),
          db.selectFrom('organisations').select('id').execute(),
          db.selectFrom('case_meetings').select('id').execute(),
          db.selectFrom('case_agreements').select('id').execute(),
        ])
      ).flatMap((rows) => rows.map((row) => row.id));
      assert.ok(ids.length > 10);
      const dump = JSON.stringify(counted);
      for (const id of ids) assert.ok(!dump.includes(id), 'an id in a measure table');
      assert.ok(counted.measure_meetings_weekly!.some((row) => String(row).includes('"with-parents"]')));
      const closing = testApp.services.caseClosing;
      const closed = await closing.close(await caseActorOf(testApp, coordinator), caseId, { nazorg: 'ja' });
      assert.ok(closed.ok, JSON.stringify(closed));
      // Past the retention period the daily task first tells the members, and a month on destroys the keys.
      assert.equal((await closing.daily(new Date(now.getTime() + 400 * 86_400_000))).noticed, 1);
      const later = new Date(now.getTime() + 440 * 86_400_000);
      assert.equal((await closing.daily(later)).shredded, 1);
      const wraps = await db.selectFrom('case_key_wraps').select('case_id').where('case_id', '=', caseId).execute();
      assert.equal(wraps.length, 0);
      // The weeks the case counted in are not written again; the run writes the two weeks of its own day.
      const written = await testApp.services.caseMeasures.daily(later);
      const after = await snapshot();
      for (const table of measureTables) {
        const old = (rows: unknown[]) => rows.filter((row) => !written.some((week) => String(row).includes(week)));
        assert.deepEqual(old(after[table]!), counted[table], table);
      }
      const weeks = await testApp.services.caseMeasures.stored();
      const latest = weeks.cases.filter((row) => row.week === written[1]);
      assert.deepEqual(
        latest.map((row) => row.open),
        [0, 0],
        'the shredded case is no longer open',
      );
    });
  });
}
