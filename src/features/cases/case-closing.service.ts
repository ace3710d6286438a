import type { Trx } from '../../shared/db/transaction.js';
import { NotFound } from '../../shared/errors.js';
import type { FieldError } from '../../shared/errors.js';
import { type FormValues, formValues } from '../../shared/http/forms.js';
import type { Actor } from '../../shared/policy/actor.js';
import { authorize, can } from '../../policies.js';
import { type AuditRecorder, type AuditTrail, requestIdOf } from '../audit/audit.service.js';
import { addMonths, closingStep, deleteAfterOf, deleteAfterWithNotice, noticeFrom } from './case-closing.js';
import type { CaseClosingRepository, ClosedAnswer, ClosingState } from './case-closing.repo.js';
import type { CaseUnit, CasesRepository } from './cases.repo.js';
import { type CaseActor, type CoreCaseEvent, caseFacts } from './cases.service.js';
import { isId } from './cases.schema.js';
import { type CaseFacts, type Compartment, youngCompartment } from './cases.types.js';

/*
 * Closing and keeping a case (issue 15 point 4, ADR 0031). The coordinator closes a case when aftercare is done:
 * from then on it is read-only (the case rules allow reads only), the members are told through the timeline
 * (event case.closed in the members' compartment, which the notifications mail), and it is deleted after
 * CASE_RETENTION_MONTHS. The daily task (daily(now)) tells every member a month before (case.deletion-soon) and, at
 * the date, destroys every key of the case in one transaction (crypto-shredding): nothing of it can be opened
 * afterwards, by anyone, from the database or a copy of it.
 */

export interface CaseClosingSettings {
  /** How many months a closed case is kept before its keys are destroyed (CASE_RETENTION_MONTHS). */
  retentionMonths: number;
  /** Writes a timeline event in the change's transaction (case-items recordCaseEvent). */
  recordEvent: (trx: Trx, event: CoreCaseEvent) => Promise<unknown>;
}

export interface CloseFormRefusal {
  ok: false;
  form: { values: FormValues; problems: FieldError[] };
}

/** What the case page shows of closing: the dates, and what the viewer may do about it. */
export interface ClosingView {
  caseId: string;
  closedAt: string | null;
  deleteAfter: string | null;
  /** The members were told the case will be deleted (from a month before). */
  noticeGiven: boolean;
  mayClose: boolean;
  /** A parent may download their own copy (EXPORTS' case.ownCopy), above all before the deletion. */
  mayOwnCopy: boolean;
}

/** What the daily task did: cases whose members were told, cases whose keys were destroyed. */
export interface DailyClosingReport {
  noticed: number;
  shredded: number;
}

/** The audit line's actor for what the daily task does by itself. */
const systemActor = 'system';

/** The channels of a case's active young members: they read nothing else, so what every member hears goes there too. */
async function youngChannels(unit: CaseUnit): Promise<Compartment[]> {
  const members = await unit.listMembers(unit.case.id);
  return members
    .filter((member) => member.role === 'young' && member.state === 'active')
    .map((member) => youngCompartment(member.id));
}

export function createCaseClosingService(
  repo: CaseClosingRepository,
  cases: Pick<CasesRepository, 'findMembership' | 'withCaseLocked'>,
  audit: AuditRecorder,
  settings: CaseClosingSettings,
  clock: () => Date = () => new Date(),
) {
  /** The case and my membership, with the rules' facts; NotFound for a malformed id or a non-member. */
  async function factsOf(who: CaseActor, caseId: unknown): Promise<CaseFacts> {
    if (!isId(caseId)) throw new NotFound('no such case');
    const found = await cases.findMembership(caseId, who.userId);
    if (found === undefined) throw new NotFound('no such case');
    return caseFacts(found.case, found.member);
  }

  return {
    /** The confirmation page's facts: the case, and when it would be deleted if closed now. NotFound unless I may close it. */
    async closeChoices(who: CaseActor, caseId: unknown): Promise<{ caseId: string; deleteAfter: string }> {
      const facts = await factsOf(who, caseId);
      authorize(who.actor, 'case', 'close', facts);
      return { caseId: facts.caseId, deleteAfter: deleteAfterOf(clock(), settings.retentionMonths).toISOString() };
    },

    /**
     * Closes the case (the coordinator, when aftercare is done; the form says so): closed_at, the reason, who, and
     * the deletion date, with the timeline event case.closed for every member and the audit line, in one
     * transaction under the case's lock. Refused (NotFound) unless the rules allow it at that moment.
     */
    async close(
      who: CaseActor,
      caseId: unknown,
      body: unknown,
      trail: AuditTrail = {},
    ): Promise<{ ok: true; deleteAfter: string } | CloseFormRefusal> {
      const first = await factsOf(who, caseId);
      authorize(who.actor, 'case', 'close', first);
      const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
      if (fields.nazorg !== 'ja') {
        return {
          ok: false,
          form: {
            values: formValues(fields, { keep: 20 }),
            problems: [{ field: 'nazorg', messageKey: 'caseClosing.problem.aftercare' }],
          },
        };
      }
      const done = await cases.withCaseLocked(first.caseId, async (unit) => {
        const found = await unit.findMembership(unit.case.id, who.userId);
        if (found === undefined) throw new NotFound('no such case');
        authorize(who.actor, 'case', 'close', caseFacts(unit.case, found.member));
        const now = clock();
        const deleteAfter = deleteAfterOf(now, settings.retentionMonths).toISOString();
        const on = repo.on(unit.transaction);
        if (
          !(await on.markClosed(unit.case.id, {
            closedAt: now.toISOString(),
            reason: 'aftercare-done',
            byMemberId: found.member.id,
            deleteAfter,
          }))
        ) {
          throw new NotFound('already closed');
        }
        // Every active member reads the members' compartment (in a professional-only case: only professionals);
        // a young member reads only their own channel, so they are told there (their channel is read-only now).
        await settings.recordEvent(unit.transaction, {
          caseId: unit.case.id,
          compartment: 'members',
          kind: 'case.closed',
          actorMemberId: found.member.id,
          createdAt: now.toISOString(),
        });
        for (const compartment of await youngChannels(unit)) {
          await settings.recordEvent(unit.transaction, {
            caseId: unit.case.id,
            compartment,
            kind: 'case.closed',
            actorMemberId: found.member.id,
            createdAt: now.toISOString(),
          });
        }
        await audit.record(unit.transaction, {
          actor: who.userId,
          action: 'case.closed',
          objectType: 'case',
          objectId: unit.case.id,
          requestId: requestIdOf(trail),
        });
        return deleteAfter;
      });
      if (done === undefined) throw new NotFound('no such case');
      return { ok: true, deleteAfter: done };
    },

    /** The closing part of the case page, for a viewer the page is drawn for. */
    async view(actor: Actor, facts: CaseFacts): Promise<ClosingView> {
      const state: ClosingState | undefined = await repo.closingState(facts.caseId);
      return {
        caseId: facts.caseId,
        closedAt: state?.closedAt ?? null,
        deleteAfter: state?.deleteAfter ?? null,
        noticeGiven: (state?.noticeAt ?? null) !== null,
        mayClose: can(actor, 'case', 'close', facts),
        mayOwnCopy: can(actor, 'case', 'ownCopy', facts),
      };
    },

    /** How a refused request of this user to this case is answered: closed, deleted on a date, or not at all. */
    answerFor: (userId: string, caseId: unknown): Promise<ClosedAnswer | undefined> =>
      isId(caseId) ? repo.answerFor(userId, caseId) : Promise.resolve(undefined),

    /**
     * The daily task: each closed case whose deletion is a month away or less gets its notice (case.deletion-soon,
     * once; a late notice moves the deletion to a month after it), and each whose date has come, after its
     * notice, is crypto-shredded. Each case in a transaction of its own under the case's lock; running it twice on
     * one day does nothing new.
     */
    async daily(now: Date): Promise<DailyClosingReport> {
      const report: DailyClosingReport = { noticed: 0, shredded: 0 };
      // A month and a few days ahead: a notice can be due a day or two before the calendar month (a shorter month).
      const until = new Date(addMonths(now, 1).getTime() + 4 * 24 * 3_600_000).toISOString();
      for (const candidate of await repo.dueBy(until)) {
        await cases.withCaseLocked(candidate.caseId, async (unit) => {
          const on = repo.on(unit.transaction);
          const state = await on.closingState(unit.case.id);
          if (state === undefined || state.closedAt === null || state.deleteAfter === null) return;
          const step = closingStep(
            {
              deleteAfter: new Date(state.deleteAfter),
              noticeAt: state.noticeAt === null ? null : new Date(state.noticeAt),
              shredded: state.shreddedAt !== null,
            },
            now,
          );
          const at = now.toISOString();
          const line = (action: string) => ({
            actor: systemActor,
            action,
            objectType: 'case',
            objectId: unit.case.id,
            requestId: 'none',
          });
          if (step === 'notice') {
            const deleteAfter = deleteAfterWithNotice(new Date(state.deleteAfter), now).toISOString();
            await on.markNotice(unit.case.id, at, deleteAfter);
            for (const compartment of ['members' as const, ...(await youngChannels(unit))]) {
              await settings.recordEvent(unit.transaction, {
                caseId: unit.case.id,
                compartment,
                kind: 'case.deletion-soon',
                createdAt: at,
              });
            }
            await audit.record(unit.transaction, line('case.deletion-notice'));
            report.noticed += 1;
          } else if (step === 'shred') {
            await on.shred(unit.case.id, at);
            await audit.record(unit.transaction, line('case.shredded'));
            report.shredded += 1;
          }
        });
      }
      return report;
    },

    /** From when the members of a case deleted at `deleteAfter` are told (for the page and the docs). */
    noticeFrom: (deleteAfter: string): string => noticeFrom(new Date(deleteAfter)).toISOString(),
  };
}

export type CaseClosingService = ReturnType<typeof createCaseClosingService>;
