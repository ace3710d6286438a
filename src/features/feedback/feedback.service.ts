import { authorize } from '../../policies.js';
import { NotFound } from '../../shared/errors.js';
import type { Locale } from '../../shared/i18n/i18n.js';
import type { Actor } from '../../shared/policy/actor.js';
import { amsterdamDay } from '../../shared/time/amsterdam.js';
import { type AuditRecorder, type AuditTrail, requestIdOf } from '../audit/audit.service.js';
import type { FeedbackRepository, FeedbackSection, FeedbackText } from './feedback.repo.js';

/** Pending texts nobody reviewed are deleted after this many days. */
export const pendingKeepDays = 30;
/** Accepted texts are deleted this many months after they came in (they speak of a page as it was then). */
export const acceptedKeepMonths = 12;

/** What the feedback needs to know of a page a reader writes about: it must exist and be theirs to read. */
export interface ReadablePage {
  slug: string;
  lang: string;
  title: string;
  status: 'published' | 'draft';
}

/**
 * Finds a page of a section for an actor in a language, or throws NotFound (no such page, or not theirs to read:
 * a draft, an article for professionals). The section's own service decides.
 */
export type PageLookup = (actor: Actor, slug: string, locale: Locale) => Promise<{ page: ReadablePage }>;

/** One page in the editors' list: its answers to "was this useful?" and its accepted texts. */
export interface PageFeedbackSummary {
  section: FeedbackSection | undefined;
  slug: string;
  lang: string;
  /** Undefined when the page is not stored as a row (gone, or drawn from the pathway data). */
  title: string | undefined;
  helpful: number;
  notHelpful: number;
  accepted: FeedbackText[];
}

export interface FeedbackOverview {
  pending: FeedbackText[];
  pages: PageFeedbackSummary[];
  /** The title of every stored page, by `<lang>/<slug>` (to name the page of a pending text). */
  titles: Record<string, string>;
}

const daysBefore = (day: string, days: number): string => {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
};

const monthsBefore = (day: string, months: number): string => {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(year, month - 1 - months, 1));
  // The same day of the month, or the month's last day when it is shorter (29 February → 28 February).
  const last = new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, 0)).getUTCDate();
  shifted.setUTCDate(Math.min(date, last));
  return shifted.toISOString().slice(0, 10);
};

export function createFeedbackService(
  repo: FeedbackRepository,
  options: {
    audit: AuditRecorder;
    pages: Record<FeedbackSection, PageLookup>;
    /** Counts one answer to "was this useful?" (content's page_feedback, the same counts as information pages). */
    recordVote: (slug: string, lang: string, day: string, helpful: boolean) => Promise<void>;
  },
  clock: () => Date = () => new Date(),
) {
  const { audit, pages, recordVote } = options;
  const anyText = { state: 'pending' as const };

  /** The text with this id, for an editorial actor; NotFound for a malformed id or one that is gone. */
  async function storedText(actor: Actor, id: string): Promise<FeedbackText> {
    authorize(actor, 'feedbackText', 'read', anyText);
    const text = /^[0-9a-f-]{36}$/.test(id) ? await repo.findText(id) : undefined;
    if (text === undefined) throw new NotFound('no such feedback text');
    return text;
  }

  const line = (actor: Actor, action: string, id: string, trail: AuditTrail) =>
    audit.recording({
      actor: actor.kind === 'user' ? actor.userId : 'anonymous',
      action,
      objectType: 'feedback-text',
      objectId: id,
      requestId: requestIdOf(trail),
    });

  return {
    /** The page a reader writes about (NotFound when they may not read it); for the form's heading and link. */
    async page(actor: Actor, section: FeedbackSection, slug: string, locale: Locale): Promise<ReadablePage> {
      const { page } = await pages[section](actor, slug, locale);
      authorize(actor, 'contentPage', 'giveFeedback', page);
      return page;
    },

    /** Counts a reader's "was this useful?" on a page of a section (knowledge articles; information pages count it in content). */
    async vote(actor: Actor, section: FeedbackSection, slug: string, locale: Locale, helpful: boolean): Promise<void> {
      const page = await this.page(actor, section, slug, locale);
      await recordVote(page.slug, page.lang, amsterdamDay(clock()), helpful);
    },

    /** Stores what a reader wrote (already checked by the form) as pending, with the day only. */
    async giveText(actor: Actor, section: FeedbackSection, slug: string, locale: Locale, text: string): Promise<void> {
      const page = await this.page(actor, section, slug, locale);
      await repo.addText({ section, slug: page.slug, lang: page.lang, text, receivedOn: amsterdamDay(clock()) });
    },

    /** The editors' list: the moderation queue and, per page, the answers and the accepted texts. */
    async overview(actor: Actor): Promise<FeedbackOverview> {
      authorize(actor, 'feedbackText', 'read', anyText);
      const [pending, accepted, votes, names] = await Promise.all([
        repo.pendingTexts(),
        repo.acceptedTexts(),
        repo.voteTotals(),
        repo.pageNames(),
      ]);
      const summaries = new Map<string, PageFeedbackSummary>();
      const summaryOf = (slug: string, lang: string): PageFeedbackSummary => {
        const key = `${lang}/${slug}`;
        let summary = summaries.get(key);
        if (summary === undefined) {
          const name = names.find((page) => page.slug === slug && page.lang === lang);
          summary = { section: name?.section, slug, lang, title: name?.title, helpful: 0, notHelpful: 0, accepted: [] };
          summaries.set(key, summary);
        }
        return summary;
      };
      for (const vote of votes)
        Object.assign(summaryOf(vote.slug, vote.lang), { helpful: vote.helpful, notHelpful: vote.notHelpful });
      for (const text of accepted) {
        const summary = summaryOf(text.slug, text.lang);
        // A page not stored as a row (the knowledge base's pathway articles) is named by its texts' section.
        summary.section ??= text.section;
        summary.accepted.push(text);
      }
      // Most "not useful" first: the pages that most need work.
      const pagesList = [...summaries.values()].sort(
        (a, b) =>
          b.notHelpful - a.notHelpful ||
          b.accepted.length - a.accepted.length ||
          (a.title ?? a.slug).localeCompare(b.title ?? b.slug, 'nl'),
      );
      const titles: Record<string, string> = {};
      for (const name of names) titles[`${name.lang}/${name.slug}`] = name.title;
      return { pending, pages: pagesList, titles };
    },

    /** How many texts wait for review (for the /beheer dashboard); NotFound for anyone not editorial. */
    async pendingCount(actor: Actor): Promise<number> {
      authorize(actor, 'feedbackText', 'read', anyText);
      return repo.countPending();
    },

    /** Accepts a pending text; its audit line names the text's id, never the text. */
    async accept(actor: Actor, id: string, trail: AuditTrail): Promise<void> {
      const text = await storedText(actor, id);
      authorize(actor, 'feedbackText', 'accept', text);
      if (!(await repo.accept(text.id, line(actor, 'feedback.accepted', text.id, trail)))) {
        throw new NotFound('decided meanwhile');
      }
    },

    /** Deletes a text; the audit line keeps only its id. */
    async discard(actor: Actor, id: string, trail: AuditTrail): Promise<void> {
      const text = await storedText(actor, id);
      authorize(actor, 'feedbackText', 'discard', text);
      if (!(await repo.discard(text.id, line(actor, 'feedback.discarded', text.id, trail)))) {
        throw new NotFound('decided meanwhile');
      }
    },

    /**
     * The daily retention (ADR 0038): pending texts received more than 30 days before today and accepted texts
     * received more than 12 months before today are deleted. Running it twice on a day deletes nothing new.
     */
    async daily(now: Date): Promise<{ pending: number; accepted: number }> {
      const today = amsterdamDay(now);
      return {
        pending: await repo.deleteReceivedBefore('pending', daysBefore(today, pendingKeepDays)),
        accepted: await repo.deleteReceivedBefore('accepted', monthsBefore(today, acceptedKeepMonths)),
      };
    },
  };
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;
