import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { Rejection } from '../check.service.js';

/** A submission that cannot be used at all: say so plainly and offer a fresh start. Nothing was counted. */
export function CheckRejectedPage({ ctx, reason }: { ctx: PageContext; reason: Rejection }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('check.rejected.title')}>
      <h1>{t('check.rejected.title')}</h1>
      <p class="app-lead">{t(reason === 'version' ? 'check.rejected.version' : 'check.rejected.form')}</p>
      <p>
        <a class="app-button" href="/check">
          {t('check.rejected.startAgain')}
        </a>
      </p>
    </Layout>
  );
}
