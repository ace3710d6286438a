import { NotFound } from '../errors.js';
import type { Actor } from './actor.js';

/*
 * The one way access is decided. Each feature writes its rules in <feature>.policy.ts; src/policies.ts (the
 * composition root, next to src/services.ts) collects them in an explicit map and binds this module to it, so
 * nothing under src/shared/ knows a feature. Services call authorize() before any side effect; views receive
 * abilities() so templates never re-code a rule; long lists are narrowed in SQL by a scope (scopeOf), never
 * filtered in memory.
 */

/**
 * A rule answers for one actor, action and resource. Rules are pure: no I/O, no clock unless passed in. Facts
 * about the actor that are loaded once per request (an active professional's organisation and role today, case
 * memberships later) ride on the actor; facts about the resource are passed in the resource.
 */
export type Rule<Resource> = (actor: Actor, resource: Resource) => boolean;

/** Rules per action of one resource type. */
export type ResourceRules = Record<string, Rule<never>>;

/** Every resource type and its rules. */
export type PolicyRules = Record<string, ResourceRules>;

export type ResourceTypeOf<Map extends PolicyRules> = keyof Map & string;
export type ActionIn<Map extends PolicyRules, Type extends keyof Map> = keyof Map[Type] & string;
export type ResourceIn<Map extends PolicyRules, Type extends keyof Map> = Map[Type][ActionIn<Map, Type>] extends (
  actor: Actor,
  resource: infer Resource,
) => boolean
  ? Resource
  : never;

/**
 * Which rows of a list an actor may see for an action, as a condition a repository turns into SQL: every row,
 * none, or the rows whose named columns equal one of the given sets of values (an OR of ANDs), for example
 * `{ anyOf: [{ organisationId: 'o1' }, { userId: 'u1' }] }`. A scope must agree with its rule: a row is in the
 * scope exactly when the rule allows the action on it (tested per resource type).
 */
export type Scope<Column extends string = string> =
  'all' | 'none' | { anyOf: readonly [Partial<Record<Column, string>>, ...Partial<Record<Column, string>>[]] };

/** Builds a scope from the conditions that apply (undefined ones dropped); no condition means no rows. */
export function scopeOfConditions<Column extends string>(
  ...conditions: (Partial<Record<Column, string>> | undefined)[]
): Scope<Column> {
  const present = conditions.filter((condition) => condition !== undefined);
  const [first, ...rest] = present;
  return first === undefined ? 'none' : { anyOf: [first, ...rest] };
}

/** Whether a row (its column values) is inside a scope: what the SQL does, for tests and small in-memory sets. */
export function inScope<Column extends string>(scope: Scope<Column>, row: Partial<Record<Column, string>>): boolean {
  if (scope === 'all') return true;
  if (scope === 'none') return false;
  return scope.anyOf.some((condition) =>
    (Object.entries(condition) as [Column, string][]).every(([column, value]) => row[column] === value),
  );
}

/** The policy functions bound to one map of rules (see src/policies.ts). */
export function createPolicy<Map extends PolicyRules>(policies: Map) {
  type Type = ResourceTypeOf<Map>;

  function can<T extends Type>(actor: Actor, type: T, action: ActionIn<Map, T>, resource: ResourceIn<Map, T>): boolean {
    const rule = policies[type]?.[action] as Rule<ResourceIn<Map, T>> | undefined;
    // No rule means no access: a new action is closed until someone writes its rule.
    return rule !== undefined && rule(actor, resource);
  }

  /**
   * Throws when the actor may not act. A resource the actor may not act on is reported as not found, so its
   * existence is not revealed.
   */
  function authorize<T extends Type>(
    actor: Actor,
    type: T,
    action: ActionIn<Map, T>,
    resource: ResourceIn<Map, T>,
  ): void {
    if (!can(actor, type, action, resource)) throw new NotFound(`${type}.${action} denied`);
  }

  /** Every action of a resource type answered for one actor, for views. */
  function abilities<T extends Type>(
    actor: Actor,
    type: T,
    resource: ResourceIn<Map, T>,
  ): Record<ActionIn<Map, T>, boolean> {
    const rules = policies[type] as unknown as Record<string, Rule<ResourceIn<Map, T>>>;
    const answer: Record<string, boolean> = {};
    for (const action of Object.keys(rules)) answer[action] = rules[action]?.(actor, resource) ?? false;
    return answer;
  }

  return { can, authorize, abilities };
}
