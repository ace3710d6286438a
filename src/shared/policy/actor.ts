/**
 * Who is acting. Accounts arrive with the accounts issue; until then every visitor is anonymous. Roles are
 * listed here so that rules can already be written and tested against them.
 */
export type Role = 'parent' | 'professional' | 'editor' | 'admin';

export type Actor = { kind: 'anonymous' } | { kind: 'user'; userId: string; roles: readonly Role[] };

export const anonymous: Actor = { kind: 'anonymous' };

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.kind === 'user' && actor.roles.includes(role);
}
