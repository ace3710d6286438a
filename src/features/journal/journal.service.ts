import type { LogKey } from '../../shared/crypto/log-key.js';
import type { AuditRecorder } from '../audit/audit.service.js';
import { createDiaryService } from './diary.service.js';
import { createDisclosureService } from './disclosure.service.js';
import { createEntriesService } from './entries.service.js';
import { createEvidenceLogService } from './evidence-log.service.js';
import { createJournalAccess } from './journal-access.js';
import type { JournalRepository } from './journal.repo.js';

/*
 * The parent's journal (DESIGN §2.4) and private diary, as one service assembled from its concerns:
 *   sealed-records.ts        how entries, attachments and diary notes are sealed at rest (a data key per record)
 *   journal-access.ts        which journal an actor may reach, decided before any write
 *   entries.service.ts       appending observations, corrections and redactions; reading them back
 *   index-segments.ts        the encrypted index that lists and filters read, in segments
 *   evidence-log.service.ts  the tamper-evident log: leaves, checkpoints, and the checks of both
 *   disclosure.service.ts    what an export may carry, and the parent's choice of it
 *   diary.service.ts         the private diary
 *   journal-rewrap.ts        a key rotation's part in the journal and diary
 * Callers outside these files import from here.
 */

export type { EntryKind } from '../../shared/evidence/format.js';
export { type JournalActor, journalActorOf } from './journal-actor.js';
export { JournalConflict } from './journal-access.js';
export { ATTACHMENTS_PER_ENTRY, type EntryView, type ListQuery, type ListResult } from './entries.service.js';
export { allAttachments, type AttachmentDisclosure, type Disclosure, ExportTooLarge } from './disclosure.service.js';

export interface JournalServiceOptions {
  /** The server's log key: signs a checkpoint after every append. */
  logKey: LogKey;
  /** Where every change is recorded, in the transaction that makes it. */
  audit: AuditRecorder;
  /** Earlier log public keys (SPKI DER), still trusted for checkpoints they signed. */
  previousLogKeys?: readonly Buffer[];
  clock?: () => Date;
}

export function createJournalService(repo: JournalRepository, options: JournalServiceOptions) {
  const { logKey, audit } = options;
  const clock = options.clock ?? (() => new Date());
  const access = createJournalAccess(repo, clock);
  return {
    ...createEntriesService(repo, access, { logKey, audit, clock }),
    ...createEvidenceLogService(repo, access, { logKey, previousLogKeys: options.previousLogKeys }),
    ...createDisclosureService(repo, access),
    ...createDiaryService(repo, { audit, clock }),
  };
}

export type JournalService = ReturnType<typeof createJournalService>;
