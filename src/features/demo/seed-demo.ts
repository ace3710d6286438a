import { randomBytes, randomInt } from 'node:crypto';
import { createDemoRepository } from './demo.repo.js';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { generate } from 'otplib';
import type { Services } from '../../services.js';
import { sessionCookieName } from '../../shared/auth/session-cookie.js';
import type { Database } from '../../shared/db/schema.js';
import type { Mailer } from '../../shared/mail/mailer.js';
import type { ProfessionalRole } from '../../shared/policy/actor.js';
import type { Organisation, OrganisationKind } from '../help/organisation.schema.js';
import { createProfessionalsRepository } from '../professionals/professionals.repo.js';
import { createProfessionalsService } from '../professionals/professionals.service.js';

/*
 * `npm run cli -- seed-demo`: demo organisations and active demo accounts, so a newcomer can walk the case space
 * (de lijn) as parent, care worker and police in three browsers without setting up invitations and activations
 * by hand. Everything goes the way people do it, through the app's own pages (app.inject) and services: admins
 * by a one-time set-up link, the parent by the sign-up form, professionals by an admin's invitation and its
 * sign-up form, each with TOTP set up on the second-factor page, organisations and accounts approved by two
 * admins (four eyes). Only the invitation is made with the professionals service directly, with a mailer that
 * sends nothing, so the demo works without a mail server. Refused in production and on a database with any
 * account that is not a demo account; refused when the demo accounts exist already (their passphrases are not
 * stored readable, so they cannot be shown again).
 */

export type DemoKind = 'admin' | 'parent' | ProfessionalRole;

export interface DemoAccount {
  kind: DemoKind;
  username: string;
  passphrase: string;
  /** Base32, for typing into an authenticator app. */
  totpSecret: string;
  /** The otpauth:// URI the second-factor page shows (for a QR code or a password manager). */
  totpUri: string;
  organisation?: string;
  policeUnit?: string;
}

export type SeedDemoResult =
  | { ok: true; accounts: DemoAccount[]; organisations: string[] }
  | { ok: false; reason: 'production' | 'real-accounts' | 'already-seeded'; message: string };

interface DemoOrganisation {
  role: ProfessionalRole;
  slug: string;
  name: string;
  kind: OrganisationKind;
}

/** One verified demo organisation per professional role. */
export const demoOrganisations: readonly DemoOrganisation[] = [
  { role: 'care', slug: 'demo-jeugdhulp', name: 'Demo Jeugdhulp', kind: 'specialist-care' },
  { role: 'coordinator', slug: 'demo-zorgcoordinatie', name: 'Demo Zorgcoördinatie', kind: 'care-coordinator' },
  { role: 'veilig-thuis', slug: 'demo-veilig-thuis', name: 'Demo Veilig Thuis', kind: 'veilig-thuis' },
  { role: 'police', slug: 'demo-politie', name: 'Demo Politie', kind: 'police' },
  {
    role: 'jeugdbescherming',
    slug: 'demo-jeugdbescherming',
    name: 'Demo Jeugdbescherming',
    kind: 'youth-protection',
  },
  { role: 'raad', slug: 'demo-raad', name: 'Demo Raad voor de Kinderbescherming', kind: 'child-protection-board' },
  { role: 'school', slug: 'demo-school', name: 'Demo School', kind: 'school' },
  { role: 'gp', slug: 'demo-huisarts', name: 'Demo Huisartsenpraktijk', kind: 'gp' },
];

/** The demo accounts, in the order they are made (the admins first: they invite and approve). */
export const demoAccounts: readonly { kind: DemoKind; username: string }[] = [
  { kind: 'admin', username: 'demo-beheer-1' },
  { kind: 'admin', username: 'demo-beheer-2' },
  { kind: 'parent', username: 'demo-ouder' },
  { kind: 'care', username: 'demo-hulpverlener' },
  { kind: 'coordinator', username: 'demo-regisseur' },
  { kind: 'veilig-thuis', username: 'demo-veilig-thuis' },
  { kind: 'police', username: 'demo-politie' },
  { kind: 'jeugdbescherming', username: 'demo-jeugdbescherming' },
  { kind: 'school', username: 'demo-school' },
];

/** The police unit of the demo police account, when the reference data has it (else the first unit). */
const DEMO_POLICE_UNIT = 'Midden-Nederland';

/** The demo's e-mail addresses: the reserved .invalid domain, so nothing can ever be delivered. */
const demoEmail = (username: string): string => `${username}@demo.invalid`;

/**
 * A strong random passphrase, new at every run: five groups of five characters from an alphabet without
 * look-alikes (125 bits), easy to type into a browser.
 */
export function demoPassphrase(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const group = () => Array.from({ length: 5 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return Array.from({ length: 5 }, group).join('-');
}

function demoOrganisationRecord(organisation: DemoOrganisation, today: string): Organisation {
  return {
    slug: organisation.slug,
    name: organisation.name,
    kind: organisation.kind,
    description: {
      nl: 'Een demo-organisatie om de samenwerking uit te proberen. Geen echte organisatie.',
      en: 'A demo organisation for trying the case space. Not a real organisation.',
    },
    area: { type: 'national' },
    source: { publisher: 'npm run cli -- seed-demo', date: today },
    verified: false,
    demo: true,
  };
}

type Jar = Record<string, string>;

class DemoSeedError extends Error {
  override name = 'DemoSeedError';
}

/** A browser of one demo account: its cookies, and the pages it asks for through app.inject. */
function browser(app: FastifyInstance) {
  let cookies: Jar = {};
  const keep = (response: LightMyRequestResponse) => {
    for (const cookie of response.cookies) cookies = { ...cookies, [cookie.name]: cookie.value };
    return response;
  };
  const expect = (response: LightMyRequestResponse, status: number, what: string) => {
    if (response.statusCode !== status) {
      throw new DemoSeedError(`${what} answered ${response.statusCode} instead of ${status}`);
    }
    return response;
  };
  const csrfOf = (html: string, what: string): string => {
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (token === undefined) throw new DemoSeedError(`${what} has no form`);
    return token;
  };
  return {
    get cookies(): Jar {
      return cookies;
    },
    async get(url: string, status = 200): Promise<LightMyRequestResponse> {
      return expect(keep(await app.inject({ method: 'GET', url, cookies })), status, `GET ${url}`);
    },
    /** Posts a form of the page `html` (its CSRF token) to `url`; the answer, whatever its status. */
    async send(url: string, html: string, fields: Record<string, string>): Promise<LightMyRequestResponse> {
      const payload = { _csrf: csrfOf(html, url), ...fields };
      return keep(await app.inject({ method: 'POST', url, cookies, payload }));
    },
    /** Posts a form drawn by the page at `formUrl` to `url`, and expects `status`. */
    async post(formUrl: string, url: string, fields: Record<string, string>, status: number) {
      const page = await this.get(formUrl);
      return expect(await this.send(url, page.body, fields), status, `POST ${url}`);
    },
  };
}
type Browser = ReturnType<typeof browser>;

const unescapeHtml = (text: string): string =>
  text
    .replace(/&amp;/g, '&')
    .replace(/&#x3D;|&#61;/g, '=')
    .replace(/&quot;/g, '"');

/**
 * Sets up TOTP on the second-factor page (each visit makes a new key). The first code is the one of the previous
 * 30-second step (the page accepts it), so a login right after the seed can use the current code.
 */
async function setUpTotp(page: Browser): Promise<{ secret: string; uri: string }> {
  // A step may end between making the code and checking it: then once more with a new key.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const setup = await page.get('/account/tweede-stap');
    const secret = /data-totp-secret="true">([^<]+)</.exec(setup.body)?.[1]?.replace(/\s/g, '');
    const uri = /(otpauth:\/\/[^<"]+)/.exec(setup.body)?.[1];
    if (secret === undefined || uri === undefined) throw new DemoSeedError('the second-factor page shows no key');
    const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) - 30 });
    const confirmed = await page.send('/account/tweede-stap', setup.body, { code });
    if (confirmed.statusCode === 303) return { secret, uri: unescapeHtml(uri) };
  }
  throw new DemoSeedError('the second factor could not be confirmed');
}

/** The usernames in the database, to tell a demo database from a real one. */
const usernames = (db: Kysely<Database>): Promise<string[]> => createDemoRepository(db).usernames();

export const productionRefusal =
  'seed-demo is refused in production (NODE_ENV=production): demo accounts have printed passphrases.';

/**
 * Why seed-demo must not run here, or undefined when it may: production; a database with any account that is
 * not a demo account; the demo accounts made already.
 */
export async function demoRefusal(
  config: Pick<Services['config'], 'env'>,
  db: Kysely<Database>,
): Promise<Extract<SeedDemoResult, { ok: false }> | undefined> {
  if (config.env === 'production') return { ok: false, reason: 'production', message: productionRefusal };
  const names = await usernames(db);
  const demoNames = new Set(demoAccounts.map((account) => account.username));
  const others = names.filter((name) => !demoNames.has(name));
  if (others.length > 0) {
    return {
      ok: false,
      reason: 'real-accounts',
      message: `seed-demo is refused: this database has ${others.length} account(s) that are not demo accounts. Use a new, empty database for the demo (DATA_DIR or DATABASE_URL).`,
    };
  }
  if (names.length > 0) {
    return {
      ok: false,
      reason: 'already-seeded',
      message:
        'seed-demo is refused: the demo accounts exist already. Their passphrases were printed when they were made and are not stored readable. To start again, stop the app, remove the database (the folder DATA_DIR, ./data by default, or drop the PostgreSQL database), start the app and run seed-demo once more.',
    };
  }
  return undefined;
}

/**
 * Makes the demo organisations and accounts. `app` is the HTTP app built on `services` (not listening).
 * Throws DemoSeedError when a step the app should allow is refused.
 */
export async function seedDemo(
  app: FastifyInstance,
  services: Services,
  db: Kysely<Database>,
  clock: () => Date = () => new Date(),
): Promise<SeedDemoResult> {
  const refused = await demoRefusal(services.config, db);
  if (refused !== undefined) return refused;

  const sessionCookie = sessionCookieName(services.config.secureCookies);
  const made: DemoAccount[] = [];
  const withTotp = async (page: Browser, account: Omit<DemoAccount, 'totpSecret' | 'totpUri'>) => {
    const { secret, uri } = await setUpTotp(page);
    made.push({ ...account, totpSecret: secret, totpUri: uri });
  };

  // Two admins, each by a one-time set-up link.
  const admins: Browser[] = [];
  for (const { username } of demoAccounts.filter((account) => account.kind === 'admin')) {
    const passphrase = demoPassphrase();
    const token = await services.accounts.createAdminSetupLink(demoEmail(username));
    const page = browser(app);
    const start = `/beheer/start/${token}`;
    await page.post(start, start, { gebruikersnaam: username, wachtwoord: passphrase, herhaling: passphrase }, 200);
    await withTotp(page, { kind: 'admin', username, passphrase });
    admins.push(page);
  }
  const [adminA, adminB] = admins as [Browser, Browser];

  // The organisations, verified by both admins.
  const today = clock().toISOString().slice(0, 10);
  await services.help.addOrganisations(
    { organisations: demoOrganisations.map((organisation) => demoOrganisationRecord(organisation, today)) },
    'seed-demo',
  );
  const demoRepo = createDemoRepository(db);
  const organisationIds = await demoRepo.organisationIds(demoOrganisations.map((organisation) => organisation.slug));
  for (const organisation of demoOrganisations) {
    const id = organisationIds.get(organisation.slug);
    if (id === undefined) throw new DemoSeedError(`the organisation ${organisation.slug} was not stored`);
    if (await demoRepo.isVerified(id)) continue;
    for (const admin of admins)
      await admin.post('/beheer/verificatie', `/beheer/organisaties/${id}/goedkeuren`, {}, 303);
  }

  // The parent, by the sign-up form.
  {
    const passphrase = demoPassphrase();
    const page = browser(app);
    await page.post(
      '/registreren',
      '/registreren',
      { gebruikersnaam: 'demo-ouder', wachtwoord: passphrase, herhaling: passphrase },
      200,
    );
    await withTotp(page, { kind: 'parent', username: 'demo-ouder', passphrase });
  }

  // The professionals: invited by the first admin, signed up through the invitation, approved by both admins.
  // The invitation's token comes from this seed (its own link tokens) instead of an e-mail.
  const tokens = new Map<string, string>();
  const silentMailer: Mailer = {
    enabled: true,
    sendNotice: () => Promise.resolve(false),
    sendInvitation: () => Promise.resolve(false),
  };
  const professionals = createProfessionalsService(
    createProfessionalsRepository(db),
    services.accounts,
    silentMailer,
    services.audit,
    {
      invitationValidMs: services.config.invitationValidMs,
      publicUrl: services.config.publicUrl,
      invitationToken: (id) => {
        const token = tokens.get(id) ?? randomBytes(32).toString('base64url');
        tokens.set(id, token);
        return token;
      },
    },
    clock,
  );
  const adminSession = await services.accounts.currentSession(adminA.cookies[sessionCookie]);
  if (adminSession === undefined) throw new DemoSeedError('the first admin is not signed in');
  const units = await professionals.policeUnits();
  const policeUnit = units.includes(DEMO_POLICE_UNIT) ? DEMO_POLICE_UNIT : units[0];
  if (policeUnit === undefined) throw new DemoSeedError('there are no police units (npm run cli -- import-regions)');

  for (const { kind, username } of demoAccounts) {
    if (kind === 'admin' || kind === 'parent') continue;
    const organisation = demoOrganisations.find((candidate) => candidate.role === kind)!;
    const invited = await professionals.invite(
      adminSession.actor,
      {
        email: demoEmail(username),
        organisatie: organisationIds.get(organisation.slug)!,
        rol: kind,
        eenheid: kind === 'police' ? policeUnit : '',
      },
      'nl',
    );
    if (!invited.ok) throw new DemoSeedError(`the invitation for ${username} was refused`);
    const passphrase = demoPassphrase();
    const page = browser(app);
    await page.get(`/uitnodiging/${tokens.get(invited.id)!}`, 303);
    await page.post(
      '/uitnodiging',
      '/uitnodiging',
      { gebruikersnaam: username, wachtwoord: passphrase, herhaling: passphrase },
      200,
    );
    await withTotp(page, {
      kind,
      username,
      passphrase,
      organisation: organisation.name,
      ...(kind === 'police' && { policeUnit }),
    });
    const session = await services.accounts.currentSession(page.cookies[sessionCookie]);
    if (session === undefined) throw new DemoSeedError(`${username} is not signed in`);
    for (const admin of [adminA, adminB]) {
      await admin.post('/beheer/verificatie', `/beheer/professionals/${session.userId}/goedkeuren`, {}, 303);
    }
  }
  return { ok: true, accounts: made, organisations: demoOrganisations.map((organisation) => organisation.name) };
}

const kindNames: Record<DemoKind, string> = {
  admin: 'admin (beheer)',
  parent: 'parent (ouder)',
  care: 'care worker (hulpverlener)',
  coordinator: "coordinator of the organisation (can be a case's regisseur)",
  'veilig-thuis': 'Veilig Thuis',
  police: 'police',
  jeugdbescherming: 'jeugdbeschermer',
  raad: 'Raad voor de Kinderbescherming',
  school: 'school (observer)',
  gp: 'GP (observer)',
};

/** What the CLI prints: where to log in, and each account with its passphrase and TOTP secret. */
export function printDemoAccounts(result: Extract<SeedDemoResult, { ok: true }>, origin: string): string[] {
  const lines = [
    `Demo organisations (verified by both demo admins): ${result.organisations.join(', ')}.`,
    '',
    `Log in at ${origin}/inloggen with a name and passphrase below, then a code from an authenticator app`,
    "holding the account's TOTP secret (or: npm run cli -- demo-code <secret>). Use one browser profile or",
    'private window per account. The passphrases are shown only now; they are not stored readable.',
  ];
  for (const account of result.accounts) {
    lines.push('', `${account.username} — ${kindNames[account.kind]}`);
    if (account.organisation !== undefined) {
      const unit = account.policeUnit === undefined ? '' : `, unit ${account.policeUnit}`;
      lines.push(`  organisation: ${account.organisation}${unit}`);
    }
    lines.push(
      `  passphrase:   ${account.passphrase}`,
      `  TOTP secret:  ${account.totpSecret}`,
      `  ${account.totpUri}`,
    );
  }
  return lines;
}

/** The current TOTP code of a secret (the demo's stand-in for an authenticator app). */
export async function demoCode(secret: string): Promise<string | undefined> {
  const clean = secret.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z2-7]{16,128}=*$/.test(clean)) return undefined;
  return generate({ secret: clean });
}
