import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { render } from 'preact-render-to-string';
import { testPageContext } from '../../../test/helpers/page-context.js';
import { locales } from '../../shared/i18n/i18n.js';
import { questionnairesDir } from '../../shared/paths.js';
import { nationalLines } from '../../shared/views/components/national-lines.js';
import type { PageContext } from '../../shared/views/context.js';
import type { AcuteKind, AdviceLevel, Question, Questionnaire } from './check.schema.js';
import { translatorFor } from '../../messages.js';
import { loadQuestionnaires } from './questionnaires.js';
import { safetyProblems } from './safety.js';
import { evaluate, severity } from './scoring.js';
import { CheckFormPage } from './views/check-form.view.js';
import { CheckOutcomePage } from './views/check-outcome.view.js';

/*
 * What the signals check promises a parent (content/check/README.md), stated as properties of every published
 * questionnaire version — not as copies of its thresholds:
 * - one ordinary signal alone keeps the lowest level; one strong signal alone asks for advice at least; one
 *   critical signal alone says "call today"; a child who stays away at night more than once, whereabouts
 *   unknown, means "call today" with the missing-child guidance;
 * - answering "yes" to one more question never lowers the advice (checked with fast-check);
 * - each acute situation puts its own number first;
 * - no page calls anything good news, and every form and outcome says the check is not validated.
 */

const registry = loadQuestionnaires(questionnairesDir);
const published = registry.all.filter((questionnaire) => questionnaire.status === 'published');

const atLeast = (level: AdviceLevel, minimum: AdviceLevel) => severity[level] >= severity[minimum];

function questionsOf(questionnaire: Questionnaire): Question[] {
  return questionnaire.groups.flatMap((group) => group.questions);
}

function optionsOf(questionnaire: Questionnaire, question: Question): string[] {
  return (questionnaire.scales[question.scale] ?? []).map((option) => option.value);
}

/** Every question answered with its scale's first option: the scales list answers from least to most worrying. */
function calmAnswers(questionnaire: Questionnaire): Map<string, string> {
  return new Map(questionsOf(questionnaire).map((question) => [question.id, optionsOf(questionnaire, question)[0]!]));
}

/** One answer changed from the calm set: "only this" is what the parent answered. */
function alone(questionnaire: Questionnaire, id: string, value: string): Map<string, string> {
  const answers = calmAnswers(questionnaire);
  answers.set(id, value);
  return answers;
}

const signals = (questionnaire: Questionnaire) =>
  questionsOf(questionnaire).filter((question) => question.category !== undefined);
const yesAnswers = (questionnaire: Questionnaire, question: Question) =>
  optionsOf(questionnaire, question).filter((value) => questionnaire.scoring.countingAnswers.includes(value));

/** The check's pages: the form holds a form, so it is given a token. */
const contextFor = (locale: PageContext['locale']) =>
  testPageContext(locale, { path: '/check', csrfToken: () => 'token' });

function outcomeHtml(questionnaire: Questionnaire, answers: Map<string, string>, locale: PageContext['locale']) {
  const evaluation = evaluate(questionnaire, answers);
  return render(<CheckOutcomePage ctx={contextFor(locale)} questionnaire={questionnaire} evaluation={evaluation} />);
}

/** The article only (not the header or footer, whose emergency lines are on every page). */
function article(html: string): string {
  const start = html.indexOf('<article');
  const end = html.indexOf('</article>');
  assert.ok(start >= 0 && end > start, 'the outcome has an article');
  return html.slice(start, end);
}

/** The numbers the page links to, in page order (tel: links). */
function telNumbers(html: string): string[] {
  return [...html.matchAll(/href="tel:([^"]+)"/g)].map((match) => match[1]!);
}

const tel = (line: keyof typeof nationalLines) => nationalLines[line].phone.replace(/[^\d+]/g, '');
const visibleText = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

test('version 1 is retired and a newer version is published', () => {
  const v1 = registry.all.find((questionnaire) => questionnaire.version === 1);
  assert.equal(v1?.status, 'retired');
  assert.ok(registry.current.version >= 2);
  assert.equal(registry.published(1), undefined, 'a form of version 1 is refused and must be started again');
});

for (const questionnaire of published) {
  describe(`the promises of questionnaire version ${questionnaire.version}`, () => {
    const levelOf = (answers: Map<string, string>) => evaluate(questionnaire, answers).level;

    test('every ordinary signal alone stays at the lowest level', () => {
      const ordinary = signals(questionnaire).filter((question) => question.weight === 1 && !question.critical);
      assert.ok(ordinary.length >= 10);
      for (const question of ordinary) {
        for (const value of yesAnswers(questionnaire, question)) {
          assert.equal(levelOf(alone(questionnaire, question.id, value)), 'blijf-in-gesprek', question.id);
        }
      }
    });

    test('every strong signal alone (weight 2) reaches at least "ask advice this week"', () => {
      const strong = signals(questionnaire).filter((question) => question.weight >= 2);
      assert.ok(strong.length >= 5);
      for (const question of strong) {
        for (const value of yesAnswers(questionnaire, question)) {
          const level = levelOf(alone(questionnaire, question.id, value));
          assert.ok(atLeast(level, 'vraag-advies'), `${question.id}=${value} gives ${level}`);
        }
      }
    });

    test('the strong signals named in the README are strong: money or goods, phones, an older contact, lifts, health', () => {
      for (const id of ['spullen', 'meerdere-telefoons', 'oudere-vriend', 'ritjes', 'gezondheid']) {
        const question = questionsOf(questionnaire).find((entry) => entry.id === id);
        assert.ok(question, id);
        assert.ok(atLeast(levelOf(alone(questionnaire, id, 'ja')), 'vraag-advies'), id);
      }
    });

    test('every critical signal alone reaches "call today"', () => {
      const critical = signals(questionnaire).filter((question) => question.critical);
      assert.ok(critical.length >= 2);
      for (const question of critical) {
        for (const value of yesAnswers(questionnaire, question)) {
          assert.ok(atLeast(levelOf(alone(questionnaire, question.id, value)), 'bel-vandaag'), question.id);
        }
      }
    });

    test('nights away more than once, whereabouts unknown, reaches "call today" and shows when to call 112', () => {
      const answers = alone(questionnaire, 'nachten-weg', 'vaker');
      const evaluation = evaluate(questionnaire, answers);
      assert.ok(atLeast(evaluation.level, 'bel-vandaag'), evaluation.level);
      for (const locale of locales) {
        const page = article(outcomeHtml(questionnaire, answers, locale));
        const guidance = page.slice(page.indexOf('data-guidance='));
        assert.ok(page.includes('data-guidance='), 'a guidance block is shown');
        assert.ok(telNumbers(guidance).includes(tel('alarm')), 'the guidance gives 112');
        assert.match(visibleText(guidance), locale === 'nl' ? /recente foto/ : /recent photo/, 'what to have ready');
      }
    });

    test('answering "yes" to one more question never lowers the advice (fast-check)', () => {
      const questions = questionsOf(questionnaire);
      const answerSet = fc.tuple(
        ...questions.map((question) => fc.constantFrom(...optionsOf(questionnaire, question))),
      );
      fc.assert(
        fc.property(answerSet, fc.nat(questions.length - 1), (values, index) => {
          const answers = new Map(questions.map((question, i) => [question.id, values[i]!]));
          const question = questions[index]!;
          const before = levelOf(answers);
          for (const value of yesAnswers(questionnaire, question).concat(
            optionsOf(questionnaire, question).filter((option) => questionnaire.scoring.acuteAnswers.includes(option)),
          )) {
            const more = new Map(answers);
            // "More" only: an answer later on the scale than the one given (e.g. once → more than once).
            const options = optionsOf(questionnaire, question);
            if (options.indexOf(value) <= options.indexOf(answers.get(question.id)!)) continue;
            more.set(question.id, value);
            const after = levelOf(more);
            if (!atLeast(after, before)) return false;
          }
          return true;
        }),
        { numRuns: 2_000, seed: 20261207 },
      );
    });

    test('a later answer on any scale never lowers the advice either (fast-check)', () => {
      const questions = questionsOf(questionnaire);
      fc.assert(
        fc.property(
          fc.tuple(...questions.map((question) => fc.constantFrom(...optionsOf(questionnaire, question)))),
          fc.nat(questions.length - 1),
          fc.nat(),
          (values, index, pick) => {
            const answers = new Map(questions.map((question, i) => [question.id, values[i]!]));
            const question = questions[index]!;
            const options = optionsOf(questionnaire, question);
            const from = options.indexOf(answers.get(question.id)!);
            const later = options.slice(from + 1);
            if (later.length === 0) return true;
            const more = new Map(answers);
            more.set(question.id, later[pick % later.length]!);
            return atLeast(levelOf(more), levelOf(answers));
          },
        ),
        { numRuns: 2_000, seed: 7 },
      );
    });

    describe('each acute situation puts its own number first', () => {
      const first: Record<AcuteKind, keyof typeof nationalLines> = {
        missing: 'alarm',
        danger: 'alarm',
        assault: 'csg',
        threat: 'politie',
        blackmail: 'politie',
      };
      const acute = questionsOf(questionnaire).filter((question) => question.acute !== undefined);

      test('every acute kind has a question', () => {
        assert.deepEqual(new Set(acute.map((question) => question.acute)), new Set(Object.keys(first)));
      });

      for (const locale of locales) {
        test(`alone (${locale})`, () => {
          for (const question of acute) {
            const page = article(outcomeHtml(questionnaire, alone(questionnaire, question.id, 'ja'), locale));
            const expected = tel(first[question.acute!]);
            assert.equal(telNumbers(page)[0], expected, `${question.id}: the first number is ${expected}`);
          }
        });
      }

      test('after an assault, 112 is only for danger now: the title names the Centrum Seksueel Geweld', () => {
        const assault = acute.find((question) => question.acute === 'assault')!;
        const html = outcomeHtml(questionnaire, alone(questionnaire, assault.id, 'ja'), 'nl');
        const title = /<h1>([^<]*)<\/h1>/.exec(html)?.[1] ?? '';
        assert.match(title, /Centrum Seksueel Geweld/);
        assert.doesNotMatch(title, /112/);
        const text = visibleText(article(html));
        assert.match(text, /papieren zak/, 'the advice on traces');
        assert.match(text, /dwing/i, 'never force it');
        assert.match(text, /Alleen als er nu gevaar is: bel 112/);
      });

      test('missing now and an assault together: 112 first, the Centrum Seksueel Geweld follows', () => {
        const answers = calmAnswers(questionnaire);
        for (const question of acute) {
          if (question.acute === 'missing' || question.acute === 'assault') answers.set(question.id, 'ja');
        }
        const numbers = telNumbers(article(outcomeHtml(questionnaire, answers, 'nl')));
        assert.equal(numbers[0], tel('alarm'));
        assert.ok(numbers.includes(tel('csg')));
      });

      test('blackmail with images: do not pay, do not delete, stop contact, report, and 113', () => {
        const blackmail = acute.find((question) => question.acute === 'blackmail')!;
        const page = article(outcomeHtml(questionnaire, alone(questionnaire, blackmail.id, 'ja'), 'nl'));
        const text = visibleText(page);
        for (const words of [
          /Betaal niet/,
          /wis het gesprek en het account niet/,
          /Stop het contact/,
          /0900-8844/,
          /113/,
        ]) {
          assert.match(text, words);
        }
        assert.ok(telNumbers(page).includes(tel('zelfmoordpreventie')));
      });

      test('a threat that is not happening now: the police, and the family safety page', () => {
        const threat = acute.find((question) => question.acute === 'threat')!;
        const page = article(outcomeHtml(questionnaire, alone(questionnaire, threat.id, 'ja'), 'nl'));
        assert.match(page, /href="\/informatie\/als-het-gezin-bedreigd-wordt"/);
      });
    });

    test('the blackmail signal (not only the acute question) shows 113', () => {
      const signal = signals(questionnaire).find((question) => question.id === 'beelden-chantage');
      assert.ok(signal);
      for (const locale of locales) {
        const page = article(outcomeHtml(questionnaire, alone(questionnaire, signal.id, 'ja'), locale));
        assert.ok(telNumbers(page).includes(tel('zelfmoordpreventie')), locale);
      }
    });

    test('no outcome calls anything good news, and the lowest says few signals do not mean nothing is wrong', () => {
      assert.doesNotMatch(JSON.stringify(questionnaire), /goed nieuws|good news/i);
      for (const locale of locales) {
        const page = visibleText(outcomeHtml(questionnaire, calmAnswers(questionnaire), locale));
        assert.doesNotMatch(page, /goed nieuws|good news/i);
        assert.equal(evaluate(questionnaire, calmAnswers(questionnaire)).level, 'blijf-in-gesprek');
        assert.match(
          page,
          locale === 'nl' ? /betekent niet dat er niets aan de hand is/ : /does not mean nothing is wrong/,
        );
      }
    });

    test('the form and every outcome say the check is not a tested or validated instrument', () => {
      for (const locale of locales) {
        const ctx = contextFor(locale);
        const form = render(<CheckFormPage ctx={ctx} questionnaire={questionnaire} answers={new Map()} missing={[]} />);
        const words =
          locale === 'nl'
            ? /niet getest of wetenschappelijk onderzocht/
            : /not been tested or scientifically validated/;
        assert.match(visibleText(form), words);
        const samples: Map<string, string>[] = [calmAnswers(questionnaire)];
        for (const question of questionsOf(questionnaire)) {
          for (const value of optionsOf(questionnaire, question))
            samples.push(alone(questionnaire, question.id, value));
        }
        const levels = new Set<AdviceLevel>();
        for (const answers of samples) {
          levels.add(levelOf(answers));
          const page = visibleText(article(outcomeHtml(questionnaire, answers, locale)));
          assert.match(page, words);
          assert.doesNotMatch(page, /goed nieuws|good news/i);
        }
        assert.equal(levels.size, 4, 'the samples reach every level');
      }
    });

    test('every outcome names the sources of its facts (the numbers, hours and time windows it gives)', () => {
      assert.ok(questionnaire.sources.length > 0);
      const publishers = questionnaire.sources.map((source) => source.publisher).join(' ');
      for (const name of ['Centrum Seksueel Geweld', '113 Zelfmoordpreventie', 'Helpwanted', 'Nationale Ombudsman']) {
        assert.ok(publishers.includes(name), name);
      }
      for (const locale of locales) {
        const page = article(outcomeHtml(questionnaire, calmAnswers(questionnaire), locale));
        for (const source of questionnaire.sources) assert.ok(page.includes(source.title), source.title);
      }
    });
  });
}

/*
 * The same promises as the CMS checks them before a version may be sent for review or published (safety.ts,
 * ADR 0036): nothing to refuse in a published version, and each kind of break found in a mutated copy.
 */
describe('safetyProblems: what the CMS refuses', () => {
  const en = translatorFor('en');
  const copy = (questionnaire: Questionnaire): Questionnaire => structuredClone(questionnaire);
  const questionIn = (questionnaire: Questionnaire, id: string) => questionsOf(questionnaire).find((q) => q.id === id)!;
  const current = registry.current;

  for (const questionnaire of published) {
    test(`finds nothing in published version ${questionnaire.version}`, () => {
      assert.deepEqual(safetyProblems(questionnaire, translatorFor('nl')), []);
      assert.deepEqual(safetyProblems(questionnaire, en), []);
    });
  }

  test('finds the breaks that made version 1 retired', () => {
    const v1 = registry.all.find((questionnaire) => questionnaire.version === 1)!;
    assert.ok(safetyProblems({ ...v1, status: 'draft' }, en).length > 0);
  });

  const breaks: { name: string; mutate: (questionnaire: Questionnaire) => void; says: RegExp }[] = [
    {
      name: 'a rule names an answer its question does not offer',
      mutate: (q) => (questionIn(q, 'spullen').raises = { misschien: 'vraag-advies' }),
      says: /names the answer misschien, which is not on its scale/,
    },
    {
      name: 'a scoring rule names an answer no question offers',
      mutate: (q) => q.scoring.countingAnswers.push('soms'),
      says: /rule scoring\.countingAnswers names the answer soms/,
    },
    {
      name: 'the acute order names a situation no question asks',
      mutate: (q) => {
        for (const group of q.groups) group.questions = group.questions.filter((entry) => entry.acute !== 'danger');
      },
      says: /order of acute situations names danger/,
    },
    {
      name: 'a question opens an advice block that does not exist',
      mutate: (q) => (questionIn(q, 'nachten-weg').guidance = { vaker: 'bestaat-niet' }),
      says: /opens the advice block bestaat-niet/,
    },
    {
      name: 'a promised strong signal is taken out',
      mutate: (q) => {
        for (const group of q.groups) group.questions = group.questions.filter((entry) => entry.id !== 'ritjes');
      },
      says: /question ritjes is missing/,
    },
    {
      name: 'an ordinary signal alone raises the advice',
      mutate: (q) => (questionIn(q, 'stemming').raises = { ja: 'vraag-advies' }),
      says: /One ordinary signal alone/,
    },
    {
      name: 'a critical signal is no longer critical',
      mutate: (q) => (questionIn(q, 'vreemde-plekken').critical = false),
      says: /One strong signal alone/,
    },
    {
      name: 'nights away more than once lowers the advice',
      mutate: (q) => (questionIn(q, 'nachten-weg').raises = { 'een-keer': 'bel-vandaag', vaker: 'vraag-advies' }),
      says: /A more worrying answer lowers the advice/,
    },
    {
      name: 'the missing-child guidance loses 112',
      mutate: (q) => (q.guidance.wegblijven!.services = ['veilig-thuis']),
      says: /advice block on a missing child with 112/,
    },
    {
      name: 'the blackmail signal no longer shows 113',
      mutate: (q) => delete questionIn(q, 'beelden-chantage').guidance,
      says: /does not show 113/,
    },
    {
      name: 'an assault in the last 7 days is no longer the acute tier',
      mutate: (q) => (q.scoring.situationLevels!.assault = 'vraag-advies'),
      says: /must lead to at least bel-112, with csg as the first number/,
    },
    {
      name: 'an assault puts its number before 112 when the child is also missing',
      mutate: (q) => (q.scoring.situationOrder = ['assault', 'missing', 'danger', 'blackmail', 'threat']),
      says: /112 is then not the first number/,
    },
    {
      name: 'the family branch asks less than "call today"',
      mutate: (q) => (q.scoring.familyMinimumLevel = 'vraag-advies'),
      says: /must open the family branch/,
    },
    {
      name: '"not sure" about a family member no longer opens the family branch',
      mutate: (q) => (q.scoring.familyAnswers = ['ja']),
      says: /must open the family branch/,
    },
    {
      name: 'an outcome calls something good news',
      mutate: (q) => (q.outcomes.at(-1)!.explanation.nl = 'Dat is goed nieuws.'),
      says: /good news/,
    },
    {
      name: 'an outcome advises confronting',
      mutate: (q) => q.outcomes[1]!.today.push({ nl: 'Confronteer de uitbuiter.', en: 'Confront the exploiter.' }),
      says: /tells parents to confront someone/,
    },
    {
      name: 'the advice loses its sources',
      mutate: (q) => (q.sources = []),
      says: /have no sources/,
    },
  ];
  for (const { name, mutate, says } of breaks) {
    test(`refuses a version where ${name}`, () => {
      const mutated = copy(current);
      mutate(mutated);
      const problems = safetyProblems(mutated, en);
      assert.ok(
        problems.some((problem) => says.test(problem)),
        problems.join('\n') || 'no problem found',
      );
    });
  }

  test('any strong signal that loses its own minimum is refused, naming it (fast-check)', () => {
    const strong = signals(current).filter((question) => question.raises !== undefined && !question.critical);
    fc.assert(
      fc.property(fc.constantFrom(...strong.map((question) => question.id)), (id) => {
        const mutated = copy(current);
        const question = questionIn(mutated, id);
        delete question.raises;
        delete question.guidance;
        return safetyProblems(mutated, en).some((problem) => problem.includes(question.text.en));
      }),
      { seed: 16 },
    );
  });

  test('any acute situation whose first number changes is refused (fast-check)', () => {
    const kinds = Object.keys(current.situations!) as AcuteKind[];
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.constantFrom(...Object.keys(nationalLines)), (kind, line) => {
        const mutated = copy(current);
        const block = mutated.situations![kind];
        if (block.services[0] === line) return true;
        block.services = [line as (typeof block.services)[number], ...block.services.filter((entry) => entry !== line)];
        return safetyProblems(mutated, en).some((problem) => /as the first number|not the first number/.test(problem));
      }),
      { seed: 36 },
    );
  });

  test('any outcome without Veilig Thuis among whom to call is refused (fast-check)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...current.outcomes.map((outcome) => outcome.level)), (level) => {
        const mutated = copy(current);
        const outcome = mutated.outcomes.find((entry) => entry.level === level)!;
        outcome.services = outcome.services.filter((service) => service !== 'veilig-thuis');
        if (outcome.services.length === 0) outcome.services = ['alarm'];
        return safetyProblems(mutated, en).some((problem) => problem.includes(`advice ${level} does not list`));
      }),
      { seed: 112 },
    );
  });
});
