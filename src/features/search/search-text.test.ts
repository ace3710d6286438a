import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { plain, termOf, wordsOf } from './search-text.js';

describe('plain: lower case without marks', () => {
  test('Arabic: the harakat go, and the hamza on an alef (أ إ آ → ا); the letters stay', () => {
    assert.equal(plain('الطِّفْلُ'), 'الطفل');
    assert.equal(plain('أَطْفَال'), 'اطفال');
    assert.equal(plain('إِبْتِزَازٌ'), 'ابتزاز');
    assert.equal(plain('آمِن'), 'امن');
    // Letters that are not an alef with a hamza are not changed (ة, ى, ؤ keep their form).
    assert.equal(plain('الجنسية'), 'الجنسية');
  });

  test('Turkish: İ becomes i, the dotless ı stays, and I (the capital of ı) becomes i', () => {
    assert.equal(plain('İstismar'), 'istismar');
    assert.equal(plain('ışık'), 'ısık');
    assert.equal(plain('IŞIK'), 'isik');
    assert.equal(plain('ŞANTAJ'), 'santaj');
    assert.equal(plain('çocuğunuz'), 'cocugunuz');
  });

  test('Polish: accents go, ł has no decomposition and stays (the term folds it)', () => {
    assert.equal(plain('Zdjęcia'), 'zdjecia');
    assert.equal(plain('Łódź'), 'łodz');
  });
});

describe('search terms in Arabic, Turkish and Polish', () => {
  test('Arabic: two forms of one word share a term, with or without harakat and the article', () => {
    assert.equal(termOf('الأطفال', 'ar'), termOf('أطفالك', 'ar'));
    assert.equal(termOf('الأطفال', 'ar'), termOf('أَطْفَال', 'ar'));
    assert.equal(termOf('الجنسي', 'ar'), termOf('الجنسية', 'ar'));
    assert.equal(termOf('الابتزاز', 'ar'), termOf('ابتزاز', 'ar'));
    assert.notEqual(termOf('الابتزاز', 'ar'), termOf('الأطفال', 'ar'));
  });

  test('Turkish: suffixes go ("çocuklar", "çocuğunuzun" → one term), case and Turkish letters do not matter', () => {
    assert.equal(termOf('çocuklar', 'tr'), termOf('çocuk', 'tr'));
    assert.equal(termOf('çocuğunuzun', 'tr'), termOf('çocuk', 'tr'));
    assert.equal(termOf('şantajın', 'tr'), termOf('şantaj', 'tr'));
    assert.equal(termOf('ŞANTAJ', 'tr'), termOf('şantaj', 'tr'));
    // Typed without Turkish letters, on any keyboard.
    assert.equal(termOf('santaj', 'tr'), termOf('şantaj', 'tr'));
    assert.equal(termOf('cocuk', 'tr'), termOf('çocuk', 'tr'));
    // I is the capital of ı in Turkish, İ of i: both end as i.
    assert.equal(termOf('IŞIK', 'tr'), termOf('ışık', 'tr'));
    assert.equal(termOf('isik', 'tr'), termOf('ışık', 'tr'));
    assert.equal(termOf('İSTİSMAR', 'tr'), termOf('istismarın', 'tr'));
  });

  test('Polish: no stemming; case, accents and ł folded ("Pomoc" and "pomoc", "Łódź" and "lodz")', () => {
    assert.equal(termOf('Pomoc', 'pl'), 'pomoc');
    assert.equal(termOf('pomoc', 'pl'), 'pomoc');
    assert.equal(termOf('Łódź', 'pl'), 'lodz');
    assert.equal(termOf('zdjęcia', 'pl'), termOf('ZDJECIA', 'pl'));
    // No stemmer: another form is another term (prefix matching in the index finds "pomocy" from "pomoc").
    assert.equal(termOf('pomocy', 'pl'), 'pomocy');
  });

  test('stop words are no terms, with or without their accents', () => {
    for (const word of ['في', 'من', 'إلى', 'الى', 'هذا']) assert.equal(termOf(word, 'ar'), undefined, word);
    for (const word of ['ve', 'için', 'icin', 'bir', 'değil']) assert.equal(termOf(word, 'tr'), undefined, word);
    for (const word of ['nie', 'się', 'sie', 'jest', 'już']) assert.equal(termOf(word, 'pl'), undefined, word);
  });

  test('easy-read Dutch is Dutch: the same terms, participle rule included', () => {
    assert.equal(termOf('uitgebuit', 'makkelijk'), termOf('uitbuiting', 'nl'));
    assert.equal(termOf('kinderen', 'makkelijk'), termOf('kinderen', 'nl'));
    assert.equal(termOf('de', 'makkelijk'), undefined);
  });

  test('an Arabic text is split into its words, each with its place', () => {
    const text = 'ما هو الابتزاز الجنسي؟';
    const words = wordsOf(text, 'ar');
    assert.deepEqual(
      words.map((word) => text.slice(word.start, word.end)),
      ['ما', 'هو', 'الابتزاز', 'الجنسي'],
    );
    assert.equal(words[0]?.term, undefined, 'ما is a stop word');
    assert.equal(words[2]?.term, termOf('ابتزاز', 'ar'));
  });
});
