import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import { csrfTokenFrom, withCookiesOf } from '../../../test/helpers/app.js';
import {
  caseActorOf,
  caseProfessional,
  casesOf,
  confirmMember,
  inviteInto,
  joinWith,
  prepareCaseWorld,
} from '../../../test/helpers/case-factories.js';
import { caseAppForSuite, memberRow } from '../../../test/helpers/case-setup.js';
import { dialects } from '../../../test/helpers/databases.js';
import { type BuiltAccount, buildParent } from '../../../test/helpers/factories.js';
import { testObservation } from '../../../test/helpers/journal.js';
import { verifyBundle } from '../../shared/evidence/verify.js';
import { journalActorOf } from '../journal/journal.service.js';

/*
 * Exports of a case over HTTP (issue 15 point 2, ADR 0029), as the parent, a care worker and the police member
 * meet them: the police bundle made when the parent shares verifies with the reference verifier and the CLI, a
 * flipped byte is named, the consent record is in its signed PDF; the summary PDF after the passphrase; every export
 * is on the parent's timeline (police hidden under "risk in the family") and in the audit log; a member removed a
 * moment ago gets nothing and nothing is logged; wrong passphrases and bad input are 4xx, never a 500.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const passphrase = 'correct paard batterij nietje';
const workDir = mkdtempSync(join(tmpdir(), 'nmk-case-exports-'));
after(() => rmSync(workDir, { recursive: true, force: true }));

/** The reference verifier as the police run it: `npm run cli -- verify-export <file> --log-key <key>`. */
function verifyWithCli(zip: Uint8Array, logKey: string): Promise<{ code: number | null; output: string }> {
  const file = join(workDir, `bundle-${Date.now()}-${Math.random().toString(36).slice(2)}.zip`);
  writeFileSync(file, zip);
  return new Promise((resolveRun, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', 'verify-export', file, '--log-key', logKey],
      { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolveRun({ code, output }));
  });
}

/** The text of a PDF as poppler's pdftotext reads it. */
function pdfText(bytes: Uint8Array, name: string): string {
  const file = join(workDir, `${name}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

for (const dialect of dialects) {
  describe(`case exports over HTTP [${dialect}]`, () => {
    const { target, sink } = caseAppForSuite(dialect);
    const db = () => target.database.handle.db;
    const names = { n: 0 };
    const fresh = (prefix: string) => `${prefix}.${dialect}.${(names.n += 1)}`;
    let world: Promise<Awaited<ReturnType<typeof prepareCaseWorld>>> | undefined;
    const worldOnce = () => (world ??= prepareCaseWorld(target, sink()));

    /** A parent's case with a confirmed police officer and care worker, and two journal entries. */
    async function scene() {
      const w = await worldOnce();
      const parent = await buildParent(target, { username: fresh('exportouder'), passphrase });
      const parentWho = await caseActorOf(target, parent);
      const started = await casesOf(target).start(parentWho, { naam: 'Sam', grondslag: 'parent', kindWeet: 'unknown' });
      assert.ok(started.ok);
      const caseId = started.caseId;
      const parentMemberId = (
        await db().selectFrom('case_members').select('id').where('case_id', '=', caseId).executeTakeFirstOrThrow()
      ).id;
      const join = async (role: 'police' | 'care') => {
        const account = await caseProfessional(w, role, fresh(role === 'police' ? 'agent' : 'zorg'));
        const { code, memberId } = await inviteInto(target, parentWho, caseId, role);
        await joinWith(target, await caseActorOf(target, account), code);
        await confirmMember(target, parentWho, caseId, memberId);
        return { account, memberId };
      };
      const police = await join('police');
      const care = await join('care');
      const session = (await target.services.accounts.currentSession(parent.session))!;
      const writer = { ...journalActorOf(session), requestId: 'test' };
      const one = await target.services.journal.addObservation(
        writer,
        testObservation({ text: 'Eerste zorg bij het hek.' }),
      );
      const two = await target.services.journal.addObservation(
        writer,
        testObservation({ text: 'Tweede zorg, de bus.' }),
      );
      return { caseId, parent, parentMemberId, police, care, one, two, writer };
    }

    const get = (url: string, who: BuiltAccount) => target.app.inject({ method: 'GET', url, cookies: who.cookies });

    async function post(who: BuiltAccount, formUrl: string, url: string, fields: Record<string, unknown>) {
      const page = await get(formUrl, who);
      assert.equal(page.statusCode, 200, `${formUrl} answered ${page.statusCode}`);
      return target.app.inject({
        method: 'POST',
        url,
        cookies: withCookiesOf(who.cookies, page.headers),
        payload: { _csrf: csrfTokenFrom(page.body), ...fields },
      });
    }

    const consent = { kind16: 'nee', grondslag: 'ouder', kindWeet: 'ja' };
    const share = async (s: Awaited<ReturnType<typeof scene>>, ids: string[]) => {
      const form = `/samenwerken/${s.caseId}/delen`;
      const shared = await post(s.parent, form, form, { notitie: ids, ...consent });
      assert.equal(shared.statusCode, 303);
    };
    const logKey = () => target.services.logKey.publicKey.toString('base64');
    const policePage = (s: Awaited<ReturnType<typeof scene>>) => `/samenwerken/${s.caseId}/politiebundel`;
    const bundleUrl = (s: Awaited<ReturnType<typeof scene>>) => `${policePage(s)}/${s.parentMemberId}`;
    const auditActions = async (objectPrefix: string) =>
      (
        await db()
          .selectFrom('audit_log')
          .select(['action', 'object_id'])
          .where('object_id', 'like', `${objectPrefix}%`)
          .execute()
      ).map((row) => row.action);
    const events = async (caseId: string) =>
      db().selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();

    test('the police bundle of the shared entries verifies (library and CLI), carries the consent, and a flipped byte is named', async () => {
      const s = await scene();
      await share(s, [s.one.id, s.two.id]);
      // Before the queue made it, the police page says it is being made and offers no download.
      const waiting = await get(policePage(s), s.police.account);
      assert.equal(waiting.statusCode, 200);
      assert.match(waiting.body, /data-bundle="making"/);
      const early = await post(s.police.account, policePage(s), bundleUrl(s), {
        wachtwoord: s.police.account.passphrase,
      });
      assert.equal(early.statusCode, 409);
      await target.services.jobs.runDue();
      // The database holds the bundle sealed, no ticket any more, nothing readable.
      const row = await db()
        .selectFrom('case_police_bundles')
        .selectAll()
        .where('case_id', '=', s.caseId)
        .executeTakeFirstOrThrow();
      assert.equal(row.state, 'done');
      assert.equal(row.ticket, null);
      assert.ok(!(row.bundle ?? '').includes('Eerste zorg bij het hek'), 'the stored bundle is sealed');

      const ready = await get(policePage(s), s.police.account);
      assert.match(ready.body, /data-bundle="ready"/);
      const wrong = await post(s.police.account, policePage(s), bundleUrl(s), {
        wachtwoord: 'niet het goede wachtwoord',
      });
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.body, /wachtwoordzin klopt niet/);
      assert.equal((await events(s.caseId)).filter((event) => event.kind === 'export.police-bundle').length, 0);

      const got = await post(s.police.account, policePage(s), bundleUrl(s), {
        wachtwoord: s.police.account.passphrase,
      });
      assert.equal(got.statusCode, 200, got.body.slice(0, 300));
      assert.equal(got.headers['content-type'], 'application/zip');
      assert.match(String(got.headers['content-disposition']), /^attachment; filename="politiebundel\.zip"$/);
      assert.equal(got.headers['cache-control'], 'no-store');
      const zip = new Uint8Array(got.rawPayload);
      const report = await verifyBundle(zip, { extraLogKey: logKey() });
      assert.deepEqual(report.failures, []);
      assert.equal(report.valid, true);
      assert.equal(report.summary?.formatVersion, 2);
      assert.equal(report.summary?.exportSignature, 'valid');
      assert.equal(report.summary?.label, 'Sam');
      assert.deepEqual(
        report.entries?.map((entry) => entry.index),
        [0, 1],
      );

      // The signed PDF carries the consent record of the share.
      const members = unzipSync(zip);
      const pdfFile = join(workDir, `journal-${dialect}.pdf`);
      writeFileSync(pdfFile, members['journal.pdf']!);
      const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8' }).replace(
        /\s+/g,
        ' ',
      );
      assert.match(pdfText, /Gedeeld in een samenwerking, met toestemming/);
      assert.match(pdfText, /Toestemming van de ouder\. Weet het kind ervan: Ja\./);
      assert.match(pdfText, /Eerste zorg bij het hek/);

      // The CLI says the same, and names a byte flipped in the signed PDF.
      const pdf = members['journal.pdf']!.slice();
      pdf[Math.floor(pdf.length / 2)]! ^= 0x01;
      const flipped = zipSync({ ...members, 'journal.pdf': pdf }, { level: 6 });
      const flippedReport = await verifyBundle(flipped, { extraLogKey: logKey() });
      assert.equal(flippedReport.valid, false);
      assert.deepEqual([...new Set(flippedReport.failures.map((failure) => failure.check))], ['export-pdf']);
      if (dialect === dialects[0]) {
        const cli = await verifyWithCli(zip, logKey());
        assert.equal(cli.code, 0, cli.output);
        const cliFlipped = await verifyWithCli(flipped, logKey());
        assert.notEqual(cliFlipped.code, 0);
        assert.match(cliFlipped.output, /journal\.pdf is not the PDF the account signed/);
      }

      // The export is on the parent's timeline and access list, and in the audit log.
      const exported = (await events(s.caseId)).filter((event) => event.kind === 'export.police-bundle');
      assert.equal(exported.length, 1);
      assert.equal(exported[0]!.compartment, `share:${s.parentMemberId}`);
      assert.equal(exported[0]!.hide_on_risk, 1);
      const timeline = await get(`/samenwerken/${s.caseId}/tijdlijn`, s.parent);
      assert.match(timeline.body, /downloadde de gedeelde notities als bundel/);
      assert.ok((await auditActions(s.caseId)).includes('case.export.police-bundle'));
      assert.equal(
        (await auditActions(`${s.caseId}/${s.parentMemberId}/`)).filter(
          (action) => action === 'case.shared-entry.export',
        ).length,
        2,
      );

      // Unsharing one entry makes a new bundle of the one left; the old one is never handed over.
      const mine = `/samenwerken/${s.caseId}/gedeeld`;
      assert.equal((await post(s.parent, mine, `${mine}/stoppen`, { notitie: [s.two.id] })).statusCode, 303);
      assert.equal((await post(s.police.account, policePage(s), bundleUrl(s), {})).statusCode, 409);
      await target.services.jobs.runDue();
      const again = await post(s.police.account, policePage(s), bundleUrl(s), {});
      assert.equal(again.statusCode, 200);
      const second = await verifyBundle(new Uint8Array(again.rawPayload), { extraLogKey: logKey() });
      assert.equal(second.valid, true);
      assert.deepEqual(second.summary?.withheld ?? [], [1]);
      // Unsharing everything drops the bundle.
      assert.equal((await post(s.parent, mine, `${mine}/stoppen`, { notitie: [s.one.id] })).statusCode, 303);
      assert.deepEqual(
        await db().selectFrom('case_police_bundles').select('id').where('case_id', '=', s.caseId).execute(),
        [],
      );
      assert.equal((await post(s.police.account, policePage(s), bundleUrl(s), {})).statusCode, 404);
    });

    test('an entry the parent redacts after sharing leaves the bundle at once; the next one says it was redacted', async () => {
      const s = await scene();
      await share(s, [s.one.id, s.two.id]);
      await target.services.jobs.runDue();
      await target.services.journal.redact(s.writer, s.two.id);
      assert.deepEqual(
        await db().selectFrom('case_police_bundles').select('id').where('case_id', '=', s.caseId).execute(),
        [],
        'the bundle with the redacted text is gone in the redaction transaction',
      );
      assert.equal((await post(s.police.account, policePage(s), bundleUrl(s), {})).statusCode, 409);
      // The parent looks at their shares: a new bundle; it verifies, the entry redacted.
      assert.equal((await get(`/samenwerken/${s.caseId}/gedeeld`, s.parent)).statusCode, 200);
      await target.services.jobs.runDue();
      const got = await post(s.police.account, policePage(s), bundleUrl(s), {
        wachtwoord: s.police.account.passphrase,
      });
      assert.equal(got.statusCode, 200);
      const report = await verifyBundle(new Uint8Array(got.rawPayload), { extraLogKey: logKey() });
      assert.deepEqual(report.failures, []);
      assert.equal(report.valid, true);
      assert.deepEqual(report.summary?.redacted, [1]);
      assert.doesNotMatch(JSON.stringify(report.entries), /Tweede zorg/);
      assert.match(JSON.stringify(report.entries), /Eerste zorg bij het hek/);
      const text = pdfText(unzipSync(new Uint8Array(got.rawPayload))['journal.pdf']!, `redacted-${dialect}`);
      assert.doesNotMatch(text, /Tweede zorg/);
    });

    test('a bundle no worker finished within an hour is queued again when the parent looks; a finished one is not', async () => {
      const s = await scene();
      await share(s, [s.one.id]);
      const first = await db()
        .selectFrom('case_police_bundles')
        .selectAll()
        .where('case_id', '=', s.caseId)
        .executeTakeFirstOrThrow();
      assert.equal(first.state, 'queued');
      await get(`/samenwerken/${s.caseId}/gedeeld`, s.parent);
      const same = await db()
        .selectFrom('case_police_bundles')
        .select('id')
        .where('case_id', '=', s.caseId)
        .executeTakeFirstOrThrow();
      assert.equal(same.id, first.id, 'still being made: left alone');
      await db()
        .updateTable('case_police_bundles')
        .set({ updated_at: new Date(Date.now() - 2 * 3_600_000).toISOString() })
        .where('case_id', '=', s.caseId)
        .execute();
      await get(`/samenwerken/${s.caseId}/gedeeld`, s.parent);
      const again = await db()
        .selectFrom('case_police_bundles')
        .select(['id', 'state'])
        .where('case_id', '=', s.caseId)
        .executeTakeFirstOrThrow();
      assert.notEqual(again.id, first.id);
      await target.services.jobs.runDue();
      const done = await db()
        .selectFrom('case_police_bundles')
        .select(['id', 'state'])
        .where('case_id', '=', s.caseId)
        .executeTakeFirstOrThrow();
      assert.deepEqual(done, { id: again.id, state: 'done' });
      await get(`/samenwerken/${s.caseId}/gedeeld`, s.parent);
      assert.equal(
        (
          await db()
            .selectFrom('case_police_bundles')
            .select('id')
            .where('case_id', '=', s.caseId)
            .executeTakeFirstOrThrow()
        ).id,
        again.id,
      );
    });

    test('only the police member has the bundle; under "risk in the family" the parent does not see its download', async () => {
      const s = await scene();
      await share(s, [s.one.id]);
      await target.services.jobs.runDue();
      for (const who of [s.care.account, s.parent]) {
        assert.equal((await get(policePage(s), who)).statusCode, 404);
      }
      // A care worker posting to the download (with a form token from a page they have) is refused, nothing logged.
      const refused = await post(s.care.account, `/samenwerken/${s.caseId}`, bundleUrl(s), {
        wachtwoord: s.care.account.passphrase,
      });
      assert.equal(refused.statusCode, 404);
      // Not an id, an unknown member, another member's id: not found, never a 500.
      for (const url of [
        `${policePage(s)}/niet-een-id`,
        `${policePage(s)}/${s.care.memberId}`,
        `${policePage(s)}/${crypto.randomUUID()}`,
      ]) {
        const answer = await post(s.police.account, policePage(s), url, { wachtwoord: s.police.account.passphrase });
        assert.equal(answer.statusCode, 404, url);
      }
      assert.equal((await events(s.caseId)).filter((event) => event.kind.startsWith('export.')).length, 0);

      // Risk in the family, confirmed by two professionals: the parent's timeline no longer shows the download.
      const careWho = await caseActorOf(target, s.care.account);
      const policeWho = await caseActorOf(target, s.police.account);
      assert.deepEqual(await casesOf(target).flagRisk(careWho, s.caseId), { ok: true, step: 'proposed' });
      assert.deepEqual(await casesOf(target).flagRisk(policeWho, s.caseId), { ok: true, step: 'confirmed' });
      const got = await post(s.police.account, policePage(s), bundleUrl(s), {
        wachtwoord: s.police.account.passphrase,
      });
      assert.equal(got.statusCode, 200);
      const parentTimeline = await get(`/samenwerken/${s.caseId}/tijdlijn`, s.parent);
      assert.doesNotMatch(parentTimeline.body, /als bundel/);
      const careTimeline = await get(`/samenwerken/${s.caseId}/tijdlijn`, s.care.account);
      assert.match(careTimeline.body, /downloadde de gedeelde notities als bundel/);
    });

    test('a police officer removed a moment ago gets no bundle and nothing is logged as a download', async () => {
      const s = await scene();
      await share(s, [s.one.id]);
      await target.services.jobs.runDue();
      // The form page was read while still a member; the removal comes in between.
      const page = await get(policePage(s), s.police.account);
      assert.equal(page.statusCode, 200);
      const parentWho = await caseActorOf(target, s.parent);
      const removed = await casesOf(target).remove(parentWho, s.caseId, s.police.memberId);
      assert.deepEqual(removed, { ok: true, left: false });
      const answer = await target.app.inject({
        method: 'POST',
        url: bundleUrl(s),
        cookies: withCookiesOf(s.police.account.cookies, page.headers),
        payload: { _csrf: csrfTokenFrom(page.body), wachtwoord: s.police.account.passphrase },
      });
      assert.equal(answer.statusCode, 404);
      assert.equal((await events(s.caseId)).filter((event) => event.kind === 'export.police-bundle').length, 0);
      assert.ok(!(await auditActions(s.caseId)).includes('case.export.police-bundle'));
      assert.ok(!(await auditActions(`${s.caseId}/`)).includes('case.shared-entry.export'));
      // Nor may they make a summary.
      const summary = await target.app.inject({
        method: 'POST',
        url: `/samenwerken/${s.caseId}/samenvatting`,
        cookies: withCookiesOf(s.police.account.cookies, page.headers),
        payload: { _csrf: csrfTokenFrom(page.body), wachtwoord: passphrase },
      });
      assert.equal(summary.statusCode, 404);
    });

    test('the summary PDF after the passphrase: for a care worker, the parent sees it was made; a parent gets their own copy', async () => {
      const s = await scene();
      const summaryUrl = `/samenwerken/${s.caseId}/samenvatting`;
      // One agreement for every member, one for the professionals only.
      const careWho = await caseActorOf(target, s.care.account);
      const careOpened = await casesOf(target).openCase(careWho, s.caseId);
      for (const [wat, voor] of [
        ['Kwartelafspraak voor iedereen', 'iedereen'],
        ['Zwaluwafspraak alleen professionals', 'professionals'],
      ] as const) {
        const made = await target.services.caseItems.createAgreement(careWho.actor, careOpened, {
          wat,
          wie: '',
          datum: '',
          voor,
        });
        assert.ok(made.ok);
      }
      // The case page links each member to what they may export.
      const links = async (who: BuiltAccount) => (await get(`/samenwerken/${s.caseId}`, who)).body;
      assert.match(await links(s.care.account), /href="\/samenwerken\/[^"]+\/samenvatting">Samenvatting als pdf</);
      assert.doesNotMatch(await links(s.care.account), /politiebundel/);
      assert.match(await links(s.police.account), /href="\/samenwerken\/[^"]+\/politiebundel">Bundel voor de politie</);
      assert.match(await links(s.parent), /href="\/samenwerken\/[^"]+\/samenvatting">Je eigen kopie</);
      const form = await get(summaryUrl, s.care.account);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /Samenvatting downloaden/);
      const wrong = await post(s.care.account, summaryUrl, summaryUrl, { wachtwoord: 'fout' });
      assert.equal(wrong.statusCode, 400);
      assert.equal((await events(s.caseId)).filter((event) => event.kind === 'export.summary').length, 0);
      const pdf = await post(s.care.account, summaryUrl, summaryUrl, { wachtwoord: s.care.account.passphrase });
      assert.equal(pdf.statusCode, 200, pdf.body.slice(0, 300));
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.match(String(pdf.headers['content-disposition']), /^attachment; filename="samenvatting\.pdf"$/);
      assert.equal(pdf.headers['cache-control'], 'no-store');
      assert.equal(Buffer.from(pdf.rawPayload).subarray(0, 5).toString('latin1'), '%PDF-');
      const text = pdfText(pdf.rawPayload, `summary-${dialect}`);
      assert.match(text, /Samenvatting van de samenwerking/);
      assert.match(text, /Over: Sam/);
      assert.match(text, /Kwartelafspraak voor iedereen/);
      assert.match(text, /Zwaluwafspraak alleen professionals/);
      const made = (await events(s.caseId)).filter((event) => event.kind === 'export.summary');
      assert.equal(made.length, 1);
      assert.equal(made[0]!.compartment, 'members');
      assert.equal(made[0]!.hide_on_risk, 0);
      assert.ok((await auditActions(s.caseId)).includes('case.export.summary'));
      const timeline = await get(`/samenwerken/${s.caseId}/tijdlijn`, s.parent);
      assert.match(timeline.body, /maakte een samenvatting van de samenwerking/);

      // The parent's page is their own copy; a police summary is hidden from the parent once the risk flag is set.
      const own = await get(summaryUrl, s.parent);
      assert.match(own.body, /Kopie downloaden/);
      const copy = await post(s.parent, summaryUrl, summaryUrl, { wachtwoord: passphrase });
      assert.equal(copy.statusCode, 200);
      assert.match(String(copy.headers['content-disposition']), /filename="kopie\.pdf"/);
      // The parent's copy holds what the parent reads: not the professionals' agreement.
      const copyText = pdfText(copy.rawPayload, `copy-${dialect}`);
      assert.match(copyText, /Eigen kopie van de samenwerking/);
      assert.match(copyText, /Kwartelafspraak voor iedereen/);
      assert.doesNotMatch(copyText, /Zwaluwafspraak/);
      assert.match(copyText, /maakte een samenvatting van de samenwerking/);
      const police = await post(s.police.account, summaryUrl, summaryUrl, { wachtwoord: s.police.account.passphrase });
      assert.equal(police.statusCode, 200);
      const byPolice = (await events(s.caseId)).filter((event) => event.kind === 'export.summary').at(-1)!;
      assert.equal(byPolice.hide_on_risk, 1);
    });

    test('a closed case still exports (read-only is not unreadable); a deleted one answers 410, nothing written', async () => {
      const s = await scene();
      await share(s, [s.one.id]);
      await target.services.jobs.runDue();
      const closedAt = new Date(Date.now() - 400 * 86_400_000);
      await db()
        .updateTable('cases')
        .set({ closed_at: closedAt.toISOString(), delete_after: new Date(Date.now() + 40 * 86_400_000).toISOString() })
        .where('id', '=', s.caseId)
        .execute();
      const summaryUrl = `/samenwerken/${s.caseId}/samenvatting`;
      const summary = await post(s.care.account, summaryUrl, summaryUrl, { wachtwoord: s.care.account.passphrase });
      assert.equal(summary.statusCode, 200);
      const copy = await post(s.parent, summaryUrl, summaryUrl, { wachtwoord: passphrase });
      assert.equal(copy.statusCode, 200);
      const bundle = await post(s.police.account, policePage(s), bundleUrl(s), {
        wachtwoord: s.police.account.passphrase,
      });
      assert.equal(bundle.statusCode, 200);
      assert.equal((await verifyBundle(new Uint8Array(bundle.rawPayload), { extraLogKey: logKey() })).valid, true);

      // Deleted (crypto-shredded by the daily task): the keys are gone, so is every export, and the bundle row.
      await db()
        .updateTable('cases')
        .set({
          delete_after: new Date(Date.now() - 86_400_000).toISOString(),
          deletion_notice_at: new Date(Date.now() - 40 * 86_400_000).toISOString(),
        })
        .where('id', '=', s.caseId)
        .execute();
      assert.equal((await target.services.caseClosing.daily(new Date())).shredded, 1);
      const before = (await events(s.caseId)).length;
      for (const [who, url] of [
        [s.care.account, summaryUrl],
        [s.parent, summaryUrl],
        [s.police.account, bundleUrl(s)],
      ] as const) {
        const page = await get('/samenwerken', who);
        const answer = await target.app.inject({
          method: 'POST',
          url,
          cookies: withCookiesOf(who.cookies, page.headers),
          payload: { _csrf: csrfTokenFrom(page.body), wachtwoord: who.passphrase },
        });
        assert.ok([404, 410].includes(answer.statusCode), `${url}: ${answer.statusCode}`);
      }
      assert.equal((await events(s.caseId)).length, before);
      assert.deepEqual(
        await db().selectFrom('case_police_bundles').select('id').where('case_id', '=', s.caseId).execute(),
        [],
      );
    });

    test('a young member of 16 or older who refused exports: the summary and the police bundle are a 409, nothing written', async () => {
      const s = await scene();
      await share(s, [s.one.id]);
      await target.services.jobs.runDue();
      const now = new Date();
      const young = memberRow(s.caseId, 'young', now.toISOString(), {
        birth_month: `${now.getUTCFullYear() - 17}-01`,
        invited_by_member_id: s.care.memberId,
      });
      await db().insertInto('case_members').values(young).execute();
      const refusal = (decision: 'given' | 'refused', at: Date) =>
        db()
          .insertInto('case_consents')
          .values({
            id: crypto.randomUUID(),
            case_id: s.caseId,
            flow: 'export',
            subject_id: young.id,
            basis: 'child',
            child_knows: 'yes',
            decision,
            recorded_by_member_id: young.id,
            created_at: at.toISOString(),
          })
          .execute();
      await refusal('refused', now);
      const before = (await events(s.caseId)).length;
      const summaryUrl = `/samenwerken/${s.caseId}/samenvatting`;
      const summary = await post(s.care.account, summaryUrl, summaryUrl, { wachtwoord: s.care.account.passphrase });
      assert.equal(summary.statusCode, 409);
      assert.match(summary.body, /De jongere heeft hier geen toestemming voor gegeven/);
      const bundle = await post(s.police.account, policePage(s), bundleUrl(s), {
        wachtwoord: s.police.account.passphrase,
      });
      assert.equal(bundle.statusCode, 409);
      assert.equal((await events(s.caseId)).length, before);
      assert.deepEqual(
        (await auditActions(s.caseId)).filter((action) => action.startsWith('case.export.')),
        [],
      );
      // The parent's own copy is what they read already: not a flow to anyone else.
      const copy = await post(s.parent, summaryUrl, summaryUrl, { wachtwoord: passphrase });
      assert.equal(copy.statusCode, 200);
      // Consent given later: the exports work again. The young person's channel is never in the summary, not even
      // for the professional who invited them (its events are in its own compartment).
      await refusal('given', new Date(now.getTime() + 1000));
      await db()
        .insertInto('case_events')
        .values({
          case_id: s.caseId,
          compartment: `young:${young.id}`,
          kind: 'young.message',
          ref_id: null,
          actor_member_id: young.id,
          subject_member_id: null,
          created_at: new Date().toISOString(),
        })
        .execute();
      const again = await post(s.care.account, summaryUrl, summaryUrl, { wachtwoord: s.care.account.passphrase });
      assert.equal(again.statusCode, 200);
      const text = pdfText(again.rawPayload, `young-${dialect}`);
      assert.match(text, /begon deze samenwerking/);
      assert.doesNotMatch(text, /Er veranderde iets in de samenwerking|[Jj]ongere/);
    });

    test('bad input to the export routes, as each kind of user, is a 4xx, never a 500', async () => {
      const s = await scene();
      const outsider = await buildParent(target, { username: fresh('buiten') });
      const urls = [
        `/samenwerken/${s.caseId}/samenvatting`,
        `/samenwerken/${s.caseId}/politiebundel`,
        `/samenwerken/${s.caseId}/politiebundel/${s.parentMemberId}`,
        `/samenwerken/niet-een-id/samenvatting`,
        `/samenwerken/${crypto.randomUUID()}/politiebundel`,
      ];
      const bodies: Record<string, unknown>[] = [
        {},
        { wachtwoord: ['a', 'b'] },
        { wachtwoord: 'x'.repeat(5000) },
        { wachtwoord: { nested: true } },
      ];
      for (const who of [s.parent, s.police.account, s.care.account, outsider]) {
        const page = await get('/samenwerken', who);
        for (const url of urls) {
          const read = await get(url, who);
          assert.ok(read.statusCode < 500, `GET ${url}: ${read.statusCode}`);
          for (const body of bodies) {
            const answer = await target.app.inject({
              method: 'POST',
              url,
              cookies: withCookiesOf(who.cookies, page.headers),
              payload: { _csrf: csrfTokenFrom(page.body), ...body },
            });
            assert.ok(
              (answer.statusCode >= 400 && answer.statusCode < 500) || answer.statusCode === 200,
              `POST ${url} ${JSON.stringify(body).slice(0, 40)}: ${answer.statusCode}`,
            );
          }
        }
      }
      const anonymous = await target.app.inject({ method: 'GET', url: urls[0]! });
      assert.ok(anonymous.statusCode < 500);
    });
  });
}
