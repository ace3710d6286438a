// The case space's timeline for `npm run bench`: a case with 10,000 timeline events, and the server time of its
// first page and of a later page (keyset: the cursor of the middle of the timeline), on SQLite and, when
// TEST_DATABASE_URL or DATABASE_URL is set, on PostgreSQL (a throwaway database created on that server for the
// run and dropped afterwards; the database the URL names is never written to). Without either, PostgreSQL is
// skipped and says so.
//
// Everything is real: a parent signed up through the accounts service starts a case through the cases service
// (keys made and wrapped), and the events are messages posted through the items service (sealed, one transaction
// each, with their audit lines): two in three in the members' channel, one in three in the professionals' one,
// which the parent may not read, so the timeline's scope in SQL has rows to skip. Timed per request with
// performance.now() around app.inject (session, opening the case, the query, opening the texts, the page), and
// around the items service's timeline() alone; also opening the case (unwrapping its key) on its own.
//
// Figures only: the issue's targets (timeline pages ≤ 50 ms, opening a case ≤ 5 ms) are printed beside them, but
// the run never fails on them (BENCH_CASE_EVENTS=1000 for a quick run).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/app.js';
import { createCaseItemsRepository } from '../src/features/cases/case-items.repo.js';
import { newCompartmentKey, sealCaseContent } from '../src/features/cases/case-keys.js';
import { prepareDatabase } from '../src/bootstrap.js';
import { journalActorOf } from '../src/features/journal/journal.service.js';
import { createServices } from '../src/services.js';
import type { Actor } from '../src/shared/policy/actor.js';
import { openDatabase } from '../src/shared/db/database.js';
import { observation } from './journal-fixture.js';
import { benchConfig, measureOnBothDatabases } from './databases.js';
import { median, percentile, table } from './report.js';

const EVENTS = Number(process.env.BENCH_CASE_EVENTS ?? '10000');
const RUNS = 40;
const PAGE_TARGET_MS = 50;
const OPEN_TARGET_MS = 5;

interface Figures {
  dialect: string;
  seedMsPerEvent: number;
  firstPage: number[];
  laterPage: number[];
  serviceFirst: number[];
  serviceLater: number[];
  openCase: number[];
}

const log = (line: string) => process.stderr.write(`${line}\n`);

async function measure(dialect: 'sqlite' | 'postgres', databaseUrl?: string): Promise<Figures> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'nmk-bench-cases-'));
  try {
    const config = benchConfig(directory, databaseUrl);
    const database = openDatabase(config.database);
    try {
      const services = createServices(database, config);
      await prepareDatabase(database, services);
      const passphrase = 'meetlint onder de trap';
      const signUp = await services.accounts.register(
        { gebruikersnaam: 'bench.lijn', wachtwoord: passphrase, herhaling: passphrase },
        undefined,
      );
      if (!signUp.ok) throw new Error('sign-up failed');
      const session = await services.accounts.currentSession(signUp.cookie);
      if (session === undefined || session === null) throw new Error('no session');
      const who = { actor: session.actor, userId: session.userId, keys: session.keys };
      const started = await services.cases.start(who, { naam: 'Bench', grondslag: 'parent', kindWeet: 'unknown' });
      if (!started.ok) throw new Error('starting the case failed');
      const caseId = started.caseId;

      // The events. The parent posts in the members' channel; a parent cannot post in the professionals' one, so
      // those messages go through the repository as the items service writes them (sealed under a professionals'
      // key at the compartment's epoch), and cost the reader what real ones do.
      const opened = await services.cases.openCase(who, caseId);
      const repo = createCaseItemsRepository(database.db);
      const professionalsEpoch = (await repo.currentEpoch(caseId, 'professionals')) ?? 0;
      const professionalsKey = newCompartmentKey(caseId, 'professionals', professionalsEpoch);
      const under = { caseId, compartment: 'professionals' as const, epoch: professionalsEpoch };
      const seedStart = performance.now();
      for (let index = 0; index < EVENTS; index += 1) {
        if (index % 3 === 2) {
          const id = randomUUID();
          const body = sealCaseContent(professionalsKey, 'case/item', id, `Overleg ${index} tussen professionals.`);
          const posted = await repo.postMessage(under, {
            id,
            body,
            memberId: opened.facts.viewer.memberId,
            at: new Date().toISOString(),
          });
          if (!posted.ok) throw new Error('posting failed');
        } else {
          const posted = await services.caseItems.postMessage(session.actor, opened, 'members', {
            bericht: `Bericht ${index}: even laten weten hoe het vandaag ging op school en thuis.`,
          });
          if (!posted.ok) throw new Error('posting failed');
        }
        if (index % 2000 === 1999) log(`    ${dialect}: ${index + 1} events`);
      }
      const seedMsPerEvent = (performance.now() - seedStart) / EVENTS;

      const app = await createApp(services, { logger: false });
      const cookies = { [config.secureCookies ? '__Host-sessie' : 'sessie']: signUp.cookie };
      const first = `/samenwerken/${caseId}/tijdlijn`;
      // The cursor of the middle of the timeline: walk the service's pages until half the events are behind.
      let cursor: string | undefined;
      for (let seen = 0; seen < EVENTS / 3;) {
        const page = await services.caseItems.timeline(session.actor, opened, cursor);
        seen += page.entries.length;
        if (page.next === undefined) break;
        cursor = page.next;
      }
      if (cursor === undefined) throw new Error('no later page');
      const later = `${first}?na=${cursor}`;
      const time = async (work: () => Promise<unknown>): Promise<number[]> => {
        for (let index = 0; index < 5; index += 1) await work();
        const times: number[] = [];
        for (let index = 0; index < RUNS; index += 1) {
          const start = performance.now();
          await work();
          times.push(performance.now() - start);
        }
        return times;
      };
      const page = (url: string) => async () => {
        const response = await app.inject({ method: 'GET', url, cookies });
        if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
      };
      const figures: Figures = {
        dialect,
        seedMsPerEvent,
        firstPage: await time(page(first)),
        laterPage: await time(page(later)),
        serviceFirst: await time(async () =>
          services.caseItems.timeline(session.actor, await services.cases.openCase(who, caseId), undefined),
        ),
        serviceLater: await time(async () =>
          services.caseItems.timeline(session.actor, await services.cases.openCase(who, caseId), cursor),
        ),
        openCase: await time(async () => (await services.cases.openCase(who, caseId)).key('members')),
      };
      await app.close();
      return figures;
    } finally {
      await database.close();
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Opening a case (QA block): the server time of cases.openCase (the viewer's membership loaded and checked
// against the rules) and of its keys unwrapped from the session's key ring, in a case with a parent, six
// professionals (one removed, so the compartments are at epoch 1 and old wraps remain) and a shared journal
// entry. "Cold" is what a request pays: a fresh key ring from the session cookie (as every request gets), so
// the account's X25519 private key is opened too; "warm" reuses one ring (the key ring's own cache). Per viewer:
// the parent (members' key; members' + own share key) and the care worker (members' key; members' +
// professionals' + the parent's share key). Target: ≤ OPEN_TARGET_MS for openCase + the first key.

interface OpeningFigures {
  dialect: string;
  rows: { what: string; times: number[] }[];
}

/**
 * A professional as the cases service test makes one: an account, then the rows activation leaves behind, and the
 * actor its sessions have (with a second factor, which the bench does not set up).
 */
async function benchProfessional(
  services: ReturnType<typeof createServices>,
  database: ReturnType<typeof openDatabase>,
  role: 'care' | 'coordinator' | 'police' | 'veilig-thuis' | 'raad' | 'school',
  name: string,
): Promise<{ cookie: string; actor: Actor }> {
  const passphrase = 'meetlint onder de trap';
  const signUp = await services.accounts.register(
    { gebruikersnaam: name, wachtwoord: passphrase, herhaling: passphrase },
    undefined,
  );
  if (!signUp.ok) throw new Error('sign-up failed');
  const now = new Date().toISOString();
  const organisationId = randomUUID();
  const slug = `bench-${organisationId.slice(0, 8)}`;
  await database.db
    .insertInto('organisations')
    .values({
      id: organisationId,
      slug,
      kind: 'specialist-care',
      data: JSON.stringify({ slug, name: `Organisatie ${slug}`, verified: true }),
      area_type: 'national',
      verified: 1,
      updated_at: now,
    })
    .execute();
  const invitationId = randomUUID();
  const unit = role === 'police' ? 'Noord-Nederland' : null;
  await database.db
    .insertInto('professional_invitations')
    .values({
      id: invitationId,
      token_hash: randomUUID(),
      email: `${invitationId}@example.org`,
      organisation_id: organisationId,
      professional_role: role,
      police_unit: unit,
      invited_by: signUp.userId,
      created_at: now,
      expires_at: now,
    })
    .execute();
  await database.db
    .insertInto('professionals')
    .values({
      user_id: signUp.userId,
      organisation_id: organisationId,
      professional_role: role,
      police_unit: unit,
      invitation_id: invitationId,
      status: 'active',
      created_at: now,
      activated_at: now,
    })
    .execute();
  await database.db.updateTable('users').set({ role: 'professional' }).where('id', '=', signUp.userId).execute();
  // The actor a session of this account has once a second factor is set up (the bench sets none up).
  const actor: Actor = {
    kind: 'user',
    userId: signUp.userId,
    roles: ['professional'],
    membership: { organisationId, roles: [role] },
  };
  return { cookie: signUp.cookie, actor };
}

async function measureOpening(dialect: 'sqlite' | 'postgres', databaseUrl?: string): Promise<OpeningFigures> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'nmk-bench-case-open-'));
  try {
    const config = benchConfig(directory, databaseUrl);
    const database = openDatabase(config.database);
    try {
      const services = createServices(database, config);
      await prepareDatabase(database, services);
      const cases = services.cases;
      const actors = new Map<string, Actor>();
      /** What a request hands the service: the session (a fresh key ring) and its actor. */
      const whoOf = async (cookie: string) => {
        const session = await services.accounts.currentSession(cookie);
        if (session === undefined || session === null) throw new Error('no session');
        return { actor: actors.get(cookie) ?? session.actor, userId: session.userId, keys: session.keys };
      };
      const passphrase = 'meetlint onder de trap';
      const signUp = await services.accounts.register(
        { gebruikersnaam: 'bench.open.ouder', wachtwoord: passphrase, herhaling: passphrase },
        undefined,
      );
      if (!signUp.ok) throw new Error('sign-up failed');
      const parent = await whoOf(signUp.cookie);
      const started = await cases.start(parent, { naam: 'Bench', grondslag: 'parent', kindWeet: 'unknown' });
      if (!started.ok) throw new Error('starting the case failed');
      const caseId = started.caseId;
      const roles = ['care', 'coordinator', 'police', 'veilig-thuis', 'raad', 'observer'] as const;
      const accountRole = {
        care: 'care',
        coordinator: 'coordinator',
        police: 'police',
        'veilig-thuis': 'veilig-thuis',
        raad: 'raad',
        observer: 'school',
      } as const;
      const cookies: Record<string, string> = {};
      for (const role of roles) {
        const { cookie, actor } = await benchProfessional(services, database, accountRole[role], `bench.open.${role}`);
        actors.set(cookie, actor);
        cookies[role] = cookie;
        const invited = await cases.invite(parent, caseId, { rol: role });
        if (!invited.ok) throw new Error(`inviting ${role} failed`);
        const joined = await cases.join(await whoOf(cookie), { code: invited.code });
        if (!joined.ok) throw new Error(`joining as ${role} failed`);
        const page = await cases.casePage(parent, caseId);
        const member = page.kind === 'active' ? page.members.find((row) => row.state === 'accepted') : undefined;
        if (member?.safety === undefined) throw new Error('no member to confirm');
        const confirmed = await cases.confirm(parent, caseId, member.id, {
          sleutel: member.safety.keyId,
          grondslag: 'parent',
          kindWeet: 'unknown',
        });
        if (!confirmed.ok) throw new Error(`confirming ${role} failed`);
      }
      // The professionals' key (made by the first professional who asks), a shared entry, then the police removed.
      await (await cases.openCase(await whoOf(cookies.care!), caseId)).key('professionals');
      const parentSession = await services.accounts.currentSession(signUp.cookie);
      if (parentSession === undefined || parentSession === null) throw new Error('no session');
      const added = await services.journal.addObservation(journalActorOf(parentSession), observation(0));
      const parentOpened = await cases.openCase(parent, caseId);
      await services.caseShares.share(parent, parentOpened, [added.id], {
        basis: 'parent',
        childKnows: 'unknown',
        childIs16OrOlder: false,
      });
      const police = await cases.casePage(parent, caseId);
      const policeMember = police.kind === 'active' ? police.members.find((row) => row.role === 'police') : undefined;
      if (policeMember === undefined) throw new Error('no police member');
      const removed = await cases.remove(parent, caseId, policeMember.id);
      if (!removed.ok) throw new Error('removing failed');
      // The keys after the removal exist (made on first use), as they do after the first request.
      await (await cases.openCase(parent, caseId)).key('members');
      await (await cases.openCase(await whoOf(cookies.care!), caseId)).key('professionals');
      const shareCompartment = `share:${parentOpened.facts.viewer.memberId}` as const;
      await (await cases.openCase(parent, caseId)).key(shareCompartment);

      const timeEach = async (
        fresh: () => Promise<Awaited<ReturnType<typeof whoOf>>>,
        work: (who: Awaited<ReturnType<typeof whoOf>>) => Promise<unknown>,
      ) => {
        const times: number[] = [];
        for (let index = 0; index < 5 + OPEN_RUNS; index += 1) {
          const who = await fresh();
          const start = performance.now();
          await work(who);
          if (index >= 5) times.push(performance.now() - start);
        }
        return times;
      };
      const rows: OpeningFigures['rows'] = [];
      for (const [viewer, cookie, compartments] of [
        ['parent', signUp.cookie, ['members', shareCompartment]],
        ['care worker', cookies.care!, ['members', 'professionals', shareCompartment]],
      ] as const) {
        const warmWho = await whoOf(cookie);
        const first = async (who: Awaited<ReturnType<typeof whoOf>>) =>
          (await cases.openCase(who, caseId)).key('members');
        const all = async (who: Awaited<ReturnType<typeof whoOf>>) => {
          const opened = await cases.openCase(who, caseId);
          for (const compartment of compartments) await opened.key(compartment);
        };
        rows.push({
          what: `${viewer}: openCase + members' key, cold ring`,
          times: await timeEach(() => whoOf(cookie), first),
        });
        rows.push({
          what: `${viewer}: openCase + members' key, warm ring`,
          times: await timeEach(() => Promise.resolve(warmWho), first),
        });
        rows.push({
          what: `${viewer}: openCase + all ${compartments.length} keys, cold ring`,
          times: await timeEach(() => whoOf(cookie), all),
        });
        rows.push({
          what: `${viewer}: openCase alone (membership, rules)`,
          times: await timeEach(
            () => Promise.resolve(warmWho),
            (who) => cases.openCase(who, caseId),
          ),
        });
      }
      return { dialect, rows };
    } finally {
      await database.close();
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const OPEN_RUNS = 200;

async function openingReport(): Promise<string> {
  const { results, skipped } = await measureOnBothDatabases(measureOpening);
  const note = skipped === undefined ? '' : `\n  ${skipped}`;
  const stat = (values: number[]) => {
    const sorted = Float64Array.from(values).sort();
    return [sorted[0]!.toFixed(2), median(values).toFixed(2), percentile(sorted, 0.95).toFixed(2)];
  };
  return `\nOpening a case (7 members, one removed, a shared entry; in-process server time; ms over ${OPEN_RUNS} runs)\n${table(
    ['database', 'what', 'min', 'median', 'p95', `≤ ${OPEN_TARGET_MS} ms (median)`],
    results.flatMap((result) =>
      result.rows.map((row) => {
        const [min, mid, p95] = stat(row.times);
        return [result.dialect, row.what, min!, mid!, p95!, Number(mid) <= OPEN_TARGET_MS ? 'yes' : 'no'];
      }),
    ),
    [0, 1],
  )}${note}\n  (the machine's load average while measuring: ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores; the minimum is the cost without contention)\n`;
}

async function main(): Promise<void> {
  log(`Case timeline bench: ${EVENTS.toLocaleString('en')} events`);
  const { results, skipped } = await measureOnBothDatabases(measure);
  const stat = (values: number[]) => {
    const sorted = Float64Array.from(values).sort();
    return `${median(values).toFixed(1)} / ${percentile(sorted, 0.95).toFixed(1)}`;
  };
  process.stdout.write(
    `\nCase timeline, ${EVENTS.toLocaleString('en')} events (in-process; ms, median / p95 of ${RUNS})\n${table(
      [
        'database',
        'first page (HTTP)',
        'later page (HTTP)',
        'first page (service)',
        'later page (service)',
        'open case + key',
        'seeding (ms/event)',
      ],
      results.map((row) => [
        row.dialect,
        stat(row.firstPage),
        stat(row.laterPage),
        stat(row.serviceFirst),
        stat(row.serviceLater),
        stat(row.openCase),
        row.seedMsPerEvent.toFixed(2),
      ]),
    )}\n  targets (not checked here): a timeline page ≤ ${PAGE_TARGET_MS} ms, opening a case ≤ ${OPEN_TARGET_MS} ms${
      skipped === undefined ? '' : `\n  ${skipped}`
    }\n`,
  );
  if (process.env.BENCH_CASE_OPENING !== 'skip') process.stdout.write(await openingReport());
}

main().catch((error: unknown) => {
  process.stderr.write(`cases bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
