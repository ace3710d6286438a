import { createHash, randomUUID } from 'node:crypto';
import { NotFound } from '../../shared/errors.js';
import type { FormState } from '../../shared/http/forms.js';
import type { Mailer, NoticeLanguage } from '../../shared/mail/mailer.js';
import type { Actor } from '../../shared/policy/actor.js';
import { abilities, authorize, can, scopeOf } from '../../policies.js';
import type { Trx } from '../../shared/db/transaction.js';
import { type AuditRecorder, type AuditTrail, requestIdOf } from '../audit/audit.service.js';
import type { AccountsService, ProfessionalFactsLoader, RegisterResult } from '../accounts/accounts.service.js';
import type { InvitationFacts } from './professionals.policy.js';
import type {
  Approval,
  ProfessionalRecord,
  ProfessionalsRepository,
  StoredInvitation,
  UnverifiedOrganisation,
} from './professionals.repo.js';
import { isId, isInvitationToken, parseInviteForm } from './professionals.schema.js';

export interface ProfessionalsSettings {
  /** How long an invitation can be used. */
  invitationValidMs: number;
  /** The site's address for the link in the e-mail, without trailing slash. */
  publicUrl: string;
  /**
   * The secret token of an invitation's link, derived from its id under a server key, so the job that sends the
   * e-mail can make the link again; only its hash is stored.
   */
  invitationToken: (invitationId: string) => string;
  /** Called when a job was queued, so the worker looks now instead of at its next poll. */
  jobQueued?: () => void;
}

export type InvitationState = InvitationFacts['state'];

/** What a four-eyes approval did. */
export type ApproveResult = 'recorded' | 'completed' | 'duplicate' | 'already-done';

/** A professional activation is complete with two different approvers, at least one of them an admin. */
export function activationComplete(approvals: readonly Approval[]): boolean {
  return (
    new Set(approvals.map((approval) => approval.approverId)).size >= 2 &&
    approvals.some((approval) => approval.capacity === 'admin')
  );
}

/** An organisation is verified by two different admins. */
export function verificationComplete(approvals: readonly Approval[]): boolean {
  const admins = approvals.filter((approval) => approval.capacity === 'admin');
  return new Set(admins.map((approval) => approval.approverId)).size >= 2;
}

const tokenHashOf = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface PendingProfessional extends ProfessionalRecord {
  approvals: Approval[];
  mayApprove: boolean;
}

export interface OrganisationToVerify extends UnverifiedOrganisation {
  mayApprove: boolean;
}

export interface InvitationRow extends StoredInvitation {
  state: InvitationState;
  mayRevoke: boolean;
}

/** The professional facts a signed-in actor is built from (see userActor), for the accounts service. */
export function professionalFactsLoader(repo: ProfessionalsRepository): ProfessionalFactsLoader {
  return async (userId) => {
    const record = await repo.findProfessional(userId);
    return record === undefined
      ? undefined
      : { organisationId: record.organisationId, role: record.role, active: record.status === 'active' };
  };
}

export function createProfessionalsService(
  repo: ProfessionalsRepository,
  accounts: AccountsService,
  mailer: Mailer,
  audit: AuditRecorder,
  settings: ProfessionalsSettings,
  clock: () => Date = () => new Date(),
) {
  /** An approval's audit lines, written in its transaction: the approval, and what it completed. */
  const approvalLines =
    (approverId: string, objectType: 'account' | 'organisation', objectId: string, trail: AuditTrail) =>
    async (trx: Trx, completed: boolean): Promise<void> => {
      const line = { actor: approverId, objectType, objectId, requestId: requestIdOf(trail) };
      const prefix = objectType === 'account' ? 'professional' : 'organisation';
      await audit.record(trx, { ...line, action: `${prefix}.approved` });
      if (completed) {
        await audit.record(trx, {
          ...line,
          action: objectType === 'account' ? 'professional.activated' : 'organisation.verified',
        });
      }
    };

  const stateOf = (invitation: StoredInvitation): InvitationState => {
    if (invitation.usedAt !== null) return 'used';
    if (invitation.revokedAt !== null) return 'revoked';
    return Date.parse(invitation.expiresAt) <= clock().getTime() ? 'expired' : 'open';
  };
  const factsOf = (record: ProfessionalRecord) => ({
    userId: record.userId,
    organisationId: record.organisationId,
    status: record.status,
  });

  /** The accounts waiting for activation that the actor may see, narrowed in SQL by the policy's scope. */
  async function pendingFor(actor: Actor): Promise<PendingProfessional[]> {
    const records = await repo.listPendingProfessionals(scopeOf(actor, 'professionalAccount', 'view'));
    return Promise.all(
      records.map(async (record) => ({
        ...record,
        approvals: await repo.professionalApprovals(record.userId),
        mayApprove: can(actor, 'professionalAccount', 'approve', factsOf(record)),
      })),
    );
  }

  return {
    /** The organisations an invitation can be for (verified or not: a new one is verified by four eyes too). */
    organisationChoices: () => repo.listOrganisationChoices(),

    /** The police units a police professional can be invited for. */
    policeUnits: () => repo.listPoliceUnits(),

    /**
     * An admin invites a professional: a 256-bit token, stored only as its hash, valid for a limited time and
     * once. The e-mail carrying the link is sent by the job queue (professionals.jobs.ts), tried again while the
     * mail server refuses; without a mail server nothing is stored and the admin is told.
     */
    async invite(
      actor: Actor,
      form: unknown,
      language: NoticeLanguage,
      trail: AuditTrail = {},
    ): Promise<{ ok: true; id: string } | { ok: false; form: FormState } | { ok: false; mailFailed: true }> {
      authorize(actor, 'invitation', 'create', { state: 'open' });
      if (actor.kind !== 'user') throw new NotFound('not signed in');
      const choices = await repo.listOrganisationChoices();
      const parsed = parseInviteForm(
        form,
        new Set(choices.map((choice) => choice.id)),
        new Set(await repo.listPoliceUnits()),
      );
      if (!parsed.ok) return { ok: false, form: parsed };
      if (!mailer.enabled) return { ok: false, mailFailed: true };
      const now = clock();
      const id = randomUUID();
      const token = settings.invitationToken(id);
      await repo.insertInvitation(
        {
          id,
          tokenHash: tokenHashOf(token),
          email: parsed.value.email,
          organisationId: parsed.value.organisationId,
          role: parsed.value.role,
          policeUnit: parsed.value.policeUnit,
          invitedBy: actor.userId,
          createdAt: now.toISOString(),
          expiresAt: new Date(now.getTime() + settings.invitationValidMs).toISOString(),
          language,
        },
        audit.recording({
          actor: actor.userId,
          action: 'invitation.created',
          objectType: 'invitation',
          objectId: id,
          requestId: requestIdOf(trail),
        }),
      );
      settings.jobQueued?.();
      return { ok: true, id };
    },

    /** The invitation a link names, and whether it can be used; an unknown or malformed token is 'unknown'. */
    async invitationForToken(
      token: unknown,
    ): Promise<{ state: 'unknown' } | { state: InvitationState; invitation: StoredInvitation }> {
      if (!isInvitationToken(token)) return { state: 'unknown' };
      const invitation = await repo.findInvitationByTokenHash(tokenHashOf(token));
      return invitation === undefined ? { state: 'unknown' } : { state: stateOf(invitation), invitation };
    },

    /**
     * Creates the professional's account from an open invitation: the invitation is claimed only when the form
     * is valid, atomically, so a used, withdrawn or expired one creates nothing.
     */
    async accept(
      actor: Actor,
      token: unknown,
      form: Record<string, unknown>,
      userAgent: string | undefined,
      trail: AuditTrail = {},
    ): Promise<RegisterResult | { ok: false; state: InvitationState | 'unknown' }> {
      const found = await this.invitationForToken(token);
      if (found.state === 'unknown' || !can(actor, 'invitation', 'accept', { state: found.state })) {
        return { ok: false, state: found.state };
      }
      const tokenHash = tokenHashOf(token as string);
      const invitationId = found.invitation.id;
      const result = await accounts.registerProfessional(
        form,
        userAgent,
        (trx, userId) => repo.claimInvitation(trx, tokenHash, userId, clock().toISOString()),
        // Both lines in the transaction that creates the account and claims the invitation.
        (userId) => async (trx) => {
          const line = { actor: userId, requestId: requestIdOf(trail) };
          await audit.record(trx, { ...line, action: 'account.created', objectType: 'account', objectId: userId });
          await audit.record(trx, {
            ...line,
            action: 'invitation.accepted',
            objectType: 'invitation',
            objectId: invitationId,
          });
        },
      );
      if (result !== 'link') return result;
      // Someone else claimed it in the meantime, or it ran out while the form was filled in.
      const now = await this.invitationForToken(token);
      return { ok: false, state: now.state === 'open' ? 'used' : now.state };
    },

    async revokeInvitation(actor: Actor, id: unknown, trail: AuditTrail = {}): Promise<'revoked' | 'not-open'> {
      if (!isId(id)) throw new NotFound('no such invitation');
      const invitation = await repo.findInvitation(id);
      if (invitation === undefined) throw new NotFound('no such invitation');
      const facts = { state: stateOf(invitation) };
      if (!can(actor, 'invitation', 'view', facts)) throw new NotFound('no such invitation');
      if (!can(actor, 'invitation', 'revoke', facts) || actor.kind !== 'user') return 'not-open';
      const revoked = await repo.revokeInvitation(
        id,
        actor.userId,
        clock().toISOString(),
        audit.recording({
          actor: actor.userId,
          action: 'invitation.revoked',
          objectType: 'invitation',
          objectId: id,
          requestId: requestIdOf(trail),
        }),
      );
      return revoked ? 'revoked' : 'not-open';
    },

    /** What /beheer shows an admin: accounts waiting, organisations to verify, invitations not yet used. */
    async adminOverview(actor: Actor): Promise<{
      pending: PendingProfessional[];
      organisations: OrganisationToVerify[];
      invitations: InvitationRow[];
    }> {
      authorize(actor, 'adminArea', 'enter', { area: 'beheer' });
      const pending = await pendingFor(actor);
      const organisations = (
        can(actor, 'organisationVerification', 'view', { verified: false })
          ? await repo.listUnverifiedOrganisations()
          : []
      ).map((organisation) => ({
        ...organisation,
        mayApprove: can(actor, 'organisationVerification', 'approve', { verified: false }),
      }));
      const invitations = (await repo.listUnusedInvitations())
        .map((invitation) => ({ invitation, facts: { state: stateOf(invitation) } }))
        .filter(({ facts }) => can(actor, 'invitation', 'view', facts))
        .map(({ invitation, facts }) => ({
          ...invitation,
          state: facts.state,
          mayRevoke: abilities(actor, 'invitation', facts).revoke,
        }));
      return { pending, organisations, invitations };
    },

    /** What a coordinator sees: the accounts of their own organisation that wait for activation. */
    async coordinatorOverview(actor: Actor): Promise<PendingProfessional[]> {
      authorize(actor, 'coordinatorArea', 'enter', { area: 'organisatie' });
      return pendingFor(actor);
    },

    /**
     * One of the two approvals a professional account needs. Someone who may not see the account gets a 404;
     * an account that is already active, or a second approval by the same person, is reported, not repeated.
     */
    async approveProfessional(actor: Actor, userId: unknown, trail: AuditTrail = {}): Promise<ApproveResult> {
      if (!isId(userId) || actor.kind !== 'user') throw new NotFound('no such account');
      const record = await repo.findProfessional(userId);
      if (record === undefined || !can(actor, 'professionalAccount', 'view', factsOf(record))) {
        throw new NotFound('no such account');
      }
      if (record.status === 'active') return 'already-done';
      authorize(actor, 'professionalAccount', 'approve', factsOf(record));
      const capacity = can(actor, 'professionalAccount', 'approveAsAdmin', factsOf(record)) ? 'admin' : 'coordinator';
      const outcome = await repo.approve(
        'professional',
        userId,
        { id: actor.userId, capacity },
        clock().toISOString(),
        activationComplete,
        approvalLines(actor.userId, 'account', userId, trail),
      );
      if (outcome === 'missing') throw new NotFound('no such account');
      return outcome === 'not-pending' ? 'already-done' : outcome;
    },

    /** One of the two admin approvals an organisation needs before the public sees it. */
    async approveOrganisation(actor: Actor, organisationId: unknown, trail: AuditTrail = {}): Promise<ApproveResult> {
      if (!isId(organisationId) || actor.kind !== 'user') throw new NotFound('no such organisation');
      const organisation = await repo.findOrganisationForVerification(organisationId);
      if (organisation === undefined || !can(actor, 'organisationVerification', 'view', organisation)) {
        throw new NotFound('no such organisation');
      }
      if (organisation.verified) return 'already-done';
      authorize(actor, 'organisationVerification', 'approve', organisation);
      const outcome = await repo.approve(
        'organisation',
        organisationId,
        { id: actor.userId, capacity: 'admin' },
        clock().toISOString(),
        verificationComplete,
        approvalLines(actor.userId, 'organisation', organisationId, trail),
      );
      if (outcome === 'missing') throw new NotFound('no such organisation');
      return outcome === 'not-pending' ? 'already-done' : outcome;
    },

    /** A professional's own account: organisation, role, and who activated it and when (or who approved so far). */
    async accountStatus(
      actor: Actor,
      userId: string,
    ): Promise<(ProfessionalRecord & { approvals: Approval[] }) | undefined> {
      const record = await repo.findProfessional(userId);
      if (record === undefined || !can(actor, 'professionalAccount', 'view', factsOf(record))) return undefined;
      return { ...record, approvals: await repo.professionalApprovals(userId) };
    },
  };
}

export type ProfessionalsService = ReturnType<typeof createProfessionalsService>;
