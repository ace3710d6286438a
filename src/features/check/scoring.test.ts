import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { questionnairesDir } from '../../shared/paths.js';
import { adviceLevels, type AdviceLevel, type Question, type Questionnaire } from './check.schema.js';
import { loadQuestionnaires } from './questionnaires.js';
import { evaluate } from './scoring.js';

/*
 * Table-driven tests of the scoring rules, run for every published questionnaire version in content/check/.
 * Answer sets are built from each version's own data, so the boundaries are tested where that version puts them.
 */

const registry = loadQuestionnaires(questionnairesDir);
const published = registry.all.filter((questionnaire) => questionnaire.status === 'published');

function questionsOf(questionnaire: Questionnaire): Question[] {
  return questionnaire.groups.flatMap((group) => group.questions);
}

function pointsOf(questionnaire: Questionnaire, question: Question, value: string): number {
  const option = questionnaire.scales[question.scale]?.find((candidate) => candidate.value === value);
  assert.ok(option, `${question.id} has no answer ${value}`);
  return option.points * question.weight;
}

/** The calmest answer to every question: the first option with no points that triggers nothing. */
function calmAnswers(questionnaire: Questionnaire): Map<string, string> {
  const { scoring } = questionnaire;
  const answers = new Map<string, string>();
  for (const question of questionsOf(questionnaire)) {
    const options = questionnaire.scales[question.scale] ?? [];
    const calm = options.find(
      (option) =>
        option.points === 0 &&
        !scoring.countingAnswers.includes(option.value) &&
        !scoring.acuteAnswers.includes(option.value) &&
        !scoring.familyAnswers.includes(option.value),
    );
    assert.ok(calm, `${question.id} has a calm answer`);
    answers.set(question.id, calm.value);
  }
  return answers;
}

/** An answer that adds points but never counts a category, a critical signal, acute danger or the family branch. */
function uncountedOptions(questionnaire: Questionnaire, question: Question) {
  const { scoring } = questionnaire;
  if (question.acute !== undefined || question.family) return [];
  return (questionnaire.scales[question.scale] ?? []).filter(
    (option) => option.points > 0 && !scoring.countingAnswers.includes(option.value),
  );
}

/** Calm answers plus uncounted answers adding up to exactly `target` points (or undefined if impossible). */
function answersWithScore(questionnaire: Questionnaire, target: number): Map<string, string> | undefined {
  const answers = calmAnswers(questionnaire);
  const choices = questionsOf(questionnaire)
    .flatMap((question) =>
      uncountedOptions(questionnaire, question).map((option) => ({
        question,
        value: option.value,
        points: pointsOf(questionnaire, question, option.value),
      })),
    )
    .sort((a, b) => b.points - a.points);
  let remaining = target;
  for (const choice of choices) {
    if (answers.get(choice.question.id) !== calmAnswers(questionnaire).get(choice.question.id)) continue;
    if (choice.points <= remaining) {
      answers.set(choice.question.id, choice.value);
      remaining -= choice.points;
    }
  }
  return remaining === 0 ? answers : undefined;
}

/** "Yes" to the lightest non-critical question in each of `count` different categories. */
function answersInCategories(questionnaire: Questionnaire, count: number): Map<string, string> {
  const answers = calmAnswers(questionnaire);
  const yes = questionnaire.scoring.countingAnswers;
  const byCategory = new Map<string, { question: Question; value: string; points: number }>();
  for (const question of questionsOf(questionnaire)) {
    if (question.category === undefined || question.critical || question.acute !== undefined) continue;
    for (const option of questionnaire.scales[question.scale] ?? []) {
      if (!yes.includes(option.value)) continue;
      const points = pointsOf(questionnaire, question, option.value);
      const best = byCategory.get(question.category);
      if (best === undefined || points < best.points)
        byCategory.set(question.category, { question, value: option.value, points });
    }
  }
  const picks = [...byCategory.values()].sort((a, b) => a.points - b.points).slice(0, count);
  assert.equal(picks.length, count, `at least ${count} categories`);
  for (const pick of picks) answers.set(pick.question.id, pick.value);
  return answers;
}

const threshold = (questionnaire: Questionnaire, level: AdviceLevel) => {
  const found = questionnaire.scoring.thresholds.find((entry) => entry.level === level);
  assert.ok(found);
  return found;
};

test('there is at least one published questionnaire, and the current one is the newest published', () => {
  assert.ok(published.length >= 1);
  assert.equal(registry.current.version, Math.max(...published.map((questionnaire) => questionnaire.version)));
});

for (const questionnaire of published) {
  describe(`questionnaire version ${questionnaire.version}`, () => {
    const levelFor = (answers: Map<string, string>) => evaluate(questionnaire, answers).level;

    test('every advice level has an outcome with steps, things not to do and services', () => {
      for (const level of adviceLevels) {
        const outcome = questionnaire.outcomes.find((entry) => entry.level === level);
        assert.ok(outcome, level);
      }
    });

    test('all calm answers give the lowest level, which still is advice, not "nothing is wrong"', () => {
      const result = evaluate(questionnaire, calmAnswers(questionnaire));
      assert.equal(result.level, 'blijf-in-gesprek');
      assert.deepEqual(result.weighed, []);
      assert.deepEqual(result.acute, []);
      assert.equal(result.family, false);
    });

    for (const level of ['vraag-advies', 'bel-vandaag'] as const) {
      const below: Record<typeof level, AdviceLevel> = {
        'vraag-advies': 'blijf-in-gesprek',
        'bel-vandaag': 'vraag-advies',
      };
      test(`points: one below the ${level} boundary stays at ${below[level]}; at the boundary it is ${level}`, () => {
        const { minScore } = threshold(questionnaire, level);
        const justBelow = answersWithScore(questionnaire, minScore - 1);
        const atBoundary = answersWithScore(questionnaire, minScore);
        assert.ok(justBelow && atBoundary, 'the version can express both scores with uncounted answers');
        assert.equal(evaluate(questionnaire, justBelow).score, minScore - 1);
        assert.equal(levelFor(justBelow), below[level]);
        assert.equal(levelFor(atBoundary), level);
      });

      test(`categories: signals in one category fewer than the ${level} boundary do not reach it; at it they do`, () => {
        const { minCategories, minScore } = threshold(questionnaire, level);
        const fewer = answersInCategories(questionnaire, minCategories - 1);
        const enough = answersInCategories(questionnaire, minCategories);
        // Only meaningful where the points alone stay under the boundary.
        assert.ok(evaluate(questionnaire, enough).score < minScore, 'categories decide here, not points');
        assert.notEqual(levelFor(fewer), level === 'bel-vandaag' ? 'bel-vandaag' : 'vraag-advies-never');
        assert.equal(evaluate(questionnaire, enough).categories.length, minCategories);
        assert.equal(levelFor(enough), level);
      });
    }

    test('one critical signal alone is enough for the second-highest level', () => {
      const critical = questionsOf(questionnaire).filter((question) => question.critical);
      assert.ok(critical.length > 0);
      for (const question of critical) {
        const answers = calmAnswers(questionnaire);
        answers.set(question.id, questionnaire.scoring.countingAnswers[0]!);
        assert.equal(levelFor(answers), 'bel-vandaag', question.id);
      }
    });

    test('each acute answer leads to its situation (version 1: to 112), even when nothing else is wrong', () => {
      const acute = questionsOf(questionnaire).filter((question) => question.acute !== undefined);
      const { situationOrder, situationLevels } = questionnaire.scoring;
      for (const question of acute) {
        for (const value of questionnaire.scoring.acuteAnswers) {
          const answers = calmAnswers(questionnaire);
          answers.set(question.id, value);
          const result = evaluate(questionnaire, answers);
          const expected = situationOrder === undefined ? 'bel-112' : situationLevels?.[question.acute!];
          assert.equal(result.level, expected, question.id);
          assert.deepEqual(result.acute, [question.acute]);
          assert.ok(
            result.weighed.some((entry) => entry.question.id === question.id),
            'the acute answer is shown',
          );
        }
      }
    });

    test('several acute answers are listed in the order of priority, the most urgent level wins', () => {
      const { situationOrder } = questionnaire.scoring;
      if (situationOrder === undefined) return;
      const answers = calmAnswers(questionnaire);
      const acute = questionsOf(questionnaire).filter((question) => question.acute !== undefined);
      for (const question of [...acute].reverse()) answers.set(question.id, questionnaire.scoring.acuteAnswers[0]!);
      const result = evaluate(questionnaire, answers);
      assert.deepEqual(
        result.acute,
        situationOrder.filter((kind) => acute.some((question) => question.acute === kind)),
      );
      assert.equal(result.level, 'bel-112');
    });

    test('an acute answer wins over the family branch and over every signal at once', () => {
      const answers = answersInCategories(questionnaire, Object.keys(questionnaire.categories).length);
      const family = questionsOf(questionnaire).find((question) => question.family)!;
      answers.set(family.id, questionnaire.scoring.familyAnswers[0]!);
      const missing = questionsOf(questionnaire).find((question) => question.acute === 'missing')!;
      answers.set(missing.id, questionnaire.scoring.acuteAnswers[0]!);
      const result = evaluate(questionnaire, answers);
      assert.equal(result.level, 'bel-112');
      assert.equal(result.family, true);
    });

    test('"not sure" about an acute question is not treated as acute', () => {
      for (const question of questionsOf(questionnaire).filter((entry) => entry.acute !== undefined)) {
        const answers = calmAnswers(questionnaire);
        const unsure = (questionnaire.scales[question.scale] ?? []).find(
          (option) =>
            !questionnaire.scoring.acuteAnswers.includes(option.value) && option.value !== answers.get(question.id),
        );
        assert.ok(unsure);
        answers.set(question.id, unsure.value);
        assert.notEqual(levelFor(answers), 'bel-112', `${question.id}=${unsure.value}`);
      }
    });

    test('the family branch opens on each family answer and raises the level to its minimum', () => {
      const family = questionsOf(questionnaire).filter((question) => question.family);
      for (const question of family) {
        for (const value of questionnaire.scoring.familyAnswers) {
          const answers = calmAnswers(questionnaire);
          answers.set(question.id, value);
          const result = evaluate(questionnaire, answers);
          assert.equal(result.family, true);
          assert.equal(result.level, questionnaire.scoring.familyMinimumLevel);
          assert.ok(result.weighed.some((entry) => entry.question.id === question.id));
        }
      }
    });

    test('the family branch never advises talking to or confronting anyone', () => {
      const { family } = questionnaire.branches;
      const advice = [...family.today, ...family.thisWeek, ...family.contact].map((step) => `${step.nl} ${step.en}`);
      for (const line of advice) {
        assert.doesNotMatch(line, /\b(spreek|confronteer|praat met (hem|haar|die persoon))\b/i, line);
        assert.doesNotMatch(line, /\b(confront|talk to (him|her|that person))\b/i, line);
      }
    });

    test('every outcome tells the parent that a worry is enough for advice (text of the outcome page), and none names a percentage', () => {
      for (const outcome of questionnaire.outcomes) {
        const all = JSON.stringify(outcome);
        assert.doesNotMatch(all, /%|\bprocent\b|\bpercent\b|\bscore\b/i, outcome.level);
        assert.ok(outcome.services.includes('veilig-thuis'), `${outcome.level} offers Veilig Thuis`);
        assert.ok(outcome.services.includes('alarm'), `${outcome.level} offers 112`);
      }
    });

    test('answer notes (e.g. what changes at 16 and at 18) come with the outcome', () => {
      for (const question of questionsOf(questionnaire)) {
        for (const option of questionnaire.scales[question.scale] ?? []) {
          if (option.note === undefined) continue;
          const answers = calmAnswers(questionnaire);
          answers.set(question.id, option.value);
          assert.ok(evaluate(questionnaire, answers).notes.includes(option.note), `${question.id}=${option.value}`);
        }
      }
    });
  });
}
