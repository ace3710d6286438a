import type { LogKey } from '../../../shared/crypto/log-key.js';
import type { TranslatorFor } from '../../../shared/i18n/i18n.js';
import type { LogService } from '../../log/log.service.js';
import type { Timestamper } from '../../log/timestamp.js';
import type { AttachmentDisclosure, JournalActor, JournalService } from '../journal.service.js';
import { buildBundle } from './bundle.js';
import type { ExportProgress } from './jobs.js';
import type { SharedInCase } from './pdf.js';
import type { ExportChoice } from './sealing.js';

/*
 * Makes one export bundle from what the parent chose (docs/export-format.md §5): opens the chosen entries and
 * files with the account's keys, builds the PDF and the ZIP, and reports how far it is. The worker runs it
 * (export.jobs.ts); it knows nothing of rows, tickets or sealing.
 */

export interface MakeDependencies {
  journal: Pick<JournalService, 'disclose'>;
  log: Pick<LogService, 'inclusionOf'>;
  /** The TSA's token for the bundle's global root (ADR 0043); absent when no TSA is configured. */
  timestamps?: Pick<Timestamper, 'tokenFor'>;
  logKey: LogKey;
  translatorFor: TranslatorFor;
  /** Most bytes of photos and files one export may carry (EXPORT_MAX_ATTACHMENT_MB). */
  maxAttachmentBytes: number;
  clock?: () => Date;
}

/** The entries an export discloses, by index (1-based numbers on the form) or id. */
export function chosenEntries(choice: ExportChoice['entries']): (index: number, entryId: string) => boolean {
  switch (choice.mode) {
    case 'alles':
      return () => true;
    case 'reeks':
      return (index) => index + 1 >= choice.from && index + 1 <= choice.to;
    case 'deel': {
      const ids = new Set(choice.ids);
      return (_index, entryId) => ids.has(entryId);
    }
  }
}

/** Which photos and files go along; what stays out is still committed to. */
export function chosenAttachments(choice: ExportChoice['attachments']): AttachmentDisclosure {
  switch (choice.mode) {
    case 'alle':
      return { file: () => true, original: () => true };
    case 'zonder-origineel':
      return { file: () => true, original: () => false };
    case 'geen':
      return { file: () => false, original: () => false };
    case 'kies': {
      const ids = new Set(choice.ids);
      return { file: (id) => ids.has(id), original: (id) => ids.has(id) };
    }
  }
}

export async function makeExport(
  dependencies: MakeDependencies,
  who: JournalActor,
  choice: ExportChoice,
  report: (progress: ExportProgress) => void,
  signal: AbortSignal,
  /** The police bundle of entries shared into a case (ADR 0029): the consent records its cover prints. */
  sharedInCase?: SharedInCase,
): Promise<{ bytes: Uint8Array; subject: string }> {
  const disclosure = await dependencies.journal.disclose(
    who,
    chosenEntries(choice.entries),
    (done, total) => report({ phase: 'reading', done, total }),
    chosenAttachments(choice.attachments),
    dependencies.maxAttachmentBytes,
  );
  signal.throwIfAborted();
  const checkpoint = JSON.parse(disclosure.checkpoint.bytes) as { size: number };
  const global = await dependencies.log.inclusionOf(disclosure.journalId, checkpoint.size);
  // A root made for this export has no token yet: asked for now, once; without one the bundle is not timestamped.
  const timestamp = await dependencies.timestamps?.tokenFor(global.root);
  const bytes = await buildBundle({
    disclosure,
    global: { ...global, ...(timestamp === undefined ? {} : { timestamp }) },
    logKey: dependencies.logKey,
    label: choice.label,
    exportedAt: (dependencies.clock?.() ?? new Date()).getTime(),
    ...(choice.knownSize === undefined ? {} : { knownSize: choice.knownSize }),
    locale: choice.locale,
    t: dependencies.translatorFor(choice.locale),
    progress: (phase, done, total) => report({ phase, done, total }),
    ...(sharedInCase === undefined ? {} : { sharedInCase }),
  });
  return { bytes, subject: disclosure.journalId };
}
