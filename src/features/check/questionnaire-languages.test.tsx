import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { render } from 'preact-render-to-string';
import { testPageContext } from '../../../test/helpers/page-context.js';
import { translatorFor } from '../../messages.js';
import { questionnairesDir } from '../../shared/paths.js';
import { type Questionnaire, questionnaireSchema } from './check.schema.js';
import { inQuestionnaireLanguage } from './check.routes.js';
import {
  completeLanguages,
  languageProblems,
  questionnaireExtraLanguages,
  questionnaireLanguage,
  textsOf,
} from './questionnaire-languages.js';
import { createQuestionnaireRegistry, loadQuestionnaires } from './questionnaires.js';
import { questionnaireKind, versionsOf } from './questionnaire.kind.js';
import { evaluate } from './scoring.js';
import { CheckFormPage } from './views/check-form.view.js';
import { CheckOutcomePage, OutcomeDetails } from './views/check-outcome.view.js';

/*
 * The questionnaire's languages (ADR 0054): each either in every text of a version or in none, every text keeping
 * its Dutch numbers and placeholders; the scoring never depends on the language; a page shows a version in the
 * chosen language only when the version is complete in it.
 */

const nl = translatorFor('nl');
/** A version as it would be with nl and en only (the languages a file holds today taken out). */
function withoutLanguages(raw: unknown): unknown {
  const copy = structuredClone(raw);
  for (const { text } of textsOf(copy)) {
    for (const language of questionnaireExtraLanguages) delete (text as Record<string, string>)[language];
  }
  return copy;
}
const v2Text = async () =>
  `${JSON.stringify(withoutLanguages(JSON.parse(await readFile(path.join(questionnairesDir, 'v2.json'), 'utf8'))), null, 2)}\n`;
const v1Text = () => readFile(path.join(questionnairesDir, 'v1.json'), 'utf8');

/** The raw JSON of a version with `language` added to every text (marked, numbers kept) or to all but `skip`. */
function withLanguage(raw: unknown, language: string, skip?: string): unknown {
  const copy = structuredClone(raw);
  for (const { path: where, text } of textsOf(copy)) {
    if (where === skip) continue;
    (text as Record<string, string>)[language] = `[${language}] ${text.nl}`;
  }
  return copy;
}

const parse = (raw: unknown) => questionnaireSchema.safeParse(raw);

describe('a language is in every text of a version or in none', () => {
  test('the published files hold every text in nl and en, and only complete languages', () => {
    for (const questionnaire of loadQuestionnaires(questionnairesDir).all) {
      assert.deepEqual(languageProblems(questionnaire), [], `version ${questionnaire.version}`);
      for (const { path: where, text } of textsOf(questionnaire)) {
        assert.ok(text.nl.trim() !== '' && text.en.trim() !== '', where);
      }
    }
  });

  test('a language in every text is complete and parses; the version counts it as one of its languages', async () => {
    const raw = JSON.parse(await v2Text()) as unknown;
    for (const language of questionnaireExtraLanguages) {
      const parsed = parse(withLanguage(raw, language));
      assert.ok(parsed.success, language);
      assert.deepEqual(completeLanguages(parsed.data), [language]);
    }
    const all = questionnaireExtraLanguages.reduce((value, language) => withLanguage(value, language), raw);
    const parsed = parse(all);
    assert.ok(parsed.success);
    assert.deepEqual(completeLanguages(parsed.data), [...questionnaireExtraLanguages]);
  });

  test('one text without the language is refused, naming where it is missing (files and CMS alike)', async () => {
    const raw = JSON.parse(await v2Text()) as unknown;
    const skip = 'groups.1.questions.0.text';
    const parsed = parse(withLanguage(raw, 'tr', skip));
    assert.ok(!parsed.success);
    assert.ok(
      parsed.error.issues.some((issue) => issue.message.includes('language tr is in') && issue.message.includes(skip)),
      parsed.error.issues.map((issue) => issue.message).join('\n'),
    );
    // The CMS parses the shape only and lists the problem in the editor's language before review.
    const kind = questionnaireKind({
      registry: createQuestionnaireRegistry(loadQuestionnaires(questionnairesDir).all),
      publishedDocuments: () => Promise.resolve([]),
      t: nl,
    });
    const draft = kind.parse(JSON.stringify({ ...(withLanguage(raw, 'tr', skip) as object), status: 'draft' }), nl);
    assert.ok(draft.ok);
    const problems = await kind.check(draft.value, 'check', nl);
    assert.ok(
      problems.some((problem) => problem.startsWith('De taal tr staat in') && problem.includes(skip)),
      problems.join('\n'),
    );
  });

  test('a text that changes, drops or adds a number of 3+ digits, or a placeholder, is refused', async () => {
    const raw = JSON.parse(await v2Text()) as { groups: { questions: { text: Record<string, string> }[] }[] };
    const withVeiligThuis = textsOf(raw).find(({ text }) => text.nl.includes('0800-2000'));
    assert.ok(withVeiligThuis, 'a text with Veilig Thuis’s number');
    for (const [wrong, kind] of [
      [withVeiligThuis.text.nl.replace('0800-2000', '0800-2001'), 'numbers'],
      [withVeiligThuis.text.nl.replace('0800-2000', ''), 'numbers'],
      [`${withVeiligThuis.text.nl} {naam}`, 'placeholders'],
      [`${withVeiligThuis.text.nl} {`, 'icu'],
    ] as const) {
      const copy = withLanguage(raw, 'pl');
      const text = textsOf(copy).find(({ path: where }) => where === withVeiligThuis.path);
      (text!.text as Record<string, string>).pl = wrong;
      const problems = languageProblems(copy);
      assert.deepEqual(
        problems.map((problem) => problem.kind),
        [kind],
        wrong,
      );
      assert.ok(!parse(copy).success);
    }
  });
});

describe('the scoring never depends on the language', () => {
  test('same answers, same outcome, in every language (property)', async () => {
    const raw = JSON.parse(await v2Text()) as unknown;
    const plain = questionnaireSchema.parse(raw);
    const everyLanguage = questionnaireSchema.parse(
      questionnaireExtraLanguages.reduce((value, language) => withLanguage(value, language), raw),
    );
    const questions = plain.groups.flatMap((group) => group.questions);
    const answerSets = fc.tuple(
      ...questions.map((question) =>
        fc.constantFrom(...(plain.scales[question.scale] ?? []).map((option) => option.value)),
      ),
    );
    const outcome = (questionnaire: Questionnaire, values: readonly string[]) => {
      const evaluation = evaluate(
        questionnaire,
        new Map(questions.map((question, index) => [question.id, values[index]!])),
      );
      return {
        ...evaluation,
        weighed: evaluation.weighed.map(({ question, value, points }) => ({ id: question.id, value, points })),
        notes: evaluation.notes.map((note) => note.nl),
      };
    };
    fc.assert(
      fc.property(answerSets, (values) => {
        assert.deepEqual(outcome(everyLanguage, values), outcome(plain, values));
      }),
      { numRuns: 300 },
    );
  });
});

describe('a page shows the version in the chosen language only when the version is complete in it', () => {
  const page = (language: 'makkelijk' | 'ar', translated: boolean) =>
    testPageContext(language === 'ar' ? 'en' : 'nl', {
      t: translatorFor(language),
      frameT: translatorFor(language),
      pageLanguage: { language, translated, reviewed: false },
      csrfToken: () => 'token',
      path: '/check',
    });

  test('complete: the texts in the language; not complete: the fallback, and the page counts as not translated', async () => {
    const raw = JSON.parse(await v2Text()) as unknown;
    const plain = questionnaireSchema.parse(raw);
    const easy = questionnaireSchema.parse(withLanguage(raw, 'makkelijk'));
    const translatorForAll = translatorFor;

    const shown = inQuestionnaireLanguage(page('makkelijk', true), easy, translatorForAll);
    assert.equal(shown.pageLanguage?.translated, true);
    assert.equal(questionnaireLanguage(easy, shown.pageLanguage, shown.locale), 'makkelijk');
    const html = render(<CheckFormPage ctx={shown} questionnaire={easy} answers={new Map()} missing={[]} />);
    assert.ok(html.includes(`[makkelijk] ${easy.title.nl}`));
    assert.ok(html.includes(`[makkelijk] ${easy.groups[0]!.questions[0]!.text.nl}`));

    const fallback = inQuestionnaireLanguage(page('makkelijk', true), plain, translatorForAll);
    assert.equal(fallback.pageLanguage?.translated, false, 'the page says it is not translated');
    assert.equal(fallback.t, translatorFor('nl'), 'its own text in the fallback, Dutch');
    const fallbackHtml = render(
      <CheckFormPage ctx={fallback} questionnaire={plain} answers={new Map()} missing={[]} />,
    );
    assert.ok(fallbackHtml.includes(plain.title.nl));
    assert.ok(fallbackHtml.includes(translatorFor('makkelijk')('layout.translation.missing').split('\n')[0]!));

    // Arabic chosen, the version only in easy-read: English, for the questions and the page.
    const arabic = inQuestionnaireLanguage(page('ar', true), easy, translatorForAll);
    assert.equal(arabic.pageLanguage?.translated, false);
    assert.equal(questionnaireLanguage(easy, arabic.pageLanguage, arabic.locale), 'en');

    // A page not declared translated never shows a version's language, complete or not.
    assert.equal(questionnaireLanguage(easy, page('makkelijk', false).pageLanguage, 'nl'), 'nl');
  });

  test('the outcome page and its details are in the version’s language too', async () => {
    const raw = JSON.parse(await v2Text()) as unknown;
    const easy = questionnaireSchema.parse(withLanguage(raw, 'makkelijk'));
    const questions = easy.groups.flatMap((group) => group.questions);
    const answers = new Map(
      questions.map((question) => [question.id, (easy.scales[question.scale] ?? []).at(-1)!.value]),
    );
    const evaluation = evaluate(easy, answers);
    const ctx = inQuestionnaireLanguage(page('makkelijk', true), easy, translatorFor);
    const html = render(
      <>
        <CheckOutcomePage ctx={ctx} questionnaire={easy} evaluation={evaluation} details={<></>} />
        <OutcomeDetails ctx={ctx} questionnaire={easy} evaluation={evaluation} />
      </>,
    );
    const texts = [...html.matchAll(/<(?:h1|h2|li|p)[^>]*>([^<]+)</g)].map((match) => match[1]!);
    const questionnaireTexts = new Set(textsOf(easy).map(({ text }) => text.nl));
    const untranslated = texts.filter((text) => questionnaireTexts.has(text.trim()));
    assert.deepEqual(untranslated, [], 'no questionnaire text shown in Dutch');
    assert.ok(html.includes('[makkelijk] '));
  });
});

describe('adding a language to a published version (content/check/v2.json changed, imported at start)', () => {
  test('the import makes a new revision of version 2: still version 2, published, same scoring, files written once', async () => {
    const [v1, v2] = [await v1Text(), await v2Text()];
    const withEasy = `${JSON.stringify(withLanguage(JSON.parse(v2), 'makkelijk'), null, 2)}\n`;
    const registry = createQuestionnaireRegistry(loadQuestionnaires(questionnairesDir).all);
    const kind = questionnaireKind({
      registry,
      publishedDocuments: () => Promise.resolve([{ key: 'check', current: withEasy, history: [v1, v2, withEasy] }]),
      t: nl,
    });
    await kind.reload();
    const published = registry.published(2);
    assert.ok(published, 'a form begun in version 2 (before the import) is still answered');
    assert.equal(registry.current.version, 2);
    assert.deepEqual(completeLanguages(published), ['makkelijk']);
    assert.equal(
      versionsOf([v1, v2, withEasy], nl).filter((version) => version.status === 'published').length,
      1,
      'one published version',
    );
    // The anonymous counts are per version and level: the same answers give the same level in version 2.
    const before = questionnaireSchema.parse(JSON.parse(v2));
    const questions = before.groups.flatMap((group) => group.questions);
    for (const pick of [0, 1, -1]) {
      const answers = new Map(
        questions.map((question) => [question.id, (before.scales[question.scale] ?? []).at(pick)!.value]),
      );
      assert.equal(evaluate(published, answers).level, evaluate(before, answers).level);
    }
    // export-content writes v2.json once, the newest text, published.
    const files = kind.writeFiles([{ key: 'check', current: withEasy, history: [v1, v2, withEasy] }]);
    assert.deepEqual(
      files.map((file) => file.path),
      ['check/v1.json', 'check/v2.json'],
    );
    assert.equal(files[1]!.content, withEasy);
  });
});
