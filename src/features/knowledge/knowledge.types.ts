import type { Source } from '../../shared/views/components/source-list.js';
import type { KnowledgeAudience, KnowledgeTopic } from './knowledge.schema.js';

/** One entry of the knowledge base's index: a stored article or one made from the pathway data. */
export interface ArticleListing {
  slug: string;
  /** The language of the text (Dutch for an article not written in English yet). */
  lang: string;
  title: string;
  summary: string;
  audience: KnowledgeAudience[];
  topic: KnowledgeTopic;
  lastReviewed: string;
  reviewedBy: string;
  professionalsOnly: boolean;
  /** Shown in Dutch because it has no text in the visitor's language. */
  fallback: boolean;
}

/**
 * A knowledge article as content_pages holds it (section 'kennisbank'), in the shape the content repository
 * gives (features/content/content.repo.ts): the repository keeps audience and topic as plain strings.
 */
export interface StoredArticleSummary {
  slug: string;
  lang: string;
  status: 'published' | 'draft';
  title: string;
  summary: string;
  audience: readonly string[];
  topic: string;
  lastReviewed: string;
  order: number;
  visibility: 'public' | 'professionals';
  reviewedBy: string | null;
}

export interface StoredArticle extends StoredArticleSummary {
  sources: readonly Source[];
  headings: readonly { id: string; text: string }[];
  bodyHtml: string;
}

/** What the knowledge base reads of the content repository (PAGES's functions with the section 'kennisbank'). */
export interface KnowledgeStore {
  findPage(slug: string, lang: string, section: 'kennisbank'): Promise<StoredArticle | undefined>;
  listPages(lang: string, section: 'kennisbank'): Promise<readonly StoredArticleSummary[]>;
}
