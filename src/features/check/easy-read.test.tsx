import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { render } from 'preact-render-to-string';
import { appForSuite, csrfTokenFrom, setCookies } from '../../../test/helpers/app.js';
import { checkViews, helpViews } from '../../../test/helpers/check-and-help-views.js';
import { dialects } from '../../../test/helpers/databases.js';
import { testPageContext } from '../../../test/helpers/page-context.js';
import { translatorFor } from '../../messages.js';
import { readability } from '../../shared/i18n/readability.js';
import { questionnairesDir } from '../../shared/paths.js';
import type { PageContext } from '../../shared/views/context.js';
import { RightNowPage } from '../right-now/right-now.view.js';
import { completeLanguages } from './questionnaire-languages.js';
import { loadQuestionnaires } from './questionnaires.js';

/*
 * Easy-read Dutch for the check, its outcomes and the help finder (ADR 0054): the pages' rendered text (every state
 * of each, test/helpers/check-and-help-views.tsx) scores LIX ≤ 20 in easy-read (A2) and ≤ 30 in B1 Dutch, the
 * thresholds of ADR 0050; over HTTP the pages are in easy-read Dutch, questions and advice included.
 */
const thresholds = { b1: 30, a2: 20 } as const;

/** The reader's text of the page body (inside <main>): each block on its own line, tags and entities gone. */
function mainText(html: string): string {
  const mains = [...html.matchAll(/<main[^>]*>([\s\S]*?)<\/main>/g)].map((match) => match[1]!);
  assert.ok(mains.length > 0, 'a page with a main');
  return mains
    .join('\n')
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<\/(?:p|li|h1|h2|h3|h4|legend|label|button|summary|dt|dd|div|section|a)>/g, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&[a-z]+;|&#\d+;/g, ' ');
}

const easy = (): PageContext =>
  testPageContext('nl', {
    t: translatorFor('makkelijk'),
    frameT: translatorFor('makkelijk'),
    pageLanguage: { language: 'makkelijk', translated: true, reviewed: false },
    csrfToken: () => 'token',
  });
const b1 = (): PageContext => testPageContext('nl', { csrfToken: () => 'token' });

describe('readability of the check and the help finder (LIX)', () => {
  test('the published questionnaire is complete in easy-read Dutch (else the easy-read check falls back to B1)', () => {
    assert.ok(completeLanguages(loadQuestionnaires(questionnairesDir).current).includes('makkelijk'));
  });

  for (const [name, view] of [
    ['/check and its outcomes', checkViews],
    ['/hulp', helpViews],
  ] as const) {
    test(`${name}: easy-read at most ${thresholds.a2}, B1 at most ${thresholds.b1}, and easy-read easier`, () => {
      const easyScore = readability(mainText(render(view(easy()))));
      const b1Score = readability(mainText(render(view(b1()))));
      assert.ok(easyScore.words > 300, `${name} has text to score (${easyScore.words} words)`);
      assert.ok(easyScore.lix <= thresholds.a2, `easy-read LIX ${easyScore.lix.toFixed(1)}`);
      assert.ok(b1Score.lix <= thresholds.b1, `B1 LIX ${b1Score.lix.toFixed(1)}`);
      assert.ok(easyScore.lix < b1Score.lix, `easy ${easyScore.lix.toFixed(1)} < B1 ${b1Score.lix.toFixed(1)}`);
    });
  }

  test('the scored text is the page’s own: the easy-read check shows the questionnaire’s easy-read texts', () => {
    const text = mainText(render(checkViews(easy())));
    const questionnaire = loadQuestionnaires(questionnairesDir).current;
    assert.ok(text.includes(questionnaire.groups[0]!.questions[0]!.text.makkelijk!.split('\n')[0]!));
    assert.ok(!text.includes(questionnaire.intro.nl), 'not the B1 intro');
  });
});

describe('pictograms in easy-read Dutch only (call 112, call Veilig Thuis, talk, write it down)', () => {
  const pictograms = (html: string) => [...html.matchAll(/<svg class="app-pictogram"[^>]*>/g)].map((match) => match[0]);
  test('on easy-read /nu and the check’s outcomes: each hidden from screen readers, beside its text; none in B1', () => {
    for (const view of [(ctx: PageContext) => <RightNowPage ctx={ctx} />, checkViews]) {
      const easyHtml = render(view(easy()));
      const found = pictograms(easyHtml);
      assert.ok(found.length > 0, 'pictograms shown');
      for (const tag of found) {
        assert.match(tag, /aria-hidden="true"/);
        assert.match(tag, /focusable="false"/);
      }
      assert.deepEqual(pictograms(render(view(b1()))), [], 'none in B1 Dutch');
    }
    const nu = render(<RightNowPage ctx={easy()} />);
    for (const name of ['call112', 'talk', 'writeDown']) assert.match(nu, new RegExp(`data-pictogram="${name}"`));
    const check = render(checkViews(easy()));
    for (const name of ['call112', 'callVeiligThuis', 'talk', 'writeDown']) {
      assert.match(check, new RegExp(`data-pictogram="${name}"`));
    }
    // The text beside it carries the meaning: a pictogram is followed by words, never alone in its element.
    for (const match of nu.matchAll(/<svg class="app-pictogram"[\s\S]*?<\/svg>([^<]*)/g)) {
      assert.ok(
        match[1]!.trim().length > 0 ||
          /<strong>/.test(nu.slice(match.index + match[0].length, match.index + match[0].length + 8)),
      );
    }
    // Own drawings only: no external reference in any pictogram.
    assert.doesNotMatch(check, /<svg class="app-pictogram"[^>]*>(?:(?!<\/svg>)[\s\S])*(?:href|url\()/);
  });
});

for (const dialect of dialects) {
  describe(`the check and the help finder in easy-read Dutch over HTTP [${dialect}]`, () => {
    const testApp = appForSuite(dialect);
    const easyCookie = { taal: 'makkelijk' };

    test('GET /check: the questions in easy-read, no "not translated" notice, the unreviewed notice', async () => {
      const questionnaire = testApp.services.check.current();
      const response = await testApp.app.inject({ method: 'GET', url: '/check', cookies: easyCookie });
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /app-body--easy/);
      assert.doesNotMatch(response.body, /class="app-untranslated"/);
      assert.ok(response.body.includes(translatorFor('makkelijk')('layout.translation.unreviewed').split('\n')[0]!));
      const first = questionnaire.groups[0]!.questions[0]!.text;
      assert.ok(response.body.includes(first.makkelijk!.split('\n')[0]!), 'the first question in easy-read');
      assert.ok(!response.body.includes(first.nl), 'not in B1');
      assert.ok(response.body.includes(translatorFor('makkelijk')('check.submit')));
    });

    test('POST /check: the outcome in easy-read, with its numbers; the same level as in Dutch', async () => {
      const form = await testApp.app.inject({ method: 'GET', url: '/check', cookies: easyCookie });
      const token = csrfTokenFrom(form.body);
      const cookies = { ...Object.fromEntries(setCookies(form.headers)), ...easyCookie };
      const questionnaire = testApp.services.check.current();
      const answers: Record<string, string> = { versie: String(questionnaire.version), _csrf: token };
      for (const question of questionnaire.groups.flatMap((group) => group.questions)) {
        answers[question.id] = (questionnaire.scales[question.scale] ?? [])[0]!.value;
      }
      answers['vermist-nu'] = 'ja';
      const easyAnswer = await testApp.app.inject({ method: 'POST', url: '/check', cookies, payload: answers });
      assert.equal(easyAnswer.statusCode, 200);
      const missing = questionnaire.situations!.missing;
      assert.ok(easyAnswer.body.includes(missing.title.makkelijk!), 'the situation’s title in easy-read');
      assert.match(easyAnswer.body, /data-advice-level="bel-112"/);
      assert.match(easyAnswer.body, /href="tel:112"/);
      const dutch = await testApp.app.inject({
        method: 'POST',
        url: '/check',
        cookies: { ...cookies, taal: 'nl' },
        payload: answers,
      });
      assert.match(dutch.body, /data-advice-level="bel-112"/);
      assert.ok(dutch.body.includes(missing.title.nl));
    });

    test('GET /hulp: the help finder in easy-read', async () => {
      const response = await testApp.app.inject({ method: 'GET', url: '/hulp', cookies: easyCookie });
      assert.equal(response.statusCode, 200);
      assert.doesNotMatch(response.body, /class="app-untranslated"/);
      assert.ok(response.body.includes(translatorFor('makkelijk')('help.intro').split('\n')[0]!));
    });

    test('ar, tr, pl: /check in the language when the page and the version are both in it, else English with the notice', async () => {
      const questionnaire = testApp.services.check.current();
      for (const language of ['ar', 'tr', 'pl'] as const) {
        const response = await testApp.app.inject({ method: 'GET', url: '/check', cookies: { taal: language } });
        assert.equal(response.statusCode, 200);
        const first = questionnaire.groups[0]!.questions[0]!.text;
        const inLanguage = first[language];
        if (inLanguage !== undefined && !response.body.includes('class="app-untranslated"')) {
          assert.ok(response.body.includes(inLanguage.split('\n')[0]!), `${language}: the question in ${language}`);
        } else {
          assert.match(response.body, /class="app-untranslated"/, language);
          assert.ok(response.body.includes(first.en), `${language}: the question in English`);
        }
      }
    });
  });
}
