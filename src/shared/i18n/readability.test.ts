import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { catalogues } from '../../messages.js';
import { makkelijk } from '../../translations/makkelijk.js';
import { translations } from '../../translations/translations.js';
import { projectRoot } from '../paths.js';
import { lixThresholds, plainTextOfMarkdown, readability } from './readability.js';

/*
 * Readability in CI (docs/adr/0050): LIX for every Dutch content page (B1) and every easy-read page (A2).
 * Thresholds: B1 at most 30, A2 at most 20 (a page's LIX, lower is easier). Pages over the B1 threshold that
 * are to be rewritten are listed below with their score today as a ceiling: they may not get harder, and once
 * one is under the threshold the list must lose it (so the list only shrinks and cannot hide a page).
 */
const thresholds = lixThresholds;

/** Content pages over the B1 threshold on 2026-12-07, to rewrite (ADR 0050), with their LIX then. */
const toRewrite: Readonly<Record<string, number>> = {
  'veilig-gebruik.md': 30.3,
  'jongens-en-lhbtiq-jongeren.md': 30.2,
  'na-een-aangifte.md': 31.5,
};

describe('LIX, the readability formula', () => {
  test('words per sentence plus the share of words longer than 6 letters, in percent', () => {
    // 6 words, 1 sentence, no long words.
    assert.equal(readability('De kat zit op de mat.').lix, 6);
    // 4 words in 2 sentences; 2 long words ("uitbuiting", "zedenpolitie"): 2 + 50.
    assert.equal(readability('Meld uitbuiting. Bel zedenpolitie!').lix, 52);
    // A worked example at the boundary: 6 letters is not long ("Ouders", "helpen"), 7 is ("politie").
    // 7 words in 2 sentences, 2 long ("kinderen", "politie"): 7 / 2 + 100 × 2 / 7 = 3.5 + 28.571… = 32.071…
    const worked = readability('Ouders helpen kinderen. Bel de politie op!');
    assert.deepEqual(
      { words: worked.words, sentences: worked.sentences, longWords: worked.longWords },
      { words: 7, sentences: 2, longWords: 2 },
    );
    assert.ok(Math.abs(worked.lix - (3.5 + 200 / 7)) < 1e-9, `LIX ${worked.lix}`);
    assert.equal(worked.lix.toFixed(2), '32.07');
    // A line break ends a sentence (headings, list items, easy-read lines); hyphenated words are one word.
    assert.deepEqual(readability('Bel 112\nGeen e-mail').sentences, 2);
    assert.equal(readability('Geen e-mail.').words, 2);
    // Long counts letters: digits are no letters, so a phone number is a word but not a long one.
    assert.deepEqual(readability('Bel 0800-0188 of 0900-8844.').longWords, 0);
    assert.equal(readability('Bel gewoonweg.').longWords, 1);
    assert.equal(readability('').lix, 0);
  });

  test('shorter sentences never score worse (property)', () => {
    const word = fc.stringMatching(/^[a-z]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 2, maxLength: 30 }), (words) => {
        const half = Math.ceil(words.length / 2);
        const one = `${words.join(' ')}.`;
        const two = `${words.slice(0, half).join(' ')}. ${words.slice(half).join(' ')}.`;
        return readability(two).lix <= readability(one).lix;
      }),
    );
  });

  test('the reader’s text of markdown: no front matter, link targets or markup; each block a line', () => {
    const text = plainTextOfMarkdown(
      '---\ntitle: Over\nsources:\n  - url: https://example.org/heel-lange-verwijzing\n---\n\n## Kop\n\nZie [de politie](https://politie.nl/zedenpolitie-informatie).\n\n- **Eén** punt\n',
    );
    assert.equal(text, 'Kop\nZie de politie.\nEén   punt');
  });
});

describe('Dutch content pages (B1) and easy-read pages (A2) are under their thresholds', () => {
  const folder = path.join(projectRoot, 'content/nl');
  const pages = readdirSync(folder).filter((file) => file.endsWith('.md'));

  for (const file of pages) {
    const { lix } = readability(plainTextOfMarkdown(readFileSync(path.join(folder, file), 'utf8')));
    const ceiling = toRewrite[file];
    if (ceiling === undefined) {
      test(`${file}: LIX ${lix.toFixed(1)} is at most ${thresholds.b1} (B1)`, () => {
        assert.ok(lix <= thresholds.b1, `LIX ${lix.toFixed(1)}: rewrite it in shorter sentences and shorter words`);
      });
    } else {
      test(`${file} (to rewrite): LIX ${lix.toFixed(1)} is no higher than ${ceiling}, and still over ${thresholds.b1}`, () => {
        assert.ok(lix <= ceiling, `LIX ${lix.toFixed(1)} got worse than ${ceiling}`);
        assert.ok(lix > thresholds.b1, `now under ${thresholds.b1}: take ${file} off the list to rewrite`);
      });
    }
  }

  test('every page to rewrite is a content page', () => {
    for (const file of Object.keys(toRewrite)) assert.ok(pages.includes(file), file);
  });

  // Easy-read pages: each page declared in makkelijk, read as its messages (one idea per line).
  const easyText = (prefixes: readonly string[], except: readonly string[] = []) =>
    Object.entries(makkelijk)
      .filter(([key]) => prefixes.some((prefix) => key.startsWith(prefix)) && !except.includes(key))
      .map(([, message]) => message)
      .join('\n');
  const easyPages: Record<string, string> = {
    // The sources line is a citation (names and a year), not prose to read.
    '/nu': easyText(['nu.'], ['nu.sources']),
    frame: easyText(['site.', 'layout.', 'quickExit.', 'error.', 'account.']),
  };

  /** Pages scored on their rendered text elsewhere: the check and the help finder (src/features/check/easy-read.test.tsx). */
  const scoredRendered = ['/check', '/hulp', '/hulp/na-check'];

  test('every page declared in easy-read Dutch is scored', () => {
    assert.deepEqual([...translations.makkelijk.pages].sort(), [...Object.keys(easyPages), ...scoredRendered].sort());
  });

  for (const [page, text] of Object.entries(easyPages)) {
    test(`easy-read ${page}: LIX at most ${thresholds.a2} (A2)`, () => {
      const { lix, words } = readability(text);
      assert.ok(words > 100, `${page} has text to score`);
      assert.ok(lix <= thresholds.a2, `LIX ${lix.toFixed(1)}`);
    });
  }

  test('the A2 threshold tells easy-read from B1: the B1 Dutch of /nu is over it', () => {
    const b1 = Object.entries(catalogues.nl)
      .filter(([key]) => key.startsWith('nu.') && key !== 'nu.sources')
      .map(([, message]) => message)
      .join('\n');
    assert.ok(readability(b1).lix > thresholds.a2);
    assert.ok(readability(b1).lix <= thresholds.b1);
  });
});
