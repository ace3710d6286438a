import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { appForSuite, csrfTokenFrom, setCookies } from '../../../test/helpers/app.js';
import { dialects } from '../../../test/helpers/databases.js';
import { buildParent } from '../../../test/helpers/factories.js';

type Fields = Record<string, string>;

/** What only a signed-in page has: the journal in the menu, the account in the footer, the time-out warning. */
function assertSignedInFrame(html: string, what: string): void {
  assert.match(html, /<a class="app-nav__link" href="\/logboek"/, `${what}: the journal is in the menu`);
  assert.match(html, /<a href="\/account">/, `${what}: the footer links to the account`);
  assert.doesNotMatch(html, /<a href="\/inloggen">/, `${what}: no login link`);
  assert.match(html, /data-idle-until="[^"]+"/, `${what}: the time-out warning`);
  assert.match(
    html,
    /<form method="post" action="\/account\/verlengen"><input type="hidden" name="_csrf" value="[^"]+"/,
  );
}

function assertAnonymousFrame(html: string, what: string): void {
  assert.match(html, /<a href="\/inloggen">/, `${what}: the login link`);
  assert.doesNotMatch(html, /href="\/logboek"/, `${what}: no journal in the menu`);
  assert.doesNotMatch(html, /data-idle-until/, `${what}: no time-out warning`);
}

for (const dialect of dialects) {
  describe(`the signals check for a signed-in parent [${dialect}]`, () => {
    // A freshly started server: no anonymous visitor has had any outcome yet, so no page frame is stored.
    const testApp = appForSuite(dialect, { RATE_LIMIT_MAX: '100000' });
    let calm: Fields;
    let parent: Record<string, string>;

    before(async () => {
      const questionnaire = testApp.services.check.current();
      calm = { versie: String(questionnaire.version) };
      for (const group of questionnaire.groups) {
        for (const question of group.questions) {
          const options = questionnaire.scales[question.scale] ?? [];
          calm[question.id] = (options.find((option) => option.value === 'nee') ?? options[0])!.value;
        }
      }
      parent = (await buildParent(testApp, { username: 'ouder-check', passphrase: 'lamp fiets regen appel' })).cookies;
      assert.ok(parent.sessie !== undefined, 'signed in after sign-up');
    });

    /** Fills in the check as `cookies` (a browser), with the token of the form that browser was shown. */
    const answer = async (cookies: Record<string, string>, fields: Fields) => {
      const form = await testApp.app.inject({ method: 'GET', url: '/check', cookies });
      const all = { ...cookies, ...Object.fromEntries(setCookies(form.headers)) };
      return testApp.app.inject({
        method: 'POST',
        url: '/check',
        cookies: all,
        payload: { _csrf: csrfTokenFrom(form.body), ...fields },
      });
    };

    test('right after sign-up the check answers with an outcome (not a 500), in the parent’s own page frame', async () => {
      const response = await answer(parent, calm);
      assert.equal(response.statusCode, 200, 'no server error');
      assert.match(response.body, /data-advice-level="/);
      assertSignedInFrame(response.body, 'outcome');
    });

    test('the check form itself shows the signed-in header, not the anonymous one', async () => {
      const response = await testApp.app.inject({ method: 'GET', url: '/check', cookies: parent });
      assert.equal(response.statusCode, 200);
      assertSignedInFrame(response.body, 'form');
      const anonymousForm = await testApp.app.inject({ method: 'GET', url: '/check' });
      assertAnonymousFrame(anonymousForm.body, 'anonymous form');
      const again = await testApp.app.inject({ method: 'GET', url: '/check', cookies: parent });
      assertSignedInFrame(again.body, 'form after an anonymous visit');
    });

    test('after an anonymous visitor had the same outcome, the parent still gets their own frame, and vice versa', async () => {
      const fields = { ...calm, school: 'ja' };
      const anonymousOutcome = await answer({}, fields);
      assert.equal(anonymousOutcome.statusCode, 200);
      assertAnonymousFrame(anonymousOutcome.body, 'anonymous outcome');
      const parentOutcome = await answer(parent, fields);
      assert.equal(parentOutcome.statusCode, 200);
      assertSignedInFrame(parentOutcome.body, 'parent outcome after an anonymous one');
      const anonymousAgain = await answer({}, fields);
      assertAnonymousFrame(anonymousAgain.body, 'anonymous outcome after the parent’s');
      assert.doesNotMatch(anonymousAgain.body, /ouder-check/);
    });

    test('every single "yes" gives the parent an outcome page of their own, whatever the level', async () => {
      const questionnaire = testApp.services.check.current();
      const levels = new Set<string>();
      for (const question of questionnaire.groups.flatMap((group) => group.questions)) {
        const yes = questionnaire.scales[question.scale]?.at(-1)?.value;
        if (yes === undefined) continue;
        const response = await answer(parent, { ...calm, [question.id]: yes });
        assert.equal(response.statusCode, 200, question.id);
        assertSignedInFrame(response.body, question.id);
        levels.add(/data-advice-level="([^"]+)"/.exec(response.body)?.[1] ?? '');
      }
      assert.ok(levels.size >= 2, `more than one level was reached: ${[...levels].join(', ')}`);
    });
  });
}
