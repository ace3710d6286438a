import { z } from 'zod';
import { parseRecoveryCode } from '../../shared/crypto/recovery-code.js';
import { textField } from '../../shared/http/forms.js';
import { USERNAME_MAX, usernameKey } from './accounts.schema.js';

/*
 * The trusted-person forms (ADR 0049) as zod schemas for parseForm. Messages are catalogue keys. A typed name is
 * only compared, never judged: "no such name" and "wrong code" are one answer (see the service).
 */

export const WAITING_DAYS_MIN = 2;
export const WAITING_DAYS_MAX = 30;
export const WAITING_DAYS_DEFAULT = 7;

/** The fields never drawn again. */
export const trustedPersonSecrets = ['code', 'wachtwoord'] as const;

/** Naming a trusted person: their username, the code they gave in person, the waiting period, the passphrase. */
export const nameTrustedPersonSchema = z.object({
  gebruikersnaam: textField({
    invalid: 'trustedPerson.name.usernameMissing',
    max: USERNAME_MAX,
    min: 1,
  }).transform((name) => usernameKey(name)),
  code: z.preprocess(
    (value) => (value === undefined ? '' : value),
    z
      .string({ error: 'trustedPerson.name.codeMissing' })
      .max(100, { error: 'trustedPerson.name.codeMissing' })
      .transform((raw, context) => {
        const parsed = parseRecoveryCode(raw);
        if ('problem' in parsed) {
          context.addIssue({ code: 'custom', message: 'trustedPerson.name.codeMalformed' });
          return z.NEVER;
        }
        return parsed.bytes;
      }),
  ),
  wachtdagen: z.preprocess(
    (value) => (value === undefined || value === '' ? String(WAITING_DAYS_DEFAULT) : value),
    z
      .string({ error: 'trustedPerson.name.daysInvalid' })
      .regex(/^\d{1,2}$/, { error: 'trustedPerson.name.daysInvalid' })
      .transform(Number)
      .refine((days) => days >= WAITING_DAYS_MIN && days <= WAITING_DAYS_MAX, {
        error: 'trustedPerson.name.daysInvalid',
      }),
  ),
  wachtwoord: z.string().optional().catch(undefined),
});

/** The account a trusted person acts for (form field `eigenaar`): an account id, nothing else. */
export const ownerSchema = z.object({ eigenaar: z.uuid() });

/**
 * The passphrase again, before a recovery code is made for someone else. Its length is confirmPassphrase's to judge:
 * an oversized passphrase is a wrong one, never an absent one (which the 5-minute re-authentication window accepts).
 */
export const passphraseSchema = z.object({ wachtwoord: z.string().optional().catch(undefined) });
