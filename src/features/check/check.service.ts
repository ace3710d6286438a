import type { Actor } from '../../shared/policy/actor.js';
import { authorize, can } from '../../policies.js';
import { amsterdamDay } from '../../shared/time/amsterdam.js';
import type { CheckRepository } from './check.repo.js';
import type { AdviceLevel, Question, Questionnaire } from './check.schema.js';
import type { QuestionnaireRegistry } from './questionnaires.js';
import { type Evaluation, evaluate } from './scoring.js';

/** Why a submission cannot be used at all (as opposed to answers that are merely missing). */
export type Rejection = 'version' | 'unknown-question' | 'bad-value' | 'not-a-form';

export type Submission =
  | { kind: 'outcome'; questionnaire: Questionnaire; answers: Map<string, string>; evaluation: Evaluation }
  | { kind: 'incomplete'; questionnaire: Questionnaire; answers: Map<string, string>; missing: Question[] }
  | { kind: 'rejected'; reason: Rejection };

/** Form fields that are not answers. */
const controlFields = new Set(['_csrf', 'versie']);

/**
 * A seam for the journal issue: a logged-in parent may choose to save an outcome to their journal. Until the
 * journal exists nothing is saved, and the outcome page offers nothing.
 */
export interface OutcomeSaver {
  save(actor: Actor, questionnaire: Questionnaire, evaluation: Evaluation): Promise<void>;
}

interface QuestionIndex {
  questions: Question[];
  byId: Map<string, { question: Question; allowed: Set<string> }>;
}

/** Built once per questionnaire version, so checking a submission does no set-up work. */
const indexes = new WeakMap<Questionnaire, QuestionIndex>();
function indexOf(questionnaire: Questionnaire): QuestionIndex {
  let index = indexes.get(questionnaire);
  if (index === undefined) {
    const questions = questionnaire.groups.flatMap((group) => group.questions);
    const byId = new Map(
      questions.map((question) => [
        question.id,
        { question, allowed: new Set((questionnaire.scales[question.scale] ?? []).map((option) => option.value)) },
      ]),
    );
    index = { questions, byId };
    indexes.set(questionnaire, index);
  }
  return index;
}

export interface CheckServiceOptions {
  /** How often the anonymous counts are written to the database (they are also written on close). */
  flushMs?: number;
  onFlushError?: (error: unknown) => void;
}

export function createCheckService(
  registry: QuestionnaireRegistry,
  repo: CheckRepository,
  clock: () => Date = () => new Date(),
  options: CheckServiceOptions = {},
) {
  /*
   * Completed checks are counted in memory and written every few seconds: a count per request would cost more
   * than the rest of the request. Counts add up in the database, so several instances can run side by side;
   * a crash loses at most the last few seconds of counts (anonymous statistics, no answers).
   */
  const pending = new Map<string, { day: string; version: number; level: AdviceLevel; count: number }>();
  let timer: NodeJS.Timeout | undefined;

  async function flush(): Promise<void> {
    if (pending.size === 0) return;
    const counts = [...pending.values()];
    pending.clear();
    try {
      await repo.addOutcomeCounts(counts);
    } catch (error) {
      for (const entry of counts) count(entry.day, entry.version, entry.level, entry.count);
      options.onFlushError?.(error);
    }
  }

  function count(day: string, version: number, level: AdviceLevel, by = 1): void {
    const key = `${day} ${version} ${level}`;
    const entry = pending.get(key);
    if (entry === undefined) pending.set(key, { day, version, level, count: by });
    else entry.count += by;
    timer ??= setInterval(() => void flush(), options.flushMs ?? 2_000).unref();
  }

  return {
    current: (): Questionnaire => registry.current,

    /**
     * Checks a posted answer set against its questionnaire version. Answers are used for this one response
     * only: never stored, never logged. A complete set is counted anonymously (day, version, level).
     */
    submit(actor: Actor, body: unknown): Submission {
      if (body === null || typeof body !== 'object' || Array.isArray(body))
        return { kind: 'rejected', reason: 'not-a-form' };
      const fields = body as Record<string, unknown>;
      const versionText = fields.versie;
      if (typeof versionText !== 'string' || !/^\d{1,6}$/.test(versionText))
        return { kind: 'rejected', reason: 'version' };
      const questionnaire = registry.published(Number(versionText));
      if (questionnaire === undefined) return { kind: 'rejected', reason: 'version' };

      const { questions, byId } = indexOf(questionnaire);
      const answers = new Map<string, string>();
      // Object.keys, not Object.entries: a parsed form with this many fields is a dictionary-mode object in V8,
      // and Object.entries on one costs several µs (more than the rest of this function); the same keys, same order.
      for (const name of Object.keys(fields)) {
        if (controlFields.has(name)) continue;
        const entry = byId.get(name);
        if (entry === undefined) return { kind: 'rejected', reason: 'unknown-question' };
        const value = fields[name];
        if (typeof value !== 'string' || !entry.allowed.has(value)) return { kind: 'rejected', reason: 'bad-value' };
        answers.set(name, value);
      }
      if (answers.size < questions.length) {
        const missing = questions.filter((question) => !answers.has(question.id));
        return { kind: 'incomplete', questionnaire, answers, missing };
      }

      const evaluation = evaluate(questionnaire, answers);
      authorize(actor, 'checkOutcome', 'take', evaluation);
      count(amsterdamDay(clock()), questionnaire.version, evaluation.level);
      return { kind: 'outcome', questionnaire, answers, evaluation };
    },

    /** Whether the outcome page may offer "save to my journal" (the journal issue adds the saver). */
    canSave: (actor: Actor, evaluation: Evaluation): boolean => can(actor, 'checkOutcome', 'saveToJournal', evaluation),

    /** Writes pending counts now (tests, and before the database closes). */
    flush,

    /** Stops the timer and writes what is pending. */
    async close(): Promise<void> {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      await flush();
    },
  };
}

export type CheckService = ReturnType<typeof createCheckService>;
