import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  documentExtraLanguages,
  languageProblems,
  languageProblemText,
  textsOf,
} from '../../shared/i18n/document-languages.js';
import type { Translate } from '../../shared/i18n/i18n.js';
import { TextArea } from '../../shared/views/components/fields.js';
import type {
  ContentFile,
  DocumentText,
  EditorialKind,
  Parsed,
  PublishedDocument,
  ReadableField,
} from '../editorial/editorial.types.js';
import { readVersionFiles, versionText } from '../editorial/version-files.js';
import {
  isPathwayKey,
  nationalPathway,
  pathwayProblems,
  type PathwayLine,
  type PathwayRegistry,
  regionKey,
} from './pathway.js';
import { type Pathway, pathwaySchema } from './pathway.schema.js';
import { PathwayGuide } from './views/pathway.views.js';

/*
 * The editorial kind `pathway` (issue 16, ADR 0037): the national pathway (key `national`, files
 * content/pathway/vN.json) and a regional variant per veiligheidsregio (key `region:VRnn`, files
 * content/pathway/regions/VRnn/vN.json). A text is one version's file. Versions are numbered across all keys, so a
 * case's step move still names exactly one pathway; a new draft takes the next free number. Publishing a version
 * retires the previous one of its key (the core), and the registry the case space reads is refilled afterwards.
 * The text is kept as the editor saved it, so the languages beside nl and en stay; a draft whose languages break
 * the rule (each in every text or in none, Dutch numbers kept; ADR 0056) is refused in the editor's language.
 */

/** Where a key's files live, relative to the content directory. */
export function pathwayDirectoryOf(key: string): string {
  return key === nationalPathway ? 'pathway' : `pathway/regions/${key.slice('region:'.length)}`;
}

/** The `"status": …` line of a version's text; a file of a retired version says "retired". */
const statusLine = /^(\s*"status":\s*)"(published|retired)"/m;

/** A text as stored: what the file holds, but always "published" (the store knows which one is retired). */
const asPublished = (text: string): string => text.replace(statusLine, '$1"published"');
const asRetired = (text: string): string => text.replace(statusLine, '$1"retired"');

function problemsOf(error: { issues: readonly { path: PropertyKey[]; message: string }[] }, t: Translate): string[] {
  return error.issues.map((issue) =>
    t('pathwayKind.problem.field', { field: issue.path.map(String).join('.') || '–', problem: issue.message }),
  );
}

function parseText(text: string, t: Translate): Parsed<Pathway> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [t('pathwayKind.problem.json', { problem: (error as Error).message })] };
  }
  const parsed = pathwaySchema.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: problemsOf(parsed.error, t) };
}

/** A version's number as its text says, or undefined when the text is not JSON with one. */
function versionOf(text: string): number | undefined {
  try {
    const version = (JSON.parse(text) as { version?: unknown }).version;
    return typeof version === 'number' ? version : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A history's texts without those a later text of the same version replaced: a changed file (a language added to
 * content/pathway/v1.json, ADR 0056) is imported as a new revision of the same version, and the version is then
 * that newest text — the same step ids, so a case's step moves still name it.
 */
function newestPerVersion(history: readonly string[]): { text: string; last: boolean }[] {
  const versions = history.map(versionOf);
  return history.flatMap((text, index) => {
    const version = versions[index];
    const replaced = version !== undefined && versions.slice(index + 1).includes(version);
    return replaced ? [] : [{ text, last: index === history.length - 1 }];
  });
}

/** A version with its texts in nl and en only: what must not change when a language is added to a version. */
function withoutLanguages(pathway: Pathway): unknown {
  const copy = structuredClone(pathway);
  for (const { text } of textsOf(copy)) {
    for (const language of documentExtraLanguages) delete (text as Record<string, unknown>)[language];
  }
  return copy;
}

/** Lines of the registry from the editorial store: per key, every published text, the last one current. */
export function pathwayLines(documents: readonly PublishedDocument[], t: Translate): PathwayLine[] {
  return documents
    .filter((document) => isPathwayKey(document.key))
    .map((document) => ({
      key: document.key,
      versions: newestPerVersion(document.history).flatMap(({ text, last }) => {
        const parsed = parseText(text, t);
        if (!parsed.ok) return [];
        return [{ ...parsed.value, status: last ? ('published' as const) : ('retired' as const) }];
      }),
    }));
}

export interface PathwayKindOptions {
  registry: PathwayRegistry;
  /** Every published pathway text from the editorial store (services.editorial.publishedDocuments('pathway')). */
  published: () => Promise<readonly PublishedDocument[]>;
  translate: Translate;
  /** Names of the veiligheidsregio's by code ("VR01" → "Groningen"), for titles. */
  regionNames?: ReadonlyMap<string, string>;
  clock?: () => Date;
}

/** The pathway kind, with `reload`: the registry refilled from the editorial store (at start, after the import). */
export type PathwayKind = EditorialKind<Pathway> & { reload(): Promise<void> };

export function createPathwayKind(options: PathwayKindOptions): PathwayKind {
  const { registry } = options;
  const clock = options.clock ?? (() => new Date());
  const regionName = (code: string) => options.regionNames?.get(code) ?? code;

  /** The next version number free across every key (a draft of any key takes it). */
  const nextVersion = (atLeast: number) => Math.max(atLeast, ...registry.all.map((pathway) => pathway.version)) + 1;

  async function refill(): Promise<void> {
    const lines = pathwayLines(await options.published(), options.translate);
    // Versions read from files at start that the store does not hold (yet) stay, so nothing a case names vanishes.
    const stored = new Set(lines.map((line) => line.key));
    const kept = registry.all.filter((pathway) => !stored.has(registry.keyOf(pathway.version) ?? ''));
    const byKey = new Map<string, Pathway[]>();
    for (const pathway of kept) {
      const key = registry.keyOf(pathway.version)!;
      byKey.set(key, [...(byKey.get(key) ?? []), pathway]);
    }
    registry.refill([...lines, ...[...byKey].map(([key, versions]) => ({ key, versions }))]);
  }

  return {
    kind: 'pathway',
    parse: parseText,
    keyProblems: (key, t) => (isPathwayKey(key) ? [] : [t('pathwayKind.problem.key')]),

    check(value, key, t) {
      const problems: string[] = [];
      if (!isPathwayKey(key)) problems.push(t('pathwayKind.problem.key'));
      else if ((value.region === undefined ? nationalPathway : regionKey(value.region)) !== key) {
        problems.push(t('pathwayKind.problem.region', { key }));
      }
      problems.push(...pathwayProblems(value).map((problem) => t('pathwayKind.problem.shape', { problem })));
      // The languages beside nl and en: each in every text or in none, Dutch numbers kept (ADR 0056).
      problems.push(...languageProblems(value).map((problem) => languageProblemText(problem, t)));
      const owner = registry.keyOf(value.version);
      if (owner !== undefined && owner !== key) {
        problems.push(t('pathwayKind.problem.versionTaken', { version: value.version, next: nextVersion(0) }));
      } else if (owner === key) {
        // The same version again may only add or change languages (ADR 0056: a language written into
        // content/pathway/v1.json is imported as a new revision of version 1); its steps stay what cases name.
        const known = registry.version(value.version)!;
        const same =
          JSON.stringify(withoutLanguages({ ...known, status: 'published' })) ===
          JSON.stringify(withoutLanguages(value));
        if (!same) {
          problems.push(t('pathwayKind.problem.versionTaken', { version: value.version, next: nextVersion(0) }));
        }
      }
      return problems;
    },

    title(value, t) {
      return value.region !== undefined
        ? t('pathwayKind.title.region', { region: regionName(value.region), version: value.version })
        : t('pathwayKind.title.national', { version: value.version });
    },

    fields(value, t): ReadableField[] {
      const fields: ReadableField[] = [
        { label: t('pathwayKind.field.version'), text: `${value.version} (${value.published})` },
      ];
      for (const track of value.tracks) {
        fields.push({
          label: t('pathwayKind.field.track', { track: track.id }),
          text: [track.title.nl, track.summary.nl, track.title.en, track.summary.en].join('\n'),
        });
        for (const step of track.steps) {
          fields.push({
            label: t('pathwayKind.field.step', { track: track.id, step: step.id }),
            text: [
              step.title.nl,
              step.what.nl,
              ...step.expect.map((line) => line.nl),
              ...step.ask.map((line) => line.nl),
              `→ ${step.next.join(', ')}${step.end ? ' ■' : ''}`,
              step.title.en,
              step.what.en,
              ...step.expect.map((line) => line.en),
              ...step.ask.map((line) => line.en),
            ].join('\n'),
          });
        }
        fields.push({
          label: t('pathwayKind.field.sources', { track: track.id }),
          text: track.sources.map((source) => `${source.publisher}: ${source.title} (${source.date})`).join('\n'),
        });
      }
      return fields;
    },

    // A draft is the next version: from the key's published text, or for a new regional variant from the
    // national pathway as it is now.
    startDraft(published, key) {
      const base: Record<string, unknown> =
        published !== undefined
          ? (JSON.parse(published) as Record<string, unknown>)
          : structuredClone(registry.currentFor(nationalPathway));
      const own = typeof base.version === 'number' ? base.version : 0;
      const draft: Record<string, unknown> = {
        ...base,
        version: nextVersion(own),
        status: 'published',
        published: clock().toISOString().slice(0, 10),
      };
      if (key === nationalPathway) delete draft.region;
      else draft.region = key.slice('region:'.length);
      return versionText(draft);
    },

    fromForm(form, _previous, t): Parsed<string> {
      const text = (form.text ?? '').replace(/\r\n?/g, '\n');
      const withNewline = text.endsWith('\n') ? text : `${text}\n`;
      const parsed = parseText(withNewline, t);
      return parsed.ok ? { ok: true, value: asPublished(withNewline) } : parsed;
    },

    Form({ ctx, text: stored, posted }) {
      const { t } = ctx;
      // A refused save or preview shows the text as posted (nothing lost).
      const text = posted?.text ?? stored;
      return (
        <div class="app-editorial-pathway">
          <p class="app-hint">{t('pathwayKind.form.intro')}</p>
          <TextArea
            ctx={ctx}
            name="text"
            label={t('pathwayKind.form.text')}
            hint={t('pathwayKind.form.hint')}
            form={{ text }}
            rows={40}
          />
        </div>
      );
    },

    Preview({ ctx, value }) {
      return <PathwayGuide ctx={ctx} pathway={value} />;
    },

    // The pathway lives in memory (the registry), not in a table: nothing to write in the transaction.
    async apply() {},

    afterPublish: refill,
    reload: refill,

    async readFiles(contentDirectory: string): Promise<DocumentText[]> {
      const texts: DocumentText[] = [];
      const read = async (key: string) => {
        const directory = path.join(contentDirectory, pathwayDirectoryOf(key));
        if (!existsSync(directory)) return;
        for (const text of await readVersionFiles(directory)) texts.push({ key, text: asPublished(text) });
      };
      await read(nationalPathway);
      const regions = path.join(contentDirectory, 'pathway', 'regions');
      if (existsSync(regions)) {
        for (const code of readdirSync(regions).sort()) {
          if (/^VR\d{2}$/.test(code)) await read(regionKey(code));
        }
      }
      return texts;
    },

    writeFiles(documents: readonly PublishedDocument[]): ContentFile[] {
      return documents.flatMap((document) =>
        newestPerVersion(document.history).map(({ text, last }) => {
          const version = (JSON.parse(text) as { version: number }).version;
          return {
            path: `${pathwayDirectoryOf(document.key)}/v${version}.json`,
            content: last ? text : asRetired(text),
          };
        }),
      );
    },
  };
}
