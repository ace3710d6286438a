import type { MessageKey } from '../i18n/messages.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';

interface ErrorPageProps {
  ctx: PageContext;
  titleKey: MessageKey;
  textKey: MessageKey;
  errorId?: string | undefined;
}

/** Every error page: what happened in plain words, the way home, never a stack trace. */
export function ErrorPage({ ctx, titleKey, textKey, errorId }: ErrorPageProps) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t(titleKey)}>
      <h1>{t(titleKey)}</h1>
      <p class="app-lead">{t(textKey)}</p>
      {errorId !== undefined && <p class="app-error-id">{t('error.id', { id: errorId })}</p>}
      <p>
        <a href="/">{t('error.homeLink')}</a>
      </p>
    </Layout>
  );
}
