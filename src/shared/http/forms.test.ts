import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fastifyFormbody from '@fastify/formbody';
import Fastify from 'fastify';
import { z } from 'zod';
import {
  checkboxField,
  choiceField,
  cleanText,
  FALLBACK_PROBLEM,
  type FormResult,
  parseForm,
  problemOf,
  textField,
} from './forms.js';

/** A form like the app's: a required note, an optional one-line name, a choice, a checkbox and a passphrase. */
const schema = z.object({
  tekst: textField({
    invalid: 'journal.diary.problem.missing',
    tooLong: 'journal.diary.problem.tooLong',
    min: 1,
    max: 20,
    lines: true,
  }),
  naam: textField({ invalid: 'account.username.length', max: 10 }),
  rol: choiceField(['medewerker', 'coordinator'], 'professionals.invite.role.missing'),
  akkoord: checkboxField(),
  wachtwoord: z.string({ error: 'account.passphrase.missing' }).min(1),
});

const valid = { tekst: 'Hij kwam laat thuis.', naam: 'Sam', rol: 'medewerker', akkoord: 'ja', wachtwoord: 'geheim' };

const problemsOf = <T>(result: FormResult<T>) => (result.ok ? [] : result.problems);

describe('parseForm', () => {
  test('gives the typed, cleaned value of a valid form', () => {
    const result = parseForm(schema, { ...valid, naam: '  Sam  ' });
    assert.equal(result.ok, true);
    assert.deepEqual(result.ok && result.value, {
      tekst: 'Hij kwam laat thuis.',
      naam: 'Sam',
      rol: 'medewerker',
      akkoord: true,
      wachtwoord: 'geheim',
    });
  });

  test('names each missing field once, with its own message, in the order of the form', () => {
    assert.deepEqual(problemsOf(parseForm(schema, {})), [
      { field: 'tekst', messageKey: 'journal.diary.problem.missing' },
      { field: 'rol', messageKey: 'professionals.invite.role.missing' },
      { field: 'wachtwoord', messageKey: 'account.passphrase.missing' },
    ]);
  });

  test('reads no body, a string or a list as a form without fields', () => {
    for (const body of [undefined, null, 'tekst=hallo', ['tekst', 'hallo'], 42]) {
      const result = parseForm(schema, body);
      assert.equal(result.ok, false);
      assert.deepEqual(
        problemsOf(result).map((problem) => problem.field),
        ['tekst', 'rol', 'wachtwoord'],
      );
      assert.deepEqual({ ...result.values }, {});
    }
  });

  test('refuses a field sent twice (a list instead of a string) with that field’s message', () => {
    const result = parseForm(schema, { ...valid, tekst: ['een', 'twee'], rol: ['medewerker', 'coordinator'] });
    assert.deepEqual(problemsOf(result), [
      { field: 'tekst', messageKey: 'journal.diary.problem.missing' },
      { field: 'rol', messageKey: 'professionals.invite.role.missing' },
    ]);
    assert.equal(result.values.tekst, undefined, 'a list is not put back into a text field');
  });

  test('refuses values of the wrong kind (numbers, objects) without throwing', () => {
    const result = parseForm(schema, { ...valid, tekst: { toString: 'x' }, naam: 7, wachtwoord: true });
    assert.deepEqual(
      problemsOf(result).map((problem) => problem.field),
      ['tekst', 'naam', 'wachtwoord'],
    );
  });

  test('says "too long" past the maximum, counting characters as a person does', () => {
    assert.deepEqual(problemsOf(parseForm(schema, { ...valid, tekst: 'x'.repeat(21) })), [
      { field: 'tekst', messageKey: 'journal.diary.problem.tooLong' },
    ]);
    // Twenty emoji are twenty characters, though they are forty UTF-16 units.
    assert.equal(parseForm(schema, { ...valid, tekst: '🙂'.repeat(20) }).ok, true);
    const huge = parseForm(schema, { ...valid, tekst: 'x'.repeat(1_000_000) }, { keep: 30 });
    assert.deepEqual(problemsOf(huge), [{ field: 'tekst', messageKey: 'journal.diary.problem.tooLong' }]);
    assert.equal(huge.values.tekst?.length, 30, 'only what fits is shown again');
  });

  test('removes control characters; a field of nothing else is empty', () => {
    const result = parseForm(schema, { ...valid, tekst: 'eer\u0000ste\r\nregel\u202e', naam: 'S\u0007am\u0085' });
    assert.deepEqual(result.ok && [result.value.tekst, result.value.naam], ['eerste\nregel\u202e', 'Sam']);
    assert.deepEqual(problemsOf(parseForm(schema, { ...valid, tekst: '\u0000\u0001\u001b ' })), [
      { field: 'tekst', messageKey: 'journal.diary.problem.missing' },
    ]);
  });

  test('treats prototype names as ordinary fields and never reads inherited ones', () => {
    const body = JSON.parse('{"__proto__": {"rol": "coordinator"}, "constructor": "x", "toString": "y"}') as object;
    const result = parseForm(schema, { ...body, ...valid, rol: undefined });
    assert.deepEqual(
      problemsOf(result).map((problem) => problem.field),
      ['rol'],
    );
    const inherited = Object.create({ tekst: 'geërfd', rol: 'medewerker', wachtwoord: 'geheim' }) as object;
    assert.deepEqual(
      problemsOf(parseForm(schema, inherited)).map((problem) => problem.field),
      ['tekst', 'rol', 'wachtwoord'],
    );
    assert.equal(({} as Record<string, unknown>).rol, undefined, 'Object.prototype is untouched');
  });

  test('keeps what was typed to show again, but never a secret', () => {
    const result = parseForm(schema, { ...valid, rol: 'baas' }, { secrets: ['wachtwoord'] });
    assert.equal(result.ok, false);
    assert.deepEqual({ ...result.values }, { tekst: valid.tekst, naam: 'Sam', rol: 'baas', akkoord: 'ja' });
    assert.equal(problemOf(problemsOf(result), 'rol'), 'professionals.invite.role.missing');
    assert.equal(problemOf(problemsOf(result), 'tekst'), undefined);
    const control = parseForm(schema, { tekst: 'een\u0000\u001b[31m\ntwee\tdrie' });
    assert.equal(control.values.tekst, 'een[31m\ntwee\tdrie', 'no control character goes back into a page');
  });

  test('a checkbox is ticked only by its own value', () => {
    for (const [sent, ticked] of [
      ['ja', true],
      ['on', true],
      [undefined, false],
      ['nee', false],
      [['ja', 'ja'], false],
    ] as const) {
      const result = parseForm(schema, { ...valid, akkoord: sent });
      assert.equal(result.ok && result.value.akkoord, ticked, String(sent));
    }
  });

  test('an issue for which the schema names no message gets the general field message', () => {
    const bare = z.object({ getal: z.coerce.number().int(), vrij: z.string().regex(/^a$/) });
    assert.deepEqual(problemsOf(parseForm(bare, { getal: 'x', vrij: 'b' })), [
      { field: 'getal', messageKey: FALLBACK_PROBLEM },
      { field: 'vrij', messageKey: FALLBACK_PROBLEM },
    ]);
  });

  test('a cross-field rule names the field it is about', () => {
    const again = z
      .object({ wachtwoord: z.string(), herhaling: z.string() })
      .refine((form) => form.wachtwoord === form.herhaling, {
        path: ['herhaling'],
        error: 'account.passphrase.mismatch',
      });
    assert.deepEqual(problemsOf(parseForm(again, { wachtwoord: 'a', herhaling: 'b' })), [
      { field: 'herhaling', messageKey: 'account.passphrase.mismatch' },
    ]);
  });
});

describe('parseForm behind the app’s form parser', () => {
  test('a hostile urlencoded body gets field messages, not an error', async () => {
    const app = Fastify();
    await app.register(fastifyFormbody);
    app.post('/form', (request, reply) => {
      const result = parseForm(schema, request.body, { secrets: ['wachtwoord'] });
      return reply.code(result.ok ? 200 : 400).send(result.ok ? { ok: true } : { problems: result.problems });
    });
    try {
      const response = await app.inject({
        method: 'POST',
        url: '/form',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload:
          '__proto__=x&constructor=y&tekst=een&tekst=twee&naam=%00%01&rol=hasOwnProperty&wachtwoord=g&toString=z',
      });
      assert.equal(response.statusCode, 400);
      assert.deepEqual(
        response.json<{ problems: { field: string }[] }>().problems.map((problem) => problem.field),
        ['tekst', 'rol'],
      );
    } finally {
      await app.close();
    }
  });
});

describe('cleanText', () => {
  test('one line: white space runs become one space; lines: line breaks and tabs stay', () => {
    assert.equal(cleanText(' a \t b\n c '), 'a b c');
    assert.equal(cleanText(' a \t b\r\n c ', { lines: true }), 'a \t b\n c');
    assert.equal(cleanText('e\u0301'), '\u00e9', 'NFC');
  });
});
