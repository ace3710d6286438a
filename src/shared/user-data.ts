import type { CurrentSession } from './auth/session.js';
import type { SymmetricKey } from './crypto/aead.js';
import type { Trx } from './db/transaction.js';
import type { Actor } from './policy/actor.js';

/** An account's master key at one epoch: what data keys are wrapped under (ADR 0008). */
export interface MasterKeyAtEpoch {
  masterKey: SymmetricKey;
  epoch: number;
}

/**
 * What a feature that holds a user's data does for the account's own actions (ADR 0017). Every feature that
 * stores something of a user implements all four, even as "nothing to do" with the reason, and is listed in
 * `userData` in src/services.ts; key rotation, "download my data", account deletion and the end of a
 * session go through that list and name no feature themselves. src/user-data.test.ts fails for a listed
 * feature without its own test case.
 */
export interface UserDataHolder {
  /** The feature's name: the key of its part in "download my data", and of its test case. */
  readonly feature: string;
  /**
   * Key rotation: re-wraps (never re-encrypts) this feature's data keys of the user from the old master key to
   * the new one, in the rotation's transaction, which already holds the user's row lock. Returns counts.
   */
  rewrapKeys(trx: Trx, userId: string, from: MasterKeyAtEpoch, to: MasterKeyAtEpoch): Promise<Record<string, number>>;
  /**
   * "Download my data": this feature's part, as the user wrote it, under keys of its own that are added to the
   * download (the journal: `journal` and `diary`); {} when it holds nothing to show.
   */
  exportData(session: CurrentSession, actor: Actor): Promise<Record<string, unknown>>;
  /** Account deletion: removes this feature's rows of the user, in the deletion's transaction. */
  deleteData(trx: Trx, userId: string): Promise<void>;
  /** A session ended (logout, quick exit, expiry): forgets what the feature keeps for that session only. */
  forgetSession(sessionIdHash: string): Promise<void> | void;
}
