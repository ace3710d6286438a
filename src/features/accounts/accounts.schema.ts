import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import type { FieldError } from '../../shared/errors.js';
import type { MessageKey } from '../../shared/i18n/messages.js';

/*
 * Usernames and passphrases. Checked by hand-written rules on top of Unicode normalisation, and against the
 * common/breached password lists shipped in @zxcvbn-ts/language-common (no network).
 */

export const USERNAME_MIN = 3;
export const USERNAME_MAX = 40;
export const PASSPHRASE_MIN_CHARACTERS = 12;
export const PASSPHRASE_MAX_BYTES = 1024;

/** A problem with one of the account forms' fields (gebruikersnaam, wachtwoord, herhaling, herstelcode, …). */
export type FieldProblem = FieldError;

/** The fields of the account forms that are never shown again. */
export const passphraseFields = ['wachtwoord', 'herhaling', 'huidig', 'herstelcode'] as const;

/** The form a username is compared in: "Moeder", "moeder" and look-alike Unicode forms are one name. */
export function usernameKey(username: string): string {
  return username.normalize('NFKC').toLowerCase();
}

export function checkUsername(raw: unknown): { username: string } | { problem: FieldProblem } {
  const problem = (messageKey: MessageKey) => ({ problem: { field: 'gebruikersnaam' as const, messageKey } });
  if (typeof raw !== 'string' || raw.trim() === '') return problem('account.username.missing');
  const username = raw.normalize('NFKC').trim();
  if ([...username].length < USERNAME_MIN || [...username].length > USERNAME_MAX)
    return problem('account.username.length');
  if (!/^[\p{L}\p{N}._-]+$/u.test(username)) return problem('account.username.characters');
  return { username };
}

const zxcvbn = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

export function checkNewPassphrase(raw: unknown, again: unknown, username: string): FieldProblem | undefined {
  const problem = (messageKey: MessageKey, field: 'wachtwoord' | 'herhaling' = 'wachtwoord') => ({ field, messageKey });
  if (typeof raw !== 'string' || raw === '') return problem('account.passphrase.missing');
  const passphrase = raw.normalize('NFC');
  if (Buffer.byteLength(passphrase, 'utf8') > PASSPHRASE_MAX_BYTES) return problem('account.passphrase.tooLong');
  if ([...passphrase].length < PASSPHRASE_MIN_CHARACTERS) return problem('account.passphrase.tooShort');
  if (typeof again !== 'string' || again.normalize('NFC') !== passphrase)
    return problem('account.passphrase.mismatch', 'herhaling');
  const result = zxcvbn.check(passphrase.slice(0, 256), [username]);
  if (result.score < 3) return problem('account.passphrase.weak');
  return undefined;
}
