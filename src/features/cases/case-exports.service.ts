import { randomUUID } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { type Ciphertext, DecryptionFailed, open } from '../../shared/crypto/aead.js';
import { AppError, NotFound } from '../../shared/errors.js';
import type { Translate } from '../../shared/i18n/i18n.js';
import type { Locale } from '../../shared/i18n/messages.js';
import { authorize, can } from '../../policies.js';
import { type AuditRecorder, requestIdOf } from '../audit/audit.service.js';
import { accessActions, type SharesActor } from './case-shares.service.js';
import type { CaseSharesRepository } from './case-shares.repo.js';
import type { CaseExportsRepository } from './case-exports.repo.js';
import type { CaseItemsService, TimelineEntry } from './case-items.service.js';
import { KeyWrapRefused, openCaseText } from './case-keys.js';
import { defaultExportLimits } from '../journal/export/jobs.js';
import {
  bundlePlace,
  entriesHash,
  expirePoliceBundleJob,
  makePoliceBundleJob,
  POLICE_BUNDLE_TICKET_MS,
  sealBundleTicket,
} from './case-police-bundles.js';
import { renderCaseSummaryPdf, type CaseSummaryModel } from './case-summary.pdf.js';
import { type CaseRole, type OpenedCase, shareCompartment } from './cases.types.js';
import { roleLabel } from './views/pathway.views.js';

/*
 * Exports of a case (issue 15 point 2, ADR 0029), each after the passphrase was given again (the routes ask):
 * - the case summary PDF for a working professional, and a parent's own copy: what THIS member reads (the
 *   timeline's read scope of case-items.service), never the young person's channel; recorded as a timeline event
 *   in the members' compartment (so the parent sees it was made, and by which role; hidden from parents while "risk
 *   in the family" is confirmed when police or Veilig Thuis made it) with its audit line;
 * - the police bundle of the entries a parent shared: made by the job queue when the parent shares or unshares
 *   (case-police-bundles.ts), handed to the police member with an event in the parent's share compartment (hidden
 *   while the risk flag is confirmed) and one access-list line per entry.
 * The exporter's membership is read again in the transaction that records it: a member removed a moment ago
 * records nothing and gets nothing.
 */

/** A young member of 16 or older refused exports of data about them (case_consents). */
export class ExportRefusedByYoung extends AppError {
  readonly status = 409;
  readonly messageKey = 'caseExports.problem.youngRefused';
}

/** The police bundle is being made, failed, or is of an earlier set of shares. */
export class BundleNotReady extends AppError {
  readonly status = 409;
  readonly messageKey = 'caseExports.problem.notReady';
}

/** Who exports: the signed-in member, their key ring, the request for the audit line. */
export type ExportActor = SharesActor;

export type BundleState = 'ready' | 'making' | 'stale' | 'failed' | 'too-large';

/** One parent's shares as the police page lists them. */
export interface PoliceBundleItem {
  parentMemberId: string;
  entries: number;
  state: BundleState;
}

/** Timeline events a summary carries at most (newest first); older ones are counted as left out. */
export const SUMMARY_MAX_EVENTS = 2000;

/** Roles whose exports a parent does not see while "risk in the family" is confirmed (as their access). */
const hiddenWhenRisk: readonly CaseRole[] = ['police', 'veilig-thuis'];

export interface CaseExportsOptions {
  jobPublicKey: KeyObject;
  audit: AuditRecorder;
  items: Pick<CaseItemsService, 'pathway' | 'agreements' | 'upcoming' | 'timeline'>;
  /**
   * Whether a young member of 16 or older refused this flow (CHILD's case-young.service youngConsentBlocks).
   * Asked before every export of data about the child.
   */
  youngConsentBlocks: (caseId: string, flow: 'export', now: Date) => Promise<boolean>;
  /** Told after a bundle was queued, so a worker in this process looks at once. */
  queued?: () => void;
  clock?: () => Date;
}

export function createCaseExportsService(
  repo: CaseExportsRepository,
  shares: Pick<CaseSharesRepository, 'sharedEntries' | 'compartmentEpoch'>,
  options: CaseExportsOptions,
) {
  const clock = options.clock ?? (() => new Date());

  /** The case's label as the viewer reads it (the members' key of the epoch it is sealed at). */
  async function labelOf(opened: OpenedCase): Promise<string | undefined> {
    const stored = await repo.label(opened.facts.caseId);
    if (stored === undefined || stored.ciphertext === '') return undefined;
    try {
      const key = await opened.keyAt('members', stored.epoch);
      return openCaseText(key, 'case/label', opened.facts.caseId, stored.ciphertext as Ciphertext);
    } catch (error) {
      if (error instanceof NotFound || error instanceof KeyWrapRefused || error instanceof DecryptionFailed) {
        return undefined;
      }
      throw error;
    }
  }

  async function refusedByYoung(caseId: string): Promise<void> {
    if (await options.youngConsentBlocks(caseId, 'export', clock())) throw new ExportRefusedByYoung('young refused');
  }

  const line = (who: ExportActor, action: string, objectType: string, objectId: string) =>
    options.audit.recording({ actor: who.userId, action, objectType, objectId, requestId: requestIdOf(who) });

  /** Where a parent's bundle stands against what they share now (entries and share key epoch). */
  async function stateOf(caseId: string, parentMemberId: string, entryIds: readonly string[]) {
    const row = await repo.policeBundle(caseId, parentMemberId);
    const epoch = await shares.compartmentEpoch(caseId, shareCompartment(parentMemberId));
    if (row === undefined) return { row, state: 'stale' as BundleState };
    if (row.entries_hash !== entriesHash(entryIds) || row.epoch !== epoch)
      return { row, state: 'stale' as BundleState };
    const state: BundleState =
      row.state === 'done'
        ? 'ready'
        : row.state === 'queued'
          ? 'making'
          : row.failure === 'too-large'
            ? 'too-large'
            : 'failed';
    return { row, state };
  }

  return {
    /** Which summary this member may make: a professional's summary or a parent's own copy; none: not found. */
    summaryKind(who: Pick<ExportActor, 'actor'>, opened: OpenedCase): 'summary' | 'own-copy' {
      if (can(who.actor, 'case', 'exportSummary', opened.facts)) return 'summary';
      if (can(who.actor, 'case', 'ownCopy', opened.facts)) return 'own-copy';
      throw new NotFound('no export for this member');
    },

    /** Refuses anyone but the police member as "not found", before the passphrase is asked for a bundle. */
    requirePoliceMember(who: Pick<ExportActor, 'actor'>, opened: OpenedCase): void {
      if (!can(who.actor, 'case', 'exportPoliceBundle', opened.facts)) throw new NotFound('not the police member');
    },

    /**
     * After a parent shared or unshared (or looked at their shares): queues a new bundle of exactly what they share
     * now, unless the one there is of the same entries under the same share key already (made, being made, or
     * failed: a failure is tried again when the shares change). Nothing shared: the bundle goes.
     */
    async prepare(who: ExportActor, opened: OpenedCase, locale: Locale, t: Translate): Promise<void> {
      if (!can(who.actor, 'case', 'shareEntries', opened.facts)) return;
      const caseId = opened.facts.caseId;
      const parentMemberId = opened.facts.viewer.memberId;
      const entryIds = (await shares.sharedEntries(caseId, parentMemberId)).map((row) => row.entryId);
      if (entryIds.length === 0) {
        await repo.drop(caseId, parentMemberId);
        return;
      }
      const key = await opened.key(shareCompartment(parentMemberId));
      // A key of an earlier epoch (the shares moved on since the case was opened) would seal a bundle nobody reads.
      if ((await shares.compartmentEpoch(caseId, shareCompartment(parentMemberId))) !== key.epoch) return;
      const existing = await repo.policeBundle(caseId, parentMemberId);
      // A making that no worker finished within an export's time (its job gave up) is queued again.
      const stuck =
        existing?.state === 'queued' &&
        clock().getTime() - Date.parse(existing.updated_at) > defaultExportLimits.makeMs;
      if (existing?.entries_hash === entriesHash(entryIds) && existing.epoch === key.epoch && !stuck) return;
      const bundleId = randomUUID();
      const ticket = sealBundleTicket(
        options.jobPublicKey,
        { bundleId, caseId, parentMemberId, userId: who.userId },
        {
          masterKey: who.keys.masterKey(),
          epoch: who.keys.epoch,
          shareKey: { key: key.key, epoch: key.epoch },
          label: (await labelOf(opened)) ?? t('caseExports.bundle.label'),
          entryIds,
          locale,
        },
      );
      await repo.queue(
        {
          caseId,
          parentMemberId,
          id: bundleId,
          entriesHash: entriesHash(entryIds),
          epoch: key.epoch,
          ticket,
          now: clock().toISOString(),
        },
        makePoliceBundleJob,
        { caseId, parentMemberId, bundleId },
        { job: expirePoliceBundleJob, at: new Date(clock().getTime() + POLICE_BUNDLE_TICKET_MS) },
      );
      options.queued?.();
    },

    /** The parents' shares in the case and where each one's bundle stands, for the police member. */
    async policeBundles(who: Pick<ExportActor, 'actor'>, opened: OpenedCase): Promise<PoliceBundleItem[]> {
      authorize(who.actor, 'case', 'exportPoliceBundle', opened.facts);
      const caseId = opened.facts.caseId;
      const rows = await shares.sharedEntries(caseId);
      const byParent = new Map<string, string[]>();
      for (const row of rows)
        byParent.set(row.parentMemberId, [...(byParent.get(row.parentMemberId) ?? []), row.entryId]);
      const items: PoliceBundleItem[] = [];
      for (const [parentMemberId, entryIds] of byParent) {
        items.push({
          parentMemberId,
          entries: entryIds.length,
          state: (await stateOf(caseId, parentMemberId, entryIds)).state,
        });
      }
      return items;
    },

    /**
     * One parent's bundle for the police member: the ZIP as the parent's account signed it. Refused (nothing
     * recorded) when a young member refused exports, when it is not ready or of an earlier set of shares, or when
     * the officer is no longer an active member by the time it is recorded.
     */
    async policeBundle(who: ExportActor, opened: OpenedCase, parentMemberId: string): Promise<Buffer> {
      authorize(who.actor, 'case', 'exportPoliceBundle', opened.facts);
      const caseId = opened.facts.caseId;
      const entryIds = (await shares.sharedEntries(caseId, parentMemberId)).map((row) => row.entryId);
      if (entryIds.length === 0) throw new NotFound('nothing shared by this member');
      await refusedByYoung(caseId);
      const { row, state } = await stateOf(caseId, parentMemberId, entryIds);
      if (row === undefined || state !== 'ready' || row.bundle === null) throw new BundleNotReady(state);
      let bytes: Buffer;
      try {
        const key = await opened.keyAt(shareCompartment(parentMemberId), row.epoch);
        bytes = open(key.key, row.bundle as Ciphertext, bundlePlace(caseId, parentMemberId, row.id, row.epoch));
      } catch (error) {
        if (error instanceof NotFound || error instanceof KeyWrapRefused) throw new NotFound('no key for this share');
        if (error instanceof DecryptionFailed) throw new BundleNotReady('the stored bundle does not open');
        throw error;
      }
      const viewer = opened.facts.viewer;
      const recorded = await repo.record(
        { caseId, memberId: viewer.memberId },
        [
          {
            caseId,
            compartment: shareCompartment(parentMemberId),
            kind: 'export.police-bundle',
            actorMemberId: viewer.memberId,
            subjectMemberId: parentMemberId,
            hideOnRisk: true,
            createdAt: clock().toISOString(),
          },
        ],
        [
          // The parent's access list shows an export of each entry (case-shares accessList).
          ...entryIds.map((entryId) =>
            line(who, accessActions.export, 'case-shared-entry', `${caseId}/${parentMemberId}/${entryId}`),
          ),
          line(who, 'case.export.police-bundle', 'case', caseId),
        ],
      );
      if (!recorded) throw new NotFound('no longer a member');
      return bytes;
    },

    /**
     * The summary PDF (a working professional) or a parent's own copy: what this member reads in the case, in
     * their language. The event and audit line are written before the file is handed over.
     */
    async summary(
      who: ExportActor,
      opened: OpenedCase,
      kind: 'summary' | 'own-copy',
      locale: Locale,
      t: Translate,
    ): Promise<Buffer> {
      authorize(who.actor, 'case', kind === 'summary' ? 'exportSummary' : 'ownCopy', opened.facts);
      const caseId = opened.facts.caseId;
      // A parent's own copy is what they already read, handed to themself; a summary goes to a professional's file.
      if (kind === 'summary') await refusedByYoung(caseId);
      const viewer = opened.facts.viewer;
      const { pathway, state } = await options.items.pathway(who.actor, opened, (role) => roleLabel(t, role));
      const timeline: TimelineEntry[] = [];
      let cursor: string | undefined;
      let more = false;
      do {
        const page = await options.items.timeline(who.actor, opened, cursor);
        timeline.push(...page.entries);
        cursor = page.next;
        if (timeline.length >= SUMMARY_MAX_EVENTS && cursor !== undefined) {
          more = true;
          break;
        }
      } while (cursor !== undefined);
      const now = clock();
      const model: CaseSummaryModel = {
        kind,
        locale,
        label: (await labelOf(opened)) ?? '',
        madeAt: now.getTime(),
        madeBy: roleLabel(t, viewer.role),
        closed: opened.facts.closed,
        pathway,
        state,
        agreements: await options.items.agreements(who.actor, opened),
        upcoming: await options.items.upcoming(who.actor, opened),
        timeline: timeline.slice(0, SUMMARY_MAX_EVENTS),
        more: more ? SUMMARY_MAX_EVENTS : undefined,
      };
      const pdf = await renderCaseSummaryPdf(model, t);
      const recorded = await repo.record(
        { caseId, memberId: viewer.memberId },
        [
          {
            caseId,
            compartment: 'members',
            kind: kind === 'summary' ? 'export.summary' : 'export.own-copy',
            actorMemberId: viewer.memberId,
            hideOnRisk: hiddenWhenRisk.includes(viewer.role),
            createdAt: now.toISOString(),
          },
        ],
        [line(who, kind === 'summary' ? 'case.export.summary' : 'case.export.own-copy', 'case', caseId)],
      );
      if (!recorded) throw new NotFound('no longer a member');
      return pdf;
    },
  };
}

export type CaseExportsService = ReturnType<typeof createCaseExportsService>;
