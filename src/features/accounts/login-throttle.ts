import { isIPv6 } from 'node:net';
import type { KeyedHash } from '../../shared/crypto/keyed-hash.js';
import type { AccountsRepository } from './accounts.repo.js';

/*
 * Throttling of passphrase, recovery-code, second-factor and sign-up attempts
 * (docs/adr/0015-login-throttling-and-session-bound-csrf.md).
 *
 * - Per account name and client address together: the first 4 failures cost nothing, then refusals of 2, 4, 8 …
 *   seconds, at most 15 minutes. This stops a brute force from one address, and only that address.
 * - Per client address alone: generous (100 failures free), against one address trying many names, without
 *   locking out a school or an office behind one address.
 * - Per account name alone: never a refusal, only a wait before the answer (at most 3 seconds). So nobody who
 *   does not know the passphrase can keep its owner out, from any number of addresses.
 * - The second factor (a code or a passkey) per account: reached only with the passphrase.
 *
 * An IPv6 address counts by its /64 network (throttledAddress). What was typed and the address are stored only
 * as keyed hashes (HMAC-SHA-256 under a key from the pepper, with the kind as purpose label), and a row is
 * deleted an hour after its last failure.
 */

/** A row whose last failure is older than this is forgotten (and deleted). */
const THROTTLE_WINDOW_MS = 60 * 60_000;

/** Growing refusals, never a permanent lock: the first 4 failures cost nothing, then 2, 4, 8 … s, at most 15 min. */
export function throttleDelayMs(failures: number): number {
  if (failures <= 4) return 0;
  return Math.min(2 ** (failures - 4) * 1000, 15 * 60_000);
}

/** Per client address: the same curve, after 100 failures (many people may share one address). */
export const addressDelayMs = (failures: number): number => throttleDelayMs(failures - 96);

/** Failed sign-ups ("this name is taken") per address: 10 free, then the same curve. */
export const signUpDelayMs = (failures: number): number => throttleDelayMs(failures - 6);

/** Per account name: a wait before the answer, from the 10th failure, growing to at most 3 seconds. */
export const ACCOUNT_WAIT_MAX_MS = 3000;
export function accountWaitMs(failures: number): number {
  if (failures < 10) return 0;
  return Math.min(250 * 2 ** (failures - 10), ACCOUNT_WAIT_MAX_MS);
}

/**
 * The address as the throttle counts it: an IPv6 address by its /64 network (one household or site usually has a
 * whole /64, so counting single addresses would give it billions of fresh starts); an IPv4-mapped IPv6 address
 * as the IPv4 address; anything else as it is.
 */
export function throttledAddress(address: string): string {
  const plain = address.split('%')[0] ?? address;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(plain);
  if (mapped !== null) return mapped[1]!;
  if (!isIPv6(plain)) return plain;
  const groupsOf = (part: string): string[] =>
    part === '' ? [] : part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group]));
  const [head = '', tail] = plain.split('::');
  const headGroups = groupsOf(head);
  const tailGroups = tail === undefined ? [] : groupsOf(tail);
  const groups = [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

type Kind = 'pair' | 'account' | 'address' | 'second-factor' | 'sign-up';

/** What a kind of row does: refuse for a while, or make the answer wait (bounded). */
const policies: Record<Kind, { refuseMs: (failures: number) => number; waitMs: (failures: number) => number }> = {
  pair: { refuseMs: throttleDelayMs, waitMs: () => 0 },
  account: { refuseMs: () => 0, waitMs: accountWaitMs },
  address: { refuseMs: addressDelayMs, waitMs: () => 0 },
  'second-factor': { refuseMs: throttleDelayMs, waitMs: () => 0 },
  'sign-up': { refuseMs: signUpDelayMs, waitMs: () => 0 },
};

/** The rows one attempt looks at; `cleared` are the ones a success forgets (never the address alone). */
export interface ThrottleKeys {
  all: { key: string; kind: Kind }[];
  cleared: string[];
}

export type ThrottleRepository = Pick<
  AccountsRepository,
  'findThrottle' | 'recordFailures' | 'clearThrottle' | 'sweepThrottle'
>;

export function createLoginThrottle(
  repo: ThrottleRepository,
  hash: KeyedHash,
  clock: () => Date,
  wait: (ms: number) => Promise<void>,
) {
  const key = (kind: Kind, value: string) => ({ key: `${kind}:${hash(`login-throttle/${kind}`, value)}`, kind });
  const addressKey = (kind: Kind, clientAddress: string) => key(kind, throttledAddress(clientAddress));
  const staleBefore = (now: Date) => new Date(now.getTime() - THROTTLE_WINDOW_MS);

  return {
    /** A passphrase or recovery code for an account name (normalised key, known or not) from an address. */
    accountKeys(usernameKey: string, clientAddress: string): ThrottleKeys {
      const pair = key('pair', `${usernameKey}\u0000${throttledAddress(clientAddress)}`);
      const account = key('account', usernameKey);
      return { all: [pair, account, addressKey('address', clientAddress)], cleared: [pair.key, account.key] };
    },

    /** A second-factor code or passkey for a user who gave the passphrase, from an address. */
    secondFactorKeys(userId: string, clientAddress: string): ThrottleKeys {
      const account = key('second-factor', userId);
      return { all: [account, addressKey('address', clientAddress)], cleared: [account.key] };
    },

    /** Sign-ups from an address that were told a name is taken. */
    signUpKeys(clientAddress: string): ThrottleKeys {
      return { all: [addressKey('sign-up', clientAddress)], cleared: [] };
    },

    /** The rows to delete with an account (its name and its second factor). */
    accountRows(usernameKey: string, userId: string): string[] {
      return [key('account', usernameKey).key, key('second-factor', userId).key];
    },

    /**
     * Whether this attempt may be checked now: the moment to try again when a refusal is running, or undefined
     * after waiting what the account's recent failures ask for (at most ACCOUNT_WAIT_MAX_MS).
     */
    async admit(keys: ThrottleKeys): Promise<Date | undefined> {
      const now = clock();
      const rows = await repo.findThrottle(
        keys.all.map((entry) => entry.key),
        staleBefore(now),
      );
      const kindOf = new Map(keys.all.map((entry) => [entry.key, entry.kind]));
      const until = Math.max(0, ...rows.map((row) => Date.parse(row.blockedUntil)));
      if (until > now.getTime()) return new Date(until);
      const waitMs = Math.max(0, ...rows.map((row) => policies[kindOf.get(row.key) ?? 'pair'].waitMs(row.failures)));
      if (waitMs > 0) await wait(Math.min(waitMs, ACCOUNT_WAIT_MAX_MS));
      return undefined;
    },

    async failed(keys: ThrottleKeys): Promise<void> {
      const now = clock();
      await repo.recordFailures(
        keys.all.map(({ key: rowKey, kind }) => ({ key: rowKey, blockFor: policies[kind].refuseMs })),
        now,
        staleBefore(now),
      );
    },

    async succeeded(keys: ThrottleKeys): Promise<void> {
      await repo.clearThrottle(keys.cleared, staleBefore(clock()));
    },

    /** Deletes the rows past the window (also done on every write); returns how many. */
    sweep: (): Promise<number> => repo.sweepThrottle(staleBefore(clock())),
  };
}
