import { NotFound } from '../errors.js';
import type { Actor } from './actor.js';
import { type PolicyMap, policies } from './policies.js';

/*
 * The one place where access is decided. Each feature writes its rules in <feature>.policy.ts; policies.ts
 * collects them in an explicit map. Services call authorize() before acting; views receive abilities() so
 * templates never re-code a rule; lists are filtered with can().
 */

export type ResourceType = keyof PolicyMap;
export type ActionOf<Type extends ResourceType> = keyof PolicyMap[Type] & string;
export type ResourceOf<Type extends ResourceType> = PolicyMap[Type][ActionOf<Type>] extends (
  actor: Actor,
  resource: infer Resource,
) => boolean
  ? Resource
  : never;

/** A rule answers for one actor, action and resource. Rules are pure: no I/O, no clock unless passed in. */
export type Rule<Resource> = (actor: Actor, resource: Resource) => boolean;

export function can<Type extends ResourceType>(
  actor: Actor,
  type: Type,
  action: ActionOf<Type>,
  resource: ResourceOf<Type>,
): boolean {
  const rule = policies[type][action] as Rule<ResourceOf<Type>> | undefined;
  // No rule means no access: a new action is closed until someone writes its rule.
  return rule !== undefined && rule(actor, resource);
}

/**
 * Throws when the actor may not act. A resource the actor may not act on is reported as not found, so its
 * existence is not revealed.
 */
export function authorize<Type extends ResourceType>(
  actor: Actor,
  type: Type,
  action: ActionOf<Type>,
  resource: ResourceOf<Type>,
): void {
  if (!can(actor, type, action, resource)) throw new NotFound(`${type}.${action} denied`);
}

/** Every action of a resource type answered for one actor, for views. */
export function abilities<Type extends ResourceType>(
  actor: Actor,
  type: Type,
  resource: ResourceOf<Type>,
): Record<ActionOf<Type>, boolean> {
  const rules = policies[type] as Record<string, Rule<ResourceOf<Type>>>;
  const answer: Record<string, boolean> = {};
  for (const action of Object.keys(rules)) answer[action] = rules[action]?.(actor, resource) ?? false;
  return answer;
}
