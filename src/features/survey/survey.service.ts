import { randomInt } from 'node:crypto';
import { authorize, can } from '../../policies.js';
import { NotFound } from '../../shared/errors.js';
import { type Actor, editorialRoleOf } from '../../shared/policy/actor.js';
import { amsterdamDay } from '../../shared/time/amsterdam.js';
import { addDays, isoWeekOf } from '../../shared/time/weeks.js';
import { type AuditRecorder, type AuditTrail, requestIdOf } from '../audit/audit.service.js';
import type { SurveyRepository, SurveyText } from './survey.repo.js';
import type { SurveyForm } from './survey.schema.js';
import {
  isSurveyMilestone,
  jitterDays,
  type MilestoneDay,
  milestoneToOffer,
  milestoneWindow,
  notBeforeAfterOffer,
  offerAllowed,
  type SurveyMilestone,
} from './survey.schedule.js';

/** The session a parent acts in: the offer is open in one session only. */
export interface SurveySession {
  userId: string;
  idHash: string;
}

/** The day three calendar months after `day` (the month's last day when it is shorter: 30 November → 28 February). */
/** Days a pending free text waits for a reviewer before it is deleted (after its week has ended). */
export const pendingKeepDays = 30;

export function threeMonthsAfter(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(year, month - 1 + 3, 1));
  const last = new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, 0)).getUTCDate();
  shifted.setUTCDate(Math.min(date, last));
  return shifted.toISOString().slice(0, 10);
}

export interface SurveyModeration {
  pending: SurveyText[];
  accepted: SurveyText[];
}

/**
 * The parents' survey (issue 18 point 2, ADR 0047). An offer is made on the account page when a milestone happened
 * since the last offer and the not-before day has come; making it is the only time anything about the parent is
 * written (the not-before day), and answering or declining writes nothing about them: the answer goes in without
 * an account and dated by ISO week. Nothing of the answering is written to the audit log (it would link the
 * account to the answer's time); the editors' decisions on texts are.
 */
export function createSurveyService(
  repo: SurveyRepository,
  options: {
    audit: AuditRecorder;
    /** The random days added to the quarter (0 ≤ n < jitterDays); tests pass their own. */
    jitter?: () => number;
  },
  clock: () => Date = () => new Date(),
) {
  const { audit } = options;
  const jitter = options.jitter ?? (() => randomInt(jitterDays));

  /** The milestones of an account inside the window that counts today (ADR 0047). */
  async function milestonesOf(userId: string, today: string, notBefore: string | undefined): Promise<MilestoneDay[]> {
    const { after } = milestoneWindow(today, notBefore);
    // A day earlier than the window as a timestamp: days are Dutch days, timestamps UTC; the days decide below.
    const since = `${addDays(after, -1)}T00:00:00.000Z`;
    const [cases, firstEntry] = await Promise.all([
      repo.caseMilestonesSince(userId, since),
      repo.firstJournalEntryAt(userId),
    ]);
    const days: MilestoneDay[] = cases.map((row) => ({
      milestone: row.milestone,
      day: amsterdamDay(new Date(row.at)),
    }));
    if (firstEntry !== undefined) {
      days.push({ milestone: 'journal-three-months', day: threeMonthsAfter(amsterdamDay(new Date(firstEntry))) });
    }
    return days;
  }

  const line = (actor: Actor, action: string, id: string, trail: AuditTrail) =>
    audit.recording({
      actor: actor.kind === 'user' ? actor.userId : 'anonymous',
      action,
      objectType: 'survey-text',
      objectId: id,
      requestId: requestIdOf(trail),
    });

  /** The open offer of this session, for a parent who may answer it; NotFound otherwise. */
  async function openOffer(session: SurveySession): Promise<SurveyMilestone | undefined> {
    const milestone = await repo.openOffer(session.idHash);
    return milestone !== undefined && isSurveyMilestone(milestone) ? milestone : undefined;
  }

  async function storedText(actor: Actor, id: string): Promise<SurveyText> {
    authorize(actor, 'surveyText', 'read', { state: 'pending' });
    const text = /^[0-9a-f-]{36}$/.test(id) ? await repo.findText(id) : undefined;
    if (text === undefined) throw new NotFound('no such survey text');
    return text;
  }

  return {
    /**
     * For the account page: the offer to show in this session, if any. An offer already open in the session is
     * shown until it is answered or declined; a new one is made only when due (and then the not-before day moves
     * a quarter and 0–13 days ahead). Anyone who is not a parent gets nothing, and nothing is written.
     */
    async offerFor(actor: Actor, session: SurveySession): Promise<SurveyMilestone | undefined> {
      if (!can(actor, 'survey', 'offer', { open: false })) return undefined;
      const open = await openOffer(session);
      if (open !== undefined) return open;
      const today = amsterdamDay(clock());
      const notBefore = await repo.notBefore(session.userId);
      if (!offerAllowed(today, notBefore)) return undefined;
      const milestone = milestoneToOffer(today, notBefore, await milestonesOf(session.userId, today, notBefore));
      if (milestone === undefined) return undefined;
      const made = await repo.makeOffer({
        userId: session.userId,
        sessionIdHash: session.idHash,
        milestone,
        today,
        notBefore: notBeforeAfterOffer(today, jitter()),
      });
      return made ? milestone : undefined;
    },

    /** The survey page: only with an offer open in this session (NotFound otherwise). */
    async survey(actor: Actor, session: SurveySession): Promise<SurveyMilestone> {
      const open = await openOffer(session);
      authorize(actor, 'survey', 'answer', { open: open !== undefined });
      return open as SurveyMilestone;
    },

    /** Stores the answer (already checked by the form) without the account, and closes the offer. */
    async answer(actor: Actor, session: SurveySession, form: SurveyForm): Promise<void> {
      const milestone = await this.survey(actor, session);
      const scores = { care: form.zorg, police: form.politie, understood: form.begrepen, nextStep: form.verder };
      const anyScore = Object.values(scores).some((value) => value !== null);
      const stored = await repo.answer(session.idHash, {
        week: isoWeekOf(amsterdamDay(clock())),
        milestone,
        scores: anyScore ? scores : undefined,
        text: form.tekst,
      });
      // Answered meanwhile (a second tab): the same as an offer that is not open.
      if (!stored) throw new NotFound('survey answered meanwhile');
    },

    /** "Nee, dank je": closes the offer; nothing else is written (the not-before day was set by the offer). */
    async decline(actor: Actor, session: SurveySession): Promise<void> {
      const open = await openOffer(session);
      authorize(actor, 'survey', 'decline', { open: open !== undefined });
      if (!(await repo.closeOffer(session.idHash))) throw new NotFound('survey declined meanwhile');
    },

    /** The moderation page: pending texts first, then the accepted ones. */
    async moderation(actor: Actor): Promise<SurveyModeration> {
      authorize(actor, 'surveyText', 'read', { state: 'pending' });
      const [pending, accepted] = await Promise.all([repo.texts('pending'), repo.texts('accepted')]);
      return { pending, accepted };
    },

    /** How many texts wait for review, for the /beheer dashboard; undefined for anyone who may not review them. */
    async pendingCount(actor: Actor): Promise<number | undefined> {
      if (!can(actor, 'surveyText', 'read', { state: 'pending' })) return undefined;
      return (await repo.texts('pending')).length;
    },

    /** Accepts a pending text: kept, with the day and the reviewer's role; the audit line names who, by id. */
    async accept(actor: Actor, id: string, trail: AuditTrail): Promise<void> {
      const text = await storedText(actor, id);
      authorize(actor, 'surveyText', 'review', text);
      const reviewed = { on: amsterdamDay(clock()), by: editorialRoleOf(actor) ?? 'unknown' };
      if (!(await repo.accept(text.id, reviewed, line(actor, 'survey-text.accepted', text.id, trail)))) {
        throw new NotFound('decided meanwhile');
      }
    },

    /**
     * The daily retention: a text nobody reviewed is deleted once its whole week lies more than 30 days before
     * today, as the readers' feedback texts are (ADR 0038). Texts carry only their ISO week, so the newest week
     * deleted is the one holding the day 37 days ago (its Sunday is at least 31 days ago; the next week's Sunday
     * is 30 days ago or later). Accepted texts are kept. Running it twice on a day deletes nothing new.
     */
    async daily(now: Date): Promise<{ pending: number }> {
      return { pending: await repo.deletePendingUpTo(isoWeekOf(addDays(amsterdamDay(now), -pendingKeepDays - 7))) };
    },

    /** Rejects a pending text: deleted; the audit line keeps only its id. */
    async reject(actor: Actor, id: string, trail: AuditTrail): Promise<void> {
      const text = await storedText(actor, id);
      authorize(actor, 'surveyText', 'review', text);
      if (!(await repo.reject(text.id, line(actor, 'survey-text.rejected', text.id, trail)))) {
        throw new NotFound('decided meanwhile');
      }
    },
  };
}

export type SurveyService = ReturnType<typeof createSurveyService>;
