import { CsrfField } from '../../../shared/views/components/csrf-field.js';
import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { type ExportProgress, type ExportStatus, exportPercent } from '../export/jobs.js';
import { formatMoment, JournalNav, sizeText } from './parts.js';

/** "Step 2 of 3: making the PDF (300 of 1,000 notes)": what the progress page and its script say. */
export function progressText(t: PageContext['t'], progress: ExportProgress): string {
  const step = progress.phase === 'reading' ? 1 : progress.phase === 'pdf' ? 2 : 3;
  return t(`journal.export.status.phase.${progress.phase}`, {
    step,
    done: progress.done,
    total: progress.total,
  });
}

/**
 * The export's progress, and its download once it is ready. Without JavaScript the parent follows a link to
 * look again; with it, the page's script asks /logboek/export/stand every few seconds, updates the bar and
 * the status text, and loads this page again when the export is ready or has failed.
 */
export function ExportStatusPage({
  ctx,
  status,
  gone = false,
}: {
  ctx: PageContext;
  status: ExportStatus | undefined;
  /** The download was asked for, but there is nothing (any more) to download. */
  gone?: boolean;
}) {
  const { t } = ctx;
  const title =
    status?.state === 'running'
      ? t('journal.export.status.runningTitle')
      : status?.state === 'failed' && status.tooLarge !== undefined
        ? t('journal.export.status.tooLargeTitle')
        : status?.state === 'done'
          ? t('journal.export.status.doneTitle')
          : status?.state === 'failed'
            ? t('journal.export.status.failedTitle')
            : t('journal.export.status.noneTitle');
  return (
    <Layout ctx={ctx} title={title}>
      <JournalNav ctx={ctx} current="export" />
      <h1>{title}</h1>
      {status?.state === 'running' && (
        <div data-module="app-export-progress" data-status-url="/logboek/export/stand">
          <p>{t('journal.export.status.running')}</p>
          <div class="app-field">
            <label class="app-label" for="export-voortgang">
              {t('journal.export.status.progressLabel')}
            </label>
            <progress id="export-voortgang" max={100} value={exportPercent(status.progress)}>
              {exportPercent(status.progress)}%
            </progress>
            <p class="app-hint" role="status" aria-live="polite" data-export-text>
              {progressText(t, status.progress)}
            </p>
          </div>
          <p>{t('journal.export.status.leave')}</p>
          <p>
            <a class="app-button app-button--secondary" href="/logboek/export/bezig">
              {t('journal.export.status.again')}
            </a>
          </p>
        </div>
      )}
      {status?.state === 'done' && (
        <>
          <p>{t('journal.export.status.done', { size: sizeText(ctx, status.bytes) })}</p>
          <form method="post" action="/logboek/export/ophalen">
            <CsrfField ctx={ctx} />
            <p class="app-hint">{t('journal.export.device')}</p>
            <button class="app-button" type="submit">
              {t('journal.export.submit')}
            </button>
          </form>
          <p class="app-hint">
            {t('journal.export.status.kept', { until: formatMoment(ctx, new Date(status.expiresAt).toISOString()) })}
          </p>
          <p>
            <a href="/verifieer">{t('journal.export.verifyLink')}</a>
          </p>
        </>
      )}
      {status?.state === 'failed' && (
        <div class="app-callout app-callout--danger">
          <p>
            {status.tooLarge === undefined
              ? t('journal.export.status.failed')
              : t('journal.export.status.tooLarge', { max: sizeText(ctx, status.tooLarge.maxBytes) })}
          </p>
        </div>
      )}
      {status === undefined && <p>{t(gone ? 'journal.export.status.gone' : 'journal.export.status.none')}</p>}
      {status?.state !== 'running' && status?.state !== 'done' && (
        <p>
          <a class="app-button" href="/logboek/export">
            {t('journal.export.status.start')}
          </a>
        </p>
      )}
    </Layout>
  );
}
