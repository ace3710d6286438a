import type { AcuteKind, AdviceLevel, LocalText, Question, Questionnaire } from './check.schema.js';

/** Answers keyed by question id; every question of the version has one (the form enforces it). */
export type Answers = ReadonlyMap<string, string>;

export interface WeighedAnswer {
  question: Question;
  value: string;
  points: number;
}

export interface Evaluation {
  level: AdviceLevel;
  /** Acute situations answered "yes": these override everything. */
  acute: AcuteKind[];
  /** A family member may be involved: never advise talking to or confronting that person. */
  family: boolean;
  /** The answers that weighed in, in questionnaire order; shown to the parent as the explanation. */
  weighed: WeighedAnswer[];
  /** Notes attached to chosen answers (e.g. what changes at 16). */
  notes: LocalText[];
  /** Internal only: never shown, never stored. */
  score: number;
  categories: string[];
}

type Option = Questionnaire['scales'][string][number];

/** Questions in order with their answer options by value, built once per questionnaire version. */
const indexes = new WeakMap<Questionnaire, { question: Question; options: Map<string, Option> }[]>();
function scoringIndex(questionnaire: Questionnaire) {
  let index = indexes.get(questionnaire);
  if (index === undefined) {
    index = questionnaire.groups
      .flatMap((group) => group.questions)
      .map((question) => ({
        question,
        options: new Map((questionnaire.scales[question.scale] ?? []).map((option) => [option.value, option])),
      }));
    indexes.set(questionnaire, index);
  }
  return index;
}

const severity: Record<AdviceLevel, number> = {
  'bel-112': 3,
  'bel-vandaag': 2,
  'vraag-advies': 1,
  'blijf-in-gesprek': 0,
};

export function moreUrgent(a: AdviceLevel, b: AdviceLevel): AdviceLevel {
  return severity[a] >= severity[b] ? a : b;
}

/**
 * Turns a complete answer set into one advice level, named by what to do. A decision aid, not a diagnosis:
 * the score only chooses between levels and is never shown. Acute answers override everything; the family
 * branch raises the level to at least scoring.familyMinimumLevel.
 */
export function evaluate(questionnaire: Questionnaire, answers: Answers): Evaluation {
  const { scoring } = questionnaire;
  const acute: AcuteKind[] = [];
  const weighed: WeighedAnswer[] = [];
  const notes: LocalText[] = [];
  const categories = new Set<string>();
  let family = false;
  let critical = false;
  let score = 0;

  for (const { question, options } of scoringIndex(questionnaire)) {
    const value = answers.get(question.id);
    if (value === undefined) continue;
    const option = options.get(value);
    if (option === undefined) continue;
    if (option.note !== undefined) notes.push(option.note);
    if (question.acute !== undefined && scoring.acuteAnswers.includes(value)) acute.push(question.acute);
    if (question.family && scoring.familyAnswers.includes(value)) family = true;
    const counts = scoring.countingAnswers.includes(value);
    if (counts && question.critical) critical = true;
    if (counts && question.category !== undefined) categories.add(question.category);
    const points = option.points * question.weight;
    score += points;
    const triggered =
      (question.acute !== undefined && scoring.acuteAnswers.includes(value)) ||
      (question.family && scoring.familyAnswers.includes(value)) ||
      (question.critical && counts);
    if (points > 0 || triggered) weighed.push({ question, value, points });
  }

  let level: AdviceLevel = 'blijf-in-gesprek';
  for (const threshold of scoring.thresholds) {
    const reached =
      score >= threshold.minScore || categories.size >= threshold.minCategories || (threshold.anyCritical && critical);
    if (reached) level = moreUrgent(level, threshold.level);
  }
  if (family) level = moreUrgent(level, scoring.familyMinimumLevel);
  if (acute.length > 0) level = 'bel-112';

  return { level, acute, family, weighed, notes, score, categories: [...categories].sort() };
}
