import type { Actor } from '../../shared/policy/actor.js';
import { authorize, can } from '../../shared/policy/policy.js';
import { amsterdamDay } from '../../shared/time/amsterdam.js';
import type { CheckRepository } from './check.repo.js';
import type { Question, Questionnaire } from './check.schema.js';
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

export function createCheckService(
  registry: QuestionnaireRegistry,
  repo: CheckRepository,
  clock: () => Date = () => new Date(),
) {
  return {
    current: (): Questionnaire => registry.current,

    /**
     * Checks a posted answer set against its questionnaire version. Answers are used for this one response
     * only: never stored, never logged. A complete set is counted anonymously (day, version, level).
     */
    async submit(actor: Actor, body: unknown): Promise<Submission> {
      if (body === null || typeof body !== 'object' || Array.isArray(body))
        return { kind: 'rejected', reason: 'not-a-form' };
      const fields = body as Record<string, unknown>;
      const versionText = fields.versie;
      if (typeof versionText !== 'string' || !/^\d{1,6}$/.test(versionText))
        return { kind: 'rejected', reason: 'version' };
      const questionnaire = registry.published(Number(versionText));
      if (questionnaire === undefined) return { kind: 'rejected', reason: 'version' };

      const questions = questionnaire.groups.flatMap((group) => group.questions);
      const byId = new Map(questions.map((question) => [question.id, question]));
      const answers = new Map<string, string>();
      for (const [name, value] of Object.entries(fields)) {
        if (controlFields.has(name)) continue;
        const question = byId.get(name);
        if (question === undefined) return { kind: 'rejected', reason: 'unknown-question' };
        if (typeof value !== 'string') return { kind: 'rejected', reason: 'bad-value' };
        const allowed = questionnaire.scales[question.scale] ?? [];
        if (!allowed.some((option) => option.value === value)) return { kind: 'rejected', reason: 'bad-value' };
        answers.set(name, value);
      }
      const missing = questions.filter((question) => !answers.has(question.id));
      if (missing.length > 0) return { kind: 'incomplete', questionnaire, answers, missing };

      const evaluation = evaluate(questionnaire, answers);
      authorize(actor, 'checkOutcome', 'take', evaluation);
      await repo.countOutcome(amsterdamDay(clock()), questionnaire.version, evaluation.level);
      return { kind: 'outcome', questionnaire, answers, evaluation };
    },

    /** Whether the outcome page may offer "save to my journal" (the journal issue adds the saver). */
    canSave: (actor: Actor, evaluation: Evaluation): boolean => can(actor, 'checkOutcome', 'saveToJournal', evaluation),
  };
}

export type CheckService = ReturnType<typeof createCheckService>;
