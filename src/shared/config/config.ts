import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { cosignatureType, isKeyName, parseVkey } from '../evidence/note.js';

/** Raised when the environment holds a value the app cannot start with; the message names each variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const booleanText = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** Passphrase hashes run at once when ARGON2_CONCURRENCY is not set: the cores this process may use, at most 4. */
export function defaultArgon2Concurrency(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { message: `must be a whole number between ${min} and ${max}` })
    .transform(Number)
    .refine((value) => value >= min && value <= max, {
      message: `must be a whole number between ${min} and ${max}`,
    });

/*
 * TRUST_PROXY follows Fastify's trustProxy option: "true"/"false", or a comma-separated list of addresses/CIDR
 * ranges of the proxies in front of the app. It decides whether X-Forwarded-* is believed, which matters for
 * rate limiting per client address and for sending HSTS only over HTTPS. A hop count is refused: Fastify 5
 * treats a number as "trust no proxy" (it cannot check the peer), which would silently turn these off.
 */
const trustProxy = z
  .string()
  .trim()
  .transform((value, context): boolean | string[] => {
    if (value === '' || value === 'false') return false;
    if (value === 'true') return true;
    const parts = value.split(',').map((part) => part.trim());
    const isAddress = (part: string) => {
      const [address = '', prefix] = part.split('/');
      const version = isIP(address);
      const maxPrefix = version === 4 ? 32 : 128;
      return version !== 0 && (prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix));
    };
    if (parts.every(isAddress)) return parts;
    context.addIssue({
      code: 'custom',
      message:
        "must be true, false, or a comma-separated list of the proxies' IP addresses (a hop count is not supported)",
    });
    return z.NEVER;
  });

const schema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'], { message: 'must be development, production or test' })
    .default('development'),
  HOST: z.string().trim().min(1, { message: 'must not be empty' }).default('localhost'),
  PORT: wholeNumber(0, 65535).default(3000),
  DATA_DIR: z.string().trim().min(1, { message: 'must not be empty' }).default('./data'),
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .refine((value) => value === undefined || value === '' || /^postgres(ql)?:\/\/[^\s]+$/.test(value), {
      message: 'must be empty (SQLite in DATA_DIR) or a postgres:// URL',
    }),
  DATABASE_OWNER_URL: z
    .string()
    .trim()
    .optional()
    .refine((value) => value === undefined || value === '' || /^postgres(ql)?:\/\/[^\s]+$/.test(value), {
      message: 'must be empty or a postgres:// URL of the role that owns the tables (for migrations)',
    }),
  TRUST_PROXY: trustProxy.default(false),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  QUICK_EXIT_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL of a neutral website' })
    .default('https://www.google.nl/'),
  RATE_LIMIT_MAX: wholeNumber(1, 1_000_000).default(300),
  RATE_LIMIT_WINDOW_SECONDS: wholeNumber(1, 86_400).default(60),
  BODY_LIMIT_BYTES: wholeNumber(1024, 10 * 1024 * 1024).default(65_536),
  SECURE_COOKIES: booleanText.optional(),
  PEPPER: z
    .string()
    .trim()
    .refine((value) => /^[A-Za-z0-9+/_-]{43}=?$/.test(value) && Buffer.from(value, 'base64').length === 32, {
      message: 'must be 32 random bytes in base64 (e.g. from: openssl rand -base64 32)',
    })
    .optional(),
  LOG_SIGNING_KEY: z
    .string()
    .trim()
    .refine((value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && Buffer.from(value, 'base64').length === 48, {
      message:
        'must be an Ed25519 private key as base64 PKCS#8 DER (48 bytes), e.g. from: openssl genpkey -algorithm ed25519 -outform DER | base64',
    })
    .optional(),
  LOG_PREVIOUS_PUBLIC_KEYS: z
    .string()
    .trim()
    .refine(
      (value) =>
        value === '' ||
        value
          .split(',')
          .every((key) => /^[A-Za-z0-9+/]+={0,2}$/.test(key.trim()) && Buffer.from(key.trim(), 'base64').length === 44),
      { message: 'must be a comma-separated list of Ed25519 public keys as base64 SPKI DER (44 bytes each)' },
    )
    .default(''),
  LOG_ROOT_INTERVAL_MINUTES: wholeNumber(1, 24 * 60).default(60),
  // The log of global roots as a C2SP checkpoint (ADR 0044): its origin line, and the witnesses it is sent to.
  // An origin starting with "nmk/" could read as one of the log key's own signed messages ("nmk/v1/…"): refused.
  LOG_ORIGIN: z
    .string()
    .trim()
    .refine((value) => isKeyName(value) && !value.startsWith('nmk/') && value.length <= 200, {
      message: 'must be a name without spaces or plus signs, not starting with nmk/, e.g. example.org/global-roots',
    })
    .optional(),
  LOG_WITNESSES: z
    .string()
    .trim()
    .transform((value, context) => {
      const witnesses: { vkey: string; url: string }[] = [];
      for (const entry of value.split(/[,\n]/).map((part) => part.trim())) {
        if (entry === '') continue;
        const [vkey = '', url = '', ...more] = entry.split(/\s+/);
        const parsedUrl = URL.parse(url);
        if (
          parseVkey(vkey)?.type !== cosignatureType ||
          more.length > 0 ||
          parsedUrl === null ||
          !/^https?:$/.test(parsedUrl.protocol)
        ) {
          context.addIssue({
            code: 'custom',
            message:
              'must be a comma-separated list of "<vkey> <submission URL>" pairs: the witness\'s Ed25519 cosigner vkey (type 0x04, c2sp.org/tlog-cosignature) and its http(s) URL prefix',
          });
          return z.NEVER;
        }
        witnesses.push({ vkey, url: url.replace(/\/+$/, '') });
      }
      return witnesses;
    })
    .default([]),
  // RFC 3161 timestamps on each global root (ADR 0043): the TSA's URL and its certificate (PEM or DER), both or neither.
  TSA_URL: z
    .url({ protocol: /^https?$/, message: 'must be the http(s) URL of an RFC 3161 Time-Stamp Authority' })
    .optional(),
  TSA_CERT_FILE: z.string().trim().min(1).optional(),
  SESSION_IDLE_MINUTES: wholeNumber(2, 24 * 60).default(20),
  SESSION_ABSOLUTE_HOURS: wholeNumber(1, 24 * 7).default(12),
  // Argon2 is CPU work: more hashes at once than cores finish no sooner, they only hold more memory (64 MiB
  // each) and more of libuv's pool, which signature checks, images and files share. So one per core, at most 4.
  ARGON2_CONCURRENCY: wholeNumber(1, 64).default(defaultArgon2Concurrency()),
  SMTP_URL: z
    .string()
    .trim()
    .refine((value) => /^smtps?:\/\/[^\s]+$/.test(value), { message: 'must be an smtp:// or smtps:// URL' })
    .optional(),
  MAIL_FROM: z.email({ message: 'must be an e-mail address' }).default('no-reply@localhost'),
  MAIL_FROM_NAME: z.string().trim().min(1).max(60).default('Berichten'),
  ARGON2_MEMORY_KIB: wholeNumber(19_456, 262_144).default(65_536),
  ARGON2_ITERATIONS: wholeNumber(2, 10).default(3),
  PUBLIC_ORIGIN: z
    .url({ protocol: /^https?$/, message: 'must be the http(s) origin people type in, e.g. https://example.org' })
    .refine(
      (value) => {
        const url = URL.parse(value);
        return (
          url !== null &&
          url.pathname === '/' &&
          url.search === '' &&
          url.hash === '' &&
          url.username === '' &&
          !value.endsWith('?')
        );
      },
      {
        message: 'must be an origin only (scheme, host and port), without a path, query or fragment',
      },
    )
    // Browsers refuse passkeys for an IP address: WebAuthn needs a host name as its relying party id.
    .refine((value) => isIP((URL.parse(value)?.hostname ?? '').replace(/^\[|\]$/g, '')) === 0, {
      message: 'must use a host name, not an IP address (passkeys are bound to a host name)',
    })
    .optional(),
  INVITATION_VALID_DAYS: wholeNumber(1, 30).default(7),
  CASE_INVITATION_VALID_HOURS: wholeNumber(1, 720).default(72),
  CASE_RETENTION_MONTHS: wholeNumber(1, 120).default(12),
  EXPORT_MAX_ATTACHMENT_MB: wholeNumber(1, 16_384).default(1024),
  UPLOADS_IN_FLIGHT_MAX: wholeNumber(1, 1000).default(6),
  UPLOADS_PER_ACCOUNT_MAX: wholeNumber(1, 100).default(2),
  UPLOAD_IDLE_SECONDS: wholeNumber(1, 600).default(60),
  // Prometheus metrics (ADR 0042): a port of their own, on the loopback address unless METRICS_HOST says
  // otherwise, and/or /metrics on the public port with this bearer token.
  METRICS_PORT: wholeNumber(0, 65535).optional(),
  METRICS_HOST: z.string().trim().min(1, { message: 'must not be empty' }).default('127.0.0.1'),
  METRICS_TOKEN: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9+/=_.~-]{32,256}$/, {
      message: 'must be 32 to 256 letters, digits or +/=_.~- (e.g. from: openssl rand -hex 32)',
    })
    .optional(),
  // Laplace noise on the published insights (issue 18, ADR 0052): the privacy parameter ε per published figure;
  // unset means no noise (disclosure control alone).
  INSIGHTS_NOISE_EPSILON: z
    .string()
    .trim()
    .refine((value) => /^\d+(\.\d+)?$/.test(value) && Number(value) >= 0.01 && Number(value) <= 10, {
      message: 'must be a number from 0.01 to 10 (the ε of the Laplace noise on each published figure), e.g. 1',
    })
    .transform(Number)
    .optional(),
});

export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  database: DatabaseTarget;
  /** PostgreSQL only: the tables' owner, for migrations; the app itself then runs as DATABASE_URL's role. */
  databaseOwnerUrl: string | undefined;
  trustProxy: boolean | string[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  quickExitUrl: string;
  rateLimit: { max: number; windowMs: number };
  bodyLimitBytes: number;
  /** Cookies carry the Secure flag; on by default in production, where the app runs behind HTTPS. */
  secureCookies: boolean;
  /** The server pepper for passphrase hashing, if configured (see resolvePepper). */
  pepper: Buffer | undefined;
  /** The server's log key (checkpoints and global roots): PKCS#8 DER; resolved at start-up like the pepper. */
  logSigningKey: Buffer | undefined;
  /** Public keys (SPKI DER) of earlier log keys, still published so old bundles keep verifying. */
  logPreviousPublicKeys: Buffer[];
  /** How often every journal's latest checkpoint goes into a new signed global root. */
  logRootIntervalMs: number;
  /** The origin line (and log key name) of the log of global roots' checkpoints (ADR 0044). */
  logOrigin: string;
  /** Witnesses each new checkpoint is sent to (c2sp.org/tlog-witness): cosigner vkey and submission prefix. */
  logWitnesses: { vkey: string; url: string }[];
  /** The Time-Stamp Authority asked to timestamp each global root (RFC 3161); none: roots are not timestamped. */
  tsa: { url: string; certFile: string } | undefined;
  session: { idleMs: number; absoluteMs: number };
  /** How many Argon2id hashes (64 MiB each) may run at once. */
  argon2Concurrency: number;
  /** Outgoing mail; without SMTP_URL no mail is sent (notices are optional). */
  mail: { url: string | undefined; from: string; fromName: string };
  /** Argon2id cost for new passphrases (stored per user, so existing users keep theirs). */
  argon2: { memoryKiB: number; iterations: number; parallelism: number };
  /** The site's address as people reach it (PUBLIC_ORIGIN), for links in e-mail; no trailing slash. */
  publicUrl: string;
  /** How long an invitation for a professional can be used. */
  invitationValidMs: number;
  /** How long a code that invites someone into a case (/samenwerken) can be used. */
  caseInvitationValidMs: number;
  /** The ε of the Laplace noise on each published insights figure (ADR 0052); undefined: no noise. */
  insightsNoiseEpsilon: number | undefined;
  /** How many months a closed case is kept (read-only) before its keys are destroyed (ADR 0031). */
  caseRetentionMonths: number;
  /** Most bytes of photos and files one export may carry (they are all held in memory while it is made). */
  exportMaxAttachmentBytes: number;
  /** Entry forms with files read at once, for everyone together (each may hold 50 MB of files while read). */
  uploadsInFlightMax: number;
  uploadsPerAccountMax: number;
  uploadIdleMs: number;
  /**
   * Where people reach the site (scheme, host, port): passkeys are bound to it. The relying party id is its host
   * name. Default http://localhost:PORT, which only suits development and tests.
   */
  publicOrigin: { origin: string; rpId: string };
  /**
   * Prometheus metrics (ADR 0042): `port` a listener of their own on `host` (loopback by default); `token` the
   * bearer token for /metrics on the public port (and on the metrics port when set). Neither: no metrics kept.
   */
  metrics: { port: number | undefined; host: string; token: string | undefined };
}

/** Whether a host name or address is this machine's own (only local processes can reach it). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

function publicOriginOf(value: string): { origin: string; rpId: string } {
  const url = new URL(value);
  return { origin: url.origin, rpId: url.hostname };
}

/** Reads and checks the configuration; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = schema.safeParse(defined);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'configuration');
      // Values that may hold credentials are never echoed.
      const got = /URL|SECRET|PEPPER|PASSWORD|SIGNING_KEY|TOKEN/.test(name) ? undefined : env[name];
      return `${name} ${issue.message}${got === undefined ? '' : ` (got ${JSON.stringify(got)})`}`;
    });
    throw new ConfigError(problems);
  }
  const values = parsed.data;
  const dataDir = path.resolve(values.DATA_DIR);
  const database: DatabaseTarget =
    values.DATABASE_URL !== undefined && values.DATABASE_URL !== ''
      ? { kind: 'postgres', url: values.DATABASE_URL }
      : { kind: 'sqlite', file: path.join(dataDir, 'niet-mijn-kind.sqlite') };
  const ownerUrl = values.DATABASE_OWNER_URL === '' ? undefined : values.DATABASE_OWNER_URL;
  if (ownerUrl !== undefined && database.kind !== 'postgres') {
    throw new ConfigError(['DATABASE_OWNER_URL is only used together with a postgres:// DATABASE_URL']);
  }
  if ((values.TSA_URL === undefined) !== (values.TSA_CERT_FILE === undefined)) {
    throw new ConfigError(['TSA_URL and TSA_CERT_FILE go together: set both (the TSA and its certificate) or neither']);
  }
  // Metrics are about the app's inner workings: reachable from elsewhere only with a token (ADR 0042).
  if (values.METRICS_PORT !== undefined && values.METRICS_TOKEN === undefined && !isLoopbackHost(values.METRICS_HOST)) {
    throw new ConfigError([
      `METRICS_HOST ${JSON.stringify(values.METRICS_HOST)} is reachable from other machines: set METRICS_TOKEN too, or keep the default 127.0.0.1`,
    ]);
  }
  if (values.METRICS_PORT !== undefined && values.METRICS_PORT !== 0 && values.METRICS_PORT === values.PORT) {
    throw new ConfigError(['METRICS_PORT must differ from PORT (metrics never share the public port without a token)']);
  }
  return {
    env: values.NODE_ENV,
    databaseOwnerUrl: ownerUrl,
    host: values.HOST,
    port: values.PORT,
    dataDir,
    database,
    trustProxy: values.TRUST_PROXY,
    logLevel: values.LOG_LEVEL,
    quickExitUrl: values.QUICK_EXIT_URL,
    rateLimit: { max: values.RATE_LIMIT_MAX, windowMs: values.RATE_LIMIT_WINDOW_SECONDS * 1000 },
    bodyLimitBytes: values.BODY_LIMIT_BYTES,
    secureCookies: values.SECURE_COOKIES ?? values.NODE_ENV === 'production',
    pepper: values.PEPPER === undefined ? undefined : Buffer.from(values.PEPPER, 'base64'),
    logSigningKey: values.LOG_SIGNING_KEY === undefined ? undefined : Buffer.from(values.LOG_SIGNING_KEY, 'base64'),
    logPreviousPublicKeys: values.LOG_PREVIOUS_PUBLIC_KEYS.split(',')
      .map((key) => key.trim())
      .filter((key) => key !== '')
      .map((key) => Buffer.from(key, 'base64')),
    logRootIntervalMs: values.LOG_ROOT_INTERVAL_MINUTES * 60_000,
    logOrigin:
      values.LOG_ORIGIN ??
      `${publicOriginOf(values.PUBLIC_ORIGIN ?? `http://localhost:${values.PORT}`).rpId}/global-roots`,
    logWitnesses: values.LOG_WITNESSES,
    tsa:
      values.TSA_URL === undefined || values.TSA_CERT_FILE === undefined
        ? undefined
        : { url: values.TSA_URL, certFile: path.resolve(values.TSA_CERT_FILE) },
    session: { idleMs: values.SESSION_IDLE_MINUTES * 60_000, absoluteMs: values.SESSION_ABSOLUTE_HOURS * 3_600_000 },
    argon2Concurrency: values.ARGON2_CONCURRENCY,
    mail: { url: values.SMTP_URL, from: values.MAIL_FROM, fromName: values.MAIL_FROM_NAME },
    argon2: { memoryKiB: values.ARGON2_MEMORY_KIB, iterations: values.ARGON2_ITERATIONS, parallelism: 1 },
    publicUrl: publicOriginOf(values.PUBLIC_ORIGIN ?? `http://localhost:${values.PORT}`).origin,
    invitationValidMs: values.INVITATION_VALID_DAYS * 24 * 3_600_000,
    caseInvitationValidMs: values.CASE_INVITATION_VALID_HOURS * 3_600_000,
    caseRetentionMonths: values.CASE_RETENTION_MONTHS,
    insightsNoiseEpsilon: values.INSIGHTS_NOISE_EPSILON,
    exportMaxAttachmentBytes: values.EXPORT_MAX_ATTACHMENT_MB * 1024 * 1024,
    uploadsInFlightMax: values.UPLOADS_IN_FLIGHT_MAX,
    uploadsPerAccountMax: values.UPLOADS_PER_ACCOUNT_MAX,
    uploadIdleMs: values.UPLOAD_IDLE_SECONDS * 1000,
    publicOrigin: publicOriginOf(values.PUBLIC_ORIGIN ?? `http://localhost:${values.PORT}`),
    metrics: { port: values.METRICS_PORT, host: values.METRICS_HOST, token: values.METRICS_TOKEN },
  };
}
