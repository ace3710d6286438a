import { randomUUID } from 'node:crypto';
import type { SymmetricKey, WrappedKey } from '../../shared/crypto/aead.js';
import type { KeyRing } from '../../shared/auth/key-ring.js';
import { AppError, BadRequest, NotFound } from '../../shared/errors.js';
import type { LeafData } from '../../shared/evidence/format.js';
import { keyId } from '../../shared/evidence/format.js';
import type { Actor } from '../../shared/policy/actor.js';
import { authorize, can } from '../../policies.js';
import { type AuditService, type AuditTrail, requestIdOf } from '../audit/audit.service.js';
import { commitmentOf } from '../journal/evidence-log.service.js';
import type { AttachmentRow, EntryRow, JournalRepository } from '../journal/journal.repo.js';
import type { Observation } from '../journal/journal.schema.js';
import { type EntryCheck, entryChecker } from '../journal/log-check.js';
import { type EntryPayload, openAttachmentPartWith, openEntryWith, unwrapData } from '../journal/sealed-records.js';
import {
  KeyWrapRefused,
  memberKeyId,
  rotateCompartment,
  unwrapEntryKey,
  wrapEntryKey,
  type WrapGranter,
  type WrapRecipient,
} from './case-keys.js';
import {
  type CaseSharesRepository,
  keyWrapRow,
  type Rewrapped,
  type SharedAttachmentRow,
  type SharedEntryRow,
  type ShareMember,
} from './case-shares.repo.js';
import {
  type CaseRole,
  type ChildKnows,
  type Compartment,
  type CompartmentKey,
  type OpenedCase,
  shareCompartment,
} from './cases.types.js';
import { refuseWhenYoungRefused, type YoungConsentCheck } from './case-young.consent.js';

/*
 * Sharing journal entries into a case (issue 14, points 9 and 10; DESIGN §4). A parent who is an active member of
 * a case with parents chooses entries of their own journal; each entry's data key (and each of its attachments'),
 * opened with the parent's key ring, is wrapped under the parent's share compartment key, which only that parent
 * grants, to the professionals who may read shared entries (cases.policy.ts viewSharedEntries). The entries stay
 * in the journal as they were: the journal's own rules are untouched and no professional reads a journal; they
 * read a shared entry through its share, with its verification (entryChecker of the journal's log check: the
 * account's signature and the inclusion proof against the latest checkpoint, plus the commitment once opened).
 * Every opening writes an audit line in the transaction that reads the share; the parent reads those lines back
 * as the access list. Unsharing deletes the shares and rotates the share key in one transaction. The private
 * diary has no way in here: only journal entries are looked up, in the parent's own journal.
 */

/** The case's keys changed while the parent chose (another tab shared or unshared): nothing was stored. */
export class SharesConflict extends AppError {
  readonly status = 409;
  readonly messageKey = 'caseShares.problem.stale';
}

/** Who acts: the signed-in user, their key ring, the request for the audit line. */
export interface SharesActor extends AuditTrail {
  actor: Actor;
  userId: string;
  keys: KeyRing;
}

/** The consent a share rests on (case_consents, flow 'share-entries'). */
export interface ShareConsent {
  basis: 'parent' | 'child' | 'parent-and-child';
  childKnows: ChildKnows;
  /** From 16 the child decides alone (WGBO/AVG): the child's own consent is then needed. */
  childIs16OrOlder: boolean;
}

/** What the journal's log says about a shared entry; `verified` when nothing is wrong. */
export interface Verification {
  verified: boolean;
  problems: (EntryCheck | 'commitment' | 'no-checkpoint')[];
  /** The journal's latest checkpoint the entry was checked against. */
  checkpoint?: { size: number; time: number };
}

/** A shared entry as a list shows it: no content, only what the journal stores in the clear. */
export interface SharedEntryItem {
  entryId: string;
  parentMemberId: string;
  /** 1-based, as the parent's journal numbers it. */
  number: number;
  receivedAt: string;
  sharedAt: string;
  redacted: boolean;
  attachments: number;
  verification: Verification;
}

export interface SharedAttachmentView {
  id: string;
  number: number;
  mediaType: string;
  size: number;
}

/** A shared entry opened by a professional. */
export interface OpenedSharedEntry {
  item: SharedEntryItem;
  kind: EntryPayload['kind'] | undefined;
  observation: Observation | undefined;
  /** For a correction: the number of the entry it corrects. */
  corrects: number | undefined;
  attachments: SharedAttachmentView[];
}

/** One line of the access list: who opened (or exported) which shared entry, when. */
export interface AccessLine {
  at: string;
  what: 'open' | 'open-attachment' | 'export';
  entryId: string;
  /** The entry's number in the parent's journal, while it is known. */
  entryNumber: number | undefined;
  who: { role: CaseRole | undefined; organisationName: string | undefined; policeUnit: string | undefined };
}

export const SHARE_MAX_ENTRIES = 100;

export const accessActions = {
  open: 'case.shared-entry.open',
  'open-attachment': 'case.shared-attachment.open',
  export: 'case.shared-entry.export',
} as const;
const whatOf = new Map(Object.entries(accessActions).map(([what, action]) => [action, what as AccessLine['what']]));

/** The audit object of a shared entry: case, sharing parent member and entry (ids only, never content). */
const objectIdOf = (caseId: string, parentMemberId: string, entryId: string) =>
  `${caseId}/${parentMemberId}/${entryId}`;

/** Roles whose access a parent does not see while the case is flagged "risk in the family". */
const hiddenWhenRisk: readonly CaseRole[] = ['police', 'veilig-thuis'];

const organisationName = (data: string | null): string | undefined => {
  if (data === null) return undefined;
  try {
    const parsed = JSON.parse(data) as { name?: unknown };
    return typeof parsed.name === 'string' ? parsed.name : undefined;
  } catch {
    return undefined;
  }
};

/** A member's public keys as a wrap recipient: active, and the keys they were confirmed with (as cases.service). */
function recipientOf(member: ShareMember): WrapRecipient | undefined {
  if (member.state !== 'active' || member.x25519Public === null || member.ed25519Public === null) return undefined;
  const x25519 = Buffer.from(member.x25519Public, 'base64');
  const id = memberKeyId(x25519, Buffer.from(member.ed25519Public, 'base64'));
  if (member.confirmedKeyId !== id) return undefined;
  return { memberId: member.id, x25519Public: x25519, keyId: id };
}

/** Who may hold a parent's share key: active professionals who read shared entries (not observers), confirmed. */
const readsShares = (member: ShareMember): boolean =>
  member.state === 'active' && member.role !== 'parent' && member.role !== 'observer' && member.userId !== null;

export interface CaseSharesOptions {
  /** The log public keys checkpoints may be signed with (SPKI DER): the current and earlier ones. */
  logPublicKeys: readonly Buffer[];
  audit: Pick<AuditService, 'record' | 'recording' | 'forObjectPrefix'>;
  clock?: () => Date;
  /** Whether a young member of 16 or older refused sharing (case-young.consent.ts); no check when not given. */
  youngConsent?: YoungConsentCheck;
}

export function createCaseSharesService(
  repo: CaseSharesRepository,
  journals: JournalRepository,
  options: CaseSharesOptions,
) {
  const { audit } = options;
  const clock = options.clock ?? (() => new Date());
  const logKeys = new Map(options.logPublicKeys.map((key) => [keyId(key), key]));

  /** The acting parent's own membership, after the rule: only an active parent of a case with parents shares. */
  function sharingParent(who: SharesActor, opened: OpenedCase): string {
    authorize(who.actor, 'case', 'shareEntries', opened.facts);
    return opened.facts.viewer.memberId;
  }

  const granterOf = (who: SharesActor, memberId: string): WrapGranter => {
    const signing = who.keys.signingKey();
    return { memberId, signingKey: signing.privateKey, keyId: signing.id };
  };

  /** Everyone who should hold the parent's share key now: the parent, and each confirmed reading professional. */
  function rightfulHolders(members: readonly ShareMember[], parentMemberId: string): WrapRecipient[] {
    const holders: WrapRecipient[] = [];
    for (const member of members) {
      if (member.id !== parentMemberId && !readsShares(member)) continue;
      const recipient = recipientOf(member);
      if (recipient !== undefined) holders.push(recipient);
    }
    return holders;
  }

  /**
   * The parent's share key at its current epoch (openCase's key() makes it on a first share and grants it to the
   * professionals who miss it: only the parent grants their share key).
   */
  async function currentShareKey(opened: OpenedCase, compartment: Compartment): Promise<CompartmentKey> {
    let key: CompartmentKey;
    try {
      key = await opened.key(compartment);
    } catch (error) {
      if (error instanceof NotFound || error instanceof KeyWrapRefused) throw new SharesConflict('no share key');
      throw error;
    }
    if ((await repo.compartmentEpoch(opened.facts.caseId, compartment)) !== key.epoch) {
      throw new SharesConflict('the share key moved on');
    }
    return key;
  }

  /** The data keys of entries and attachments of the parent's own journal, opened with their key ring. */
  async function dataKeysOf(
    who: SharesActor,
    journalId: string,
    entryIds: readonly string[],
  ): Promise<{ entries: EntryRow[]; attachments: AttachmentRow[]; keyOf: (id: string) => SymmetricKey }> {
    const entries = await journals.entries(journalId, entryIds);
    const attachments = await journals.attachmentsOf(journalId, entryIds);
    const wrapped = new Map<string, { keyId: string; wrappedKey: WrappedKey }>();
    for (const entry of entries) {
      if (entry.wrappedKey !== null) wrapped.set(entry.id, { keyId: entry.keyId, wrappedKey: entry.wrappedKey });
    }
    for (const attachment of attachments) wrapped.set(attachment.id, attachment);
    return {
      entries,
      attachments,
      keyOf: (id) => {
        const found = wrapped.get(id);
        if (found === undefined) throw new NotFound('no such entry');
        return unwrapData(who, journalId, id, found.keyId, found.wrappedKey, 'journal/data-key');
      },
    };
  }

  /** The checker of one journal's entries against its latest checkpoint, with the owner's signing keys. */
  async function checkerFor(journalId: string, ownerUserId: string | null) {
    const checkpoint = await journals.latestCheckpoint(journalId);
    if (checkpoint === undefined || ownerUserId === null) {
      return { check: (): Verification['problems'] => ['no-checkpoint'], checkpoint: undefined };
    }
    const authorKeys = (await repo.authorKeys(ownerUserId)).map((publicKey) => ({ publicKey, id: keyId(publicKey) }));
    const check = entryChecker({
      journalId,
      checkpoint,
      leafHashes: await journals.leafHashes(journalId),
      authorKeys,
      logKeys,
    });
    return { check, checkpoint: { size: checkpoint.size, time: checkpoint.timeMs } };
  }

  const verificationOf = (problems: Verification['problems'], checkpoint: Verification['checkpoint']) => ({
    verified: problems.length === 0,
    problems,
    ...(checkpoint === undefined ? {} : { checkpoint }),
  });

  /** The list items of shared rows: journal rows in the clear (number, receipt time) and the log's verdict. */
  async function itemsOf(rows: readonly SharedEntryRow[], members: readonly ShareMember[]): Promise<SharedEntryItem[]> {
    const items = new Map<string, SharedEntryItem>();
    const byJournal = new Map<string, SharedEntryRow[]>();
    for (const row of rows) byJournal.set(row.journalId, [...(byJournal.get(row.journalId) ?? []), row]);
    const caseId = rows[0]?.caseId;
    const attachmentCounts = new Map<string, number>();
    if (caseId !== undefined) {
      for (const attachment of await repo.sharedAttachments(
        caseId,
        rows.map((row) => row.entryId),
      )) {
        attachmentCounts.set(attachment.entryId, (attachmentCounts.get(attachment.entryId) ?? 0) + 1);
      }
    }
    for (const [journalId, shared] of byJournal) {
      const owner = members.find((member) => member.id === shared[0]!.parentMemberId)?.userId ?? null;
      const entries = new Map(
        (
          await journals.entries(
            journalId,
            shared.map((row) => row.entryId),
          )
        ).map((entry) => [entry.id, entry]),
      );
      const { check, checkpoint } = await checkerFor(journalId, owner);
      for (const row of shared) {
        const entry = entries.get(row.entryId);
        if (entry === undefined) continue;
        items.set(row.entryId, {
          entryId: row.entryId,
          parentMemberId: row.parentMemberId,
          number: entry.index + 1,
          receivedAt: entry.receivedAt,
          sharedAt: row.createdAt,
          redacted: entry.redactedAt !== null,
          attachments: attachmentCounts.get(row.entryId) ?? 0,
          verification: verificationOf(check(entry), checkpoint),
        });
      }
    }
    return rows.map((row) => items.get(row.entryId)).filter((item): item is SharedEntryItem => item !== undefined);
  }

  /**
   * Shares wrapped under an earlier epoch of the parent's share key (someone else took a member out of the case,
   * which moves the epoch; only the parent can make the new key) are wrapped again under the current key, from the
   * parent's own journal. Runs when the parent looks at their shares.
   */
  async function catchUp(who: SharesActor, opened: OpenedCase, parentMemberId: string): Promise<void> {
    const caseId = opened.facts.caseId;
    const rows = await repo.sharedEntries(caseId, parentMemberId);
    if (rows.length === 0) return;
    const compartment = shareCompartment(parentMemberId);
    const key = await currentShareKey(opened, compartment);
    const attachments = await repo.sharedAttachments(
      caseId,
      rows.map((row) => row.entryId),
    );
    if (rows.every((row) => row.epoch === key.epoch) && attachments.every((row) => row.epoch === key.epoch)) return;
    const journal = await journals.journalOf(who.userId);
    if (journal === undefined) return;
    const { keyOf } = await dataKeysOf(
      who,
      journal.id,
      rows.map((row) => row.entryId),
    );
    const result = await repo.rewrap(
      {
        caseId,
        parentMemberId,
        compartment,
        epoch: key.epoch,
        entries: rows.map((row) => ({
          id: row.entryId,
          wrappedKey: wrapEntryKey(key, row.entryId, keyOf(row.entryId)),
        })),
        attachments: attachments.map((row) => ({
          id: row.attachmentId,
          wrappedKey: wrapEntryKey(key, row.attachmentId, keyOf(row.attachmentId)),
        })),
      },
      audit.recording({
        actor: who.userId,
        action: 'case.share-key.catch-up',
        objectType: 'case',
        objectId: caseId,
        requestId: requestIdOf(who),
      }),
    );
    if (result === 'stale') throw new SharesConflict('the shares changed meanwhile');
  }

  /**
   * Unshares `entryIds` and moves the share key to epoch + 1, wrapped to the members who held it and still may
   * (and the parent); the remaining shares are wrapped again under the new key from the parent's own journal. One
   * transaction, with an audit line per unshared entry.
   */
  async function rotate(
    who: SharesActor,
    opened: OpenedCase,
    parentMemberId: string,
    entryIds: readonly string[],
  ): Promise<void> {
    const caseId = opened.facts.caseId;
    const compartment = shareCompartment(parentMemberId);
    const previous = await currentShareKey(opened, compartment);
    const held = new Set(await repo.holders(caseId, compartment, previous.epoch));
    const holders = rightfulHolders(await repo.members(caseId), parentMemberId).filter(
      (recipient) => held.has(recipient.memberId) || recipient.memberId === parentMemberId,
    );
    const rows = await repo.sharedEntries(caseId, parentMemberId);
    const leaving = new Set(entryIds);
    const staying = rows.filter((row) => !leaving.has(row.entryId));
    const stayingAttachments = await repo.sharedAttachments(
      caseId,
      staying.map((row) => row.entryId),
    );
    const journal = await journals.journalOf(who.userId);
    const { keyOf } =
      journal === undefined
        ? {
            keyOf: (): never => {
              throw new NotFound('no journal');
            },
          }
        : await dataKeysOf(
            who,
            journal.id,
            staying.map((row) => row.entryId),
          );
    const { key, wraps } = rotateCompartment({ previous, holders, granter: granterOf(who, parentMemberId) });
    const rewrap = (id: string): Rewrapped => ({ id, wrappedKey: wrapEntryKey(key, id, keyOf(id)) });
    const now = clock().toISOString();
    const result = await repo.unshare(
      {
        caseId,
        parentMemberId,
        compartment,
        fromEpoch: previous.epoch,
        entryIds: [...leaving],
        wraps: wraps.map((wrap) => keyWrapRow(wrap, now)),
        remaining: staying.map((row) => rewrap(row.entryId)),
        remainingAttachments: stayingAttachments.map((row) => rewrap(row.attachmentId)),
      },
      async (trx) => {
        for (const entryId of leaving) {
          await audit.record(trx, {
            actor: who.userId,
            action: 'case.shared-entry.unshare',
            objectType: 'case-shared-entry',
            objectId: objectIdOf(caseId, parentMemberId, entryId),
            requestId: requestIdOf(who),
          });
        }
        await audit.record(trx, {
          actor: who.userId,
          action: 'case.share-key.rotate',
          objectType: 'case',
          objectId: caseId,
          requestId: requestIdOf(who),
        });
      },
    );
    if (result === 'stale') throw new SharesConflict('the shares changed meanwhile');
  }

  /** The viewer's share key of a parent, when they hold one at the epoch the share is wrapped at. */
  async function shareKeyFor(opened: OpenedCase, row: { parentMemberId: string; epoch: number }) {
    try {
      const key = await opened.key(shareCompartment(row.parentMemberId));
      return key.epoch === row.epoch ? key : undefined;
    } catch (error) {
      if (error instanceof NotFound || error instanceof KeyWrapRefused) return undefined;
      throw error;
    }
  }

  return {
    /**
     * Shares entries of the parent's own journal (with their attachments) into the case, with the consent record.
     * Any id that is not an entry of their journal with content (a diary note's, another parent's, a redacted or
     * unknown entry) is "not found", and nothing is shared.
     */
    async share(
      who: SharesActor,
      opened: OpenedCase,
      entryIds: readonly string[],
      consent: ShareConsent,
    ): Promise<{ shared: number }> {
      const parentMemberId = sharingParent(who, opened);
      const caseId = opened.facts.caseId;
      const ids = [...new Set(entryIds)];
      if (ids.length === 0 || ids.length > SHARE_MAX_ENTRIES) throw new BadRequest('choose 1 to 100 entries');
      if (consent.childIs16OrOlder && consent.basis === 'parent') throw new BadRequest("the child's own consent");
      // A young member of 16 or older who refused sharing stops it, before anything is written (ADR 0030). The
      // parent is not told that the child is a member: the neutral message.
      await refuseWhenYoungRefused(options.youngConsent, caseId, 'share-entries', clock(), true);
      // Shares left under an earlier epoch (a member was taken out meanwhile) move along with the new ones.
      await catchUp(who, opened, parentMemberId);
      const journal = await journals.journalOf(who.userId);
      if (journal === undefined) throw new NotFound('no journal');
      // The journal's own rule, unchanged: the parent reads their own journal.
      authorize(who.actor, 'journal', 'view', { ownerId: journal.ownerId });
      const { entries, attachments, keyOf } = await dataKeysOf(who, journal.id, ids);
      if (
        entries.length !== ids.length ||
        entries.some((entry) => entry.wrappedKey === null || entry.payload === null)
      ) {
        throw new NotFound('not an entry of this journal');
      }
      const compartment = shareCompartment(parentMemberId);
      const key = await currentShareKey(opened, compartment);
      const now = clock().toISOString();
      const sharedEntries: SharedEntryRow[] = entries.map((entry) => ({
        caseId,
        parentMemberId,
        entryId: entry.id,
        journalId: journal.id,
        epoch: key.epoch,
        keyId: entry.keyId,
        wrappedKey: wrapEntryKey(key, entry.id, keyOf(entry.id)),
        createdAt: now,
      }));
      const sharedAttachments: SharedAttachmentRow[] = attachments.map((attachment) => ({
        caseId,
        attachmentId: attachment.id,
        entryId: attachment.entryId,
        parentMemberId,
        epoch: key.epoch,
        keyId: attachment.keyId,
        wrappedKey: wrapEntryKey(key, attachment.id, keyOf(attachment.id)),
      }));
      const consentId = randomUUID();
      const result = await repo.share(
        {
          caseId,
          compartment,
          epoch: key.epoch,
          create: false,
          entries: sharedEntries,
          attachments: sharedAttachments,
          grants: [],
          consent: {
            id: consentId,
            case_id: caseId,
            flow: 'share-entries',
            subject_id: parentMemberId,
            basis: consent.basis,
            child_knows: consent.childKnows,
            recorded_by_member_id: parentMemberId,
            created_at: now,
          },
        },
        async (trx) => {
          await audit.record(trx, {
            actor: who.userId,
            action: 'case.consent.record',
            objectType: 'case-consent',
            objectId: `${caseId}/${consentId}`,
            requestId: requestIdOf(who),
          });
          for (const entry of entries) {
            await audit.record(trx, {
              actor: who.userId,
              action: 'case.shared-entry.share',
              objectType: 'case-shared-entry',
              objectId: objectIdOf(caseId, parentMemberId, entry.id),
              requestId: requestIdOf(who),
            });
          }
        },
      );
      if (result === 'stale') throw new SharesConflict('the share key moved on');
      return { shared: entries.length };
    },

    /** Unshares entries the parent shared into the case and rotates their share key (epoch + 1) at once. */
    async unshare(who: SharesActor, opened: OpenedCase, entryIds: readonly string[]): Promise<void> {
      const parentMemberId = sharingParent(who, opened);
      const ids = [...new Set(entryIds)];
      if (ids.length === 0 || ids.length > SHARE_MAX_ENTRIES) throw new BadRequest('choose 1 to 100 entries');
      const mine = new Set((await repo.sharedEntries(opened.facts.caseId, parentMemberId)).map((row) => row.entryId));
      if (ids.some((id) => !mine.has(id))) throw new NotFound('not shared by this parent');
      await rotate(who, opened, parentMemberId, ids);
    },

    /** The ids of the entries the parent shared into the case (to mark them on the share form). */
    async sharedIds(who: SharesActor, opened: OpenedCase): Promise<Set<string>> {
      const parentMemberId = sharingParent(who, opened);
      return new Set((await repo.sharedEntries(opened.facts.caseId, parentMemberId)).map((row) => row.entryId));
    },

    /**
     * Refuses anyone but a parent who shares in this case, as "not found" (the forms to share and unshare are theirs
     * alone), before their form is read.
     */
    requireSharingParent(who: Pick<SharesActor, 'actor'>, opened: OpenedCase): void {
      if (!can(who.actor, 'case', 'shareEntries', opened.facts)) throw new NotFound('not a sharing parent');
    },

    /**
     * The shared-entries page as the viewer may see it: a sharing parent their own shares, a professional who may
     * read shared entries every parent's; each with the access list when they may see it (undefined otherwise).
     */
    async sharedView(
      who: SharesActor,
      opened: OpenedCase,
    ): Promise<
      | { kind: 'mine'; items: SharedEntryItem[]; access: AccessLine[] | undefined }
      | { kind: 'shared'; items: SharedEntryItem[]; readable: Set<string>; access: AccessLine[] | undefined }
    > {
      const access = can(who.actor, 'case', 'viewAccessLog', opened.facts)
        ? await this.accessList(who, opened)
        : undefined;
      if (can(who.actor, 'case', 'shareEntries', opened.facts)) {
        return { kind: 'mine', items: await this.mine(who, opened), access };
      }
      return { kind: 'shared', ...(await this.list(who, opened)), access };
    },

    /** The parent's own shares in the case (after settling who holds their key), newest number first. */
    async mine(who: SharesActor, opened: OpenedCase): Promise<SharedEntryItem[]> {
      const parentMemberId = sharingParent(who, opened);
      await catchUp(who, opened, parentMemberId);
      const rows = await repo.sharedEntries(opened.facts.caseId, parentMemberId);
      return (await itemsOf(rows, await repo.members(opened.facts.caseId))).sort((a, b) => b.number - a.number);
    },

    /** The entries shared into the case, for a professional who may read them, with their verification. */
    async list(
      who: Pick<SharesActor, 'actor'>,
      opened: OpenedCase,
    ): Promise<{ items: SharedEntryItem[]; readable: Set<string> }> {
      authorize(who.actor, 'case', 'viewSharedEntries', opened.facts);
      const rows = await repo.sharedEntries(opened.facts.caseId);
      const items = await itemsOf(rows, await repo.members(opened.facts.caseId));
      const readable = new Set<string>();
      for (const parent of new Set(rows.map((row) => row.parentMemberId))) {
        const sample = rows.find((row) => row.parentMemberId === parent)!;
        if ((await shareKeyFor(opened, sample)) !== undefined) readable.add(parent);
      }
      return {
        items: items.sort((a, b) =>
          a.sharedAt === b.sharedAt ? b.number - a.number : a.sharedAt < b.sharedAt ? 1 : -1,
        ),
        readable,
      };
    },

    /**
     * Opens one shared entry for a professional: its content, attachments and verification (with the commitment).
     * The audit line is written in the transaction that reads the share again; only then is the content returned.
     * Not shared in this case (another case's id, unshared meanwhile), or no key: "not found".
     */
    async open(who: Omit<SharesActor, 'keys'>, opened: OpenedCase, entryId: string): Promise<OpenedSharedEntry> {
      authorize(who.actor, 'case', 'viewSharedEntries', opened.facts);
      const caseId = opened.facts.caseId;
      const row = await repo.sharedEntry(caseId, entryId);
      if (row === undefined) throw new NotFound('not shared here');
      const key = await shareKeyFor(opened, row);
      if (key === undefined) throw new NotFound('no key for this share');
      const entry = await journals.entry(row.journalId, entryId);
      if (entry === undefined) throw new NotFound('no such entry');
      const members = await repo.members(caseId);
      const [item] = await itemsOf([row], members);
      if (item === undefined) throw new NotFound('no such entry');
      let payload: EntryPayload | undefined;
      let attachments: SharedAttachmentView[] = [];
      if (entry.payload !== null) {
        let dataKey: SymmetricKey;
        try {
          dataKey = unwrapEntryKey(key, entryId, row.keyId, row.wrappedKey);
        } catch (error) {
          if (error instanceof KeyWrapRefused) throw new NotFound('the share does not open');
          throw error;
        }
        payload = openEntryWith(dataKey, entry);
        if (payload !== undefined && entry.leafData !== null) {
          const { salt, ...committed } = payload;
          const leaf = JSON.parse(entry.leafData) as LeafData;
          if (commitmentOf(Buffer.from(salt, 'base64url'), committed) !== leaf.commitment) {
            item.verification = verificationOf(
              [...item.verification.problems, 'commitment'],
              item.verification.checkpoint,
            );
          }
        }
        const shared = new Set(
          (await repo.sharedAttachments(caseId, [entryId])).map((attachment) => attachment.attachmentId),
        );
        attachments = (payload?.attachments ?? [])
          .map((reference, position) => ({
            id: reference.id,
            number: position + 1,
            mediaType: reference.mediaType,
            size: reference.size,
          }))
          .filter((attachment) => shared.has(attachment.id));
      }
      const recorded = await repo.withSharedEntry(caseId, entryId, async (again, trx) => {
        if (again.epoch !== row.epoch || again.wrappedKey !== row.wrappedKey) return undefined;
        await audit.record(trx, {
          actor: who.userId,
          action: accessActions.open,
          objectType: 'case-shared-entry',
          objectId: objectIdOf(caseId, row.parentMemberId, entryId),
          requestId: requestIdOf(who),
        });
        return true;
      });
      if (recorded === undefined) throw new NotFound('unshared meanwhile');
      let corrects: number | undefined;
      if (payload?.target !== undefined) corrects = payload.target.index + 1;
      return {
        item,
        kind: payload?.kind,
        observation: payload?.observation,
        corrects,
        attachments,
      };
    },

    /** One shared attachment's file for a professional, with its audit line written first (as open). */
    async attachment(
      who: Omit<SharesActor, 'keys'>,
      opened: OpenedCase,
      attachmentId: string,
    ): Promise<{ bytes: Buffer; mediaType: string; entryId: string }> {
      authorize(who.actor, 'case', 'viewSharedEntries', opened.facts);
      const caseId = opened.facts.caseId;
      const row = await repo.sharedAttachment(caseId, attachmentId);
      if (row === undefined) throw new NotFound('not shared here');
      const key = await shareKeyFor(opened, row);
      if (key === undefined) throw new NotFound('no key for this share');
      const stored = await journals.attachment(row.journalId, attachmentId);
      if (stored === undefined) throw new NotFound('no such attachment');
      let file: { bytes: Buffer; mediaType: string } | undefined;
      try {
        file = openAttachmentPartWith(unwrapEntryKey(key, attachmentId, row.keyId, row.wrappedKey), stored, 'content');
      } catch (error) {
        if (error instanceof KeyWrapRefused) throw new NotFound('the share does not open');
        throw error;
      }
      if (file === undefined) throw new NotFound('no file');
      const recorded = await repo.withSharedAttachment(caseId, attachmentId, async (again, entry, trx) => {
        if (again.epoch !== row.epoch || again.wrappedKey !== row.wrappedKey) return undefined;
        await audit.record(trx, {
          actor: who.userId,
          action: accessActions['open-attachment'],
          objectType: 'case-shared-entry',
          objectId: objectIdOf(caseId, entry.parentMemberId, entry.entryId),
          requestId: requestIdOf(who),
        });
        return true;
      });
      if (recorded === undefined) throw new NotFound('unshared meanwhile');
      return { bytes: file.bytes, mediaType: file.mediaType, entryId: row.entryId };
    },

    /**
     * Who opened or exported shared entries, when, from the audit log (filtered by object in SQL). A parent sees
     * the access to their own shares, except police and Veilig Thuis while the case is flagged "risk in the
     * family"; a professional sees every parent's. Newest first.
     */
    async accessList(who: Pick<SharesActor, 'actor'>, opened: OpenedCase): Promise<AccessLine[]> {
      authorize(who.actor, 'case', 'viewAccessLog', opened.facts);
      const caseId = opened.facts.caseId;
      const viewer = opened.facts.viewer;
      const parent = viewer.role === 'parent';
      const lines = await audit.forObjectPrefix(
        'case-shared-entry',
        parent ? `${caseId}/${viewer.memberId}/` : `${caseId}/`,
        Object.values(accessActions),
      );
      const members = await repo.members(caseId);
      const byUser = new Map(
        members.filter((member) => member.userId !== null).map((member) => [member.userId!, member]),
      );
      const numbers = new Map<string, number>();
      const shared = await repo.sharedEntries(caseId, parent ? viewer.memberId : undefined);
      for (const journalId of new Set(shared.map((row) => row.journalId))) {
        const ids = shared.filter((row) => row.journalId === journalId).map((row) => row.entryId);
        for (const entry of await journals.entries(journalId, ids)) numbers.set(entry.id, entry.index + 1);
      }
      const out: AccessLine[] = [];
      for (const line of lines) {
        const member = byUser.get(line.actor);
        if (parent && opened.facts.riskInFamily && (member === undefined || hiddenWhenRisk.includes(member.role))) {
          continue;
        }
        const entryId = line.objectId.split('/')[2] ?? '';
        out.push({
          at: line.at,
          what: whatOf.get(line.action as (typeof accessActions)[keyof typeof accessActions]) ?? 'open',
          entryId,
          entryNumber: numbers.get(entryId),
          who: {
            role: member?.role,
            organisationName: member === undefined ? undefined : organisationName(member.organisationData),
            policeUnit: member?.role === 'police' ? (member.policeUnit ?? undefined) : undefined,
          },
        });
      }
      return out.reverse();
    },
  };
}

export type CaseSharesService = ReturnType<typeof createCaseSharesService>;
