import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { HonestNote } from './parts.js';

/** For someone who is not signed in: what the journal is and how to start one. */
export function JournalIntroPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('journal.title')}>
      <h1>{t('journal.title')}</h1>
      <p class="app-lead">{t('journal.intro.lead')}</p>
      <p>{t('journal.intro.private')}</p>
      <HonestNote ctx={ctx} />
      <p>
        <a class="app-button" href="/registreren">
          {t('journal.intro.register')}
        </a>{' '}
        <a class="app-button app-button--secondary" href="/inloggen">
          {t('journal.intro.login')}
        </a>
      </p>
    </Layout>
  );
}
