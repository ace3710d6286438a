// Checks over the organisation data itself (content/organisations.json): what a parent reads on /hulp must not
// promise more than the facts behind it.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { contentDir, organisationsFile } from '../../shared/paths.js';
import { type Organisation, organisationsFileSchema } from './organisation.schema.js';

const { organisations } = organisationsFileSchema.parse(JSON.parse(readFileSync(organisationsFile, 'utf8')));

/** Everything an organisation says to a parent, in both languages. */
function textsOf(organisation: Organisation): string[] {
  return [organisation.description, organisation.phoneNote]
    .filter((text) => text !== undefined)
    .flatMap((text) => [text.nl, text.en]);
}

const dayAndNight =
  /dag en nacht|day and night|24\/7|24 uur per dag|24 hours a day|altijd bereikbaar|always available/i;

describe('the organisation data', () => {
  test('an organisation that claims to be there day and night has a phone number that is open day and night', () => {
    const claiming = organisations.filter((organisation) =>
      textsOf(organisation).some((text) => dayAndNight.test(text)),
    );
    assert.ok(claiming.length > 0, 'the check looks at something (Veilig Thuis, 112 and the CSG say it)');
    for (const organisation of claiming) {
      assert.ok(organisation.phone !== undefined, `${organisation.slug} claims day and night without a phone number`);
      assert.equal(
        organisation.hours?.always,
        true,
        `${organisation.slug} claims day and night, its phone hours do not`,
      );
    }
  });

  test('hours of "always" belong to a phone number (the card shows them as "day and night")', () => {
    for (const organisation of organisations.filter((each) => each.hours?.always === true)) {
      assert.ok(organisation.phone !== undefined, `${organisation.slug} is always open, but how to reach it?`);
    }
  });

  test('no number is called free when only the help is: an 0900 number says it costs the local rate', () => {
    for (const organisation of organisations) {
      for (const text of textsOf(organisation)) {
        assert.doesNotMatch(
          text,
          /gratis (telefoon)?nummer|free (phone )?number|free to call|gratis bellen/i,
          organisation.slug,
        );
      }
      if (organisation.phone?.startsWith('0900') === true && organisation.phoneNote !== undefined) {
        const { nl, en } = organisation.phoneNote;
        if (/gratis/i.test(nl)) assert.match(nl, /lokale tarief/, organisation.slug);
        if (/free/i.test(en)) assert.match(en, /local rate/, organisation.slug);
      }
    }
    const victimSupport = organisations.find((organisation) => organisation.phone === '0900-0101');
    assert.match(victimSupport?.phoneNote?.nl ?? '', /lokale tarief/);
    assert.match(victimSupport?.phoneNote?.en ?? '', /local rate/);
  });

  test('jargon is explained where an organisation text uses it', () => {
    const explanations: [RegExp, RegExp][] = [
      [/\bAVIM\b/, /afdeling van de politie|police department/],
      [/zorgmelding/i, /bericht|message|report to Veilig Thuis/i],
      [/Zorg- en Veiligheidshuis/, /overleggen|meet/i],
    ];
    for (const organisation of organisations) {
      for (const text of textsOf(organisation)) {
        for (const [term, explanation] of explanations) {
          if (term.test(text)) assert.match(text, explanation, `${organisation.slug} uses ${term.source} unexplained`);
        }
      }
    }
  });

  test('nobody claims a check before the source it checks, or in the future', () => {
    const today = new Date().toISOString().slice(0, 10);
    for (const organisation of organisations) {
      if (organisation.checkedOn === undefined) continue;
      assert.ok(organisation.checkedOn >= organisation.source.date, organisation.slug);
      assert.ok(organisation.checkedOn <= today, organisation.slug);
    }
  });

  test('MEE, which information pages send parents to, is shown in the help finder', () => {
    const pagesNamingMee = ['nl', 'en'].flatMap((locale) =>
      readdirSync(path.join(contentDir, locale))
        .filter((file) => file.endsWith('.md'))
        .filter((file) => /\bMEE\b/.test(readFileSync(path.join(contentDir, locale, file), 'utf8'))),
    );
    if (pagesNamingMee.length === 0) return;
    const mee = organisations.find((organisation) => organisation.name === 'MEE');
    assert.ok(mee !== undefined, `${pagesNamingMee.join(', ')} send parents to MEE`);
    assert.equal(mee.verified, true, 'visitors see only approved entries');
  });
});
