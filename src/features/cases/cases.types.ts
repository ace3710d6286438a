import type { SymmetricKey } from '../../shared/crypto/aead.js';
import type { ProfessionalRole } from '../../shared/policy/actor.js';

/*
 * The case space ("de lijn", /samenwerken): the words every part of the feature shares. A case is one child's
 * coordination space; its members hold a role by custody or mandate and pass through membership states; its
 * content is sealed under compartment keys that are wrapped to each member (case-keys.ts). See
 * docs/adr/0027-case-space.md and docs/architecture.md "The case space".
 */

/** How a member takes part. A professional's case role must fit their role at their organisation (caseRoleFits). */
export const caseRoles = [
  /** A parent or carer with custody (gezag); each is a member of their own. */
  'parent',
  /** A care worker: jeugdhulp, wijkteam. */
  'care',
  /** The coordinator (regisseur) of the case. */
  'coordinator',
  /** Veilig Thuis: advice, a report, an investigation. */
  'veilig-thuis',
  /** A jeugdbeschermer of a gecertificeerde instelling, under a court order. */
  'jeugdbeschermer',
  /** The Raad voor de Kinderbescherming. */
  'raad',
  /** Police (zeden, AVIM): shown by unit and reference, never by a person's name. */
  'police',
  /** School, GP: reads what is shared with all members, writes messages only. */
  'observer',
  /**
   * The child (12 or older), invited by a professional of the case (ADR 0030): reads only their own channel
   * (compartment 'young:<member id>', shared with the professional who invited them), the pathway for young people
   * and, from 16, the consent questions put to them. Never shown to a parent.
   */
  'young',
] as const;
export type CaseRole = (typeof caseRoles)[number];

/** Every case role but the parent's and the young person's. */
export type ProfessionalCaseRole = Exclude<CaseRole, 'parent' | 'young'>;

/** Whether a case role is a professional's (not a parent's, not the young person's). */
export const isProfessionalCaseRole = (role: CaseRole): role is ProfessionalCaseRole =>
  role !== 'parent' && role !== 'young';

/**
 * invited: an invitation code exists, nobody has used it. accepted: someone used the code and waits for the
 * inviter to confirm (safety number compared); no key has reached them. active: confirmed, holds keys.
 * suspended: holds no keys, sees only that the case is paused. removed: gone; kept as a row for the history.
 */
export const memberStates = ['invited', 'accepted', 'active', 'suspended', 'removed'] as const;
export type MemberState = (typeof memberStates)[number];

/** with-parents: the usual case. professional-only: no parent member, nothing visible to any parent. */
export const caseModes = ['with-parents', 'professional-only'] as const;
export type CaseMode = (typeof caseModes)[number];

/**
 * Why a member cannot be removed by a parent: Veilig Thuis during an investigation, the Raad, a jeugdbeschermer
 * under a court order. 'none' for everyone else.
 */
export const mandates = ['none', 'vt-investigation', 'raad-investigation', 'court-order'] as const;
export type Mandate = (typeof mandates)[number];

/**
 * The key compartments of a case (DESIGN §4). 'professionals' is never wrapped to a parent; 'members' is
 * wrapped to every active member; 'share:<memberId>' holds the journal entries that parent member shared, and
 * only that parent grants it (to the professionals, never to another parent).
 */
export type Compartment = 'professionals' | 'members' | `share:${string}` | `young:${string}`;

export const shareCompartment = (parentMemberId: string): Compartment => `share:${parentMemberId}`;

/** A young member's own channel: wrapped to that member and the professional who invited them, nobody else. */
export const youngCompartment = (youngMemberId: string): Compartment => `young:${youngMemberId}`;

/** The youngest age at which a child may be invited, and the age from which their consent is asked (ADR 0030). */
export const youngMinimumAge = 12;
export const youngConsentAge = 16;

/** The flows of data about the child a young member of 16 or older gives or refuses consent for. */
export const youngConsentFlows = ['share-entries', 'add-member', 'export'] as const;
export type YoungConsentFlow = (typeof youngConsentFlows)[number];

/** What a flow of data rests on (the consent record). */
export const consentBases = ['parent', 'child', 'parent-and-child', 'meldcode', 'court-order'] as const;
export type ConsentBasis = (typeof consentBases)[number];
export const childKnowsValues = ['yes', 'no', 'unknown'] as const;
export type ChildKnows = (typeof childKnowsValues)[number];

/** A membership as the rules see it. */
export interface MemberFacts {
  memberId: string;
  /** null while invited (nobody has used the code yet). */
  userId: string | null;
  role: CaseRole;
  state: MemberState;
  mandate: Mandate;
  /** A young member's age in whole years by the clock at the time of the decision; absent for everyone else. */
  age?: number | undefined;
}

/** A case as the rules see it, with the acting user's own membership (undefined when they are not a member). */
export interface CaseFacts {
  caseId: string;
  mode: CaseMode;
  /** "Risk in the family" set by one professional and confirmed by a second. */
  riskInFamily: boolean;
  closed: boolean;
  viewer: MemberFacts | undefined;
  /** The member who proposed the risk flag while it waits for a second professional (confirmRiskFlag needs it). */
  riskProposedBy?: string | null;
  /** The pathway the case follows (ADR 0037): 'national' or 'region:VRnn'; absent means national. */
  pathwayKey?: string;
}

/** An action on one member of a case (remove, suspend, confirm): the case, and the member acted on. */
export interface CaseMemberFacts {
  case: CaseFacts;
  target: MemberFacts & {
    invitedByMemberId: string | null;
    /** The member who proposed suspending this one, while it waits for a second professional (confirmSuspension). */
    suspensionProposedBy?: string | null;
  };
}

/** A compartment's key at one epoch, as unwrapped for one member (case-keys.ts). */
export interface CompartmentKey {
  caseId: string;
  compartment: Compartment;
  epoch: number;
  key: SymmetricKey;
}

/**
 * A case opened for one request (cases.service openCase): the viewer is a member the policy lets see the case.
 * Keys are unwrapped on first ask and kept for the request.
 */
export interface OpenedCase {
  facts: CaseFacts & { viewer: MemberFacts };
  /** The viewer's key of a compartment at its current epoch; throws NotFound when the viewer holds none. */
  key(compartment: Compartment): Promise<CompartmentKey>;
  /**
   * The viewer's key of a compartment at an earlier (or the current) epoch, to open what was sealed then (items
   * keep the epoch they were sealed under); throws NotFound when the viewer holds no wrap of that epoch.
   */
  keyAt(compartment: Compartment, epoch: number): Promise<CompartmentKey>;
}

/** Which case roles a professional may take, by their role at their organisation (actor.ts professionalRoles). */
const caseRolesByProfessionalRole: Record<ProfessionalRole, readonly ProfessionalCaseRole[]> = {
  care: ['care', 'coordinator', 'observer'],
  coordinator: ['care', 'coordinator'],
  'veilig-thuis': ['veilig-thuis', 'coordinator'],
  jeugdbescherming: ['jeugdbeschermer', 'coordinator'],
  raad: ['raad'],
  police: ['police'],
  school: ['observer'],
  gp: ['observer'],
};

/**
 * Whether a professional with this role at their organisation may take this case role: a care worker or an
 * organisation's coordinator as care worker or regisseur (a care worker also as observer); Veilig Thuis and a
 * jeugdbeschermer in their own role or as regisseur; the Raad and police only as themselves; school and GP only
 * as observer.
 */
export function caseRoleFits(professionalRole: ProfessionalRole, caseRole: CaseRole): boolean {
  return isProfessionalCaseRole(caseRole) && caseRolesByProfessionalRole[professionalRole].includes(caseRole);
}
