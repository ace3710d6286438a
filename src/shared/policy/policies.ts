import { accountSessionPolicy, passkeyPolicy } from '../../features/accounts/accounts.policy.js';
import { checkOutcomePolicy } from '../../features/check/check.policy.js';
import { contentPagePolicy } from '../../features/content/content.policy.js';
import { organisationPolicy } from '../../features/help/help.policy.js';

/** Every resource type and its rules, listed explicitly (no registration by import side effect). */
export const policies = {
  contentPage: contentPagePolicy,
  checkOutcome: checkOutcomePolicy,
  organisation: organisationPolicy,
  accountSession: accountSessionPolicy,
  passkey: passkeyPolicy,
} as const;

export type PolicyMap = typeof policies;
