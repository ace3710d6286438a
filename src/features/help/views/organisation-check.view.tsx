import type { PageContext } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';

export interface OrganisationToCheck {
  slug: string;
  name: string;
  checkedOn: string | null;
  /** The organisation's document in the CMS, when there is one. */
  documentId: string | undefined;
}

/** The organisations due for a check, oldest first: never checked, then the oldest check. */
export function OrganisationCheckPage({
  ctx,
  months,
  organisations,
}: {
  ctx: PageContext;
  months: number;
  organisations: readonly OrganisationToCheck[];
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('orgKind.controle.title')}>
      <h1>{t('orgKind.controle.title')}</h1>
      {organisations.length === 0 ? (
        <p>{t('orgKind.controle.none', { months })}</p>
      ) : (
        <>
          <p class="app-lead">{t('orgKind.controle.intro', { months })}</p>
          <table class="app-table">
            <thead>
              <tr>
                <th scope="col">{t('orgKind.controle.name')}</th>
                <th scope="col">{t('orgKind.controle.state')}</th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((organisation) => (
                <tr key={organisation.slug} data-organisation={organisation.slug}>
                  <td>
                    {organisation.documentId === undefined ? (
                      <>
                        {organisation.name} <span class="app-hint">({t('orgKind.controle.noDocument')})</span>
                      </>
                    ) : (
                      <a href={`/beheer/inhoud/${encodeURIComponent(organisation.documentId)}`}>{organisation.name}</a>
                    )}
                  </td>
                  <td>
                    {organisation.checkedOn === null
                      ? t('orgKind.controle.never')
                      : t('orgKind.controle.since', { date: new Date(`${organisation.checkedOn}T12:00:00Z`) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Layout>
  );
}
