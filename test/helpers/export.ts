import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { ExportsRepository } from '../../src/features/journal/export/export.repo.js';
import type { ExportProgress } from '../../src/features/journal/export/jobs.js';
import { publicKeyFrom, sealBundle } from '../../src/features/journal/export/sealing.js';
import { csrfTokenFrom } from './app.js';

/*
 * The export as a browser without JavaScript goes through it: post the form, follow the redirect to the
 * progress page, look again until the export is ready, then post the download form. The job queue makes the
 * export: tests without a running worker pass `runJobs` (the app's jobs.runDue) to let it work while they wait.
 */

/** Runs the due jobs (the export's among them), as a worker would between two looks at the progress page. */
export type RunJobs = () => Promise<unknown>;

type Fields = Record<string, string | string[]>;

/** Posts the export form; the answer is the 303 to the progress page, or the form again with a problem. */
export async function postExportForm(
  app: FastifyInstance,
  cookies: Record<string, string>,
  fields: Fields,
): Promise<LightMyRequestResponse> {
  const page = await app.inject({ method: 'GET', url: '/logboek/export', cookies });
  assert.equal(page.statusCode, 200);
  return app.inject({
    method: 'POST',
    url: '/logboek/export',
    cookies,
    payload: new URLSearchParams([
      ['_csrf', csrfTokenFrom(page.body)],
      ...Object.entries(fields).flatMap(([name, value]) =>
        Array.isArray(value) ? value.map((item) => [name, item]) : [[name, value]],
      ),
    ]).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
}

/** Waits on the progress page until the export is no longer being made; returns that page. */
export async function waitForExport(
  app: FastifyInstance,
  cookies: Record<string, string>,
  runJobs?: RunJobs,
  timeoutMs = 30_000,
): Promise<LightMyRequestResponse> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await runJobs?.();
    const page = await app.inject({ method: 'GET', url: '/logboek/export/bezig', cookies });
    assert.equal(page.statusCode, 200);
    if (!page.body.includes('data-module="app-export-progress"')) return page;
    assert.ok(Date.now() < deadline, 'the export was still being made after the time-out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Posts the download form of a ready export. */
export async function downloadExport(
  app: FastifyInstance,
  cookies: Record<string, string>,
  page: LightMyRequestResponse,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/logboek/export/ophalen',
    cookies,
    payload: new URLSearchParams([['_csrf', csrfTokenFrom(page.body)]]).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
}

/** The whole export: form, progress, download. Fails the test unless every step answers as it should. */
export async function exportJournal(
  app: FastifyInstance,
  cookies: Record<string, string>,
  fields: Fields,
  runJobs?: RunJobs,
): Promise<LightMyRequestResponse> {
  const started = await postExportForm(app, cookies, fields);
  assert.equal(started.statusCode, 303, started.body.slice(0, 500));
  assert.equal(started.headers.location, '/logboek/export/bezig');
  const ready = await waitForExport(app, cookies, runJobs);
  assert.match(ready.body, /action="\/logboek\/export\/ophalen"/, 'the ready page offers the download');
  const download = await downloadExport(app, cookies, ready);
  assert.equal(download.statusCode, 200);
  assert.equal(download.headers['content-type'], 'application/zip');
  return download;
}

/**
 * Takes a session's queued export as the worker would, so a test sets its pace: it reports progress, then
 * finishes with the bytes the test gives (sealed to the session's key, as the worker seals a bundle) or fails.
 */
export async function holdExport(repo: ExportsRepository, sessionIdHash: string) {
  const row = await repo.ofSession(sessionIdHash, new Date());
  assert.ok(row !== undefined, 'an export was queued for this session');
  const run = randomUUID();
  assert.ok((await repo.begin(row.id, run, new Date())) !== undefined, 'the export could be taken on');
  const keepUntil = () => new Date(Date.now() + 15 * 60_000);
  return {
    id: row.id,
    report: (progress: ExportProgress) => repo.report(row.id, run, progress, new Date()),
    finish: (bytes: Uint8Array) => {
      const sealed = sealBundle(publicKeyFrom(row.bundle_key), row.id, bytes);
      return repo.finish(
        row.id,
        run,
        { enc: sealed.enc, bytes: bytes.length, count: sealed.count, chunks: sealed.chunks, journalId: 'journal' },
        new Date(),
        keepUntil(),
      );
    },
    fail: (failure: { kind: 'too-large'; maxBytes: number } | { kind: 'error' }) =>
      repo.fail(row.id, run, failure, new Date(), keepUntil()),
  };
}
