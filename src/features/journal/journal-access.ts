import { randomUUID } from 'node:crypto';
import { generateKey } from '../../shared/crypto/aead.js';
import { AppError, NotFound } from '../../shared/errors.js';
import { authorize } from '../../policies.js';
import type { JournalActor } from './journal-actor.js';
import type { JournalRepository, JournalRow } from './journal.repo.js';
import { wrapData } from './sealed-records.js';

/** A correction or redaction of an entry that was redacted, or of a redaction itself. */
export class JournalConflict extends AppError {
  readonly status = 409;
  readonly messageKey = 'journal.problem.conflict';
}

/** Finds (and on a first entry creates) the journal an actor may reach, after the policy has decided. */
export function createJournalAccess(repo: JournalRepository, clock: () => Date) {
  async function createJournal(who: JournalActor): Promise<JournalRow> {
    const id = randomUUID();
    const key = generateKey(`ix-${randomUUID()}`);
    return repo.createJournal({
      id,
      owner_id: who.userId,
      created_at: clock().toISOString(),
      last_received_at: null,
      index_key_id: key.id,
      index_key: wrapData(who, id, 'index', key, 'journal/data-key'),
    });
  }

  /**
   * The journal the actor may view or write in; anything else is "not found". The decision comes before any
   * write: a journal is created on the first new entry (`create`) only once the actor may write in it, never for
   * a correction or redaction (which name an entry that must already exist).
   */
  async function ownJournal(
    who: JournalActor,
    action: 'view' | 'write',
    create = action === 'write',
  ): Promise<JournalRow | undefined> {
    const existing = await repo.journalOf(who.userId);
    authorize(who.actor, 'journal', action, { ownerId: existing?.ownerId ?? who.userId });
    if (existing !== undefined || !create) return existing;
    return createJournal(who);
  }

  /** The journal an existing entry is changed in; without a journal there is no such entry. */
  async function journalWithEntries(who: JournalActor): Promise<JournalRow> {
    const journal = await ownJournal(who, 'write', false);
    if (journal === undefined) throw new NotFound('no such entry');
    return journal;
  }

  return { ownJournal, journalWithEntries };
}

export type JournalAccess = ReturnType<typeof createJournalAccess>;
