import { accountPolicy, accountSessionPolicy, passkeyPolicy } from './features/accounts/accounts.policy.js';
import { caseMemberPolicy, casePolicy } from './features/cases/cases.policy.js';
import { trustedPersonPagePolicy, trustedPersonPolicy } from './features/accounts/trusted-person.policy.js';
import { checkOutcomePolicy } from './features/check/check.policy.js';
import { contentPagePolicy } from './features/content/content.policy.js';
import { feedbackTextPolicy } from './features/feedback/feedback.policy.js';
import { editorialDocumentPolicy } from './features/editorial/editorial.policy.js';
import { organisationPolicy } from './features/help/help.policy.js';
import { organisationInsightsPolicy } from './features/insights/organisation-insights.policy.js';
import { surveyPolicy, surveyTextPolicy } from './features/survey/survey.policy.js';
import { translationReviewPolicy } from './features/translation-review/translation-review.policy.js';
import { knowledgeArticlePolicy } from './features/knowledge/knowledge.policy.js';
import { diaryNotePolicy, journalPolicy, journalScopes } from './features/journal/journal.policy.js';
import {
  adminAreaPolicy,
  coordinatorAreaPolicy,
  invitationPolicy,
  organisationVerificationPolicy,
  professionalAccountPolicy,
  professionalAccountScopes,
} from './features/professionals/professionals.policy.js';
import type { Actor } from './shared/policy/actor.js';
import { type ActionIn, createPolicy, type ResourceIn, type Scope } from './shared/policy/policy.js';

/**
 * The policy map: every resource type and its rules, listed explicitly (no registration by import side effect).
 * It lives here, in the composition root beside src/services.ts, so src/shared/ never imports a feature (a lint
 * rule keeps it so). A new feature adds its <feature>.policy.ts here, and a table test beside it.
 */
export const policies = {
  contentPage: contentPagePolicy,
  knowledgeArticle: knowledgeArticlePolicy,
  feedbackText: feedbackTextPolicy,
  checkOutcome: checkOutcomePolicy,
  organisation: organisationPolicy,
  accountSession: accountSessionPolicy,
  journal: journalPolicy,
  diaryNote: diaryNotePolicy,
  account: accountPolicy,
  adminArea: adminAreaPolicy,
  coordinatorArea: coordinatorAreaPolicy,
  invitation: invitationPolicy,
  professionalAccount: professionalAccountPolicy,
  organisationVerification: organisationVerificationPolicy,
  passkey: passkeyPolicy,
  trustedPerson: trustedPersonPolicy,
  trustedPersonPage: trustedPersonPagePolicy,
  case: casePolicy,
  caseMember: caseMemberPolicy,
  editorialDocument: editorialDocumentPolicy,
  organisationInsights: organisationInsightsPolicy,
  survey: surveyPolicy,
  surveyText: surveyTextPolicy,
  translationReview: translationReviewPolicy,
} as const;

export type PolicyMap = typeof policies;
export type ResourceType = keyof PolicyMap;
export type ActionOf<Type extends ResourceType> = ActionIn<PolicyMap, Type>;
export type ResourceOf<Type extends ResourceType> = ResourceIn<PolicyMap, Type>;

export const { can, authorize, abilities } = createPolicy(policies);

/**
 * The scopes: for a list, which rows an actor may act on, as a condition the repository puts in SQL (see Scope
 * in src/shared/policy/policy.ts). Each scope agrees with the rule of the same type and action (tested).
 */
export const scopes = {
  journal: journalScopes,
  professionalAccount: professionalAccountScopes,
} as const;

type Scopes = typeof scopes;

export function scopeOf<Type extends keyof Scopes, Action extends keyof Scopes[Type] & ActionOf<Type>>(
  actor: Actor,
  type: Type,
  action: Action,
): Scopes[Type][Action] extends (actor: Actor) => infer Result ? Result : Scope {
  const scope = scopes[type][action] as (actor: Actor) => Scope;
  return scope(actor) as Scopes[Type][Action] extends (actor: Actor) => infer Result ? Result : Scope;
}
