import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseForm } from '../../shared/http/forms.js';
import { loadPassphraseRules, newPassphraseSchema, recoverySchema, signUpSchema } from './accounts.schema.js';

// zxcvbn's lists are loaded at first use (ADR 0051). Each test file runs in its own process, so here they are not
// loaded yet when the first test runs: a schema used before loadPassphraseRules() must refuse to judge.
const weak = 'wachtwoord123';

test('a new passphrase is never accepted unjudged: before the lists are loaded, every schema throws', () => {
  const forms = [
    () => parseForm(signUpSchema, { gebruikersnaam: 'moeder', wachtwoord: weak, herhaling: weak }),
    () =>
      parseForm(recoverySchema, {
        gebruikersnaam: 'moeder',
        herstelcode: 'x',
        wachtwoord: weak,
        herhaling: weak,
      }),
    () => parseForm(newPassphraseSchema('moeder'), { wachtwoord: weak, herhaling: weak }),
  ];
  for (const parse of forms) assert.throws(parse, /loadPassphraseRules/);
});

test('once the lists are loaded, a weak passphrase is refused and a strong one accepted', async () => {
  await loadPassphraseRules();
  await loadPassphraseRules(); // loading twice is harmless
  const refused = parseForm(signUpSchema, { gebruikersnaam: 'moeder', wachtwoord: weak, herhaling: weak });
  assert.equal(refused.ok, false);
  assert.deepEqual(!refused.ok && refused.problems, [{ field: 'wachtwoord', messageKey: 'account.passphrase.weak' }]);
  const strong = 'paarse olifant danst op het dak 7';
  const accepted = parseForm(signUpSchema, { gebruikersnaam: 'moeder', wachtwoord: strong, herhaling: strong });
  assert.deepEqual(accepted.ok && accepted.value, { username: 'moeder', passphrase: strong });
});
