import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { dialects } from '../../../test/helpers/databases.js';
import { textOf } from '../../../test/helpers/html-text.js';

/*
 * INSIGHTS_NOISE_EPSILON (ADR 0052) reaches the page: the method page tells readers whether the figures carry
 * noise and with which ε, in their language. (That the figures themselves carry it: insights.figures.test.ts.)
 */
for (const dialect of dialects) {
  describe(`/inzichten/methode says whether figures carry noise (${dialect})`, () => {
    let exact: TestApp;
    let noisy: TestApp;
    before(async () => {
      exact = await buildTestApp(dialect);
      noisy = await buildTestApp(dialect, { INSIGHTS_NOISE_EPSILON: '0.5' });
    });
    after(async () => {
      await exact.close();
      await noisy.close();
    });

    test('without ε: "no noise"; with ε: the noise and its ε, in Dutch and English', async () => {
      const text = async (app: TestApp, language: string): Promise<string> => {
        const page = await app.app.inject({ method: 'GET', url: '/inzichten/methode', cookies: { taal: language } });
        assert.equal(page.statusCode, 200);
        return textOf(page.body);
      };
      assert.match(await text(exact, 'nl'), /Geen ruis/);
      assert.doesNotMatch(await text(exact, 'nl'), /ε =/);
      assert.match(await text(exact, 'en'), /No noise/);
      const dutch = await text(noisy, 'nl');
      assert.match(dutch, /Laplace-ruis, met ε = 0,5 per getal/);
      assert.doesNotMatch(dutch, /Geen ruis/);
      assert.match(await text(noisy, 'en'), /Laplace noise, with ε = 0.5 per figure/);
    });
  });
}
