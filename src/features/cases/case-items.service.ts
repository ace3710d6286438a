import { randomUUID } from 'node:crypto';
import type { Ciphertext } from '../../shared/crypto/aead.js';
import { AppError, BadRequest, NotFound } from '../../shared/errors.js';
import { type FormState, parseForm } from '../../shared/http/forms.js';
import type { MessageKey } from '../../shared/i18n/messages.js';
import type { Actor } from '../../shared/policy/actor.js';
import { amsterdamDay } from '../../shared/time/amsterdam.js';
import { authorize, can } from '../../policies.js';
import { type AuditRecorder, type AuditTrail, requestIdOf } from '../audit/audit.service.js';
import { KeyWrapRefused, openCaseText, sealCaseContent } from './case-keys.js';
import type {
  AgreementStatus,
  AppointmentKind,
  CaseEventKind,
  CaseItemsRepository,
  ItemCompartment,
  NewAgreement,
  ReadScope,
  SealedUnder,
  StoredAgreement,
  StoredAgreementChange,
} from './case-items.repo.js';
import {
  agreementChangeSchema,
  agreementSchema,
  appointmentSchema,
  type Assignee,
  type Audience,
  decodeCursor,
  encodeCursor,
  FINISHED_STEP,
  meetingSchema,
  messageSchema,
  stepMoveSchema,
} from './case-items.schema.js';
import { type CaseRole, type Compartment, type OpenedCase, shareCompartment } from './cases.types.js';
import { allowedMoves, findTrack, type PathwayRegistry, type PathwayState, type TrackState } from './pathway.js';
import type { Pathway } from './pathway.schema.js';

/*
 * What members post into a case (issue 14, point 8) and the one timeline. Every write is authorized first (the
 * case rules in cases.policy.ts), sealed under the compartment's key at its current epoch (case-keys.ts, purpose
 * 'case/item', bound to the case, the row and the epoch), and stored in one transaction with its timeline event
 * and audit line, in which the repository checks under the compartment's lock that the epoch is still current.
 * Reading opens each text with the key of the epoch it was sealed under; what the viewer holds no key for is
 * shown as such, never guessed.
 */

/** The case's keys changed (a member was removed or suspended) since the page was read: reload and try again. */
export class StaleCaseKeys extends AppError {
  readonly status = 409;
  readonly messageKey = 'caseItems.problem.staleEpoch';
}

export interface CaseItemsSettings {
  pathways: PathwayRegistry;
  /** Timeline events per page. */
  pageSize?: number;
}

/** A text as the viewer sees it: opened, or undefined when they hold no key for the epoch it was written in. */
export type OpenedText = string | undefined;

export interface AgreementView {
  id: string;
  compartment: ItemCompartment;
  version: number;
  status: AgreementStatus;
  dueOn: string | null;
  assigneeRole: CaseRole | null;
  assigneeMemberId: string | null;
  meetingId: string | null;
  text: OpenedText;
  updatedAt: string;
}

export interface AgreementChangeView {
  version: number;
  status: AgreementStatus;
  dueOn: string | null;
  assigneeRole: CaseRole | null;
  text: OpenedText;
  byRole: CaseRole | null;
  at: string;
}

export type TimelineItem =
  | { type: 'agreement'; text: OpenedText; status: AgreementStatus; dueOn: string | null; version: number }
  | {
      type: 'meeting';
      text: OpenedText;
      heldOn: string;
      parentInvited: boolean;
      parentTookPart: boolean;
      rolesPresent: CaseRole[];
    }
  | { type: 'appointment'; text: OpenedText; kind: AppointmentKind; onDate: string | null; atTime: string | null }
  | { type: 'message'; text: OpenedText }
  | { type: 'step'; text: OpenedText; track: string; step: string; pathwayVersion: number };

export interface TimelineEntry {
  seq: number;
  kind: CaseEventKind;
  at: string;
  /** Only the professionals see it. */
  professionalsOnly: boolean;
  actorRole: CaseRole | null;
  subjectRole: CaseRole | null;
  item: TimelineItem | undefined;
}

export interface TimelineView {
  entries: TimelineEntry[];
  /** The opaque cursor of the next (older) page. */
  next: string | undefined;
}

export interface AppointmentView {
  id: string;
  kind: AppointmentKind;
  onDate: string | null;
  atTime: string | null;
  assigneeRole: CaseRole | null;
  professionalsOnly: boolean;
  text: OpenedText;
}

export interface MessageView {
  id: string;
  byRole: CaseRole | null;
  mine: boolean;
  at: string;
  text: OpenedText;
}

/** What a refused form gives back: the problems and what was typed. */
export type FormRefused = { ok: false; form: FormState };

/** Someone changed the agreement since the form was read: what it is now, what they changed, and the form again. */
export interface AgreementConflict {
  ok: false;
  conflict: { current: AgreementView; since: AgreementChangeView[] };
  form: FormState;
}

/** The actions a viewer may take, for the views (never re-coded in a template). */
export interface ItemAbilities {
  readProfessionals: boolean;
  manageAgreements: boolean;
  recordMeeting: boolean;
  planAppointment: boolean;
  moveStep: boolean;
  postMessage: boolean;
  postProfessionalMessage: boolean;
}

const MESSAGES_SHOWN = 100;

/** Which compartments (and share compartments) the viewer reads, and what risk in the family hides from them. */
export function readScopeOf(actor: Actor, opened: OpenedCase): ReadScope {
  const facts = opened.facts;
  const compartments: Compartment[] = [];
  if (can(actor, 'case', 'readMembers', facts)) compartments.push('members');
  if (can(actor, 'case', 'readProfessionals', facts)) compartments.push('professionals');
  if (facts.viewer.role === 'parent' && can(actor, 'case', 'shareEntries', facts)) {
    compartments.push(shareCompartment(facts.viewer.memberId));
  }
  return {
    compartments,
    allShares: can(actor, 'case', 'viewSharedEntries', facts),
    hideRisky: facts.viewer.role === 'parent' && facts.riskInFamily,
  };
}

export function itemAbilities(actor: Actor, opened: OpenedCase): ItemAbilities {
  const facts = opened.facts;
  return {
    readProfessionals: can(actor, 'case', 'readProfessionals', facts),
    manageAgreements: can(actor, 'case', 'manageAgreements', facts),
    recordMeeting: can(actor, 'case', 'recordMeeting', facts),
    planAppointment: can(actor, 'case', 'planAppointment', facts),
    moveStep: can(actor, 'case', 'moveStep', facts),
    postMessage: can(actor, 'case', 'postMessage', facts),
    postProfessionalMessage: can(actor, 'case', 'postProfessionalMessage', facts),
  };
}

/** Folds a track's moves (oldest first) into where it stands. */
export function foldPathway(
  moves: readonly { track: string; step: string; movedByRole: CaseRole | null }[],
  nameRole: (role: CaseRole) => string,
): PathwayState {
  const state: Record<string, { current: string | null; done: string[]; roles: CaseRole[] }> = {};
  for (const move of moves) {
    const track = (state[move.track] ??= { current: null, done: [], roles: [] });
    if (track.current !== null) track.done.push(track.current);
    track.current = move.step === '' ? null : move.step;
    if (move.movedByRole !== null) {
      track.roles = [move.movedByRole, ...track.roles.filter((role) => role !== move.movedByRole)];
    }
  }
  return Object.fromEntries(
    Object.entries(state).map(([id, track]): [string, TrackState] => [
      id,
      { current: track.current, done: track.done, onIt: track.roles.map(nameRole) },
    ]),
  );
}

export function createCaseItemsService(
  repo: CaseItemsRepository,
  audit: AuditRecorder,
  settings: CaseItemsSettings,
  clock: () => Date = () => new Date(),
) {
  const pageSize = settings.pageSize ?? 20;
  const nowIso = () => clock().toISOString();
  const userIdOf = (actor: Actor): string => {
    if (actor.kind !== 'user') throw new NotFound('not signed in');
    return actor.userId;
  };
  const line = (actor: Actor, action: string, opened: OpenedCase, trail: AuditTrail) =>
    audit.recording({
      actor: userIdOf(actor),
      action,
      objectType: 'case',
      objectId: opened.facts.caseId,
      requestId: requestIdOf(trail),
    });

  /** The compartment an item goes into: the professionals' only when the viewer reads it. */
  const compartmentFor = (actor: Actor, opened: OpenedCase, audience: Audience): ItemCompartment => {
    if (audience === 'iedereen') return 'members';
    authorize(actor, 'case', 'readProfessionals', opened.facts);
    return 'professionals';
  };

  /** The key to seal with now, and the epoch the repository checks under the compartment's lock. */
  const sealingKey = async (opened: OpenedCase, compartment: ItemCompartment) => {
    const key = await opened.key(compartment);
    const under: SealedUnder = { caseId: opened.facts.caseId, compartment, epoch: key.epoch };
    const sealText = (recordId: string, text: string) => sealCaseContent(key, 'case/item', recordId, text);
    return { under, sealText };
  };

  const refusedWhenStale = <T extends { ok: boolean; reason?: string }>(result: T): T => {
    if (!result.ok && result.reason === 'stale-epoch') throw new StaleCaseKeys('stale epoch');
    return result;
  };

  /** Opens texts, fetching each (compartment, epoch) key once; a key the viewer lacks leaves the text undefined. */
  const opener = (opened: OpenedCase) => {
    const keys = new Map<string, ReturnType<OpenedCase['keyAt']>>();
    /** One text of an item, opened with the key of the compartment and epoch the item was sealed under. */
    return async (item: { compartment: Compartment; epoch: number; id: string }, text: string): Promise<OpenedText> => {
      const name = `${item.compartment}@${item.epoch}`;
      let key = keys.get(name);
      if (key === undefined) {
        key = opened.keyAt(item.compartment, item.epoch);
        keys.set(name, key);
      }
      try {
        return openCaseText(await key, 'case/item', item.id, text as Ciphertext);
      } catch (error) {
        // A wrap of the viewer's that does not check out refuses the page (409); a key they never held leaves a gap.
        if (error instanceof KeyWrapRefused) throw error;
        return undefined;
      }
    };
  };

  const readScope = (actor: Actor, opened: OpenedCase): ReadScope => {
    authorize(actor, 'case', 'readMembers', opened.facts);
    return readScopeOf(actor, opened);
  };

  /** An assignee from the form: a member must be an active member of this case. */
  const resolveAssignee = async (
    caseId: string,
    assignee: Assignee,
  ): Promise<{ assigneeRole: CaseRole | null; assigneeMemberId: string | null } | undefined> => {
    if (assignee.kind === 'nobody') return { assigneeRole: null, assigneeMemberId: null };
    if (assignee.kind === 'role') return { assigneeRole: assignee.role, assigneeMemberId: null };
    const member = await repo.activeMember(caseId, assignee.memberId);
    return member === undefined ? undefined : { assigneeRole: member.role, assigneeMemberId: member.id };
  };
  /** The form refused with one problem on one field. */
  const refused = (values: FormState['values'], field: string, messageKey: MessageKey): FormRefused => ({
    ok: false,
    form: { values, problems: [{ field, messageKey }] },
  });
  const whoProblem = (values: FormState['values']): FormRefused => refused(values, 'wie', 'caseItems.problem.who');

  const agreementView = async (
    open: ReturnType<typeof opener>,
    agreement: StoredAgreement,
  ): Promise<AgreementView> => ({
    id: agreement.id,
    compartment: agreement.compartment,
    version: agreement.version,
    status: agreement.status,
    dueOn: agreement.dueOn,
    assigneeRole: agreement.assigneeRole,
    assigneeMemberId: agreement.assigneeMemberId,
    meetingId: agreement.meetingId,
    text: await open(agreement, agreement.body),
    updatedAt: agreement.updatedAt,
  });
  const changeView = async (
    open: ReturnType<typeof opener>,
    change: StoredAgreementChange,
  ): Promise<AgreementChangeView> => ({
    version: change.version,
    status: change.status,
    dueOn: change.dueOn,
    assigneeRole: change.assigneeRole,
    text: await open(change, change.body),
    byRole: change.changedByRole,
    at: change.changedAt,
  });

  return {
    readScope: readScopeOf,
    abilities: itemAbilities,
    /** Every pathway version (the timeline names the steps of the version a move was made in). */
    pathwayRegistry: settings.pathways,

    /** The case's active members, for the "who" of an agreement. */
    assignableMembers: (opened: OpenedCase) => repo.activeMembers(opened.facts.caseId),

    async agreements(actor: Actor, opened: OpenedCase): Promise<AgreementView[]> {
      const scope = readScope(actor, opened);
      const open = opener(opened);
      const rows = await repo.listAgreements(opened.facts.caseId, scope);
      return Promise.all(rows.map((row) => agreementView(open, row)));
    },

    /** One agreement with its history (every version, oldest first); NotFound outside the viewer's scope. */
    async agreement(
      actor: Actor,
      opened: OpenedCase,
      id: string,
    ): Promise<{ agreement: AgreementView; history: AgreementChangeView[] }> {
      const scope = readScope(actor, opened);
      const stored = await repo.findAgreement(opened.facts.caseId, id, scope);
      if (stored === undefined) throw new NotFound('no such agreement');
      const open = opener(opened);
      const history = await repo.agreementHistory(opened.facts.caseId, id);
      return {
        agreement: await agreementView(open, stored),
        history: await Promise.all(history.map((change) => changeView(open, change))),
      };
    },

    async createAgreement(
      actor: Actor,
      opened: OpenedCase,
      body: unknown,
      trail: AuditTrail = {},
    ): Promise<{ ok: true; id: string } | FormRefused> {
      authorize(actor, 'case', 'manageAgreements', opened.facts);
      const parsed = parseForm(agreementSchema, body, { keep: 1100 });
      if (!parsed.ok) return { ok: false, form: parsed };
      const form = parsed.value;
      const compartment = compartmentFor(actor, opened, form.voor);
      const who = await resolveAssignee(opened.facts.caseId, form.wie);
      if (who === undefined) return whoProblem(parsed.values);
      const { under, sealText } = await sealingKey(opened, compartment);
      const id = randomUUID();
      const changeId = randomUUID();
      const agreement: NewAgreement = {
        id,
        changeId,
        body: sealText(id, form.wat),
        changeBody: sealText(changeId, form.wat),
        status: 'open',
        dueOn: form.datum === '' ? null : form.datum,
        ...who,
        meetingId: null,
        memberId: opened.facts.viewer.memberId,
        at: nowIso(),
      };
      refusedWhenStale(await repo.createAgreement(under, agreement, line(actor, 'case.agreement.made', opened, trail)));
      return { ok: true, id };
    },

    /**
     * Changes an agreement from the version the form carried. When someone changed it in between, nothing is
     * written: the answer shows their change and gives the form back with what this person typed, at the new
     * version, so they can save it over knowingly.
     */
    async updateAgreement(
      actor: Actor,
      opened: OpenedCase,
      id: string,
      body: unknown,
      trail: AuditTrail = {},
    ): Promise<{ ok: true } | FormRefused | AgreementConflict> {
      authorize(actor, 'case', 'manageAgreements', opened.facts);
      const scope = readScopeOf(actor, opened);
      const stored = await repo.findAgreement(opened.facts.caseId, id, scope);
      if (stored === undefined) throw new NotFound('no such agreement');
      const parsed = parseForm(agreementChangeSchema, body, { keep: 1100 });
      if (!parsed.ok) return { ok: false, form: parsed };
      const form = parsed.value;
      const who = await resolveAssignee(opened.facts.caseId, form.wie);
      if (who === undefined) return whoProblem(parsed.values);
      const { under, sealText } = await sealingKey(opened, stored.compartment);
      const changeId = randomUUID();
      const result = refusedWhenStale(
        await repo.updateAgreement(
          under,
          {
            id,
            expectedVersion: form.versie,
            changeId,
            body: sealText(id, form.wat),
            changeBody: sealText(changeId, form.wat),
            status: form.status,
            dueOn: form.datum === '' ? null : form.datum,
            ...who,
            memberId: opened.facts.viewer.memberId,
            at: nowIso(),
          },
          line(actor, 'case.agreement.changed', opened, trail),
        ),
      );
      if (result.ok) return { ok: true };
      if (result.reason !== 'conflict') throw new NotFound('no such agreement');
      const open = opener(opened);
      return {
        ok: false,
        conflict: {
          current: await agreementView(open, result.current),
          since: await Promise.all(result.since.map((change) => changeView(open, change))),
        },
        form: {
          values: { ...parsed.values, versie: String(result.current.version) },
          problems: [{ field: 'versie', messageKey: 'caseItems.problem.conflict' }],
        },
      };
    },

    async recordMeeting(
      actor: Actor,
      opened: OpenedCase,
      body: unknown,
      trail: AuditTrail = {},
    ): Promise<{ ok: true; id: string } | FormRefused> {
      authorize(actor, 'case', 'recordMeeting', opened.facts);
      const parsed = parseForm(meetingSchema(amsterdamDay(clock())), body, { keep: 4100 });
      if (!parsed.ok) return { ok: false, form: parsed };
      const form = parsed.value;
      const compartment = compartmentFor(actor, opened, form.audience);
      const { under, sealText } = await sealingKey(opened, compartment);
      const id = randomUUID();
      const at = nowIso();
      const memberId = opened.facts.viewer.memberId;
      const decisions = form.decisions.map((text): NewAgreement => {
        const decisionId = randomUUID();
        const changeId = randomUUID();
        return {
          id: decisionId,
          changeId,
          body: sealText(decisionId, text),
          changeBody: sealText(changeId, text),
          status: 'open',
          dueOn: null,
          assigneeRole: null,
          assigneeMemberId: null,
          meetingId: id,
          memberId,
          at,
        };
      });
      refusedWhenStale(
        await repo.recordMeeting(
          under,
          {
            id,
            heldOn: form.heldOn,
            parentInvited: form.parentInvited,
            parentTookPart: form.parentTookPart,
            rolesPresent: form.rolesPresent,
            summary: sealText(id, form.summary),
            memberId,
            at,
          },
          decisions,
          line(actor, 'case.meeting.recorded', opened, trail),
        ),
      );
      return { ok: true, id };
    },

    async planAppointment(
      actor: Actor,
      opened: OpenedCase,
      body: unknown,
      trail: AuditTrail = {},
    ): Promise<{ ok: true; id: string } | FormRefused> {
      authorize(actor, 'case', 'planAppointment', opened.facts);
      const parsed = parseForm(appointmentSchema, body, { keep: 1100 });
      if (!parsed.ok) return { ok: false, form: parsed };
      const form = parsed.value;
      const compartment = compartmentFor(actor, opened, form.voor);
      const { under, sealText } = await sealingKey(opened, compartment);
      const id = randomUUID();
      refusedWhenStale(
        await repo.planAppointment(
          under,
          {
            id,
            kind: form.soort,
            onDate: form.datum === '' ? null : form.datum,
            atTime: form.tijd === '' ? null : form.tijd,
            assigneeRole: form.wie.kind === 'role' ? form.wie.role : null,
            body: sealText(id, form.wat),
            memberId: opened.facts.viewer.memberId,
            at: nowIso(),
          },
          line(actor, 'case.appointment.planned', opened, trail),
        ),
      );
      return { ok: true, id };
    },

    /** Appointments and next steps from today on (undated next steps too), soonest first. */
    async upcoming(actor: Actor, opened: OpenedCase): Promise<AppointmentView[]> {
      const scope = readScope(actor, opened);
      const open = opener(opened);
      const rows = await repo.upcomingAppointments(opened.facts.caseId, scope, amsterdamDay(clock()));
      return Promise.all(
        rows.map(async (row) => ({
          id: row.id,
          kind: row.kind,
          onDate: row.onDate,
          atTime: row.atTime,
          assigneeRole: row.assigneeRole,
          professionalsOnly: row.compartment === 'professionals',
          text: await open(row, row.body),
        })),
      );
    },

    /** A message in the case's channel ('members') or the professionals' channel. At most MESSAGE_MAX characters. */
    async postMessage(
      actor: Actor,
      opened: OpenedCase,
      channel: ItemCompartment,
      body: unknown,
      trail: AuditTrail = {},
    ): Promise<{ ok: true } | FormRefused> {
      authorize(actor, 'case', channel === 'members' ? 'postMessage' : 'postProfessionalMessage', opened.facts);
      const parsed = parseForm(messageSchema, body, { keep: 2100 });
      if (!parsed.ok) return { ok: false, form: parsed };
      const { under, sealText } = await sealingKey(opened, channel);
      const id = randomUUID();
      refusedWhenStale(
        await repo.postMessage(
          under,
          { id, body: sealText(id, parsed.value.bericht), memberId: opened.facts.viewer.memberId, at: nowIso() },
          line(actor, 'case.message.posted', opened, trail),
        ),
      );
      return { ok: true };
    },

    /** The newest messages of a channel, oldest of them first. */
    async messages(actor: Actor, opened: OpenedCase, channel: ItemCompartment): Promise<MessageView[]> {
      const scope = readScope(actor, opened);
      if (!scope.compartments.includes(channel)) throw new NotFound('no such channel');
      const open = opener(opened);
      const rows = await repo.recentMessages(opened.facts.caseId, channel, MESSAGES_SHOWN);
      return Promise.all(
        rows.map(async (row) => ({
          id: row.id,
          byRole: row.authorRole,
          mine: row.authorMemberId === opened.facts.viewer.memberId,
          at: row.createdAt,
          text: await open(row, row.body),
        })),
      );
    },

    /** The current pathway and where each track stands for this viewer (moves in compartments they read). */
    async pathway(
      actor: Actor,
      opened: OpenedCase,
      nameRole: (role: CaseRole) => string,
    ): Promise<{ pathway: Pathway; state: PathwayState }> {
      const scope = readScope(actor, opened);
      const moves = await repo.stepMoves(opened.facts.caseId, scope);
      return { pathway: settings.pathways.currentFor(opened.facts.pathwayKey), state: foldPathway(moves, nameRole) };
    },

    /** The steps a track may move to now (its next steps, or where it can start), for the form. */
    async movesFor(actor: Actor, opened: OpenedCase, trackId: string) {
      const moves = await repo.stepMoves(opened.facts.caseId, readScope(actor, opened));
      const state = foldPathway(moves, (role) => role);
      return allowedMoves(settings.pathways.currentFor(opened.facts.pathwayKey), trackId, state[trackId]);
    },

    /**
     * Moves a track to one of its steps (any step of the track: tracks loop back and members correct one
     * another), or marks it finished, with a note.
     */
    async moveStep(
      actor: Actor,
      opened: OpenedCase,
      body: unknown,
      trail: AuditTrail = {},
    ): Promise<{ ok: true } | FormRefused> {
      authorize(actor, 'case', 'moveStep', opened.facts);
      const parsed = parseForm(stepMoveSchema, body, { keep: 1100 });
      if (!parsed.ok) return { ok: false, form: parsed };
      const form = parsed.value;
      const pathway = settings.pathways.currentFor(opened.facts.pathwayKey);
      const track = findTrack(pathway, form.traject);
      if (track === undefined) {
        return refused(parsed.values, 'traject', 'caseItems.problem.track');
      }
      const finished = form.stap === FINISHED_STEP;
      if (!finished && !track.steps.some((step) => step.id === form.stap)) {
        return refused(parsed.values, 'stap', 'caseItems.problem.step');
      }
      const compartment = compartmentFor(actor, opened, form.voor);
      const { under, sealText } = await sealingKey(opened, compartment);
      const id = randomUUID();
      refusedWhenStale(
        await repo.moveStep(
          under,
          {
            id,
            pathwayVersion: pathway.version,
            track: track.id,
            step: finished ? '' : form.stap,
            note: sealText(id, form.notitie),
            memberId: opened.facts.viewer.memberId,
            at: nowIso(),
          },
          line(actor, 'case.step.moved', opened, trail),
        ),
      );
      return { ok: true };
    },

    /**
     * One page of the timeline, newest first, from the opaque cursor `na` (a sequence number, never content);
     * a cursor that is not ours is a 400. Items are read in the viewer's scope and opened with their epoch's key.
     */
    async timeline(actor: Actor, opened: OpenedCase, cursor: unknown): Promise<TimelineView> {
      const scope = readScope(actor, opened);
      let before: number | undefined;
      if (cursor !== undefined) {
        before = decodeCursor(cursor);
        if (before === undefined) throw new BadRequest('The page cursor is not valid');
      }
      const page = await repo.timeline(opened.facts.caseId, scope, { before, limit: pageSize });
      const items = await repo.timelineItems(opened.facts.caseId, scope, page.events);
      const open = opener(opened);
      const itemOf = async (refId: string | null): Promise<TimelineItem | undefined> => {
        if (refId === null) return undefined;
        const change = items.agreementChanges.get(refId);
        if (change !== undefined) {
          return {
            type: 'agreement',
            text: await open(change, change.body),
            status: change.status,
            dueOn: change.dueOn,
            version: change.version,
          };
        }
        const meeting = items.meetings.get(refId);
        if (meeting !== undefined) {
          return {
            type: 'meeting',
            text: await open(meeting, meeting.summary),
            heldOn: meeting.heldOn,
            parentInvited: meeting.parentInvited,
            parentTookPart: meeting.parentTookPart,
            rolesPresent: meeting.rolesPresent,
          };
        }
        const appointment = items.appointments.get(refId);
        if (appointment !== undefined) {
          return {
            type: 'appointment',
            text: await open(appointment, appointment.body),
            kind: appointment.kind,
            onDate: appointment.onDate,
            atTime: appointment.atTime,
          };
        }
        const message = items.messages.get(refId);
        if (message !== undefined) {
          return { type: 'message', text: await open(message, message.body) };
        }
        const move = items.stepMoves.get(refId);
        if (move !== undefined) {
          return {
            type: 'step',
            text: await open(move, move.note),
            track: move.track,
            step: move.step,
            pathwayVersion: move.pathwayVersion,
          };
        }
        return undefined;
      };
      const entries = await Promise.all(
        page.events.map(async (event): Promise<TimelineEntry> => ({
          seq: event.seq,
          kind: event.kind,
          at: event.createdAt,
          professionalsOnly: event.compartment === 'professionals',
          actorRole: event.actorRole,
          subjectRole: event.subjectRole,
          item: await itemOf(event.refId),
        })),
      );
      return { entries, next: page.nextBefore === undefined ? undefined : encodeCursor(page.nextBefore) };
    },
  };
}

export type CaseItemsService = ReturnType<typeof createCaseItemsService>;
