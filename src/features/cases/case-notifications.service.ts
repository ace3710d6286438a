import { enqueue } from '../../shared/jobs/jobs.repo.js';
import { amsterdamDay } from '../../shared/time/amsterdam.js';
import { type Mailer, MailNotSent, type NoticeLanguage } from '../../shared/mail/mailer.js';
import type { Actor } from '../../shared/policy/actor.js';
import { can } from '../../policies.js';
import { NotFound } from '../../shared/errors.js';
import { recordCaseEvent } from './case-items.repo.js';
import {
  dayOf,
  defaultFrequency,
  type NotificationFrequency,
  notificationFrequencies,
  recipientsOf,
} from './case-notifications.js';
import { caseNewsMail } from './case-notifications.jobs.js';
import type { CaseNotificationsRepository } from './case-notifications.repo.js';
import type { CaseFacts } from './cases.types.js';
import type { CasesRepository } from './cases.repo.js';
import { caseFacts } from './cases.service.js';
import { isId } from './cases.schema.js';

/*
 * Case notifications (issue 15, ADR 0028). Every notified timeline event queues `cases.notify-event` in its own
 * transaction (recordCaseEvent); notifyEvent, run by the job, decides who is told as the case stands then
 * (recipientsOf) and, per member's choice: at once → one `cases.news-mail` job for their account; daily → a
 * pending row for the next digest; never → nothing. The mail is the one neutral 'case-news' notice to the
 * account's notice address, sent by its own job so that a refusing server retries that mail alone. daily(now)
 * sends the digests of what waited from before today and tells of agreements that became due. Nothing here reads
 * content; a request never waits on the mail server.
 */

export interface CaseNotificationsOptions {
  /** The user's newest membership of a case with the case (cases.repo findMembership). */
  findMembership: CasesRepository['findMembership'];
  mailer: Mailer;
  /** The account's address for notices and their language, or undefined (then nothing is sent). */
  noticeAddress: (userId: string) => Promise<{ email: string; language: NoticeLanguage } | undefined>;
  /** Called after jobs were queued outside a request (the worker looks at once). */
  queued?: () => void;
}

/** The idempotency key of the one mail an account gets for day `day`'s digest (a due agreement shares it). */
const digestKey = (day: string, userId: string): string => `case-digest:${day}:${userId}`;

/** The form's words for the choices. */
export const frequencyByWord = { meteen: 'now', dagelijks: 'daily', nooit: 'never' } as const;
export type FrequencyWord = keyof typeof frequencyByWord;
export const wordOfFrequency = (frequency: NotificationFrequency): FrequencyWord =>
  frequency === 'now' ? 'meteen' : frequency === 'daily' ? 'dagelijks' : 'nooit';

export interface NotificationSetting {
  frequency: NotificationFrequency;
  /** True when the member made no choice and their role's default applies. */
  isDefault: boolean;
  /** Whether the account has an address for notices (without one, nothing is ever sent). */
  hasAddress: boolean;
}

export function createCaseNotificationsService(repo: CaseNotificationsRepository, options: CaseNotificationsOptions) {
  const queued = options.queued ?? (() => undefined);

  /** The case's facts with the acting user's own membership, or NotFound. */
  async function factsOf(
    userId: string,
    caseId: unknown,
  ): Promise<CaseFacts & { viewer: NonNullable<CaseFacts['viewer']> }> {
    const found = isId(caseId) ? await options.findMembership(caseId, userId) : undefined;
    if (found === undefined) throw new NotFound('no such case');
    const facts = caseFacts(found.case, found.member);
    return { ...facts, viewer: facts.viewer! };
  }

  async function settingOf(
    userId: string,
    memberId: string,
    role: Parameters<typeof defaultFrequency>[0],
  ): Promise<NotificationSetting> {
    const chosen = await repo.frequencyOf(memberId);
    const hasAddress = (await options.noticeAddress(userId)) !== undefined;
    return chosen === undefined
      ? { frequency: defaultFrequency(role), isDefault: true, hasAddress }
      : { frequency: chosen, isDefault: false, hasAddress };
  }

  return {
    /**
     * After a request changed a case (its transaction committed): a notification job it queued is looked at now,
     * not at the worker's next idle poll.
     */
    changed(): void {
      queued();
    },

    /** My setting in a case, or undefined when I may not set one (not an active member). */
    async mySetting(actor: Actor, userId: string, caseId: unknown): Promise<NotificationSetting | undefined> {
      const facts = await factsOf(userId, caseId).catch(() => undefined);
      if (facts === undefined || !can(actor, 'case', 'setNotifications', facts)) return undefined;
      return settingOf(userId, facts.viewer.memberId, facts.viewer.role);
    },

    /**
     * Stores my choice for a case ('meteen', 'dagelijks' or 'nooit'): false for a word that is none of them; NotFound
     * when I may not (not an active member of the case).
     */
    async choose(actor: Actor, userId: string, caseId: unknown, word: unknown, now = new Date()): Promise<boolean> {
      const facts = await factsOf(userId, caseId);
      if (!can(actor, 'case', 'setNotifications', facts)) throw new NotFound('no such case');
      if (typeof word !== 'string' || !Object.hasOwn(frequencyByWord, word)) return false;
      const frequency = frequencyByWord[word as FrequencyWord];
      if (!notificationFrequencies.includes(frequency)) return false;
      await repo.setFrequency(facts.viewer.memberId, frequency, now.toISOString());
      return true;
    },

    /** The job of event `seq`: who is told, and how, as the case stands now. Running it twice sends nothing twice. */
    async notifyEvent(caseId: string, seq: number): Promise<void> {
      if (!options.mailer.enabled) return;
      const found = await repo.eventForNotice(caseId, seq);
      if (found === undefined) return;
      const ids = recipientsOf(found.event, { mode: found.mode, riskConfirmed: found.riskConfirmed }, found.members);
      if (ids.length === 0) return;
      const day = dayOf(new Date(found.createdAt));
      let mails = 0;
      await repo.transaction(async (trx) => {
        const waiting: string[] = [];
        for (const id of ids) {
          const member = found.members.find((candidate) => candidate.memberId === id)!;
          if (member.userId === null) continue;
          const frequency = member.frequency ?? defaultFrequency(member.role);
          if (frequency === 'never') continue;
          if (frequency === 'now') {
            await enqueue(
              trx,
              caseNewsMail,
              { userId: member.userId, memberId: id },
              { idempotencyKey: `case-news:${seq}:${id}` },
            );
            mails += 1;
          } else if (found.event.kind === 'agreement.due') {
            // Due today is news of today: it goes now, as that day's one mail of the digest (the same key).
            await enqueue(
              trx,
              caseNewsMail,
              { userId: member.userId, memberId: id },
              { idempotencyKey: digestKey(day, member.userId) },
            );
            mails += 1;
          } else {
            waiting.push(id);
          }
        }
        await repo.markPending(trx, waiting, found.createdAt);
      });
      if (mails > 0) queued();
    },

    /** One neutral notice to an account; a membership that is no longer active gets nothing. Throws to be retried. */
    async sendNews(userId: string, memberId: string | undefined): Promise<void> {
      if (!options.mailer.enabled) return;
      if (memberId !== undefined) {
        const member = await repo.memberNow(memberId);
        if (member?.state !== 'active' || member.userId !== userId) return;
      }
      const address = await options.noticeAddress(userId);
      if (address === undefined) return;
      if (!(await options.mailer.sendNotice(address.email, 'case-news', address.language))) throw new MailNotSent();
    },

    /**
     * The day's run: tells of agreements due today or overdue (once per due date: an `agreement.due` timeline event
     * in the agreement's compartment, notified like any), then queues one digest mail per account for what waited
     * from before today. Running it twice on one day does nothing new.
     */
    async daily(now: Date): Promise<{ due: number; digests: number }> {
      const today = dayOf(now);
      const at = now.toISOString();
      // Due dates are Dutch calendar days (what members type); digests count UTC days (the run is at 05:00 UTC).
      const due = await repo.dueAgreements(amsterdamDay(now));
      for (const agreement of due) {
        await repo.transaction(async (trx) => {
          await recordCaseEvent(trx, {
            caseId: agreement.caseId,
            compartment: agreement.compartment as 'members' | 'professionals',
            kind: 'agreement.due',
            refId: agreement.changeId,
            createdAt: at,
          });
          await repo.markDueTold(trx, agreement.agreementId, agreement.dueOn, at);
        });
      }
      let digests = 0;
      if (options.mailer.enabled) {
        digests = await repo.transaction(async (trx) => {
          const waiting = await repo.pendingBefore(trx, `${today}T00:00:00.000Z`);
          const users = [...new Set(waiting.map((row) => row.userId))];
          for (const userId of users)
            await enqueue(trx, caseNewsMail, { userId }, { idempotencyKey: digestKey(today, userId) });
          return users.length;
        });
      }
      if (due.length > 0 || digests > 0) queued();
      return { due: due.length, digests };
    },
  };
}

export type CaseNotificationsService = ReturnType<typeof createCaseNotificationsService>;
