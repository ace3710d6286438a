import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseForm } from '../../../shared/http/forms.js';
import { exportFormSchema, needsAttachmentIds } from './export.schema.js';

const entry = '11111111-1111-4111-8111-111111111111';
const photo = '22222222-2222-4222-8222-222222222222';
const strangers = '33333333-3333-4333-8333-333333333333';
const journal = { size: 5, entryIds: new Set([entry]), attachmentIds: new Set([photo]) };
const read = (body: unknown) => parseForm(exportFormSchema(journal), body, { secrets: ['wachtwoord'] });

test('a valid form gives the choice the ticket carries; the passphrase is never shown again', () => {
  const result = read({
    label: ' Sanne ',
    keuze: 'reeks',
    van: '2',
    tot: '4',
    bijlagen: 'kies',
    bijlage: [photo],
    bekend: '3',
    wachtwoord: 'geheim',
  });
  assert.ok(result.ok);
  assert.deepEqual(result.value, {
    label: 'Sanne',
    entries: { mode: 'reeks', from: 2, to: 4 },
    attachments: { mode: 'kies', ids: [photo] },
    knownSize: 3,
  });
  assert.equal(result.values.wachtwoord, undefined);
  const fewest = read({ label: 'S.', keuze: 'deel', notitie: entry });
  assert.ok(fewest.ok);
  assert.deepEqual(fewest.value, {
    label: 'S.',
    entries: { mode: 'deel', ids: [entry] },
    attachments: { mode: 'alle' },
  });
});

test('every problem is found at once, each at its choice', () => {
  const result = read({
    label: '',
    keuze: 'reeks',
    van: '4',
    tot: '9',
    bijlagen: 'kies',
    bijlage: strangers,
    bekend: '0',
  });
  assert.ok(!result.ok);
  assert.deepEqual(result.problems, [
    { field: 'label', messageKey: 'journal.export.problem.label' },
    { field: 'keuze', messageKey: 'journal.export.problem.range' },
    { field: 'bijlagen', messageKey: 'journal.export.problem.attachments' },
    { field: 'bekend', messageKey: 'journal.export.problem.known' },
  ]);
});

test('hostile input: lists for single fields, ids of others, prototype names, nothing at all', () => {
  for (const [body, fields] of [
    [{ label: ['a', 'b'], keuze: ['alles', 'deel'], bijlagen: ['geen', 'kies'] }, ['label', 'keuze', 'bijlagen']],
    [{ label: 'S.', keuze: 'deel', notitie: [strangers, '../../etc/passwd'] }, ['keuze']],
    [{ label: 'S.', keuze: 'alles', bekend: '-1e9' }, ['bekend']],
    [JSON.parse('{"__proto__": {"keuze": "alles"}, "label": "S."}'), ['keuze']],
    [undefined, ['label', 'keuze']],
    ['a string', ['label', 'keuze']],
  ] as const) {
    const result = read(body);
    assert.ok(!result.ok);
    assert.deepEqual(
      result.problems.map((problem) => problem.field),
      fields,
    );
  }
});

test("the photos' ids are looked up only when photos are ticked", () => {
  assert.equal(needsAttachmentIds({ bijlagen: 'kies', bijlage: photo }), true);
  assert.equal(needsAttachmentIds({ bijlagen: 'kies' }), false);
  assert.equal(needsAttachmentIds({ bijlagen: 'alle', bijlage: photo }), false);
});
