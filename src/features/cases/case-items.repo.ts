import { type Kysely, sql } from 'kysely';
import { lockCaseCompartment } from '../../shared/db/lock.js';
import type { CaseAgreementsTable, CaseAppointmentsTable, Database } from '../../shared/db/schema.js';
import type { AlsoInTransaction, Trx } from '../../shared/db/transaction.js';
import type { Ciphertext } from '../../shared/crypto/aead.js';
import { enqueue } from '../../shared/jobs/jobs.repo.js';
import { readCompartmentEpoch } from './case-compartments.repo.js';
import { isNotifiedKind } from './case-notifications.js';
import { caseNotifyEvent } from './case-notifications.jobs.js';
import type { CaseRole, Compartment } from './cases.types.js';

/*
 * The only code that queries what members post into a case (migration 0021): agreements and their history,
 * meetings, appointments and next steps, messages, pathway step moves, and case_events, the one timeline. Texts
 * arrive sealed (case-items.service.ts seals under the compartment key); every write names the compartment and
 * the epoch it was sealed under and is refused unless that is still the compartment's epoch, read under the
 * compartment row's lock in the write's own transaction. Lists and the timeline are narrowed in SQL to the
 * compartments the viewer may read.
 */

/** The default for repository tests, which record nothing; the service always passes its audit line. */
const nothingToRecord = (): Promise<void> => Promise.resolve();

/** The compartments items are posted in (shares hold journal entries, not items). */
export const itemCompartments = ['members', 'professionals'] as const;
export type ItemCompartment = (typeof itemCompartments)[number];

export type AgreementStatus = CaseAgreementsTable['status'];
export type AppointmentKind = CaseAppointmentsTable['kind'];

/**
 * What the timeline shows. Items' kinds are written here; the case's own (members, invitations, the risk flag,
 * consent, shares) by cases.service.ts and the share part through recordCaseEvent, with kinds of their own.
 */
export type CaseEventKind =
  | 'agreement.made'
  | 'agreement.changed'
  | 'agreement.done'
  | 'agreement.dropped'
  | 'agreement.reopened'
  | 'meeting.recorded'
  | 'appointment.planned'
  | 'next-step.planned'
  | 'message.posted'
  | 'step.moved'
  | 'track.finished'
  | (string & {});

/** A write sealed under one compartment at one epoch. */
export interface SealedUnder {
  caseId: string;
  compartment: ItemCompartment;
  epoch: number;
}

/** Refused because the compartment's epoch moved on (a member was removed or suspended) since the page was read. */
export type StaleEpoch = { ok: false; reason: 'stale-epoch' };

export interface NewCaseEvent {
  caseId: string;
  /** Who may see it: the readers of this compartment ('members', 'professionals' or 'share:<member id>'). */
  compartment: Compartment;
  kind: CaseEventKind;
  refId?: string | null;
  actorMemberId?: string | null;
  subjectMemberId?: string | null;
  /** Hidden from parents while "risk in the family" is confirmed (police or Veilig Thuis joining, their access). */
  hideOnRisk?: boolean;
  createdAt: string;
}

/**
 * Writes one timeline event in the caller's transaction (the change it tells of is in the same one), and for a kind
 * that tells members something (case-notifications.ts) the job that decides who hears of it.
 */
export async function recordCaseEvent(trx: Trx, event: NewCaseEvent): Promise<number> {
  const row = await trx
    .insertInto('case_events')
    .values({
      case_id: event.caseId,
      compartment: event.compartment,
      kind: event.kind,
      ref_id: event.refId ?? null,
      actor_member_id: event.actorMemberId ?? null,
      subject_member_id: event.subjectMemberId ?? null,
      hide_on_risk: event.hideOnRisk === true ? 1 : 0,
      created_at: event.createdAt,
    })
    .returning('seq')
    .executeTakeFirstOrThrow();
  const seq = Number(row.seq);
  // Someone may need to hear of it (ADR 0028): the notification job exists exactly when the event does.
  if (isNotifiedKind(event.kind)) {
    await enqueue(trx, caseNotifyEvent, { caseId: event.caseId, seq }, { idempotencyKey: `case-event:${seq}` });
  }
  return seq;
}

/**
 * Which of a case's events and items a viewer may see, decided by the policy (case-items.service.ts) and put
 * into SQL here: the compartments they read, every parent's share compartment (professionals who may see shared
 * entries), and whether events marked hide_on_risk are left out (a parent while the risk flag is confirmed).
 */
export interface ReadScope {
  compartments: readonly Compartment[];
  allShares: boolean;
  hideRisky: boolean;
}

export interface AgreementFields {
  status: AgreementStatus;
  dueOn: string | null;
  assigneeRole: CaseRole | null;
  assigneeMemberId: string | null;
}

export interface NewAgreement extends AgreementFields {
  id: string;
  /** The change row of version 1, with the text sealed again for that row. */
  changeId: string;
  body: Ciphertext;
  changeBody: Ciphertext;
  meetingId: string | null;
  memberId: string;
  at: string;
}

export interface StoredAgreement extends AgreementFields {
  id: string;
  caseId: string;
  compartment: ItemCompartment;
  epoch: number;
  version: number;
  meetingId: string | null;
  body: Ciphertext;
  createdByMemberId: string;
  updatedByMemberId: string;
  createdAt: string;
  updatedAt: string;
}

export interface StoredAgreementChange extends AgreementFields {
  id: string;
  agreementId: string;
  version: number;
  compartment: ItemCompartment;
  epoch: number;
  body: Ciphertext;
  changedByMemberId: string;
  changedByRole: CaseRole | null;
  changedAt: string;
}

export interface AgreementUpdate extends AgreementFields {
  id: string;
  /** The version the form was made from: the write is refused when the agreement is at another one. */
  expectedVersion: number;
  changeId: string;
  body: Ciphertext;
  changeBody: Ciphertext;
  memberId: string;
  at: string;
}

export type AgreementUpdateResult =
  | { ok: true; version: number }
  | StaleEpoch
  | { ok: false; reason: 'missing' }
  /** Someone else changed it first: the agreement now, and the changes made since the form's version. */
  | { ok: false; reason: 'conflict'; current: StoredAgreement; since: StoredAgreementChange[] };

export interface NewMeeting {
  id: string;
  heldOn: string;
  parentInvited: boolean;
  parentTookPart: boolean;
  rolesPresent: readonly CaseRole[];
  summary: Ciphertext;
  memberId: string;
  at: string;
}

export interface StoredMeeting {
  id: string;
  caseId: string;
  compartment: ItemCompartment;
  epoch: number;
  heldOn: string;
  parentInvited: boolean;
  parentTookPart: boolean;
  rolesPresent: CaseRole[];
  summary: Ciphertext;
  createdByMemberId: string;
  createdAt: string;
}

export interface NewAppointment {
  id: string;
  kind: AppointmentKind;
  onDate: string | null;
  atTime: string | null;
  assigneeRole: CaseRole | null;
  body: Ciphertext;
  memberId: string;
  at: string;
}

export interface StoredAppointment extends Omit<NewAppointment, 'memberId' | 'at'> {
  caseId: string;
  compartment: ItemCompartment;
  epoch: number;
  createdByMemberId: string;
  createdAt: string;
}

export interface NewMessage {
  id: string;
  body: Ciphertext;
  memberId: string;
  at: string;
}

export interface StoredMessage {
  id: string;
  caseId: string;
  compartment: ItemCompartment;
  epoch: number;
  body: Ciphertext;
  authorMemberId: string;
  authorRole: CaseRole | null;
  createdAt: string;
}

export interface NewStepMove {
  id: string;
  pathwayVersion: number;
  track: string;
  /** '' marks the track finished. */
  step: string;
  note: Ciphertext;
  memberId: string;
  at: string;
}

export interface StoredStepMove extends Omit<NewStepMove, 'memberId' | 'at'> {
  caseId: string;
  compartment: ItemCompartment;
  epoch: number;
  movedByMemberId: string;
  movedByRole: CaseRole | null;
  createdAt: string;
}

export interface StoredCaseEvent {
  seq: number;
  caseId: string;
  compartment: Compartment;
  kind: CaseEventKind;
  refId: string | null;
  actorMemberId: string | null;
  actorRole: CaseRole | null;
  subjectMemberId: string | null;
  subjectRole: CaseRole | null;
  createdAt: string;
}

export interface TimelinePage {
  events: StoredCaseEvent[];
  /** The seq to continue below, when there are older events. */
  nextBefore: number | undefined;
}

/** The items a page of the timeline refers to, each by id (only those in the viewer's scope). */
export interface TimelineItems {
  agreementChanges: Map<string, StoredAgreementChange>;
  meetings: Map<string, StoredMeeting>;
  appointments: Map<string, StoredAppointment>;
  messages: Map<string, StoredMessage>;
  stepMoves: Map<string, StoredStepMove>;
}

const asItemCompartment = (value: string): ItemCompartment => value as ItemCompartment;
const asCiphertext = (value: string): Ciphertext => value as Ciphertext;
const asRole = (value: string | null): CaseRole | null => value as CaseRole | null;

/** The columns every item row has: its id, its case, and the compartment and epoch it was sealed under. */
const placed = (row: { id: string; case_id: string; compartment: string; epoch: number | string | bigint }) => ({
  id: row.id,
  caseId: row.case_id,
  compartment: asItemCompartment(row.compartment),
  epoch: Number(row.epoch),
});

/** An agreement's clear fields as columns (the agreement row and each history row hold them alike). */
const agreementColumns = (fields: AgreementFields) => ({
  status: fields.status,
  due_on: fields.dueOn,
  assignee_role: fields.assigneeRole,
  assignee_member_id: fields.assigneeMemberId,
});

type AgreementRow = CaseAgreementsTable;
const agreementFields = (row: Pick<AgreementRow, 'status' | 'due_on' | 'assignee_role' | 'assignee_member_id'>) => ({
  status: row.status,
  dueOn: row.due_on,
  assigneeRole: asRole(row.assignee_role),
  assigneeMemberId: row.assignee_member_id,
});

const toAgreement = (row: AgreementRow): StoredAgreement => ({
  ...placed(row),
  version: Number(row.version),
  ...agreementFields(row),
  meetingId: row.meeting_id,
  body: asCiphertext(row.body),
  createdByMemberId: row.created_by_member_id,
  updatedByMemberId: row.updated_by_member_id,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** The compartments of a scope as a SQL condition on `column` (no compartment: nothing). */
function scopeCondition(scope: ReadScope, column: string) {
  const ref = sql.ref(column);
  const parts = [];
  if (scope.compartments.length > 0) parts.push(sql`${ref} in (${sql.join([...scope.compartments])})`);
  if (scope.allShares) parts.push(sql`${ref} like ${'share:%'}`);
  return parts.length === 0 ? sql<boolean>`1 = 0` : sql<boolean>`(${sql.join(parts, sql` or `)})`;
}

/** An item's timeline event, in the item's compartment, told by the member who wrote it. */
const recordItemEvent = (
  trx: Trx,
  under: SealedUnder,
  event: { kind: CaseEventKind; refId: string; memberId: string; at: string },
): Promise<number> =>
  recordCaseEvent(trx, {
    caseId: under.caseId,
    compartment: under.compartment,
    kind: event.kind,
    refId: event.refId,
    actorMemberId: event.memberId,
    createdAt: event.at,
  });

/** One history row of an agreement: its fields and text as of `version`, sealed for that row. */
const insertChange = async (
  trx: Trx,
  under: SealedUnder,
  agreementId: string,
  version: number,
  change: AgreementFields & { changeId: string; changeBody: Ciphertext; memberId: string; at: string },
): Promise<void> => {
  await trx
    .insertInto('case_agreement_changes')
    .values({
      id: change.changeId,
      agreement_id: agreementId,
      case_id: under.caseId,
      version,
      compartment: under.compartment,
      epoch: under.epoch,
      ...agreementColumns(change),
      body: change.changeBody,
      changed_by_member_id: change.memberId,
      changed_at: change.at,
    })
    .execute();
};

export function createCaseItemsRepository(db: Kysely<Database>) {
  /**
   * Runs `work` in a transaction in which the compartment row is locked and still at `under.epoch`; otherwise
   * writes nothing and answers 'stale-epoch'. A compartment that does not exist counts as stale too.
   */
  async function underEpoch<T extends { ok: boolean }>(
    under: SealedUnder,
    work: (trx: Trx) => Promise<T>,
    also: AlsoInTransaction,
  ): Promise<T | StaleEpoch> {
    return db.transaction().execute(async (trx) => {
      await lockCaseCompartment(trx, under.caseId, under.compartment);
      // A compartment that does not exist (undefined) is never at the epoch.
      if ((await readCompartmentEpoch(trx, under.caseId, under.compartment)) !== under.epoch) {
        return { ok: false, reason: 'stale-epoch' } as const;
      }
      const result = await work(trx);
      // Only a write that happened gets its audit line.
      if (result.ok) await also(trx);
      return result;
    });
  }

  /**
   * One item written under its compartment's epoch (`insert`), with its timeline event of `kind` referring to
   * `refId` in the same transaction; answers ok, or 'stale-epoch' having written nothing.
   */
  const writeItem = (
    under: SealedUnder,
    event: { kind: CaseEventKind; refId: string; memberId: string; at: string },
    insert: (trx: Trx) => Promise<unknown>,
    also: AlsoInTransaction,
    /** Written after the event (a meeting's decisions, whose own events follow the meeting's). */
    then: (trx: Trx) => Promise<unknown> = () => Promise.resolve(),
  ): Promise<{ ok: true } | StaleEpoch> =>
    underEpoch(
      under,
      async (trx) => {
        await insert(trx);
        await recordItemEvent(trx, under, event);
        await then(trx);
        return { ok: true } as const;
      },
      also,
    );

  const insertAgreement = async (trx: Trx, under: SealedUnder, agreement: NewAgreement) => {
    await trx
      .insertInto('case_agreements')
      .values({
        id: agreement.id,
        case_id: under.caseId,
        compartment: under.compartment,
        epoch: under.epoch,
        version: 1,
        ...agreementColumns(agreement),
        meeting_id: agreement.meetingId,
        body: agreement.body,
        created_by_member_id: agreement.memberId,
        updated_by_member_id: agreement.memberId,
        created_at: agreement.at,
        updated_at: agreement.at,
      })
      .execute();
    await insertChange(trx, under, agreement.id, 1, agreement);
    await recordItemEvent(trx, under, {
      kind: 'agreement.made',
      refId: agreement.changeId,
      memberId: agreement.memberId,
      at: agreement.at,
    });
  };

  const changeQuery = (executor: Kysely<Database>) =>
    executor
      .selectFrom('case_agreement_changes as c')
      .leftJoin('case_members as m', 'm.id', 'c.changed_by_member_id')
      .selectAll('c')
      .select('m.role as changed_by_role');
  type ChangeRow = Awaited<ReturnType<ReturnType<typeof changeQuery>['executeTakeFirstOrThrow']>>;
  const toChange = (row: ChangeRow): StoredAgreementChange => ({
    id: row.id,
    agreementId: row.agreement_id,
    version: Number(row.version),
    compartment: asItemCompartment(row.compartment),
    epoch: Number(row.epoch),
    ...agreementFields(row),
    body: asCiphertext(row.body),
    changedByMemberId: row.changed_by_member_id,
    changedByRole: asRole(row.changed_by_role),
    changedAt: row.changed_at,
  });

  const meetingQuery = (executor: Kysely<Database>) => executor.selectFrom('case_meetings').selectAll();
  type MeetingRow = Awaited<ReturnType<ReturnType<typeof meetingQuery>['executeTakeFirstOrThrow']>>;
  const toMeeting = (row: MeetingRow): StoredMeeting => ({
    ...placed(row),
    heldOn: row.held_on,
    parentInvited: Number(row.parent_invited) === 1,
    parentTookPart: Number(row.parent_took_part) === 1,
    rolesPresent: JSON.parse(row.roles_present) as CaseRole[],
    summary: asCiphertext(row.summary),
    createdByMemberId: row.created_by_member_id,
    createdAt: row.created_at,
  });

  const appointmentQuery = (executor: Kysely<Database>) => executor.selectFrom('case_appointments').selectAll();
  type AppointmentRow = Awaited<ReturnType<ReturnType<typeof appointmentQuery>['executeTakeFirstOrThrow']>>;
  const toAppointment = (row: AppointmentRow): StoredAppointment => ({
    ...placed(row),
    kind: row.kind,
    onDate: row.on_date,
    atTime: row.at_time,
    assigneeRole: asRole(row.assignee_role),
    body: asCiphertext(row.body),
    createdByMemberId: row.created_by_member_id,
    createdAt: row.created_at,
  });

  const messageQuery = (executor: Kysely<Database>) =>
    executor
      .selectFrom('case_messages as g')
      .leftJoin('case_members as m', 'm.id', 'g.author_member_id')
      .selectAll('g')
      .select('m.role as author_role');
  type MessageRow = Awaited<ReturnType<ReturnType<typeof messageQuery>['executeTakeFirstOrThrow']>>;
  const toMessage = (row: MessageRow): StoredMessage => ({
    ...placed(row),
    body: asCiphertext(row.body),
    authorMemberId: row.author_member_id,
    authorRole: asRole(row.author_role),
    createdAt: row.created_at,
  });

  const moveQuery = (executor: Kysely<Database>) =>
    executor
      .selectFrom('case_step_moves as s')
      .leftJoin('case_members as m', 'm.id', 's.moved_by_member_id')
      .selectAll('s')
      .select('m.role as moved_by_role');
  type MoveRow = Awaited<ReturnType<ReturnType<typeof moveQuery>['executeTakeFirstOrThrow']>>;
  const toMove = (row: MoveRow): StoredStepMove => ({
    ...placed(row),
    pathwayVersion: Number(row.pathway_version),
    track: row.track,
    step: row.step,
    note: asCiphertext(row.note),
    movedByMemberId: row.moved_by_member_id,
    movedByRole: asRole(row.moved_by_role),
    createdAt: row.created_at,
  });

  return {
    /** The compartment's epoch now (outside a write: for the form's page). */
    currentEpoch: (caseId: string, compartment: Compartment): Promise<number | undefined> =>
      readCompartmentEpoch(db, caseId, compartment),

    /** An active member of this case (an agreement's "who"), with their role; undefined for anyone else. */
    async activeMember(caseId: string, memberId: string): Promise<{ id: string; role: CaseRole } | undefined> {
      const row = await db
        .selectFrom('case_members')
        .select(['id', 'role'])
        .where('case_id', '=', caseId)
        .where('id', '=', memberId)
        .where('state', '=', 'active')
        // A young member reads only their own channel: no agreement is theirs, and parents may not learn of them.
        .where('role', '!=', 'young')
        .executeTakeFirst();
      return row === undefined ? undefined : { id: row.id, role: row.role };
    },

    /** The case's active members but young members (for the "who" of an agreement), oldest first. */
    async activeMembers(caseId: string): Promise<{ id: string; role: CaseRole }[]> {
      return db
        .selectFrom('case_members')
        .select(['id', 'role'])
        .where('case_id', '=', caseId)
        .where('state', '=', 'active')
        .where('role', '!=', 'young')
        .orderBy('created_at')
        .orderBy('id')
        .execute();
    },

    /** A new agreement (version 1), its first history row and its timeline event. */
    createAgreement: (
      under: SealedUnder,
      agreement: NewAgreement,
      also: AlsoInTransaction = nothingToRecord,
    ): Promise<{ ok: true } | StaleEpoch> =>
      underEpoch(
        under,
        async (trx) => {
          await insertAgreement(trx, under, agreement);
          return { ok: true } as const;
        },
        also,
      ),

    /**
     * Changes an agreement made from version `expectedVersion`: refused as a conflict when someone changed it
     * since (the update is conditional on the version, under the compartment lock), with what they changed.
     */
    updateAgreement: (
      under: SealedUnder,
      update: AgreementUpdate,
      also: AlsoInTransaction = nothingToRecord,
    ): Promise<AgreementUpdateResult> =>
      underEpoch<AgreementUpdateResult>(
        under,
        async (trx) => {
          const row = await trx
            .selectFrom('case_agreements')
            .selectAll()
            .where('id', '=', update.id)
            .where('case_id', '=', under.caseId)
            .where('compartment', '=', under.compartment)
            .executeTakeFirst();
          if (row === undefined) return { ok: false, reason: 'missing' };
          const current = toAgreement(row);
          if (current.version !== update.expectedVersion) {
            const since = await changeQuery(trx)
              .where('c.agreement_id', '=', update.id)
              .where('c.version', '>', update.expectedVersion)
              .orderBy('c.version')
              .execute();
            return { ok: false, reason: 'conflict', current, since: since.map(toChange) };
          }
          const version = current.version + 1;
          const updated = await trx
            .updateTable('case_agreements')
            .set({
              version,
              ...agreementColumns(update),
              body: update.body,
              epoch: under.epoch,
              updated_by_member_id: update.memberId,
              updated_at: update.at,
            })
            .where('id', '=', update.id)
            .where('version', '=', update.expectedVersion)
            .executeTakeFirst();
          if (Number(updated.numUpdatedRows) !== 1) throw new Error('the agreement changed under its lock');
          await insertChange(trx, under, update.id, version, update);
          const kind: CaseEventKind =
            update.status === current.status
              ? 'agreement.changed'
              : update.status === 'done'
                ? 'agreement.done'
                : update.status === 'dropped'
                  ? 'agreement.dropped'
                  : 'agreement.reopened';
          await recordItemEvent(trx, under, { kind, refId: update.changeId, memberId: update.memberId, at: update.at });
          return { ok: true, version };
        },
        also,
      ),

    /** One agreement of this case in a compartment the viewer reads. */
    async findAgreement(caseId: string, id: string, scope: ReadScope): Promise<StoredAgreement | undefined> {
      const row = await db
        .selectFrom('case_agreements')
        .selectAll()
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        .where(scopeCondition(scope, 'compartment'))
        .executeTakeFirst();
      return row === undefined ? undefined : toAgreement(row);
    },

    /** Every version of an agreement, oldest first. */
    async agreementHistory(caseId: string, agreementId: string): Promise<StoredAgreementChange[]> {
      const rows = await changeQuery(db)
        .where('c.case_id', '=', caseId)
        .where('c.agreement_id', '=', agreementId)
        .orderBy('c.version')
        .execute();
      return rows.map(toChange);
    },

    /** A case's agreements the viewer may read: open ones first (by date, undated last), then the rest. */
    async listAgreements(caseId: string, scope: ReadScope): Promise<StoredAgreement[]> {
      const rows = await db
        .selectFrom('case_agreements')
        .selectAll()
        .where('case_id', '=', caseId)
        .where(scopeCondition(scope, 'compartment'))
        .orderBy(sql`case when status = 'open' then 0 else 1 end`)
        .orderBy(sql`case when due_on is null then 1 else 0 end`)
        .orderBy('due_on')
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toAgreement);
    },

    /** A meeting, with the decisions made there as new agreements in the same compartment, in one transaction. */
    recordMeeting: (
      under: SealedUnder,
      meeting: NewMeeting,
      decisions: readonly NewAgreement[],
      also: AlsoInTransaction = nothingToRecord,
    ): Promise<{ ok: true } | StaleEpoch> =>
      writeItem(
        under,
        { kind: 'meeting.recorded', refId: meeting.id, memberId: meeting.memberId, at: meeting.at },
        async (trx) => {
          await trx
            .insertInto('case_meetings')
            .values({
              id: meeting.id,
              case_id: under.caseId,
              compartment: under.compartment,
              epoch: under.epoch,
              held_on: meeting.heldOn,
              parent_invited: meeting.parentInvited ? 1 : 0,
              parent_took_part: meeting.parentTookPart ? 1 : 0,
              roles_present: JSON.stringify(meeting.rolesPresent),
              summary: meeting.summary,
              created_by_member_id: meeting.memberId,
              created_at: meeting.at,
            })
            .execute();
        },
        also,
        async (trx) => {
          for (const decision of decisions) await insertAgreement(trx, under, decision);
        },
      ),

    async findMeeting(caseId: string, id: string, scope: ReadScope): Promise<StoredMeeting | undefined> {
      const row = await meetingQuery(db)
        .where('case_id', '=', caseId)
        .where('id', '=', id)
        .where(scopeCondition(scope, 'compartment'))
        .executeTakeFirst();
      return row === undefined ? undefined : toMeeting(row);
    },

    planAppointment: (
      under: SealedUnder,
      appointment: NewAppointment,
      also: AlsoInTransaction = nothingToRecord,
    ): Promise<{ ok: true } | StaleEpoch> =>
      writeItem(
        under,
        {
          kind: appointment.kind === 'appointment' ? 'appointment.planned' : 'next-step.planned',
          refId: appointment.id,
          memberId: appointment.memberId,
          at: appointment.at,
        },
        (trx) =>
          trx
            .insertInto('case_appointments')
            .values({
              id: appointment.id,
              case_id: under.caseId,
              compartment: under.compartment,
              epoch: under.epoch,
              kind: appointment.kind,
              on_date: appointment.onDate,
              at_time: appointment.atTime,
              assignee_role: appointment.assigneeRole,
              body: appointment.body,
              created_by_member_id: appointment.memberId,
              created_at: appointment.at,
            })
            .execute(),
        also,
      ),

    /** Appointments and next steps from `fromDate` on (undated next steps too), soonest first. */
    async upcomingAppointments(caseId: string, scope: ReadScope, fromDate: string): Promise<StoredAppointment[]> {
      const rows = await appointmentQuery(db)
        .where('case_id', '=', caseId)
        .where(scopeCondition(scope, 'compartment'))
        .where((eb) => eb.or([eb('on_date', 'is', null), eb('on_date', '>=', fromDate)]))
        .orderBy(sql`case when on_date is null then 1 else 0 end`)
        .orderBy('on_date')
        .orderBy('at_time')
        .orderBy('created_at')
        .limit(50)
        .execute();
      return rows.map(toAppointment);
    },

    postMessage: (
      under: SealedUnder,
      message: NewMessage,
      also: AlsoInTransaction = nothingToRecord,
    ): Promise<{ ok: true } | StaleEpoch> =>
      writeItem(
        under,
        { kind: 'message.posted', refId: message.id, memberId: message.memberId, at: message.at },
        (trx) =>
          trx
            .insertInto('case_messages')
            .values({
              id: message.id,
              case_id: under.caseId,
              compartment: under.compartment,
              epoch: under.epoch,
              body: message.body,
              author_member_id: message.memberId,
              created_at: message.at,
            })
            .execute(),
        also,
      ),

    /** The newest messages of one channel, oldest of them first (as a conversation reads). */
    async recentMessages(caseId: string, compartment: ItemCompartment, limit: number): Promise<StoredMessage[]> {
      // In the order they were posted: the sequence of their timeline event (written in the same transaction), as
      // two messages can share a millisecond.
      const rows = await messageQuery(db)
        .innerJoin('case_events as e', (join) =>
          join.onRef('e.ref_id', '=', 'g.id').onRef('e.case_id', '=', 'g.case_id').on('e.kind', '=', 'message.posted'),
        )
        .where('g.case_id', '=', caseId)
        .where('g.compartment', '=', compartment)
        .orderBy('e.seq', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toMessage).reverse();
    },

    moveStep: (
      under: SealedUnder,
      move: NewStepMove,
      also: AlsoInTransaction = nothingToRecord,
    ): Promise<{ ok: true } | StaleEpoch> =>
      writeItem(
        under,
        {
          kind: move.step === '' ? 'track.finished' : 'step.moved',
          refId: move.id,
          memberId: move.memberId,
          at: move.at,
        },
        (trx) =>
          trx
            .insertInto('case_step_moves')
            .values({
              id: move.id,
              case_id: under.caseId,
              compartment: under.compartment,
              epoch: under.epoch,
              pathway_version: move.pathwayVersion,
              track: move.track,
              step: move.step,
              note: move.note,
              moved_by_member_id: move.memberId,
              created_at: move.at,
            })
            .execute(),
        also,
      ),

    /** Every step move the viewer may see, oldest first (the pathway state is folded from them). */
    async stepMoves(caseId: string, scope: ReadScope): Promise<StoredStepMove[]> {
      const rows = await moveQuery(db)
        .where('s.case_id', '=', caseId)
        .where(scopeCondition(scope, 's.compartment'))
        .orderBy('s.created_at')
        .orderBy('s.id')
        .execute();
      return rows.map(toMove);
    },

    /**
     * One page of the timeline, newest first: the events with seq below `before` (all when undefined) in the
     * viewer's scope, at most `limit`, and where the next page starts. Keyset: the index (case_id, seq) is read
     * from the cursor down, so a later page costs what the first does.
     */
    async timeline(
      caseId: string,
      scope: ReadScope,
      options: { before?: number | undefined; limit: number },
    ): Promise<TimelinePage> {
      let query = db
        .selectFrom('case_events as e')
        .leftJoin('case_members as a', 'a.id', 'e.actor_member_id')
        .leftJoin('case_members as s', 's.id', 'e.subject_member_id')
        .select([
          'e.seq',
          'e.case_id',
          'e.compartment',
          'e.kind',
          'e.ref_id',
          'e.actor_member_id',
          'a.role as actor_role',
          'e.subject_member_id',
          's.role as subject_role',
          'e.created_at',
        ])
        .where('e.case_id', '=', caseId)
        .where(scopeCondition(scope, 'e.compartment'));
      if (scope.hideRisky) query = query.where('e.hide_on_risk', '=', 0);
      if (options.before !== undefined) query = query.where('e.seq', '<', options.before);
      const rows = await query
        .orderBy('e.seq', 'desc')
        .limit(options.limit + 1)
        .execute();
      const events = rows.slice(0, options.limit).map((row): StoredCaseEvent => ({
        seq: Number(row.seq),
        caseId: row.case_id,
        compartment: row.compartment as Compartment,
        kind: row.kind,
        refId: row.ref_id,
        actorMemberId: row.actor_member_id,
        actorRole: asRole(row.actor_role),
        subjectMemberId: row.subject_member_id,
        subjectRole: asRole(row.subject_role),
        createdAt: row.created_at,
      }));
      return { events, nextBefore: rows.length > options.limit ? events.at(-1)?.seq : undefined };
    },

    /**
     * The items a page of events refers to, only within the viewer's scope: one query per kind of item the page
     * holds (an event's kind says which table its ref_id is in; the case's own events refer to no item here).
     */
    async timelineItems(
      caseId: string,
      scope: ReadScope,
      events: readonly Pick<StoredCaseEvent, 'kind' | 'refId'>[],
    ): Promise<TimelineItems> {
      const items: TimelineItems = {
        agreementChanges: new Map(),
        meetings: new Map(),
        appointments: new Map(),
        messages: new Map(),
        stepMoves: new Map(),
      };
      const refs = { changes: new Set<string>(), meetings: new Set<string>(), appointments: new Set<string>() };
      const messageRefs = new Set<string>();
      const moveRefs = new Set<string>();
      for (const { kind, refId } of events) {
        if (refId === null) continue;
        if (kind.startsWith('agreement.')) refs.changes.add(refId);
        else if (kind === 'meeting.recorded') refs.meetings.add(refId);
        else if (kind === 'appointment.planned' || kind === 'next-step.planned') refs.appointments.add(refId);
        else if (kind === 'message.posted') messageRefs.add(refId);
        else if (kind === 'step.moved' || kind === 'track.finished') moveRefs.add(refId);
      }
      const when = <Row>(ids: Set<string>, query: (list: string[]) => Promise<Row[]>): Promise<Row[]> =>
        ids.size === 0 ? Promise.resolve([]) : query([...ids]);
      const [changes, meetings, appointments, messages, moves] = await Promise.all([
        when(refs.changes, (ids) =>
          changeQuery(db)
            .where('c.case_id', '=', caseId)
            .where('c.id', 'in', ids)
            .where(scopeCondition(scope, 'c.compartment'))
            .execute(),
        ),
        when(refs.meetings, (ids) =>
          meetingQuery(db)
            .where('case_id', '=', caseId)
            .where('id', 'in', ids)
            .where(scopeCondition(scope, 'compartment'))
            .execute(),
        ),
        when(refs.appointments, (ids) =>
          appointmentQuery(db)
            .where('case_id', '=', caseId)
            .where('id', 'in', ids)
            .where(scopeCondition(scope, 'compartment'))
            .execute(),
        ),
        when(messageRefs, (ids) =>
          messageQuery(db)
            .where('g.case_id', '=', caseId)
            .where('g.id', 'in', ids)
            .where(scopeCondition(scope, 'g.compartment'))
            .execute(),
        ),
        when(moveRefs, (ids) =>
          moveQuery(db)
            .where('s.case_id', '=', caseId)
            .where('s.id', 'in', ids)
            .where(scopeCondition(scope, 's.compartment'))
            .execute(),
        ),
      ]);
      for (const row of changes) items.agreementChanges.set(row.id, toChange(row));
      for (const row of meetings) items.meetings.set(row.id, toMeeting(row));
      for (const row of appointments) items.appointments.set(row.id, toAppointment(row));
      for (const row of messages) items.messages.set(row.id, toMessage(row));
      for (const row of moves) items.stepMoves.set(row.id, toMove(row));
      return items;
    },
  };
}

export type CaseItemsRepository = ReturnType<typeof createCaseItemsRepository>;
