import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Actor } from '../../src/shared/policy/actor.js';
import { inScope, type Scope } from '../../src/shared/policy/policy.js';
import { type ActionOf, type ResourceOf, type ResourceType, can } from '../../src/policies.js';

export interface PolicyCase<Type extends ResourceType> {
  actor: string;
  action: ActionOf<Type>;
  resource: string;
  allowed: boolean;
}

/**
 * Runs a policy as a table: every named actor × action × resource state gets its own test, so a failing
 * rule names the exact combination. Every combination must be listed: a table that leaves one out fails,
 * so a new action or role cannot slip in untested.
 */
export function policyTable<Type extends ResourceType>(
  type: Type,
  actors: Record<string, Actor>,
  resources: Record<string, ResourceOf<Type>>,
  actions: readonly ActionOf<Type>[],
  cases: readonly PolicyCase<Type>[],
): void {
  const expected = actions.length * Object.keys(actors).length * Object.keys(resources).length;
  test(`${type} policy table covers every actor × action × resource (${expected} cases)`, () => {
    const seen = new Set(cases.map((row) => `${row.actor}|${row.action}|${row.resource}`));
    assert.equal(seen.size, cases.length, 'a combination is listed twice');
    assert.equal(cases.length, expected, 'the table is missing combinations');
  });
  for (const row of cases) {
    const actor = actors[row.actor];
    const resource = resources[row.resource];
    assert.ok(actor !== undefined && resource !== undefined, `unknown actor or resource in ${JSON.stringify(row)}`);
    test(`${row.actor} ${row.allowed ? 'may' : 'may not'} ${row.action} a ${row.resource} ${type}`, () => {
      assert.equal(can(actor, type, row.action, resource), row.allowed);
    });
  }
}

/** Builds the full table from a compact grid: for each action and resource, the actors that are allowed. */
export function gridToCases<Type extends ResourceType>(
  actorNames: readonly string[],
  grid: Record<ActionOf<Type>, Record<string, readonly string[]>>,
): PolicyCase<Type>[] {
  const cases: PolicyCase<Type>[] = [];
  for (const [action, byResource] of Object.entries(grid) as [ActionOf<Type>, Record<string, readonly string[]>][]) {
    for (const [resource, allowedActors] of Object.entries(byResource)) {
      for (const actor of actorNames) cases.push({ actor, action, resource, allowed: allowedActors.includes(actor) });
    }
  }
  return cases;
}

/**
 * A scope narrows a list in SQL instead of asking the rule row by row, so it must agree with the rule: for every
 * named actor × resource, the resource is inside the actor's scope exactly when the rule allows the action.
 */
export function scopeTable<Type extends ResourceType, Column extends string>(
  type: Type,
  action: ActionOf<Type>,
  actors: Record<string, Actor>,
  scope: (actor: Actor) => Scope<Column>,
  resources: Record<string, ResourceOf<Type> & Partial<Record<Column, string>>>,
): void {
  for (const [actorName, actor] of Object.entries(actors)) {
    test(`the ${type}.${action} scope of ${actorName} holds exactly the resources the rule allows`, () => {
      const allowed = Object.keys(resources).filter((name) => can(actor, type, action, resources[name]!));
      const scoped = Object.keys(resources).filter((name) => inScope(scope(actor), resources[name]!));
      assert.deepEqual(scoped, allowed);
    });
  }
}
