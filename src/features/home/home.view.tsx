import { emergencyNumbers, PhoneLink } from '../../shared/views/components/phone-link.js';
import type { PageContext } from '../../shared/views/context.js';
import { Layout } from '../../shared/views/layout.js';

/** The home page leads three kinds of visitor to what exists: a worried parent, someone seeking help, a professional. */
export function HomePage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('home.title')}>
      <h1>{t('home.title')}</h1>
      <p class="app-lead">{t('home.intro')}</p>
      <div class="app-callout app-callout--danger">
        <p>
          <strong>{t('home.help.danger')}</strong> <PhoneLink number={emergencyNumbers.emergency} />
        </p>
        <p>
          <a class="app-button app-button--danger" href="/nu">
            {t('home.now.link')}
          </a>
        </p>
        <p>{t('home.now.text')}</p>
      </div>
      <ul class="app-cards">
        <li class="app-card">
          <h2 class="app-card__title">{t('home.worried.title')}</h2>
          <p>{t('home.worried.text')}</p>
          <a class="app-button" href="/informatie">
            {t('home.worried.link')}
          </a>
        </li>
        <li class="app-card">
          <h2 class="app-card__title">{t('home.check.title')}</h2>
          <p>{t('home.check.text')}</p>
          <a class="app-button" href="/check">
            {t('home.check.link')}
          </a>
        </li>
        <li class="app-card">
          <h2 class="app-card__title">{t('home.help.title')}</h2>
          <p>{t('home.help.text')}</p>
          <PhoneLink
            number={emergencyNumbers.veiligThuis}
            label={t('home.help.call', { number: emergencyNumbers.veiligThuis })}
          />
          <p>
            <a class="app-button" href="/hulp">
              {t('help.checkLink')}
            </a>
          </p>
        </li>
        <li class="app-card">
          <h2 class="app-card__title">{t('home.professional.title')}</h2>
          <p>{t('home.professional.text')}</p>
          <a href="/informatie/over-deze-site">{t('home.professional.link')}</a>
        </li>
        <li class="app-card">
          <h2 class="app-card__title">{t('home.safe.title')}</h2>
          <p>{t('home.safe.text')}</p>
          <a href="/informatie/veilig-gebruik">{t('home.safe.link')}</a>
        </li>
      </ul>
    </Layout>
  );
}
