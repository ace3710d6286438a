import type { AuditRecorder, AuditTrail } from '../audit/audit.service.js';
import { requestIdOf } from '../audit/audit.service.js';
import { AppError } from '../../shared/errors.js';
import type { Trx } from '../../shared/db/transaction.js';
import {
  type Language,
  type ReviewMarks,
  type TranslatorFor,
  contentPageId,
  interfacePage,
  isLanguage,
  isLocale,
  languages,
} from '../../shared/i18n/i18n.js';
import type { MessageKey } from '../../shared/i18n/messages.js';
import type { Actor } from '../../shared/policy/actor.js';
import { authorize, can } from '../../policies.js';
import type { TranslationReviewRepository } from './translation-review.repo.js';

/*
 * The reviewers' marks on translations (issue 19, ADR 0053). Kept in memory, so the per-request check
 * (isReviewed, used by the request context and the information pages) reads no database: loaded at start, loaded
 * again after this instance changes a mark, and when another instance announces a change on the change bus
 * (services.ts), as a CMS publish is. Every change empties the page cache (onChanged, app.ts).
 */

/** The languages a reviewer marks: every one that is not a complete catalogue of its own (nl, en). */
export const reviewedLanguages = languages.filter(
  (language): language is Exclude<Language, 'nl' | 'en'> => !isLocale(language),
);

/** A refused mark (unknown language or page, no such action): 400 with the reason in the editor's language. */
export class ReviewRefusal extends AppError {
  readonly status = 400;
  constructor(readonly messageKey: MessageKey) {
    super(`translation review refused: ${messageKey}`);
  }
}

export interface PageReview {
  /** 'frame', a route pattern, or /informatie/<slug>. */
  page: string;
  /** The information page's slug, for a page of that kind. */
  slug?: string;
  markedAt?: string;
}

export interface LanguageReview {
  language: Exclude<Language, 'nl' | 'en'>;
  /** It holds every key of the catalogue: every route is translated (the list shows the declared ones). */
  complete: boolean;
  pages: PageReview[];
}

export interface TranslationReviewOverview {
  languages: LanguageReview[];
  /** Whether this actor may mark and withdraw (else the page only shows the state). */
  mayMark: boolean;
}

export function createTranslationReviewService(
  repo: TranslationReviewRepository,
  options: {
    audit: AuditRecorder;
    /** Tells every instance, in the transaction, that the marks changed (the change bus). */
    announce: (trx: Trx) => Promise<void>;
    translatorFor: TranslatorFor;
    clock?: () => Date;
  },
) {
  const { audit, announce, translatorFor } = options;
  const clock = options.clock ?? (() => new Date());
  /** `language page` → when it was marked. */
  let marks = new Map<string, string>();
  const listeners: (() => void)[] = [];
  const keyOf = (language: string, page: string) => `${language} ${page}`;

  async function load(): Promise<void> {
    const next = new Map<string, string>();
    for (const mark of await repo.marks()) next.set(keyOf(mark.language, mark.page), mark.markedAt);
    marks = next;
    for (const listener of listeners) listener();
  }

  /**
   * The pages a reviewer can mark in a language: its frame, its declared pages, for a complete language the rest
   * of the interface (every page not declared on its own), and its information pages.
   */
  async function pagesOf(language: Exclude<Language, 'nl' | 'en'>): Promise<PageReview[]> {
    const routes = translatorFor.declaredPages(language).filter((page) => page !== 'frame');
    const slugs = await repo.contentSlugs(language);
    const pages: PageReview[] = [
      { page: 'frame' },
      ...routes.map((page) => ({ page })),
      ...(translatorFor.isComplete(language) ? [{ page: interfacePage }] : []),
      ...slugs.map((slug) => ({ page: contentPageId(slug), slug })),
    ];
    return pages.map((entry) => {
      const markedAt = marks.get(keyOf(language, entry.page));
      return markedAt === undefined ? entry : { ...entry, markedAt };
    });
  }

  const marksInMemory: ReviewMarks = {
    isReviewed: (language, page) => marks.has(keyOf(language, page)),
  };

  return {
    ...marksInMemory,

    /** Reads the marks from the database (at start, and when another instance changed them). */
    load,

    /** Runs `listener` after every change of the marks, here or announced by another instance. */
    onChanged(listener: () => void): void {
      listeners.push(listener);
    },

    /** The editors' page: per language, every page a reviewer can mark, and its state. */
    async overview(actor: Actor): Promise<TranslationReviewOverview> {
      authorize(actor, 'translationReview', 'view', { language: '', page: '' });
      const result: LanguageReview[] = [];
      for (const language of reviewedLanguages) {
        result.push({ language, complete: translatorFor.isComplete(language), pages: await pagesOf(language) });
      }
      return {
        languages: result,
        mayMark: can(actor, 'translationReview', 'markReviewed', { language: '', page: '' }),
      };
    },

    /**
     * Marks a page of a language reviewed (`reviewed` true) or withdraws the mark. The language must be one being
     * translated and the page one of its pages; the audit line names language and page, the change bus tells the
     * other instances, and every listener (the page cache) hears of it.
     */
    async setReviewed(
      actor: Actor,
      language: string,
      page: string,
      reviewed: boolean,
      trail: AuditTrail,
    ): Promise<void> {
      authorize(actor, 'translationReview', 'view', { language: '', page: '' });
      if (!isLanguage(language) || isLocale(language)) throw new ReviewRefusal('translationReview.problem.language');
      const known = await pagesOf(language);
      if (!known.some((entry) => entry.page === page)) throw new ReviewRefusal('translationReview.problem.page');
      authorize(actor, 'translationReview', reviewed ? 'markReviewed' : 'withdrawMark', { language, page });
      const markedBy = actor.kind === 'user' ? actor.userId : 'anonymous';
      const changed = await repo.setMark(
        { language, page, markedBy, markedAt: clock().toISOString() },
        reviewed,
        async (trx) => {
          await audit.recording({
            actor: markedBy,
            action: reviewed ? 'translation-review.marked' : 'translation-review.withdrawn',
            objectType: 'translation-review',
            objectId: keyOf(language, page),
            requestId: requestIdOf(trail),
          })(trx);
          await announce(trx);
        },
      );
      if (changed) await load();
    },
  };
}

export type TranslationReviewService = ReturnType<typeof createTranslationReviewService>;
