/*
 * The log keys this verifier trusts (docs/export-format.md §7): key id (hex SHA-256 of the SPKI DER) → the
 * SPKI DER in base64. When the server's LOG_SIGNING_KEY is rotated, add the new public key here and keep the
 * old one, so bundles signed with it keep verifying. Production keys are added when the service publishes its
 * first one; until then the CLI takes `--log-key` and the app's /verifieer page also trusts the app's own
 * configured key.
 */
export const pinnedLogKeys: Readonly<Record<string, string>> = Object.freeze({});

export interface LogPublicKey {
  /** hex(SHA-256(SPKI DER)). */
  id: string;
  /** SPKI DER in base64. */
  spkiB64: string;
}

/** The pinned list plus other trusted keys (e.g. the app's configured log key), as verifyBundle's option. */
export function trustedLogKeys(extra: readonly LogPublicKey[] = []): Readonly<Record<string, string>> {
  const keys: Record<string, string> = { ...pinnedLogKeys };
  for (const key of extra) keys[key.id] = key.spkiB64;
  return keys;
}
