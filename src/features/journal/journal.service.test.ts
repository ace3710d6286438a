import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachDialect } from '../../../test/helpers/databases.js';
import { buildParentSession } from '../../../test/helpers/factories.js';
import { createPassphraseHasher } from '../../shared/crypto/passphrase.js';
import { NotFound } from '../../shared/errors.js';
import { createAccountsRepository } from '../accounts/accounts.repo.js';
import { createAccountsService } from '../accounts/accounts.service.js';
import type { InspectedAttachment } from './attachments.js';
import { createAuditRepository } from '../audit/audit.repo.js';
import { createAuditService } from '../audit/audit.service.js';
import { createJournalRepository } from './journal.repo.js';
import { createJournalService, JournalConflict, type JournalActor, journalActorOf } from './journal.service.js';
import { testObservation, throwawayLogKey } from '../../../test/helpers/journal.js';

const fast = { memoryKiB: 19_456, iterations: 2, parallelism: 1 };
const testLogKey = throwawayLogKey();

const observation = testObservation;

const picture = (text: string): InspectedAttachment => ({
  kind: 'png',
  mediaType: 'image/png',
  bytes: Buffer.from(`png bytes ${text}`),
  thumbnail: Buffer.from(`thumbnail ${text}`),
  width: 10,
  height: 20,
});

describeEachDialect('journal service', (database) => {
  const clock = { now: new Date('2026-11-28T20:00:00Z') };
  const accounts = () =>
    createAccountsService(
      createAccountsRepository(database().handle.db),
      createPassphraseHasher({ pepper: Buffer.alloc(32, 7), concurrency: 2 }),
      { idleMs: 20 * 60_000, absoluteMs: 12 * 3_600_000 },
      () => clock.now,
      fast,
    );
  const journal = () =>
    createJournalService(createJournalRepository(database().handle.db, database().handle.dialect), {
      logKey: testLogKey,
      audit: createAuditService(createAuditRepository(database().handle.db)),
      clock: () => clock.now,
    });

  async function parent(): Promise<JournalActor> {
    const { session } = await buildParentSession(accounts(), { passphrase: 'blauwe fiets achter het huis' });
    return journalActorOf(session);
  }

  test('entries are numbered in order and listed by event date or by entry order', async () => {
    const who = await parent();
    await journal().addObservation(who, observation({ date: '2026-11-10', text: 'eerste' }));
    await journal().addObservation(who, observation({ date: '2026-11-25', category: 'money', text: 'tweede' }));
    await journal().addObservation(who, observation({ date: '2026-11-01', text: 'derde' }));
    const byEvent = await journal().list(who, { order: 'event', page: 1 });
    assert.deepEqual(
      byEvent.entries.map((entry) => entry.observation?.text),
      ['tweede', 'eerste', 'derde'],
    );
    const byEntry = await journal().list(who, { order: 'entry', page: 1 });
    assert.deepEqual(
      byEntry.entries.map((entry) => [entry.number, entry.observation?.text]),
      [
        [3, 'derde'],
        [2, 'tweede'],
        [1, 'eerste'],
      ],
    );
    const money = await journal().list(who, { order: 'event', page: 1, category: 'money' });
    assert.deepEqual(
      money.entries.map((entry) => entry.observation?.text),
      ['tweede'],
    );
    const period = await journal().list(who, { order: 'event', page: 1, from: '2026-11-05', to: '2026-11-24' });
    assert.deepEqual(
      period.entries.map((entry) => entry.observation?.text),
      ['eerste'],
    );
    assert.equal(period.size, 3);
  });

  test('receipt times never go backwards, even when the clock does', async () => {
    const who = await parent();
    clock.now = new Date('2026-11-28T20:00:00Z');
    const first = await journal().addObservation(who, observation());
    clock.now = new Date('2026-11-28T19:00:00Z');
    const second = await journal().addObservation(who, observation());
    clock.now = new Date('2026-11-28T21:00:00Z');
    const entries = (await journal().list(who, { order: 'entry', page: 1 })).entries;
    const received = new Map(entries.map((entry) => [entry.id, entry.receivedAt]));
    assert.equal(received.get(first.id), '2026-11-28T20:00:00.000Z');
    assert.equal(received.get(second.id), '2026-11-28T20:00:00.000Z');
  });

  test('appends at the same moment never share an index', async () => {
    const who = await parent();
    const added = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        journal().addObservation(who, observation({ text: `gelijktijdig ${index}` })),
      ),
    );
    assert.deepEqual(
      added.map((entry) => entry.number).sort((a, b) => a - b),
      Array.from({ length: 12 }, (_, index) => index + 1),
    );
    const listed = await journal().list(who, { order: 'entry', page: 1 });
    assert.equal(listed.total, 12);
    assert.equal(new Set(listed.entries.map((entry) => entry.number)).size, 12);
  });

  test('a correction is a new entry linked to the old one; both are shown together', async () => {
    const who = await parent();
    const original = await journal().addObservation(who, observation({ text: 'Om 22:00 thuis' }));
    const correction = await journal().addCorrection(who, original.id, observation({ text: 'Om 23:00 thuis' }));
    const { entry, related } = await journal().entry(who, original.id);
    assert.equal(entry.observation?.text, 'Om 22:00 thuis', 'the old entry is unchanged');
    assert.deepEqual(entry.correctedBy, [{ number: correction.number, id: correction.id }]);
    assert.deepEqual(
      related.map((item) => item.observation?.text),
      ['Om 23:00 thuis'],
    );
    const fromCorrection = await journal().entry(who, correction.id);
    assert.equal(fromCorrection.entry.kind, 'correction');
    assert.deepEqual(fromCorrection.entry.target, { number: original.number, id: original.id });
    assert.deepEqual(
      fromCorrection.related.map((item) => item.id),
      [original.id],
    );
  });

  test('a redaction destroys content, key and attachments; the place and the fact stay', async () => {
    const who = await parent();
    const target = await journal().addObservation(who, observation({ text: 'geheim', category: 'money' }), [
      picture('een'),
    ]);
    const { entry } = await journal().entry(who, target.id);
    const attachmentId = entry.attachments[0]!.id;
    assert.equal((await journal().attachment(who, attachmentId, 'content')).bytes.toString(), 'png bytes een');

    const redaction = await journal().redact(who, target.id);
    const db = database().handle.db;
    const row = await db
      .selectFrom('journal_entries')
      .selectAll()
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.payload, null);
    assert.equal(row.wrapped_key, null);
    assert.ok(row.redacted_at !== null);
    const attachments = await db
      .selectFrom('journal_attachments')
      .selectAll()
      .where('entry_id', '=', target.id)
      .execute();
    assert.equal(attachments.length, 0);
    await assert.rejects(journal().attachment(who, attachmentId, 'content'), NotFound);

    const after = await journal().entry(who, target.id);
    assert.equal(after.entry.observation, undefined);
    assert.ok(after.entry.redactedAt !== undefined);
    assert.deepEqual(after.entry.redactedBy, { number: redaction.number, id: redaction.id });
    // The index no longer knows its category either.
    assert.equal((await journal().list(who, { order: 'event', page: 1, category: 'money' })).total, 0);
    assert.equal((await journal().list(who, { order: 'entry', page: 1 })).total, 2);

    await assert.rejects(journal().redact(who, target.id), JournalConflict);
    await assert.rejects(journal().addCorrection(who, target.id, observation()), JournalConflict);
    await assert.rejects(journal().redact(who, redaction.id), JournalConflict);
  });

  test('another parent finds nothing: entries, attachments, corrections and redactions are "not found"', async () => {
    const owner = await parent();
    const stranger = await parent();
    const mine = await journal().addObservation(owner, observation(), [picture('twee')]);
    const attachmentId = (await journal().entry(owner, mine.id)).entry.attachments[0]!.id;
    await journal().addObservation(stranger, observation({ text: 'eigen' }));
    await assert.rejects(journal().entry(stranger, mine.id), NotFound);
    await assert.rejects(journal().attachment(stranger, attachmentId, 'content'), NotFound);
    await assert.rejects(journal().addCorrection(stranger, mine.id, observation()), NotFound);
    await assert.rejects(journal().redact(stranger, mine.id), NotFound);
    assert.equal((await journal().list(stranger, { order: 'entry', page: 1 })).total, 1);
    // Nothing was written by the refused attempts.
    assert.equal((await journal().list(owner, { order: 'entry', page: 1 })).total, 1);
  });

  test('an account that may not write a journal is refused before a journal is made for it', async () => {
    const who = await parent();
    const repository = createJournalRepository(database().handle.db, database().handle.dialect);
    for (const roles of [['admin'], ['professional'], []] as const) {
      const refused = journalActorOf(who, { kind: 'user', userId: who.userId, roles });
      await assert.rejects(journal().addObservation(refused, observation()), NotFound);
      await assert.rejects(journal().addDiaryNote(refused, 'niet bewaren'), NotFound);
      assert.equal(await repository.journalOf(who.userId), undefined);
    }
    // A parent without a journal who names another parent's entry gets "not found", and no journal either.
    const owner = await parent();
    const mine = await journal().addObservation(owner, observation());
    await assert.rejects(journal().addCorrection(who, mine.id, observation()), NotFound);
    await assert.rejects(journal().redact(who, mine.id), NotFound);
    assert.equal(await repository.journalOf(who.userId), undefined);
  });

  test('the diary is apart: its notes are not log entries, and their ids are not entry ids', async () => {
    const who = await parent();
    const noteId = await journal().addDiaryNote(who, 'Ik ben zo moe en bang.');
    await journal().addObservation(who, observation());
    assert.deepEqual(
      (await journal().diaryNotes(who)).map((note) => note.text),
      ['Ik ben zo moe en bang.'],
    );
    const listed = await journal().list(who, { order: 'entry', page: 1 });
    assert.equal(listed.total, 1);
    assert.ok(!JSON.stringify(listed).includes('moe en bang'));
    await assert.rejects(journal().entry(who, noteId), NotFound);
    await assert.rejects(journal().redact(who, noteId), NotFound);

    const stranger = await parent();
    await assert.rejects(journal().deleteDiaryNote(stranger, noteId), NotFound);
    await journal().deleteDiaryNote(who, noteId);
    assert.deepEqual(await journal().diaryNotes(who), []);
  });

  test('stored entries reveal neither text nor length: short and long texts fill the same bucket', async () => {
    const who = await parent();
    const short = await journal().addObservation(who, observation({ text: 'kort' }));
    const long = await journal().addObservation(who, observation({ text: 'lang '.repeat(120) }));
    const rows = await database()
      .handle.db.selectFrom('journal_entries')
      .select(['id', 'payload'])
      .where('id', 'in', [short.id, long.id])
      .execute();
    const lengths = rows.map((row) => row.payload!.length);
    assert.equal(lengths[0], lengths[1]);
    for (const row of rows) assert.ok(!row.payload!.includes('kort') && !row.payload!.includes('lang'));
  });

  test('a page holds at most 50 entries and pages are numbered', async () => {
    const who = await parent();
    for (let index = 0; index < 53; index += 1) {
      await journal().addObservation(who, observation({ text: `nummer ${index}` }));
    }
    const first = await journal().list(who, { order: 'entry', page: 1 });
    const second = await journal().list(who, { order: 'entry', page: 2 });
    assert.equal(first.entries.length, 50);
    assert.equal(second.entries.length, 3);
    assert.equal(first.pages, 2);
    assert.equal(second.entries.at(-1)?.observation?.text, 'nummer 0');
    const beyond = await journal().list(who, { order: 'entry', page: 99 });
    assert.equal(beyond.page, 2);
  });
});
