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
  /**
   * Acute situations answered "yes", in the questionnaire's order of priority: the first decides the page's
   * title and the first number to call.
   */
  acute: AcuteKind[];
  /**
   * The level without the acute answers: what the signals and the family branch alone lead to. Shown after
   * the acute advice, as what to do next.
   */
  signalsLevel: AdviceLevel;
  /** Guidance blocks opened by answers (e.g. a child who stays away at night), each once, in question order. */
  guidance: string[];
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

export const severity: Record<AdviceLevel, number> = {
  'bel-112': 3,
  'bel-vandaag': 2,
  'vraag-advies': 1,
  'blijf-in-gesprek': 0,
};

function moreUrgent(a: AdviceLevel, b: AdviceLevel): AdviceLevel {
  return severity[a] >= severity[b] ? a : b;
}

/**
 * Turns a complete answer set into one advice level, named by what to do. A decision aid, not a diagnosis:
 * the score only chooses between levels and is never shown. The level is the most urgent of: the thresholds
 * (points, categories, a critical signal), each answer's own minimum (question.raises: a strong signal alone
 * asks for advice), the family branch's minimum, and each acute situation's level. Every part only ever
 * raises the level, so answering "yes" to one more question never lowers it.
 */
export function evaluate(questionnaire: Questionnaire, answers: Answers): Evaluation {
  const { scoring } = questionnaire;
  const acute: AcuteKind[] = [];
  const guidance: string[] = [];
  let raised: AdviceLevel = 'blijf-in-gesprek';
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
    const raise = question.raises?.[value];
    if (raise !== undefined) raised = moreUrgent(raised, raise);
    const block = question.guidance?.[value];
    if (block !== undefined && !guidance.includes(block)) guidance.push(block);
    const counts = scoring.countingAnswers.includes(value);
    if (counts && question.critical) critical = true;
    if (counts && question.category !== undefined) categories.add(question.category);
    const points = option.points * question.weight;
    score += points;
    const triggered =
      (question.acute !== undefined && scoring.acuteAnswers.includes(value)) ||
      (question.family && scoring.familyAnswers.includes(value)) ||
      (question.critical && counts) ||
      raise !== undefined;
    if (points > 0 || triggered) weighed.push({ question, value, points });
  }

  let signalsLevel: AdviceLevel = raised;
  for (const threshold of scoring.thresholds) {
    const reached =
      score >= threshold.minScore || categories.size >= threshold.minCategories || (threshold.anyCritical && critical);
    if (reached) signalsLevel = moreUrgent(signalsLevel, threshold.level);
  }
  if (family) signalsLevel = moreUrgent(signalsLevel, scoring.familyMinimumLevel);

  let level = signalsLevel;
  const { situationOrder, situationLevels } = scoring;
  if (situationOrder === undefined) {
    // Version 1: every acute answer leads to 112.
    if (acute.length > 0) level = 'bel-112';
  } else {
    acute.sort((a, b) => situationOrder.indexOf(a) - situationOrder.indexOf(b));
    for (const kind of acute) level = moreUrgent(level, situationLevels?.[kind] ?? 'bel-112');
  }

  return {
    level,
    acute,
    signalsLevel,
    guidance,
    family,
    weighed,
    notes,
    score,
    categories: [...categories].sort(),
  };
}
