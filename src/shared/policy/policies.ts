import { accountPolicy, accountSessionPolicy, passkeyPolicy } from '../../features/accounts/accounts.policy.js';
import { checkOutcomePolicy } from '../../features/check/check.policy.js';
import { contentPagePolicy } from '../../features/content/content.policy.js';
import { organisationPolicy } from '../../features/help/help.policy.js';
import { diaryNotePolicy, journalPolicy } from '../../features/journal/journal.policy.js';
import {
  adminAreaPolicy,
  invitationPolicy,
  organisationVerificationPolicy,
  professionalAccountPolicy,
} from '../../features/professionals/professionals.policy.js';

/** Every resource type and its rules, listed explicitly (no registration by import side effect). */
export const policies = {
  contentPage: contentPagePolicy,
  checkOutcome: checkOutcomePolicy,
  organisation: organisationPolicy,
  accountSession: accountSessionPolicy,
  journal: journalPolicy,
  diaryNote: diaryNotePolicy,
  account: accountPolicy,
  adminArea: adminAreaPolicy,
  invitation: invitationPolicy,
  professionalAccount: professionalAccountPolicy,
  organisationVerification: organisationVerificationPolicy,
  passkey: passkeyPolicy,
} as const;

export type PolicyMap = typeof policies;
