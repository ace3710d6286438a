import type { Translate } from '../../shared/i18n/i18n.js';
import type { AcuteKind, AdviceLevel, Question, Questionnaire } from './check.schema.js';
import { adviceLevels } from './check.schema.js';
import { evaluate, severity } from './scoring.js';

/*
 * The check's safety properties (content/check/README.md, "What it promises"), checked on a questionnaire version
 * before an editor may send it for review and again before it is published (ADR 0036). Deterministic and
 * exhaustive where it is cheap: every single answer, and every pair of answers to two questions, starting from
 * the calm answer set (each question's first option). The properties are stated on the version's own data, not
 * on copies of its thresholds, like src/features/check/safety.test.tsx.
 */

/** Each acute situation's least level and the number the parent must see first (README, "Each acute situation"). */
export const acuteExpectations: Record<AcuteKind, { level: AdviceLevel; first: string }> = {
  missing: { level: 'bel-112', first: 'alarm' },
  danger: { level: 'bel-112', first: 'alarm' },
  assault: { level: 'bel-112', first: 'csg' },
  blackmail: { level: 'bel-vandaag', first: 'politie' },
  threat: { level: 'bel-vandaag', first: 'politie' },
};

/** Signals the README names as strong: each must stay in the questionnaire and reach "ask advice" alone. */
export const promisedStrongSignals = ['spullen', 'meerdere-telefoons', 'oudere-vriend', 'ritjes', 'gezondheid'];
/** Nights away: "more than once" leads to "call today" with the missing-child guidance (112). */
export const nightsAway = { question: 'nachten-weg', answer: 'vaker' };
/** The blackmail signal shows 113. */
export const blackmailSignal = 'beelden-chantage';

const goodNews = /goed nieuws|good news/i;
/** Advice to confront someone (the exploiter, a family member): only ever allowed in a "don't" list. */
const confronting = /confront|spreek\s+(?:de|die|hem|haar)\b[^.]*\baan\b|aanspreken/i;

const questionsOf = (questionnaire: Questionnaire): Question[] =>
  questionnaire.groups.flatMap((group) => group.questions);
const optionsOf = (questionnaire: Questionnaire, question: Question): string[] =>
  (questionnaire.scales[question.scale] ?? []).map((option) => option.value);
/** The editor's language, for quoting the questionnaire's own words in a problem. */
export const editorLocale = (t: Translate): 'nl' | 'en' => (t('check.editor.language') === 'en' ? 'en' : 'nl');
const atLeast = (level: AdviceLevel, minimum: AdviceLevel) => severity[level] >= severity[minimum];

/**
 * What names something that is not there: a question on an unknown scale or category, an answer that its scale
 * does not offer, a guidance block that does not exist, an acute question without its situation, a scoring rule
 * whose answers no question offers, a situation rule no question asks. Every problem in `t`'s language.
 */
export function referenceProblems(questionnaire: Questionnaire, t: Translate): string[] {
  const problems: string[] = [];
  const questions = questionsOf(questionnaire);
  const seen = new Set<string>();
  for (const question of questions) {
    const id = question.id;
    if (seen.has(id)) problems.push(t('check.safety.duplicate', { id }));
    seen.add(id);
    if (questionnaire.scales[question.scale] === undefined) {
      problems.push(t('check.safety.unknownScale', { id, scale: question.scale }));
    }
    if (question.category !== undefined && questionnaire.categories[question.category] === undefined) {
      problems.push(t('check.safety.unknownCategory', { id, category: question.category }));
    }
    const answers = new Set(optionsOf(questionnaire, question));
    for (const answer of [...Object.keys(question.raises ?? {}), ...Object.keys(question.guidance ?? {})]) {
      if (!answers.has(answer)) problems.push(t('check.safety.unknownAnswer', { id, answer }));
    }
    for (const block of Object.values(question.guidance ?? {})) {
      if (questionnaire.guidance[block] === undefined) problems.push(t('check.safety.unknownGuidance', { id, block }));
    }
    if (question.acute !== undefined) {
      const kind = question.acute;
      const { situationOrder, situationLevels } = questionnaire.scoring;
      if (situationOrder?.includes(kind) !== true || situationLevels?.[kind] === undefined) {
        problems.push(t('check.safety.acuteWithoutRule', { id, kind }));
      }
      if (questionnaire.situations?.[kind] === undefined) {
        problems.push(t('check.safety.acuteWithoutBlock', { id, kind }));
      }
    }
  }
  const rules: { rule: string; answers: readonly string[]; asked: Question[] }[] = [
    {
      rule: 'scoring.acuteAnswers',
      answers: questionnaire.scoring.acuteAnswers,
      asked: questions.filter((question) => question.acute !== undefined),
    },
    {
      rule: 'scoring.familyAnswers',
      answers: questionnaire.scoring.familyAnswers,
      asked: questions.filter((question) => question.family),
    },
    { rule: 'scoring.countingAnswers', answers: questionnaire.scoring.countingAnswers, asked: questions },
  ];
  for (const { rule, answers, asked } of rules) {
    const offered = new Set(asked.flatMap((question) => optionsOf(questionnaire, question)));
    for (const answer of answers) {
      if (!offered.has(answer)) problems.push(t('check.safety.ruleNamesMissingAnswer', { rule, answer }));
    }
  }
  const askedKinds = new Set(questions.flatMap((question) => (question.acute === undefined ? [] : [question.acute])));
  for (const kind of questionnaire.scoring.situationOrder ?? []) {
    if (!askedKinds.has(kind)) problems.push(t('check.safety.ruleNamesMissingQuestion', { kind }));
  }
  for (const level of adviceLevels) {
    if (!questionnaire.outcomes.some((outcome) => outcome.level === level)) {
      problems.push(t('check.safety.noOutcome', { level }));
    }
  }
  if (!questions.some((question) => question.family)) problems.push(t('check.safety.noFamilyQuestion'));
  for (const id of [...promisedStrongSignals, nightsAway.question, blackmailSignal]) {
    if (!seen.has(id)) problems.push(t('check.safety.promisedQuestionMissing', { id }));
  }
  const nights = questions.find((question) => question.id === nightsAway.question);
  if (nights !== undefined && !optionsOf(questionnaire, nights).includes(nightsAway.answer)) {
    problems.push(t('check.safety.unknownAnswer', { id: nights.id, answer: nightsAway.answer }));
  }
  return problems;
}

/**
 * Every refusal for a questionnaire version: what names something missing, and every broken promise of the check.
 * Empty for a version parents may be given. The safety properties are checked only when the references hold
 * (a broken reference makes the scoring meaningless).
 */
export function safetyProblems(questionnaire: Questionnaire, t: Translate): string[] {
  const references = referenceProblems(questionnaire, t);
  if (references.length > 0) return references;
  return propertyProblems(questionnaire, t);
}

function propertyProblems(questionnaire: Questionnaire, t: Translate): string[] {
  const problems = new Set<string>();
  const questions = questionsOf(questionnaire);
  const { scoring } = questionnaire;
  const calm = new Map(questions.map((question) => [question.id, optionsOf(questionnaire, question)[0]!]));
  const answering = (...pairs: [string, string][]) => {
    const answers = new Map(calm);
    for (const [id, value] of pairs) answers.set(id, value);
    return evaluate(questionnaire, answers);
  };
  const counting = (question: Question) =>
    optionsOf(questionnaire, question).filter((value) => scoring.countingAnswers.includes(value));
  const locale = editorLocale(t);
  const words = (question: Question, value: string) => ({
    question: question.text[locale],
    answer: questionnaire.scales[question.scale]?.find((option) => option.value === value)?.label[locale] ?? value,
  });

  // The calm set: the first answer of every question leads to the lowest level.
  if (answering().level !== 'blijf-in-gesprek') problems.add(t('check.safety.calmNotLowest'));

  // Single answers.
  const levels = new Set<AdviceLevel>();
  for (const question of questions) {
    for (const value of optionsOf(questionnaire, question)) levels.add(answering([question.id, value]).level);
    if (question.category === undefined) continue;
    for (const value of counting(question)) {
      const level = answering([question.id, value]).level;
      if (question.critical) {
        if (!atLeast(level, 'bel-vandaag')) problems.add(t('check.safety.criticalTooLow', words(question, value)));
      } else if (question.weight >= 2) {
        if (!atLeast(level, 'vraag-advies')) problems.add(t('check.safety.strongTooLow', words(question, value)));
      } else if (level !== 'blijf-in-gesprek' && question.acute === undefined && !question.family) {
        problems.add(t('check.safety.ordinaryTooHigh', words(question, value)));
      }
    }
  }
  for (const level of adviceLevels) {
    if (!levels.has(level)) problems.add(t('check.safety.levelUnreachable', { level }));
  }
  for (const id of promisedStrongSignals) {
    const question = questions.find((entry) => entry.id === id)!;
    const level = answering([id, counting(question).at(-1) ?? 'ja']).level;
    if (!atLeast(level, 'vraag-advies')) problems.add(t('check.safety.strongTooLow', words(question, 'ja')));
  }

  // Nights away more than once: "call today" and the missing-child guidance with 112.
  const nights = questions.find((entry) => entry.id === nightsAway.question)!;
  const away = answering([nights.id, nightsAway.answer]);
  const awayBlocks = away.guidance.map((id) => questionnaire.guidance[id]);
  if (!atLeast(away.level, 'bel-vandaag') || !awayBlocks.some((block) => block?.services.includes('alarm'))) {
    problems.add(t('check.safety.nightsAway', words(nights, nightsAway.answer)));
  }

  // The blackmail signal shows 113 (Zelfmoordpreventie).
  const blackmail = questions.find((entry) => entry.id === blackmailSignal)!;
  for (const value of counting(blackmail)) {
    const evaluation = answering([blackmail.id, value]);
    const shown = [
      ...evaluation.guidance.flatMap((id) => questionnaire.guidance[id]?.services ?? []),
      ...(questionnaire.outcomes.find((outcome) => outcome.level === evaluation.level)?.services ?? []),
    ];
    if (!shown.includes('zelfmoordpreventie')) problems.add(t('check.safety.blackmail113', words(blackmail, value)));
  }

  // Acute situations: every kind asked, each alone reaches its level with its own number first.
  if (scoring.situationOrder === undefined || questionnaire.situations === undefined) {
    problems.add(t('check.safety.noSituations'));
  } else {
    const acute = questions.filter((question) => question.acute !== undefined);
    for (const kind of Object.keys(acuteExpectations) as AcuteKind[]) {
      if (!acute.some((question) => question.acute === kind)) problems.add(t('check.safety.acuteNotAsked', { kind }));
    }
    for (const question of acute) {
      const expected = acuteExpectations[question.acute!];
      for (const value of optionsOf(questionnaire, question).filter((entry) => scoring.acuteAnswers.includes(entry))) {
        const evaluation = answering([question.id, value]);
        const first = questionnaire.situations[evaluation.acute[0]!]?.services[0];
        if (!atLeast(evaluation.level, expected.level) || first !== expected.first) {
          problems.add(
            t('check.safety.acuteWrong', { ...words(question, value), level: expected.level, first: expected.first }),
          );
        }
      }
    }
    // Two acute situations together: when one of them is a 112 situation, 112 comes first.
    for (const [index, one] of acute.entries()) {
      for (const other of acute.slice(index + 1)) {
        const evaluation = answering([one.id, scoring.acuteAnswers[0]!], [other.id, scoring.acuteAnswers[0]!]);
        const wants112 = [one, other].some((question) => acuteExpectations[question.acute!].first === 'alarm');
        const first = questionnaire.situations[evaluation.acute[0]!]?.services[0];
        if (wants112 && first !== 'alarm') {
          problems.add(t('check.safety.acuteOrder', { one: one.text[locale], other: other.text[locale] }));
        }
      }
    }
  }

  // The family branch: every worrying answer opens it, at least "call today", and it says what not to do.
  for (const question of questions.filter((entry) => entry.family)) {
    for (const value of optionsOf(questionnaire, question).slice(1)) {
      const evaluation = answering([question.id, value]);
      if (!evaluation.family || !atLeast(evaluation.level, 'bel-vandaag')) {
        problems.add(t('check.safety.family', words(question, value)));
      }
    }
  }
  if (questionnaire.branches.family.dont.length === 0) problems.add(t('check.safety.familyDont'));

  // Monotonic over single answers and pairs: a later answer on a question's scale never lowers the advice.
  const settings: [string, string][] = [
    ['', ''],
    ...questions.flatMap((question) =>
      optionsOf(questionnaire, question)
        .slice(1)
        .map((value): [string, string] => [question.id, value]),
    ),
  ];
  for (const question of questions) {
    const options = optionsOf(questionnaire, question);
    for (const setting of settings) {
      if (setting[0] === question.id) continue;
      const fixed: [string, string][] = setting[0] === '' ? [] : [setting];
      let before = answering(...fixed, [question.id, options[0]!]).level;
      for (const value of options.slice(1)) {
        const after = answering(...fixed, [question.id, value]).level;
        if (!atLeast(after, before)) {
          const other = questions.find((entry) => entry.id === setting[0]);
          problems.add(
            t('check.safety.notMonotonic', {
              ...words(question, value),
              other: other === undefined ? '-' : `${other.text[locale]} = ${words(other, setting[1]).answer}`,
            }),
          );
        }
        before = after;
      }
    }
  }

  // Words: no outcome calls anything good news; every outcome offers Veilig Thuis; nothing advises confronting.
  const texts = JSON.stringify(questionnaire);
  if (goodNews.test(texts)) problems.add(t('check.safety.goodNews'));
  for (const outcome of questionnaire.outcomes) {
    if (!outcome.services.includes('veilig-thuis'))
      problems.add(t('check.safety.veiligThuis', { level: outcome.level }));
  }
  const advice = [
    ...questionnaire.outcomes.flatMap((outcome) => [...outcome.today, ...outcome.thisWeek, ...outcome.contact]),
    ...Object.values(questionnaire.situations ?? {}).flatMap((block) => block.steps),
    ...Object.values(questionnaire.guidance).flatMap((block) => block.steps),
    ...questionnaire.branches.family.today,
    ...questionnaire.branches.family.thisWeek,
    ...questionnaire.branches.family.contact,
  ];
  for (const text of advice) {
    if (confronting.test(text.nl) || confronting.test(text.en)) {
      problems.add(t('check.safety.confronting', { text: text[locale] }));
    }
  }
  if (questionnaire.sources.length === 0) problems.add(t('check.safety.noSources'));
  return [...problems];
}
