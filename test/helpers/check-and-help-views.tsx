import type { VNode } from 'preact';
import { evaluate } from '../../src/features/check/scoring.js';
import type { Questionnaire } from '../../src/features/check/check.schema.js';
import { loadQuestionnaires } from '../../src/features/check/questionnaires.js';
import { CheckFormPage } from '../../src/features/check/views/check-form.view.js';
import { CheckOutcomePage, OutcomeDetails } from '../../src/features/check/views/check-outcome.view.js';
import { CheckRejectedPage } from '../../src/features/check/views/check-rejected.view.js';
import type { Place } from '../../src/features/help/help.repo.js';
import type { HelpSections, ShownOrganisation } from '../../src/features/help/help.service.js';
import type { Organisation } from '../../src/features/help/organisation.schema.js';
import { HelpPage } from '../../src/features/help/views/help.view.js';
import { questionnairesDir } from '../../src/shared/paths.js';
import type { PageContext } from '../../src/shared/views/context.js';

/*
 * The check's and the help finder's pages drawn with everything they can show, for the catalogue completeness test
 * (src/translations/translations.test.tsx: every key they use must be in a language declaring them) and the
 * easy-read readability test (src/features/check/easy-read.test.tsx). A route is drawn as all its states side by
 * side: the check's form with missing answers, every kind of outcome, both refusals; the help finder found,
 * choosing, unknown, invalid and empty, with every opening state on its cards.
 */

const questionnaire: Questionnaire = loadQuestionnaires(questionnairesDir).current;
const questions = questionnaire.groups.flatMap((group) => group.questions);
const optionsOf = (scale: string) => questionnaire.scales[scale] ?? [];

/** Answer sets: the calmest (every first answer), the most worrying (every last), and the middle one. */
const answerSets = [0, 1, -1].map(
  (pick) => new Map(questions.map((question) => [question.id, optionsOf(question.scale).at(pick)!.value])),
);
/** Every acute question alone "yes" (each situation's title first), and the family branch alone. */
for (const question of questions) {
  if (question.acute === undefined && !question.family && question.guidance === undefined) continue;
  for (const option of optionsOf(question.scale)) {
    const answers = new Map(answerSets[0]);
    answers.set(question.id, option.value);
    answerSets.push(answers);
  }
}

/** The check's route (GET and POST /check) in every state it can draw. */
export function checkViews(ctx: PageContext): VNode {
  return (
    <>
      <CheckFormPage ctx={ctx} questionnaire={questionnaire} answers={new Map()} missing={questions.slice(0, 2)} />
      <CheckFormPage ctx={ctx} questionnaire={questionnaire} answers={new Map()} missing={questions.slice(0, 1)} />
      {answerSets.map((answers, index) => {
        const evaluation = evaluate(questionnaire, answers);
        return (
          <div key={index}>
            <CheckOutcomePage ctx={ctx} questionnaire={questionnaire} evaluation={evaluation} />
            <OutcomeDetails ctx={ctx} questionnaire={questionnaire} evaluation={evaluation} />
          </div>
        );
      })}
      <CheckRejectedPage ctx={ctx} reason="version" />
      <CheckRejectedPage ctx={ctx} reason="not-a-form" />
    </>
  );
}

const place: Place = {
  code: 'GM0014',
  name: 'Groningen',
  provinceCode: 'PV20',
  provinceName: 'Groningen',
  safetyRegionCode: 'VR01',
  safetyRegionName: 'Groningen',
  policeUnit: 'Noord-Nederland',
};

const organisation = (slug: string, kind: Organisation['kind'], extra: Partial<Organisation> = {}): Organisation => ({
  slug,
  name: slug,
  kind,
  description: { nl: 'Helpt ouders.', en: 'Helps parents.' },
  phone: '0800-2000',
  area: { type: 'national' },
  source: { publisher: 'Rijksoverheid', url: 'https://rijksoverheid.nl', date: '2026-11-28' },
  verified: true,
  ...extra,
});

/**
 * Cards in every state: open always, open until, closed until, closed, unknown; chat; unverified; checked; an
 * interpreter not known (most), arranged with languages, and not arranged.
 */
const cards: ShownOrganisation[] = [
  { organisation: organisation('a', 'police'), state: { open: true, always: true } },
  {
    organisation: organisation('b', 'veilig-thuis', { chat: 'https://example.nl/chat', web: 'https://example.nl' }),
    state: { open: true, always: false, closesAt: '17:00' },
    chatState: { open: false, opens: { day: 'tomorrow', time: '09:00' } },
  },
  {
    organisation: organisation('c', 'specialist-care', { email: 'info@example.nl', verified: false }),
    state: { open: false },
    chatState: undefined,
  },
  {
    organisation: organisation('d', 'parent-support', {
      chat: 'https://example.nl/chat',
      checkedOn: '2026-11-30',
      checkedBy: 'Redactie',
      interpreter: {
        arranged: true,
        languages: ['ar', 'tr'],
        source: { publisher: 'Mensenhandel', date: '2026-12-07' },
      },
    }),
    state: undefined,
  },
  {
    organisation: organisation('e', 'victim-support', {
      source: { publisher: 'NOS', date: '2020' },
      interpreter: { arranged: false, languages: [], source: { publisher: 'NOS', date: '2020' } },
    }),
    state: { open: false, opens: { day: 'mon', time: '09:00' } },
  },
];
const sections: HelpSections = { emergency: cards.slice(0, 1), local: cards.slice(0, 2), national: cards };
const policeOnly: HelpSections = { emergency: cards.slice(0, 1), local: cards.slice(0, 1), national: cards };

/** The help finder's route (GET /hulp, and POST /hulp/na-check, which draws the same page) in every state. */
export function helpViews(ctx: PageContext): VNode {
  const names = ['Groningen'];
  return (
    <>
      <HelpPage ctx={ctx} result={{ kind: 'empty', national: sections }} query="" municipalityNames={names} />
      <HelpPage
        ctx={ctx}
        result={{ kind: 'found', query: '9711', place, sections }}
        query="9711"
        municipalityNames={names}
      />
      <HelpPage
        ctx={ctx}
        result={{ kind: 'found', query: '9711', place, sections: policeOnly }}
        query="9711"
        municipalityNames={names}
      />
      <HelpPage
        ctx={ctx}
        result={{ kind: 'choose', query: 'Bergen', places: [place, place], national: sections }}
        query="Bergen"
        municipalityNames={names}
      />
      <HelpPage
        ctx={ctx}
        result={{ kind: 'unknown', query: 'Groningn', suggestions: [place], national: sections }}
        query="Groningn"
        municipalityNames={names}
      />
      {(['too-long', 'postcode-format', 'characters', 'missing'] as const).map((reason) => (
        <HelpPage
          key={reason}
          ctx={ctx}
          result={{ kind: 'invalid', reason, national: sections }}
          query="x"
          municipalityNames={names}
        />
      ))}
    </>
  );
}

/** The routes these views draw, as translations.ts names them. */
export const checkAndHelpPageViews: Readonly<Record<string, (ctx: PageContext) => VNode>> = {
  '/check': checkViews,
  '/hulp': helpViews,
  '/hulp/na-check': helpViews,
};
