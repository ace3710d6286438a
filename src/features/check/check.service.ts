import type { Actor } from '../../shared/policy/actor.js';
import { authorize } from '../../policies.js';
import { createDailyCounter } from '../../shared/counters/daily-counter.js';
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
  // Completed checks, counted anonymously per day, version and level (see createDailyCounter).
  const outcomes = createDailyCounter<{ version: number; level: AdviceLevel }>(
    (counts) => repo.addOutcomeCounts(counts),
    { clock, ...options },
  );

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
      outcomes.add({ version: questionnaire.version, level: evaluation.level });
      return { kind: 'outcome', questionnaire, answers, evaluation };
    },

    /** Writes pending counts now (tests, and before the database closes). */
    flush: outcomes.flush,

    /** Stops the timer and writes what is pending. */
    close: outcomes.close,
  };
}

export type CheckService = ReturnType<typeof createCheckService>;
