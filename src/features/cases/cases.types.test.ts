import assert from 'node:assert/strict';
import { test } from 'node:test';
import { professionalRoles } from '../../shared/policy/actor.js';
import { caseRoleFits, caseRoles, type ProfessionalCaseRole } from './cases.types.js';

/* Which case roles a professional may take, by their role at their organisation: every pair, stated by case role. */

const takenBy: Record<ProfessionalCaseRole, readonly string[]> = {
  care: ['care', 'coordinator'],
  coordinator: ['care', 'coordinator', 'jeugdbescherming', 'veilig-thuis'],
  'veilig-thuis': ['veilig-thuis'],
  jeugdbeschermer: ['jeugdbescherming'],
  raad: ['raad'],
  police: ['police'],
  observer: ['school', 'gp', 'care'],
};

test('caseRoleFits: every professional role × case role', () => {
  for (const caseRole of caseRoles) {
    if (caseRole === 'parent' || caseRole === 'young') continue;
    for (const role of professionalRoles) {
      assert.equal(caseRoleFits(role, caseRole), takenBy[caseRole].includes(role), `${role} as ${caseRole}`);
    }
  }
});

test('caseRoleFits: police only as police, and nobody but police as police; school and GP only observe', () => {
  assert.deepEqual(
    caseRoles.filter((caseRole) => caseRole !== 'parent' && caseRoleFits('police', caseRole)),
    ['police'],
  );
  for (const role of ['school', 'gp'] as const) {
    assert.deepEqual(
      caseRoles.filter((caseRole) => caseRole !== 'parent' && caseRoleFits(role, caseRole)),
      ['observer'],
    );
  }
});
