import type { Translate } from '../../shared/i18n/i18n.js';
import type { MessageKey } from '../../shared/i18n/messages.js';
import type { ContentRepository } from './content.repo.js';
import { frontMatterSchema, pageAudiences, topics } from './content.schema.js';
import { markdownKind } from './content.kind.js';
import { ContentArticle } from './views/content-page.view.js';

const audienceLabels: Record<string, MessageKey> = {
  parents: 'content.edit.audience.parents',
  professionals: 'content.edit.audience.professionals',
  everyone: 'content.edit.audience.everyone',
};
const topicLabels: Record<string, MessageKey> = {
  begrijpen: 'info.index.group.begrijpen',
  handelen: 'info.index.group.handelen',
  steun: 'info.index.group.steun',
  over: 'info.index.group.over',
};

/** Kind `page`: the information pages, content/nl|en/<slug>.md, key `nl/<slug>`, shown at /informatie/<slug>. */
export function pageKind(repo: ContentRepository, clock?: () => Date) {
  return markdownKind({
    kind: 'page',
    section: 'informatie',
    directory: '',
    frontMatter: frontMatterSchema,
    audiences: pageAudiences,
    topics,
    choiceLabel(field: 'audience' | 'topic', value: string, t: Translate) {
      const key = (field === 'audience' ? audienceLabels : topicLabels)[value];
      return key === undefined ? value : t(key);
    },
    Preview: ({ ctx, page }) => <ContentArticle ctx={ctx} page={page} fallback={false} />,
    repo,
    ...(clock === undefined ? {} : { clock }),
  });
}
