import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { render } from 'preact-render-to-string';
import { testPageContext } from '../../../../test/helpers/page-context.js';
import { translatorFor } from '../../../messages.js';
import { locales } from '../../../shared/i18n/i18n.js';
import { questionnairesDir } from '../../../shared/paths.js';
import type { PageContext } from '../../../shared/views/context.js';
import type { Questionnaire } from '../check.schema.js';
import { loadQuestionnaires } from '../questionnaires.js';
import { evaluate } from '../scoring.js';
import { OutcomeDetails, renderOutcomeDetails } from './check-outcome.view.js';

const registry = loadQuestionnaires(questionnairesDir);
/** The outcome details hold no form: asking for a CSRF token fails the test. */
const contextFor = (locale: PageContext['locale']) => testPageContext(locale, { path: '/check' });

/** A small deterministic generator, so a failure can be reproduced. */
function numbers(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** The first answer to every question, each question with each of its answers, and random answer sets. */
function answerSets(questionnaire: Questionnaire): Map<string, string>[] {
  const questions = questionnaire.groups.flatMap((group) => group.questions);
  const optionsOf = (scale: string) => (questionnaire.scales[scale] ?? []).map((option) => option.value);
  const first = new Map(questions.map((question) => [question.id, optionsOf(question.scale)[0] ?? '']));
  const sets = [first];
  for (const question of questions) {
    for (const value of optionsOf(question.scale)) sets.push(new Map([...first, [question.id, value]]));
  }
  const random = numbers(20_261_128);
  for (let index = 0; index < 300; index += 1) {
    sets.push(
      new Map(
        questions.map((question) => {
          const options = optionsOf(question.scale);
          return [question.id, options[Math.floor(random() * options.length)] ?? ''];
        }),
      ),
    );
  }
  return sets;
}

describe('the outcome details joined from pieces rendered once', () => {
  for (const questionnaire of registry.all) {
    for (const locale of locales) {
      test(`are the same HTML as rendering OutcomeDetails, for every answer and many answer sets [v${questionnaire.version}, ${locale}]`, () => {
        const ctx = contextFor(locale);
        const levels = new Set<string>();
        for (const answers of answerSets(questionnaire)) {
          const evaluation = evaluate(questionnaire, answers);
          levels.add(evaluation.level);
          const expected = render(<OutcomeDetails ctx={ctx} questionnaire={questionnaire} evaluation={evaluation} />);
          assert.equal(renderOutcomeDetails(ctx, questionnaire, evaluation), expected);
        }
        assert.ok(levels.size >= 3, 'the answer sets reach several advice levels');
      });
    }
  }

  test('follow the translator they are given', () => {
    const questionnaire = registry.current;
    const answers = answerSets(questionnaire)[1]!;
    const evaluation = evaluate(questionnaire, answers);
    const shouting: PageContext = {
      ...contextFor('nl'),
      t: (key, values) => translatorFor('nl')(key, values).toUpperCase(),
    };
    const expected = render(<OutcomeDetails ctx={shouting} questionnaire={questionnaire} evaluation={evaluation} />);
    assert.equal(renderOutcomeDetails(contextFor('nl'), questionnaire, evaluation).includes('WAAROM'), false);
    assert.equal(renderOutcomeDetails(shouting, questionnaire, evaluation), expected);
  });
});
