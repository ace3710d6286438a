import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { dialects } from '../../../test/helpers/databases.js';
import { buildParentSession, type ParentSession } from '../../../test/helpers/factories.js';
import { tableDump } from '../../../test/helpers/table-dump.js';
import type { Actor } from '../../shared/policy/actor.js';
import { addDays, daysBetween } from '../../shared/time/weeks.js';
import { createSurveyRepository, type SurveyRepository } from './survey.repo.js';
import { quarterDays, type SurveyMilestone } from './survey.schedule.js';
import { createSurveyService, type SurveySession } from './survey.service.js';

/*
 * The survey's schedule and storage on both databases with a fake clock (ADR 0047): an offer is made at most once a
 * quarter whatever the milestones and visits; it follows a milestone since the last offer; answers and texts hold
 * no account; a rejected text is gone and an accepted one kept.
 */

const form = (overrides: Partial<Record<'zorg' | 'politie' | 'begrepen' | 'verder', number | null>> = {}) => ({
  zorg: 4,
  politie: null,
  begrepen: 2,
  verder: 5,
  tekst: undefined as string | undefined,
  ...overrides,
});

const reviewer: Actor = { kind: 'user', userId: 'reviewer-1', roles: ['reviewer'] };
const editor: Actor = { kind: 'user', userId: 'editor-1', roles: ['editor'] };

for (const dialect of dialects) {
  describe(`the parents' survey [${dialect}]`, () => {
    let testApp: TestApp;
    before(async () => {
      testApp = await buildTestApp(dialect);
    });
    after(() => testApp.close());

    const db = () => testApp.database.handle.db;

    /** A service on the test database whose clock reads `clock.now` and whose jitter is `clock.jitter`. */
    const clock = { now: new Date('2027-03-01T11:00:00Z'), jitter: 0 };
    const serviceWith = (repo: SurveyRepository = createSurveyRepository(db())) =>
      createSurveyService(repo, { audit: testApp.services.audit, jitter: () => clock.jitter }, () => clock.now);
    const at = (day: string) => new Date(`${day}T11:00:00Z`);

    /** A parent with a case they started (an active parent member), and their first session. */
    async function parentWithCase(): Promise<{ parent: ParentSession; caseId: string; session: SurveySession }> {
      const parent = await buildParentSession(testApp.services.accounts);
      const started = await testApp.services.cases.start(
        { actor: parent.session.actor, userId: parent.userId, keys: parent.session.keys },
        { naam: 'Sanne', grondslag: 'parent', kindWeet: 'unknown' },
      );
      assert.ok(started.ok);
      return { parent, caseId: started.caseId, session: { userId: parent.userId, idHash: parent.session.idHash } };
    }

    /** Another session of the same account (a later sign-in), as a row like the first. */
    async function anotherSession(session: SurveySession): Promise<SurveySession> {
      const row = await db()
        .selectFrom('sessions')
        .selectAll()
        .where('id_hash', '=', session.idHash)
        .executeTakeFirstOrThrow();
      const idHash = randomUUID().replaceAll('-', '');
      await db()
        .insertInto('sessions')
        .values({ ...row, id_hash: idHash })
        .execute();
      return { userId: session.userId, idHash };
    }

    /** A step move told to every member of the case, into `track`, on `day`. */
    async function moveInto(caseId: string, track: string, day: string, compartment = 'members') {
      const member = await db()
        .selectFrom('case_members')
        .select('id')
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow();
      await db()
        .insertInto('case_step_moves')
        .values({
          id: randomUUID(),
          case_id: caseId,
          compartment,
          epoch: 1,
          pathway_version: 1,
          track,
          step: 'stap-1',
          note: '',
          moved_by_member_id: member.id,
          created_at: at(day).toISOString(),
        })
        .execute();
    }

    const notBefore = async (userId: string) =>
      (await db().selectFrom('survey_schedule').select('not_before').where('user_id', '=', userId).executeTakeFirst())
        ?.not_before;

    test('no milestone, no offer, and nothing is written about the parent', async () => {
      const { parent, session } = await parentWithCase();
      clock.now = at('2027-03-01');
      assert.equal(await serviceWith().offerFor(parent.session.actor, session), undefined);
      assert.equal(await notBefore(parent.userId), undefined);
    });

    test('a new track offers once; the session keeps it, another session is not offered before the not-before day', async () => {
      const { parent, caseId, session } = await parentWithCase();
      const survey = serviceWith();
      await moveInto(caseId, 'signaal-en-advies', '2027-03-01');
      clock.now = at('2027-03-02');
      clock.jitter = 5;
      assert.equal(await survey.offerFor(parent.session.actor, session), 'new-track');
      assert.equal(await notBefore(parent.userId), addDays('2027-03-02', quarterDays + 5));
      // The same offer in the same session until it is answered or declined; the not-before day does not move.
      clock.now = at('2027-03-03');
      assert.equal(await survey.offerFor(parent.session.actor, session), 'new-track');
      assert.equal(await notBefore(parent.userId), addDays('2027-03-02', quarterDays + 5));
      // Another session, another milestone (a new track and the case closed): nothing before the not-before day.
      const later = await anotherSession(session);
      await moveInto(caseId, 'onderzoek', '2027-04-01');
      await db()
        .updateTable('cases')
        .set({ closed_at: at('2027-05-01').toISOString() })
        .where('id', '=', caseId)
        .execute();
      for (const day of ['2027-04-02', '2027-05-02', addDays('2027-03-02', quarterDays + 4)]) {
        clock.now = at(day);
        assert.equal(await survey.offerFor(parent.session.actor, later), undefined, day);
      }
      // On the not-before day: the latest milestone since the last offer (the closing) is offered.
      clock.now = at(addDays('2027-03-02', quarterDays + 5));
      assert.equal(await survey.offerFor(parent.session.actor, later), 'case-closed');
    });

    test('a milestone that led to the last offer never counts again; one in the professionals compartment never counts', async () => {
      const { parent, caseId, session } = await parentWithCase();
      const survey = serviceWith();
      await moveInto(caseId, 'signaal-en-advies', '2027-06-01');
      clock.now = at('2027-06-01');
      clock.jitter = 0;
      assert.equal(await survey.offerFor(parent.session.actor, session), 'new-track');
      await survey.decline(parent.session.actor, session);
      const later = await anotherSession(session);
      // A move among the professionals only, and a move back into a track the case was in before: no milestones.
      await moveInto(caseId, 'onderzoek', '2027-07-01', 'professionals');
      await moveInto(caseId, 'signaal-en-advies', '2027-07-02');
      clock.now = at(addDays('2027-06-01', quarterDays));
      assert.equal(await survey.offerFor(parent.session.actor, later), undefined);
    });

    test('three months after the first journal entry is a milestone', async () => {
      const parent = await buildParentSession(testApp.services.accounts);
      const session = { userId: parent.userId, idHash: parent.session.idHash };
      const { journalActorOf } = await import('../journal/journal.service.js');
      const { testObservation } = await import('../../../test/helpers/journal.js');
      await testApp.services.journal.addObservation(
        journalActorOf(parent.session),
        testObservation({ text: 'Eerste.' }),
      );
      const journal = await db()
        .selectFrom('journals')
        .select('id')
        .where('owner_id', '=', parent.userId)
        .executeTakeFirstOrThrow();
      await db()
        .updateTable('journal_entries')
        .set({ received_at: at('2027-01-31').toISOString() })
        .where('journal_id', '=', journal.id)
        .execute();
      const survey = serviceWith();
      clock.now = at('2027-04-29');
      assert.equal(await survey.offerFor(parent.session.actor, session), undefined, 'not yet three months');
      clock.now = at('2027-04-30');
      assert.equal(await survey.offerFor(parent.session.actor, session), 'journal-three-months');
    });

    test('answers and texts hold no account: the parent’s id and name are in no survey row', async () => {
      const { parent, caseId, session } = await parentWithCase();
      const survey = serviceWith();
      await moveInto(caseId, 'signaal-en-advies', '2027-09-01');
      clock.now = at('2027-09-01');
      assert.equal(await survey.offerFor(parent.session.actor, session), 'new-track');
      await survey.answer(parent.session.actor, session, { ...form(), tekst: 'De wijkagent luisterde echt.' });
      // Answered once: the offer is closed, a second answer is refused and nothing more is stored.
      await assert.rejects(survey.answer(parent.session.actor, session, form()), { name: 'NotFound' });
      const dump = await tableDump(db() as never, dialect);
      const rows = [...(dump.survey_answers ?? []), ...(dump.survey_texts ?? [])];
      assert.ok(
        rows.some((row) => row.includes('De wijkagent')),
        'the text is stored',
      );
      assert.ok(
        rows.some((row) => row.includes('"2027-W35"')),
        'dated by ISO week',
      );
      for (const row of rows) {
        assert.ok(!row.includes(parent.userId), `the account id in ${row}`);
        assert.ok(!row.toLowerCase().includes(parent.username.toLowerCase()), `the username in ${row}`);
        assert.ok(!row.includes('2027-09-01'), `a day in ${row}`);
      }
      assert.deepEqual(
        (await db().selectFrom('survey_answers').selectAll().execute()).map((row) => Object.keys(row).sort()),
        [['care', 'id', 'milestone', 'next_step', 'police', 'understood', 'week']],
      );
      assert.ok(!(dump.survey_offers ?? []).some((row) => row.includes(session.idHash)), 'no open offer is left');
    });

    test('a rejected text is gone, an accepted one kept; only reviewers and admins decide', async () => {
      const { parent, caseId, session } = await parentWithCase();
      const survey = serviceWith();
      await moveInto(caseId, 'signaal-en-advies', '2027-12-01');
      clock.now = at('2027-12-01');
      await survey.offerFor(parent.session.actor, session);
      await survey.answer(parent.session.actor, session, { ...form(), tekst: 'Weg ermee.' });
      const second = await parentWithCase();
      await moveInto(second.caseId, 'signaal-en-advies', '2027-12-01');
      await survey.offerFor(second.parent.session.actor, second.session);
      await survey.answer(second.parent.session.actor, second.session, { ...form(), tekst: 'Bewaar dit.' });
      const pending = (await survey.moderation(reviewer)).pending;
      const reject = pending.find((text) => text.text === 'Weg ermee.')!;
      const keep = pending.find((text) => text.text === 'Bewaar dit.')!;
      await assert.rejects(survey.accept(editor, keep.id, {}), { name: 'NotFound' });
      await assert.rejects(survey.moderation(parent.session.actor), { name: 'NotFound' });
      await survey.reject(reviewer, reject.id, {});
      await survey.accept(reviewer, keep.id, {});
      const rows = await db().selectFrom('survey_texts').selectAll().where('id', 'in', [reject.id, keep.id]).execute();
      assert.deepEqual(
        rows.map((row) => [row.text, row.state, row.reviewed_on, row.reviewed_by]),
        [['Bewaar dit.', 'accepted', '2027-12-01', 'reviewer']],
      );
      const audit = await db().selectFrom('audit_log').selectAll().where('object_type', '=', 'survey-text').execute();
      assert.deepEqual(audit.map((row) => [row.action, row.object_id]).sort(), [
        ['survey-text.accepted', keep.id],
        ['survey-text.rejected', reject.id],
      ]);
      // Decided: neither can be decided again.
      await assert.rejects(survey.reject(reviewer, keep.id, {}), { name: 'NotFound' });
    });

    test('answering and declining write no audit line and leave the not-before day where the offer put it', async () => {
      const survey = serviceWith();
      clock.jitter = 3;
      const auditRows = async () => (await db().selectFrom('audit_log').select('seq').execute()).length;
      for (const act of ['answer', 'decline'] as const) {
        const { parent, caseId, session } = await parentWithCase();
        await moveInto(caseId, 'signaal-en-advies', '2028-02-01');
        clock.now = at('2028-02-01');
        assert.equal(await survey.offerFor(parent.session.actor, session), 'new-track');
        const day = await notBefore(parent.userId);
        assert.equal(day, addDays('2028-02-01', quarterDays + 3));
        const lines = await auditRows();
        clock.now = at('2028-02-02');
        if (act === 'answer') await survey.answer(parent.session.actor, session, form());
        else await survey.decline(parent.session.actor, session);
        assert.equal(await auditRows(), lines, act);
        assert.equal(await notBefore(parent.userId), day, act);
      }
    });

    test('cases with a confirmed risk in the family and memberships that are not active give no milestones', async () => {
      const survey = serviceWith();
      for (const change of ['risk', 'membership'] as const) {
        const { parent, caseId, session } = await parentWithCase();
        if (change === 'risk') {
          await db().updateTable('cases').set({ risk_in_family: 'confirmed' }).where('id', '=', caseId).execute();
        } else {
          await db().updateTable('case_members').set({ state: 'suspended' }).where('case_id', '=', caseId).execute();
        }
        await moveInto(caseId, 'signaal-en-advies', '2028-03-01');
        clock.now = at('2028-03-01');
        assert.equal(await survey.offerFor(parent.session.actor, session), undefined, change);
        assert.equal(await notBefore(parent.userId), undefined, change);
      }
    });

    test('two requests at once in two sessions make one offer at most', async () => {
      const { parent, caseId, session } = await parentWithCase();
      const survey = serviceWith();
      const other = await anotherSession(session);
      await moveInto(caseId, 'signaal-en-advies', '2028-04-01');
      clock.now = at('2028-04-01');
      const offers = await Promise.all([
        survey.offerFor(parent.session.actor, session),
        survey.offerFor(parent.session.actor, other),
      ]);
      assert.deepEqual(
        offers.filter((offer) => offer !== undefined),
        ['new-track'],
      );
      const open = await db()
        .selectFrom('survey_offers')
        .select('session_id_hash')
        .where('session_id_hash', 'in', [session.idHash, other.idHash])
        .execute();
      assert.equal(open.length, 1);
    });

    test('an open offer goes with its session (logout, quick exit, expiry)', async () => {
      const { parent, caseId, session } = await parentWithCase();
      await moveInto(caseId, 'signaal-en-advies', '2028-05-01');
      clock.now = at('2028-05-01');
      assert.equal(await serviceWith().offerFor(parent.session.actor, session), 'new-track');
      const offers = () =>
        db().selectFrom('survey_offers').select('milestone').where('session_id_hash', '=', session.idHash).execute();
      assert.equal((await offers()).length, 1);
      await db().deleteFrom('sessions').where('id_hash', '=', session.idHash).execute();
      assert.deepEqual(await offers(), []);
    });

    test('property: whatever the milestones and visits, never two offers within a quarter', async () => {
      const milestone = fc.constantFrom<SurveyMilestone>('new-track', 'case-closed', 'journal-three-months');
      const event = fc.oneof(
        fc.record({ kind: fc.constant('milestone' as const), day: fc.integer({ min: 0, max: 540 }), milestone }),
        fc.record({
          kind: fc.constant('visit' as const),
          day: fc.integer({ min: 0, max: 540 }),
          newSession: fc.boolean(),
          then: fc.constantFrom('nothing', 'answer', 'decline'),
          jitter: fc.integer({ min: 0, max: 13 }),
        }),
      );
      const offerCounts: number[] = [];
      await fc.assert(
        fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 30 }), async (events) => {
          const parent = await buildParentSession(testApp.services.accounts);
          const start = '2028-01-03';
          const milestones: { milestone: SurveyMilestone; at: string }[] = [];
          const base = createSurveyRepository(db());
          // Milestones from the generated list (only those that happened by the clock's now).
          const repo: SurveyRepository = {
            ...base,
            caseMilestonesSince: (_userId, since) =>
              Promise.resolve(
                milestones
                  .filter(
                    (row) =>
                      row.milestone !== 'journal-three-months' && row.at > since && row.at <= clock.now.toISOString(),
                  )
                  .map((row) => ({ milestone: row.milestone as 'new-track' | 'case-closed', at: row.at })),
              ),
            firstJournalEntryAt: () => Promise.resolve(undefined),
          };
          const survey = serviceWith(repo);
          let session: SurveySession = { userId: parent.userId, idHash: parent.session.idHash };
          const offers: { day: string; session: string }[] = [];
          const sorted = [...events].sort((a, b) => a.day - b.day);
          for (const step of sorted) {
            const day = addDays(start, step.day);
            clock.now = at(day);
            if (step.kind === 'milestone') {
              milestones.push({ milestone: step.milestone, at: clock.now.toISOString() });
              continue;
            }
            if (step.newSession) session = await anotherSession(session);
            clock.jitter = step.jitter;
            const offered = await survey.offerFor(parent.session.actor, session);
            if (offered === undefined) continue;
            if (!offers.some((offer) => offer.session === session.idHash))
              offers.push({ day, session: session.idHash });
            if (step.then === 'answer') await survey.answer(parent.session.actor, session, form());
            if (step.then === 'decline') await survey.decline(parent.session.actor, session);
          }
          for (let index = 1; index < offers.length; index += 1) {
            const gap = daysBetween(offers[index - 1]!.day, offers[index]!.day);
            assert.ok(gap >= quarterDays, `offers on ${offers[index - 1]!.day} and ${offers[index]!.day}`);
          }
          await db().deleteFrom('survey_answers').execute();
          offerCounts.push(offers.length);
        }),
        {
          numRuns: 25,
          // Besides the random sequences, one that must lead to two offers (a milestone, a visit, and the same
          // again well after a quarter and its jitter), so the check below never depends on the random ones.
          examples: [
            [
              [
                { kind: 'milestone', day: 0, milestone: 'new-track' },
                { kind: 'visit', day: 1, newSession: true, then: 'answer', jitter: 13 },
                { kind: 'milestone', day: 200, milestone: 'case-closed' },
                { kind: 'visit', day: 201, newSession: true, then: 'nothing', jitter: 0 },
              ],
            ],
          ],
        },
      );
      // Not vacuous: some sequences led to several offers, spaced a quarter apart.
      assert.ok(
        offerCounts.some((count) => count >= 2),
        `offers per run: ${offerCounts.join(', ')}`,
      );
    });
  });
}
