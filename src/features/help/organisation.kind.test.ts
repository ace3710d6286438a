import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import { translatorFor } from '../../messages.js';
import { contentDir, organisationsFile } from '../../shared/paths.js';
import { createHelpRepository } from './help.repo.js';
import { createOrganisationKind, organisationText } from './organisation.kind.js';
import type { Organisation } from './organisation.schema.js';

const t = translatorFor('nl');
const today = new Date('2026-12-07T10:00:00Z');
const repoless = createOrganisationKind({ repo: undefined as never, clock: () => today });

/** The form fields of an organisation's text, as the CMS form posts them. */
function formOf(organisation: Organisation): Record<string, string> {
  return {
    name: organisation.name,
    descriptionNl: organisation.description.nl,
    descriptionEn: organisation.description.en,
    phone: organisation.phone ?? '',
    phoneNoteNl: organisation.phoneNote?.nl ?? '',
    phoneNoteEn: organisation.phoneNote?.en ?? '',
    chat: organisation.chat ?? '',
    web: organisation.web ?? '',
    hours: organisation.hours === undefined ? '' : JSON.stringify(organisation.hours),
    chatHours: organisation.chatHours === undefined ? '' : JSON.stringify(organisation.chatHours),
    areaType: organisation.area.type,
    areaCodes:
      organisation.area.type === 'national'
        ? ''
        : organisation.area.type === 'police-unit'
          ? organisation.area.names.join(', ')
          : organisation.area.codes.join(', '),
    checkedOn: organisation.checkedOn ?? '',
    checkedBy: organisation.checkedBy ?? '',
  };
}

async function documents() {
  return repoless.readFiles(contentDir);
}

function parsed(text: string): Organisation {
  const result = repoless.parse(text, t);
  assert.ok(result.ok, result.ok ? '' : result.problems.join('; '));
  return result.value;
}

describe('organisation kind: files', () => {
  test('content/organisations.json splits into one document per organisation, keyed by slug, each valid', async () => {
    const texts = await documents();
    const file = JSON.parse(readFileSync(organisationsFile, 'utf8')) as { organisations: { slug: string }[] };
    assert.deepEqual(
      texts.map((text) => text.key),
      file.organisations.map((organisation) => organisation.slug),
    );
    for (const { key, text } of texts) {
      const value = parsed(text);
      assert.deepEqual(repoless.check(value, key, t), [], key);
      assert.equal(repoless.title(value, t), value.name);
    }
  });

  test('writing the documents back gives content/organisations.json byte for byte, in any order', async () => {
    const texts = await documents();
    const published = texts.map(({ key, text }) => ({ key, current: text, history: [text] }));
    const expected = [{ path: 'organisations.json', content: readFileSync(organisationsFile, 'utf8') }];
    assert.deepEqual(repoless.writeFiles(published), expected);
    assert.deepEqual(repoless.writeFiles([...published].reverse()), expected);
  });

  test('a file that is not JSON is refused with its name', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const directory = mkdtempSync(`${tmpdir()}/nmk-org-`);
    writeFileSync(`${directory}/organisations.json`, '{ "organisations": [');
    await assert.rejects(repoless.readFiles(directory), /organisations\.json is not valid JSON/);
  });
});

describe('organisation kind: the form', () => {
  const veiligThuis = async () => {
    const text = (await documents()).find((document) => document.key === 'veilig-thuis')!.text;
    return { text, value: parsed(text) };
  };

  test('posting the form unchanged gives the same text; a changed number changes only that', async () => {
    const { text, value } = await veiligThuis();
    assert.deepEqual(repoless.fromForm(formOf(value), text, t), { ok: true, value: text });
    const changed = repoless.fromForm({ ...formOf(value), phone: '0800-2001' }, text, t);
    assert.ok(changed.ok);
    assert.equal(parsed(changed.value).phone, '0800-2001');
    assert.equal(parsed(changed.value).source.publisher, value.source.publisher);
  });

  test('a bad phone number, a web address that is not https and hours that are not JSON are refused', async () => {
    const { text, value } = await veiligThuis();
    for (const change of [
      { phone: '06<script>' },
      { web: 'javascript:alert(1)' },
      { chat: 'http://example.org' },
      { web: 'niet een adres' },
      { hours: '{ open' },
      { areaType: 'planet' },
      { areaType: 'veiligheidsregio', areaCodes: 'XX99' },
      { name: '' },
    ]) {
      const result = repoless.fromForm({ ...formOf(value), ...change }, text, t);
      assert.equal(result.ok, false, JSON.stringify(change));
      assert.ok(!result.ok && result.problems.length > 0 && result.problems.every((problem) => problem !== ''));
    }
  });

  test('a check needs both the day and who checked, and cannot lie in the future', async () => {
    const { text, value } = await veiligThuis();
    const without = repoless.fromForm({ ...formOf(value), checkedOn: '2026-12-01' }, text, t);
    assert.deepEqual(without, { ok: false, problems: [t('orgKind.problem.checkPair')] });
    const future = repoless.fromForm({ ...formOf(value), checkedOn: '2027-01-01', checkedBy: 'Redactie' }, text, t);
    assert.deepEqual(future, { ok: false, problems: [t('orgKind.problem.checkFuture')] });
    const checked = repoless.fromForm({ ...formOf(value), checkedOn: '2026-12-01', checkedBy: 'Redactie' }, text, t);
    assert.ok(checked.ok);
    assert.equal(parsed(checked.value).checkedBy, 'Redactie');
    assert.ok(repoless.fields(parsed(checked.value), t).some((field) => field.text === 'Redactie'));
  });

  test('a text under another key, or not JSON, is refused with reasons', async () => {
    const { value } = await veiligThuis();
    assert.deepEqual(repoless.check(value, 'politie', t), [t('orgKind.problem.slug', { key: 'politie' })]);
    const broken = repoless.parse('{"slug": "x"', t);
    assert.equal(broken.ok, false);
  });

  test('a new organisation starts from its key and must be filled in before it is valid', () => {
    const text = repoless.startDraft(undefined, 'nieuwe-hulp');
    assert.equal((JSON.parse(text) as { slug: string }).slug, 'nieuwe-hulp');
    assert.equal(repoless.parse(text, t).ok, false);
  });
});

describeEachDialect('organisation kind: apply and the list to check', (database) => {
  const repo = () => createHelpRepository(database().handle.db);
  const kind = () => createOrganisationKind({ repo: repo(), clock: () => today });
  const apply = (value: Organisation) =>
    database()
      .handle.db.transaction()
      .execute((trx) => kind().apply(trx, value.slug, value, today));

  test('apply writes the help finder table, keeps app verification, and the list to check is oldest first', async () => {
    const texts = await documents();
    for (const { text } of texts) await apply(parsed(text));
    const stored = await repo().listOrganisations();
    assert.equal(stored.length, texts.length);

    const politie = parsed(texts.find((document) => document.key === 'politie')!.text);
    await apply({ ...politie, phone: '0900-8845' });
    const after = (await repo().listOrganisations()).find((entry) => entry.organisation.slug === 'politie');
    assert.equal(after?.organisation.phone, '0900-8845');

    // An unverified entry verified in the app stays verified after a CMS change (its file still says false).
    const unverified = texts.map(({ text }) => parsed(text)).find((organisation) => !organisation.verified)!;
    await database()
      .handle.db.updateTable('organisations')
      .set({ verified: 1 })
      .where('slug', '=', unverified.slug)
      .execute();
    await apply({ ...unverified, name: `${unverified.name} (gewijzigd)` });
    const kept = (await repo().listOrganisations()).find((entry) => entry.organisation.slug === unverified.slug);
    assert.equal(kept?.organisation.verified, true);

    await apply({ ...politie, checkedOn: '2026-01-10', checkedBy: 'Redactie' });
    const fryslan = parsed(texts.find((document) => document.key === 'zorgcoordinator-fryslan-fier')!.text);
    await apply({ ...fryslan, checkedOn: '2025-11-02', checkedBy: 'Redactie' });
    const veiligThuis = parsed(texts.find((document) => document.key === 'veilig-thuis')!.text);
    await apply({ ...veiligThuis, checkedOn: '2026-11-30', checkedBy: 'Redactie' });

    // Six months before 7 December 2026: 7 June 2026.
    const list = await repo().listUncheckedSince('2026-06-07');
    const slugs = list.map((entry) => entry.slug);
    assert.ok(!slugs.includes('veilig-thuis'), 'checked last week');
    assert.deepEqual(slugs.slice(-2), ['zorgcoordinator-fryslan-fier', 'politie'], 'oldest check first, after never');
    assert.equal(slugs.length, texts.length - 1);
    assert.ok(list.slice(0, -2).every((entry) => entry.checkedOn === null));
  });
});

test('organisationText is the JSON the file nests, ending in a newline', () => {
  assert.equal(organisationText({ a: 1 }), '{\n  "a": 1\n}\n');
});
