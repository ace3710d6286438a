import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { z } from 'zod';
import type { FieldError } from '../../shared/errors.js';
import { parseRecoveryCode } from '../../shared/crypto/recovery-code.js';
import type { MessageKey } from '../../shared/i18n/messages.js';

/*
 * Usernames and passphrases. Checked by hand-written rules on top of Unicode normalisation, and against the
 * common/breached password lists shipped in @zxcvbn-ts/language-common (no network).
 */

const USERNAME_MIN = 3;
export const USERNAME_MAX = 40;
const PASSPHRASE_MIN_CHARACTERS = 12;
export const PASSPHRASE_MAX_BYTES = 1024;

/** A problem with one of the account forms' fields (gebruikersnaam, wachtwoord, herhaling, herstelcode, …). */
export type FieldProblem = FieldError;

/** The fields of the account forms that are never shown again. */
export const passphraseFields = ['wachtwoord', 'herhaling', 'huidig', 'herstelcode'] as const;

/** The form a username is compared in: "Moeder", "moeder" and look-alike Unicode forms are one name. */
export function usernameKey(username: string): string {
  return username.normalize('NFKC').toLowerCase();
}

function checkUsername(raw: unknown): { username: string } | { problem: FieldProblem } {
  const problem = (messageKey: MessageKey) => ({ problem: { field: 'gebruikersnaam' as const, messageKey } });
  if (typeof raw !== 'string' || raw.trim() === '') return problem('account.username.missing');
  const username = raw.normalize('NFKC').trim();
  if ([...username].length < USERNAME_MIN || [...username].length > USERNAME_MAX)
    return problem('account.username.length');
  if (!/^[\p{L}\p{N}._-]+$/u.test(username)) return problem('account.username.characters');
  return { username };
}

let zxcvbn: ZxcvbnFactory | undefined;
let zxcvbnLoading: Promise<void> | undefined;

/**
 * Loads the password lists and builds zxcvbn's ranked dictionaries, once: about 16 MB of resident memory that
 * an instance needs only when someone chooses a passphrase (issue 17), so not at start-up. Await it before
 * parsing a form with signUpSchema, recoverySchema or newPassphraseSchema; without it they throw, never accept.
 */
export function loadPassphraseRules(): Promise<void> {
  return (zxcvbnLoading ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([{ ZxcvbnFactory }, common]) => {
      zxcvbn = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
    },
  ));
}

function checkNewPassphrase(raw: unknown, again: unknown, username: string): FieldProblem | undefined {
  const problem = (messageKey: MessageKey, field: 'wachtwoord' | 'herhaling' = 'wachtwoord') => ({ field, messageKey });
  if (typeof raw !== 'string' || raw === '') return problem('account.passphrase.missing');
  const passphrase = raw.normalize('NFC');
  if (Buffer.byteLength(passphrase, 'utf8') > PASSPHRASE_MAX_BYTES) return problem('account.passphrase.tooLong');
  if ([...passphrase].length < PASSPHRASE_MIN_CHARACTERS) return problem('account.passphrase.tooShort');
  if (typeof again !== 'string' || again.normalize('NFC') !== passphrase)
    return problem('account.passphrase.mismatch', 'herhaling');
  if (zxcvbn === undefined) throw new Error('loadPassphraseRules() was not awaited before judging a passphrase');
  const result = zxcvbn.check(passphrase.slice(0, 256), [username]);
  if (result.score < 3) return problem('account.passphrase.weak');
  return undefined;
}

/*
 * The account forms as zod schemas for parseForm (src/shared/http/forms.ts). The rules above stay the rules;
 * the schemas say which field each problem belongs to. A new passphrase is judged against the username, so it
 * is checked on the whole form, and also when the username has a problem of its own (both are shown).
 */

/** A username as chosen at sign-up (checkUsername). */
const chosenUsername = z
  .unknown()
  .optional()
  .transform((raw, context) => {
    const checked = checkUsername(raw);
    if ('username' in checked) return checked.username;
    context.addIssue({ code: 'custom', message: checked.problem.messageKey });
    return z.NEVER;
  });

/** A username as typed to log in or recover: NFKC, trimmed, not empty, at most 100 characters. */
const typedUsername = z
  .string({ error: 'account.username.missing' })
  .transform((raw) => raw.normalize('NFKC').trim())
  .refine((name) => name !== '' && name.length <= 100, { error: 'account.username.missing' });

const always = { when: () => true };

/** Adds the problem of the new passphrase (wachtwoord, herhaling) to a form's issues, judged against `username`. */
function checkNewPassphraseIn(
  form: { wachtwoord?: unknown; herhaling?: unknown },
  context: z.RefinementCtx,
  username: unknown,
): void {
  const problem = checkNewPassphrase(form.wachtwoord, form.herhaling, typeof username === 'string' ? username : '');
  if (problem !== undefined) context.addIssue({ code: 'custom', path: [problem.field], message: problem.messageKey });
}

/** Sign-up (a parent, an admin's set-up link, an invited professional): a username and a new passphrase. */
export const signUpSchema = z
  .object({ gebruikersnaam: chosenUsername, wachtwoord: z.unknown().optional(), herhaling: z.unknown().optional() })
  .superRefine((form, context) => checkNewPassphraseIn(form, context, form.gebruikersnaam), always)
  .transform((form) => ({ username: form.gebruikersnaam, passphrase: form.wachtwoord as string }));

/** Login: both fields given, neither longer than a username or passphrase can be (one answer for every problem). */
export const loginSchema = z.object({
  gebruikersnaam: typedUsername,
  wachtwoord: z
    .string()
    .min(1)
    .refine((passphrase) => Buffer.byteLength(passphrase) <= PASSPHRASE_MAX_BYTES),
});

/** Recovery: the username, the recovery code (its own messages: length, characters, checksum), a new passphrase. */
export const recoverySchema = z
  .object({
    gebruikersnaam: typedUsername,
    herstelcode: z
      .unknown()
      .optional()
      .transform((raw, context) => {
        const parsed = parseRecoveryCode(typeof raw === 'string' ? raw : '');
        if ('bytes' in parsed) return parsed.bytes;
        context.addIssue({ code: 'custom', message: `account.recover.code.${parsed.problem}` });
        return z.NEVER;
      }),
    wachtwoord: z.unknown().optional(),
    herhaling: z.unknown().optional(),
  })
  .superRefine((form, context) => checkNewPassphraseIn(form, context, form.gebruikersnaam), always)
  .transform((form) => ({
    username: form.gebruikersnaam,
    code: form.herstelcode,
    passphrase: form.wachtwoord as string,
  }));

/** A new passphrase for a signed-in account (change, key rotation), judged against its username. */
export const newPassphraseSchema = (username: string) =>
  z
    .object({ wachtwoord: z.unknown().optional(), herhaling: z.unknown().optional() })
    .superRefine((form, context) => checkNewPassphraseIn(form, context, username))
    .transform((form) => ({ passphrase: form.wachtwoord as string }));

/** A six-digit code from an authenticator app, spaces allowed; anything else is no code. */
export const codeSchema = z.object({
  code: z
    .string()
    .transform((raw) => raw.replace(/\s/g, ''))
    .refine((code) => /^\d{6}$/.test(code)),
});

/** The passphrase given again before a sensitive action; anything but one string counts as no passphrase. */
export const passphraseAgainSchema = z.object({ wachtwoord: z.string().optional() });

/** The address for notices: empty (none), or an e-mail address. */
export const noticeEmailSchema = z.object({
  email: z
    .string({ error: 'account.email.invalid' })
    .trim()
    .refine((value) => value === '' || (value.length <= 254 && z.email().safeParse(value).success), {
      error: 'account.email.invalid',
    }),
});

/** One of the user's sessions, named by its id hash. */
export const sessionIdSchema = z.object({ sessie: z.string().regex(/^[0-9a-f]{64}$/) });
