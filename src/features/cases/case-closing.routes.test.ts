import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Ciphertext } from '../../shared/crypto/aead.js';
import { csrfTokenFrom, withCookiesOf } from '../../../test/helpers/app.js';
import {
  addCaseContent,
  type BuiltCase,
  buildCaseWithEveryone,
  type CaseContent,
  caseActorOf,
  type CaseMemberActor,
  memberOf,
  prepareCaseWorld,
} from '../../../test/helpers/case-factories.js';
import { caseAppForSuite } from '../../../test/helpers/case-setup.js';
import { dialects } from '../../../test/helpers/databases.js';
import { assertNotInDump, databaseDump } from '../../../test/helpers/dump.js';
import { buildParent } from '../../../test/helpers/factories.js';
import { registeredRoutes } from '../../../test/helpers/routes.js';
import { recipientOf } from '../../../test/helpers/smtp-sink.js';
import { buildYoungMember, type YoungMember } from '../../../test/helpers/young.js';
import { changedTables, tableDump } from '../../../test/helpers/table-dump.js';
import { addMonths } from './case-closing.js';
import { createCaseClosingRepository } from './case-closing.repo.js';
import { createCaseClosingService } from './case-closing.service.js';
import { recordCaseEvent } from './case-items.repo.js';
import { openCaseText } from './case-keys.js';
import { createCasesRepository } from './cases.repo.js';
import type { CompartmentKey } from './cases.types.js';

/*
 * Closing and keeping a case (issue 15 point 4, ADR 0031), on both databases: a case with a member of every role
 * in every state the service reaches, with content of every kind. The coordinator closes it (nobody else can, bad
 * input is a 400 in their language); every write route then answers every member with a 4xx (an active member:
 * 409 "afgesloten") and changes nothing, while reads go on; the daily task, called with a fixed clock, tells the
 * members a month before and destroys the keys at the date; afterwards nothing of the case opens, for any former
 * member, through the service or from a copy of the database.
 */

type Jar = Record<string, string>;

/** A well-formed body for every write route (ids of the case's own content); the rules refuse before it matters. */
function bodyFor(path: string, content: CaseContent, memberId: string): Record<string, string> {
  const general: Record<string, string> = {
    rol: 'care',
    code: 'ABCD-EFGH-JKLM-NPQR',
    sleutel: '0'.repeat(64),
    grondslag: 'parent',
    kindWeet: 'unknown',
    onderzoek: 'ja',
    referentie: 'PL-2026-1',
    bericht: 'Nog een bericht.',
    wat: 'Iets afspreken.',
    wie: '',
    datum: '',
    voor: 'iedereen',
    notitie: content.entryId,
    nazorg: 'ja',
    wachtwoord: 'rode fiets onder de brug',
    frequentie: 'nooit',
  };
  if (path.endsWith('/overleg')) {
    return { ...general, datum: '2026-11-30', samenvatting: 'Overleg.', besluiten: '', 'ouder-uitgenodigd': 'ja' };
  }
  if (path.endsWith('/planning')) return { ...general, soort: 'stap', tijd: '', wie: 'rol:care' };
  if (path.includes('/afspraken/')) return { ...general, status: 'gedaan', versie: '1', wie: `lid:${memberId}` };
  if (path.endsWith('/delen'))
    return { notitie: content.entryId, kind16: 'nee', grondslag: 'ouder', kindWeet: 'onbekend' };
  return general;
}

/** The ids a write route's path takes, from the case's own content. */
function fill(path: string, caseId: string, content: CaseContent, memberId: string, invitationId: string): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    if (/case/i.test(name)) return caseId;
    if (/member|lid/i.test(name)) return memberId;
    if (/invitation/i.test(name)) return invitationId;
    if (/agreement/i.test(name)) return content.agreementId;
    if (/meeting/i.test(name)) return content.meetingId;
    if (/appointment/i.test(name)) return content.appointmentId;
    if (/message/i.test(name)) return content.messageId;
    if (/entry/i.test(name)) return content.entryId;
    return 'x';
  });
}

/** Routes a closed case still takes: personal settings and copies of what one reads (reads, not writes). */
const stillAllowed = /(melding|notific|export|kopie|samenvatting|bundel|pdf)/i;

for (const dialect of dialects) {
  describe(`closing and deleting a case [${dialect}]`, () => {
    const { target, sink } = caseAppForSuite(dialect);
    let built: BuiltCase;
    let content: CaseContent;
    const jars = new Map<string, { jar: Jar; token: string }>();
    let young: YoungMember;

    const get = (url: string, jar: Jar) => target.app.inject({ method: 'GET', url, cookies: jar });
    const post = (url: string, who: { jar: Jar; token: string }, body: Record<string, string> = {}) =>
      target.app.inject({ method: 'POST', url, cookies: who.jar, payload: { _csrf: who.token, ...body } });
    const db = () => target.database.handle.db;
    const caseRow = () => db().selectFrom('cases').selectAll().where('id', '=', built.caseId).executeTakeFirstOrThrow();
    const jarOf = (actor: CaseMemberActor) => jars.get(actor.name)!;

    async function csrfFor(jar: Jar): Promise<{ jar: Jar; token: string }> {
      const page = await get('/account', jar);
      assert.equal(page.statusCode, 200);
      return { jar: withCookiesOf(jar, page.headers), token: csrfTokenFrom(page.body) };
    }

    before(async () => {
      const world = await prepareCaseWorld(target, sink());
      built = await buildCaseWithEveryone(world, { label: 'Saartje', prefix: `sluit${dialect}` });
      content = await addCaseContent(target, built, 'Kievitsbloem');
      for (const actor of built.actors) jars.set(actor.name, await csrfFor(actor.account.cookies));
      // The starting parent wants news by e-mail at once (the notifications of ADR 0028).
      const session = await target.services.accounts.currentSession(built.starter.account.session);
      assert.ok(session);
      assert.equal(await target.services.accounts.setNoticeEmail(session, parentEmail), true);
      const starter = await caseActorOf(target, built.starter.account);
      const chosen = await target.services.caseNotifications.choose(
        starter.actor,
        starter.userId,
        built.caseId,
        'meteen',
      );
      assert.equal(chosen, true);
      // A young person of 15 in the case, who wants news by e-mail at once too.
      young = await buildYoungMember(target, memberOf(built, 'care', 'active').account, built.caseId, {
        age: 15,
        username: `jong.sluiten.${dialect}`,
      });
      const youngJar = await csrfFor(young.jar);
      assert.equal((await post('/account/email', youngJar, { email: youngEmail })).statusCode, 303);
      const meldingen = await get(`/samenwerken/${built.caseId}/meldingen`, youngJar.jar);
      assert.equal(meldingen.statusCode, 200);
      const choice = await post(`/samenwerken/${built.caseId}/meldingen`, youngJar, { meldingen: 'meteen' });
      assert.equal(choice.statusCode, 303);
      await newMails();
    });

    const parentEmail = `ouder.sluiten.${dialect}@example.org`;
    const youngEmail = `jong.sluiten.${dialect}@example.org`;
    /** Runs every due job (notifications, then their mails); answers the mails to `to` (the starting parent). */
    async function newMails(to = parentEmail) {
      const from = sink().received.length;
      while ((await target.services.jobs.runDue()) > 0) {
        // A notification job queues its mail jobs for the next round.
      }
      return sink()
        .received.slice(from)
        .filter((mail) => recipientOf(mail) === to);
    }
    const neutral = (mails: { subject?: string | undefined; text?: string | undefined }[]) => {
      assert.equal(mails.length, 1, 'one e-mail to the parent');
      const mail = `${mails[0]!.subject ?? ''}\n${mails[0]!.text ?? ''}`;
      assert.match(mail, /Er is iets nieuws voor je/);
      assert.doesNotMatch(mail, /Saartje|afgesloten|verwijder|samenwerking|zaak|http/i);
    };

    test('only the coordinator closes, after ticking that aftercare is done; bad input is a 400 in their language', async () => {
      const url = `/samenwerken/${built.caseId}/afsluiten`;
      const coordinator = jarOf(memberOf(built, 'coordinator', 'active'));
      const page = await get(url, coordinator.jar);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /De nazorg is afgerond/);
      assert.doesNotMatch(/<title>[^<]*<\/title>/.exec(page.body)?.[0] ?? '', /Saartje/);
      const casePage = await get(`/samenwerken/${built.caseId}`, coordinator.jar);
      assert.match(casePage.body, new RegExp(`href="${url}"`));

      for (const actor of built.actors.filter((a) => a.name !== 'coordinator/active')) {
        const who = jarOf(actor);
        assert.equal((await get(url, who.jar)).statusCode, 404, `${actor.name} sees no close page`);
        const tried = await post(url, who, { nazorg: 'ja' });
        assert.equal(tried.statusCode, 404, `${actor.name} may not close`);
        assert.doesNotMatch((await get(`/samenwerken/${built.caseId}`, who.jar)).body, new RegExp(`href="${url}"`));
      }
      const outsider = await csrfFor((await buildParent(target, { username: `sluit${dialect}.buiten` })).cookies);
      assert.equal((await post(url, outsider, { nazorg: 'ja' })).statusCode, 404);
      const visitor = await target.app.inject({ method: 'POST', url, payload: { nazorg: 'ja' } });
      assert.ok(visitor.statusCode >= 400 && visitor.statusCode < 500, `a visitor: ${visitor.statusCode}`);
      assert.equal((await post(`/samenwerken/niet-een-id/afsluiten`, coordinator, { nazorg: 'ja' })).statusCode, 404);

      for (const body of [{}, { nazorg: 'nee' }, { nazorg: 'x'.repeat(5000) }, { 'nazorg[]': 'ja' }]) {
        const refused = await post(url, coordinator, body);
        assert.equal(refused.statusCode, 400, JSON.stringify(body).slice(0, 60));
        assert.match(refused.body, /Vink aan dat de nazorg is afgerond/);
      }
      const english = await post(url, { ...coordinator, jar: { ...coordinator.jar, taal: 'en' } }, {});
      assert.equal(english.statusCode, 400);
      assert.match(english.body, /Tick that the aftercare is done/);
      assert.equal((await caseRow()).closed_at, null, 'nothing was closed');
    });

    test('closed: the parent is told on the timeline and the page, with the date and their own copy', async () => {
      const coordinator = jarOf(memberOf(built, 'coordinator', 'active'));
      const closed = await post(`/samenwerken/${built.caseId}/afsluiten`, coordinator, { nazorg: 'ja' });
      assert.equal(closed.statusCode, 303);
      assert.equal(closed.headers.location, `/samenwerken/${built.caseId}?melding=afgesloten`);
      const row = await caseRow();
      assert.ok(row.closed_at !== null);
      assert.equal(row.close_reason, 'aftercare-done');
      assert.equal(row.closed_by_member_id, memberOf(built, 'coordinator', 'active').memberId);
      // Twelve months by default, as a day.
      assert.equal(
        row.delete_after,
        `${addMonths(new Date(row.closed_at), 12).toISOString().slice(0, 10)}T00:00:00.000Z`,
      );
      const events = await db()
        .selectFrom('case_events')
        .select(['kind', 'compartment', 'actor_member_id', 'hide_on_risk'])
        .where('case_id', '=', built.caseId)
        .where('kind', '=', 'case.closed')
        .execute();
      // Every member hears it; the young person, who reads only their own channel, there.
      assert.deepEqual(
        events.sort((a, b) => a.compartment.localeCompare(b.compartment)),
        ['members', `young:${young.memberId}`].map((compartment) => ({
          kind: 'case.closed',
          compartment,
          actor_member_id: memberOf(built, 'coordinator', 'active').memberId,
          hide_on_risk: 0,
        })),
      );
      const audit = await db()
        .selectFrom('audit_log')
        .select('action')
        .where('object_id', '=', built.caseId)
        .where('action', '=', 'case.closed')
        .execute();
      assert.equal(audit.length, 1);

      const sent = sink().received.length;
      neutral(await newMails());
      const toYoung = sink()
        .received.slice(sent)
        .filter((mail) => recipientOf(mail) === youngEmail);
      assert.equal(toYoung.length, 1, 'the young person is told too');
      assert.doesNotMatch(`${toYoung[0]!.subject ?? ''}\n${toYoung[0]!.text ?? ''}`, /Saartje|afgesloten|http/i);
      const channel = await get(young.channel, young.jar);
      assert.equal(channel.statusCode, 200);
      assert.match(channel.body, /Deze samenwerking is afgesloten\. Je kunt de berichten nog lezen/);
      const parent = jarOf(built.starter);
      const page = await get(`/samenwerken/${built.caseId}`, parent.jar);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Deze samenwerking is afgesloten op/);
      assert.match(page.body, new RegExp(`data-delete-after="${row.delete_after.slice(0, 10)}"`));
      assert.match(page.body, /data-own-copy/);
      assert.match(page.body, new RegExp(`href="/samenwerken/${built.caseId}/samenvatting"`));
      const timeline = await get(`/samenwerken/${built.caseId}/tijdlijn`, parent.jar);
      assert.equal(timeline.statusCode, 200);
      assert.match(timeline.body, /sloot deze samenwerking af/);
      const care = await get(`/samenwerken/${built.caseId}`, jarOf(memberOf(built, 'care', 'active')).jar);
      assert.match(care.body, /Deze samenwerking is afgesloten op/);
      assert.doesNotMatch(care.body, /data-own-copy/, 'the own copy is for parents');
      // Closing again: a clear refusal, nothing new.
      const again = await post(`/samenwerken/${built.caseId}/afsluiten`, coordinator, { nazorg: 'ja' });
      assert.equal(again.statusCode, 409);
      assert.match(again.body, /Deze samenwerking is afgesloten/);
    });

    test('read-only: every write route answers every member with a 4xx (an active member: 409 "afgesloten"); reads go on', async (t) => {
      const writes = registeredRoutes(target.app).filter(
        ({ method, path }) => method === 'POST' && path.startsWith('/samenwerken/:caseId'),
      );
      assert.ok(writes.length >= 15, `the case's write routes: ${writes.length}`);
      const invitationId = built.invitationIds[0]!;
      const memberIds = [memberOf(built, 'care', 'active').memberId, memberOf(built, 'parent', 'active').memberId];
      // Sliding sessions, and the passphrase given again for a summary (still allowed on a closed case).
      const ignore = { sessions: ['last_seen_at', 'expires_at', 'reauthenticated_at'] };
      const beforeDump = await tableDump(db() as never, dialect, ignore);
      const failures: string[] = [];
      const statuses = new Map<number, number>();
      for (const actor of built.actors) {
        const who = jarOf(actor);
        for (const { path } of writes) {
          for (const memberId of path.includes(':memberId') ? memberIds : [memberIds[0]!]) {
            const url = fill(path, built.caseId, content, memberId, invitationId);
            const answer = await post(url, who, bodyFor(path, content, memberId));
            statuses.set(answer.statusCode, (statuses.get(answer.statusCode) ?? 0) + 1);
            const where = `${actor.name} POST ${url}`;
            if (answer.statusCode >= 500) failures.push(`${where}: ${answer.statusCode}`);
            else if (stillAllowed.test(path)) continue;
            else if (answer.statusCode < 400) failures.push(`${where}: ${answer.statusCode}, not a refusal`);
            else if (actor.state === 'active' && answer.statusCode !== 409) {
              failures.push(`${where}: ${answer.statusCode}, not 409`);
            } else if (actor.state === 'active' && !answer.body.includes('Deze samenwerking is afgesloten')) {
              failures.push(`${where}: no clear message`);
            }
          }
        }
      }
      t.diagnostic(`${writes.length} write routes; statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
      assert.deepEqual(failures, []);
      // Nothing of the case changed (the routes still allowed write only settings, audit lines and export events).
      const changed = changedTables(beforeDump, await tableDump(db() as never, dialect, ignore));
      for (const table of [
        'audit_log',
        'audit_head',
        'jobs',
        'case_notification_settings',
        'login_throttle',
        'sqlite_sequence',
      ]) {
        delete changed[table];
      }
      if (changed.case_events !== undefined) {
        const added = changed.case_events.added.filter((row) => !row.includes('"export.'));
        if (added.length === 0 && changed.case_events.removed.length === 0) delete changed.case_events;
      }
      assert.deepEqual(Object.keys(changed), [], JSON.stringify(changed).slice(0, 1500));

      for (const actor of built.actors.filter((a) => a.state === 'active')) {
        for (const page of ['', '/afspraken', '/berichten', '/tijdlijn', '/traject']) {
          const answer = await get(`/samenwerken/${built.caseId}${page}`, jarOf(actor).jar);
          assert.equal(answer.statusCode, 200, `${actor.name} reads ${page || 'the case'}`);
        }
      }
    });

    test('the daily task, with a fixed clock: notice a month before, once; keys destroyed at the date, in one go', async () => {
      // The server queues it every day (src/shared/jobs/recurring.ts); here it is called with a fixed clock.
      assert.ok(target.services.dailyJobs.some((kind) => kind.name === 'cases.closing-daily'));
      const closing = createCaseClosingService(
        createCaseClosingRepository(db()),
        createCasesRepository(db()),
        target.services.audit,
        { retentionMonths: 12, recordEvent: recordCaseEvent },
      );
      const row = await caseRow();
      const deleteAfter = new Date(row.delete_after!);
      const at = (date: Date) => new Date(`${date.toISOString().slice(0, 10)}T05:00:00.000Z`);
      const noticeDay = at(addMonths(deleteAfter, -1));
      const soonEvents = () =>
        db()
          .selectFrom('case_events')
          .select(['kind', 'compartment', 'actor_member_id'])
          .where('case_id', '=', built.caseId)
          .where('kind', '=', 'case.deletion-soon')
          .execute();

      // What each active member can open now: the keys the shredding must take away (checked to open the content).
      const keys: CompartmentKey[] = [];
      for (const actor of built.actors.filter((a) => a.state === 'active')) {
        const opened = await target.services.cases.openCase(await caseActorOf(target, actor.account), built.caseId);
        for (const compartment of ['members', 'professionals', `share:${built.starter.memberId}`] as const) {
          const key = await opened.key(compartment).catch(() => undefined);
          if (key !== undefined) keys.push(key);
        }
      }
      const membersKey = keys.find((key) => key.compartment === 'members')!;
      const label = openCaseText(membersKey, 'case/label', built.caseId, row.label_ciphertext as Ciphertext);
      assert.equal(label, 'Saartje', 'the members key opens the label before');

      assert.deepEqual(await closing.daily(at(addMonths(deleteAfter, -2))), { noticed: 0, shredded: 0 });
      assert.deepEqual(await closing.daily(new Date(noticeDay.getTime() - 86_400_000)), { noticed: 0, shredded: 0 });
      assert.deepEqual(await closing.daily(noticeDay), { noticed: 1, shredded: 0 });
      assert.deepEqual(await closing.daily(noticeDay), { noticed: 0, shredded: 0 }, 'twice on a day: nothing new');
      // Every member is told; the young person in their own channel.
      assert.deepEqual(
        (await soonEvents()).sort((a, b) => a.compartment.localeCompare(b.compartment)),
        ['members', `young:${young.memberId}`].map((compartment) => ({
          kind: 'case.deletion-soon',
          compartment,
          actor_member_id: null,
        })),
      );
      assert.equal((await caseRow()).delete_after, row.delete_after, 'told on time: the date stays');
      neutral(await newMails());
      const parentPage = await get(`/samenwerken/${built.caseId}`, jarOf(built.starter).jar);
      assert.match(parentPage.body, /Dat is over minder dan een maand/);
      assert.match(parentPage.body, /data-own-copy/);
      const timeline = await get(`/samenwerken/${built.caseId}/tijdlijn`, jarOf(built.starter).jar);
      assert.match(timeline.body, /Over een maand wordt deze samenwerking verwijderd/);

      assert.deepEqual(await closing.daily(at(new Date(deleteAfter.getTime() - 86_400_000))), {
        noticed: 0,
        shredded: 0,
      });
      const shredDay = at(deleteAfter);
      assert.deepEqual(await closing.daily(shredDay), { noticed: 0, shredded: 1 });
      assert.deepEqual(await closing.daily(shredDay), { noticed: 0, shredded: 0 });
      assert.deepEqual(await closing.daily(at(addMonths(deleteAfter, 3))), { noticed: 0, shredded: 0 });

      const after = await caseRow();
      assert.equal(after.shredded_at, shredDay.toISOString());
      assert.equal(after.label_ciphertext, '');
      const count = async (
        table: 'case_key_wraps' | 'case_compartments' | 'case_invitations' | 'case_shared_entries',
      ) => (await db().selectFrom(table).select('case_id').where('case_id', '=', built.caseId).execute()).length;
      for (const table of ['case_key_wraps', 'case_compartments', 'case_invitations', 'case_shared_entries'] as const) {
        assert.equal(await count(table), 0, `no ${table} row is left`);
      }
      const members = await db()
        .selectFrom('case_members')
        .select(['state', 'police_unit', 'reference_ciphertext'])
        .where('case_id', '=', built.caseId)
        .execute();
      assert.ok(members.every((member) => member.state === 'removed' && member.police_unit === null));
      assert.ok(members.every((member) => member.reference_ciphertext === null));
      const shredAudit = await db()
        .selectFrom('audit_log')
        .select(['action', 'actor'])
        .where('object_id', '=', built.caseId)
        .where('action', 'in', ['case.deletion-notice', 'case.shredded'])
        .orderBy('seq')
        .execute();
      assert.deepEqual(shredAudit, [
        { action: 'case.deletion-notice', actor: 'system' },
        { action: 'case.shredded', actor: 'system' },
      ]);

      // A copy of the database: no key of the case, no text of it, nothing any former member can unwrap.
      const dump = await databaseDump(target);
      assertNotInDump(dump, [
        ...keys.map((key, index): [string, Buffer] => [`key ${index}`, key.key.key.export()]),
        ...content.texts.map((text): [string, Buffer] => [text, Buffer.from(text)]),
      ]);
      for (const actor of built.actors) {
        const who = await caseActorOf(target, actor.account);
        await assert.rejects(target.services.cases.openCase(who, built.caseId), { name: 'NotFound' });
        await assert.rejects(target.services.cases.casePage(who, built.caseId), { name: 'NotFound' });
        const wraps = await db()
          .selectFrom('case_key_wraps')
          .select('case_id')
          .where('member_id', '=', actor.memberId)
          .execute();
        assert.deepEqual(wraps, [], `${actor.name} holds no wrap`);
        const list = await target.services.cases.listMine(who);
        assert.ok(!list.some((item) => item.caseId === built.caseId), `${actor.name}: gone from the list`);
      }
    });

    test('after deletion: a former member is told when it was deleted (410), anyone else finds nothing (404)', async () => {
      const on = (await caseRow()).shredded_at!;
      for (const actor of built.actors) {
        const who = jarOf(actor);
        const stillIn = actor.state !== 'removed';
        for (const url of [`/samenwerken/${built.caseId}`, `/samenwerken/${built.caseId}/tijdlijn`]) {
          const answer = await get(url, who.jar);
          assert.equal(answer.statusCode, stillIn ? 410 : 404, `${actor.name} GET ${url}`);
          if (stillIn) {
            assert.match(answer.body, /Deze samenwerking is verwijderd/);
            assert.match(answer.body, new RegExp(`data-case-deleted="${on.slice(0, 10)}"`));
            assert.doesNotMatch(answer.body, /Saartje|Kievitsbloem/);
          }
        }
        const write = await post(`/samenwerken/${built.caseId}/berichten`, who, { bericht: 'Hallo?' });
        assert.equal(write.statusCode, stillIn ? 410 : 404, `${actor.name} POST`);
        const list = await get('/samenwerken', who.jar);
        assert.equal(list.statusCode, 200);
        assert.doesNotMatch(list.body, /Saartje/);
      }
      const outsider = (await buildParent(target, { username: `sluit${dialect}.later` })).cookies;
      assert.equal((await get(`/samenwerken/${built.caseId}`, outsider)).statusCode, 404);
    });
  });
}
