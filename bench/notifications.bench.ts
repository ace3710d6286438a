// Case notifications for `npm run bench` (ADR 0028): the time from an event to its e-mail in a mail box. A parent
// posts a message in the members' channel through the items service (sealed, its timeline event and the
// `cases.notify-event` job in one transaction); the other parent, who chose "at once", is told: the notification
// job decides who hears of it and queues a `cases.news-mail` job, which sends the neutral notice over SMTP to a
// local sink (a real SMTP conversation on 127.0.0.1, parsed as a mail client would). Measured per message from
// before the service call until the mail has been parsed by the sink; p50 / p99 over the runs. The jobs are run
// by a worker over the notification handlers with a short poll (BENCH_NOTIFY_POLL_MS, default 10 ms), as the
// server's worker runs them but without its 1 s idle poll; and once more as the server does it: the form posted
// through the app, the services' own worker with its defaults, poked when the answer has been sent.
//
// On SQLite and, when TEST_DATABASE_URL or DATABASE_URL is set, on PostgreSQL (a throwaway database created on
// that server for the run and dropped afterwards). Figures only; the run never fails on them.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/app.js';
import { prepareDatabase } from '../src/bootstrap.js';
import { caseNotificationJobHandlers } from '../src/features/cases/case-notifications.jobs.js';
import { createServices } from '../src/services.js';
import { openDatabase } from '../src/shared/db/database.js';
import { createJobWorker } from '../src/shared/jobs/jobs.js';
import { createJobsRepository } from '../src/shared/jobs/jobs.repo.js';
import { csrfTokenFrom, withCookiesOf } from '../test/helpers/app.js';
import { startSmtpSink } from '../test/helpers/smtp-sink.js';
import { benchConfig, measureOnBothDatabases } from './databases.js';
import { percentile, table } from './report.js';

const RUNS = Number(process.env.BENCH_NOTIFY_RUNS ?? '200');
const POLL_MS = Number(process.env.BENCH_NOTIFY_POLL_MS ?? '10');

interface Figures {
  dialect: string;
  /** From before posting to the mail parsed in the sink. */
  toMail: number[];
  /** The request's own part: posting the message (its transaction with the queued job). */
  request: number[];
  /** One notice sent over SMTP on its own (a new connection per mail, as the mailer sends). */
  smtp: number[];
  /** As the server does it: POST through the app, the services' own worker (1 s idle poll), poked after the answer. */
  throughApp: number[];
}

const log = (line: string) => process.stderr.write(`${line}\n`);

async function measure(dialect: 'sqlite' | 'postgres', databaseUrl?: string): Promise<Figures> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'nmk-bench-notify-'));
  const sink = await startSmtpSink();
  try {
    const config = benchConfig(directory, databaseUrl, { SMTP_URL: sink.url, MAIL_FROM: 'no-reply@example.org' });
    const database = openDatabase(config.database);
    try {
      const services = createServices(database, config);
      await prepareDatabase(database, services);
      const passphrase = 'meetlint onder de trap';
      const signIn = async (name: string) => {
        const signUp = await services.accounts.register(
          { gebruikersnaam: name, wachtwoord: passphrase, herhaling: passphrase },
          undefined,
        );
        if (!signUp.ok) throw new Error('sign-up failed');
        const session = await services.accounts.currentSession(signUp.cookie);
        if (session === undefined || session === null) throw new Error('no session');
        return {
          session,
          cookie: signUp.cookie,
          who: { actor: session.actor, userId: session.userId, keys: session.keys },
        };
      };
      const first = await signIn('bench.melding.een');
      const second = await signIn('bench.melding.twee');
      await services.accounts.setNoticeEmail(second.session, 'twee@example.org');
      const started = await services.cases.start(first.who, {
        naam: 'Bench',
        grondslag: 'parent',
        kindWeet: 'unknown',
      });
      if (!started.ok) throw new Error('starting the case failed');
      const caseId = started.caseId;
      const invited = await services.cases.invite(first.who, caseId, { rol: 'parent' });
      if (!invited.ok) throw new Error('inviting failed');
      const joined = await services.cases.join(second.who, { code: invited.code });
      if (!joined.ok) throw new Error('joining failed');
      const page = await services.cases.casePage(first.who, caseId);
      if (page.kind !== 'active') throw new Error('no case page');
      const member = page.members.find((row) => row.safety !== undefined);
      if (member?.safety === undefined) throw new Error('no member to confirm');
      const confirmed = await services.cases.confirm(first.who, caseId, member.id, {
        sleutel: member.safety.keyId,
        grondslag: 'parent',
        kindWeet: 'unknown',
      });
      if (!('ok' in confirmed) || !confirmed.ok) throw new Error('confirming failed');
      if (!(await services.caseNotifications.choose(second.who.actor, second.who.userId, caseId, 'meteen'))) {
        throw new Error('choosing failed');
      }
      // Whatever the set-up queued (the join's notice) goes first, with the server's worker.
      while ((await services.jobs.runDue()) > 0);

      const worker = createJobWorker(
        createJobsRepository(database.db, database.dialect),
        caseNotificationJobHandlers(database.db, services.caseNotifications),
        { pollMs: POLL_MS },
      );
      worker.start();
      const opened = await services.cases.openCase(first.who, caseId);
      const figures: Figures = { dialect, toMail: [], request: [], smtp: [], throughApp: [] };
      try {
        for (let index = 0; index < RUNS; index += 1) {
          const before = sink.received.length;
          const start = performance.now();
          const posted = await services.caseItems.postMessage(first.session.actor, opened, 'members', {
            bericht: `Bericht ${index}: even laten weten hoe het vandaag ging.`,
          });
          if (!posted.ok) throw new Error('posting failed');
          figures.request.push(performance.now() - start);
          const deadline = Date.now() + 10_000;
          while (sink.received.length === before) {
            if (Date.now() > deadline) throw new Error('no mail within 10 s');
            await new Promise((resolve) => setTimeout(resolve, 1));
          }
          figures.toMail.push(performance.now() - start);
          if (index % 50 === 49) log(`    ${dialect}: ${index + 1} mails`);
        }
      } finally {
        await worker.stop();
      }
      for (let index = 0; index < Math.min(RUNS, 50); index += 1) {
        const start = performance.now();
        await services.mailer.sendNotice('drie@example.org', 'case-news', 'nl');
        figures.smtp.push(performance.now() - start);
      }
      // The server's path: the form posted through the app; the services' worker with its defaults, poked when the
      // answer is sent (case-notifications.routes.tsx).
      const app = await createApp(services, { logger: false });
      services.jobs.start();
      try {
        const cookieName = config.secureCookies ? '__Host-sessie' : 'sessie';
        const form = await app.inject({
          method: 'GET',
          url: `/samenwerken/${caseId}/berichten`,
          cookies: { [cookieName]: first.cookie },
        });
        const jar = withCookiesOf({ [cookieName]: first.cookie }, form.headers);
        const token = csrfTokenFrom(form.body);
        for (let index = 0; index < Math.min(RUNS, 100); index += 1) {
          const before = sink.received.length;
          const start = performance.now();
          const posted = await app.inject({
            method: 'POST',
            url: `/samenwerken/${caseId}/berichten`,
            cookies: jar,
            payload: { _csrf: token, bericht: `Via de site ${index}.` },
          });
          if (posted.statusCode !== 303) throw new Error(`posting answered ${posted.statusCode}`);
          const deadline = Date.now() + 10_000;
          while (sink.received.length === before) {
            if (Date.now() > deadline) throw new Error('no mail within 10 s');
            await new Promise((resolve) => setTimeout(resolve, 1));
          }
          figures.throughApp.push(performance.now() - start);
        }
      } finally {
        await services.jobs.stop();
        await app.close();
      }
      return figures;
    } finally {
      await database.close();
    }
  } finally {
    await sink.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  log(`Notification bench: ${RUNS} messages, worker poll ${POLL_MS} ms`);
  const { results, skipped } = await measureOnBothDatabases(measure);
  const note = skipped === undefined ? '' : `\n  ${skipped}`;
  const stat = (values: number[]) => {
    const sorted = Float64Array.from(values).sort();
    return [percentile(sorted, 0.5).toFixed(1), percentile(sorted, 0.99).toFixed(1), sorted.at(-1)!.toFixed(1)];
  };
  process.stdout.write(
    `\nCase notifications: a message posted → its e-mail in the SMTP sink (in-process; ms over ${RUNS} messages, worker poll ${POLL_MS} ms)\n${table(
      ['database', 'what', 'p50', 'p99', 'max'],
      results.flatMap((result) => [
        [result.dialect, 'event → e-mail in the sink', ...stat(result.toMail)],
        [result.dialect, 'the request alone (post + queued job)', ...stat(result.request)],
        [result.dialect, 'one SMTP send alone (mailer → sink)', ...stat(result.smtp)],
        [result.dialect, 'through the app: POST → e-mail (server worker)', ...stat(result.throughApp)],
      ]),
      [0, 1],
    )}${note}\n  (the machine's load average while measuring: ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)\n`,
  );
}

await main();
