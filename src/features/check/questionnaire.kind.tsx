import path from 'node:path';
import { z } from 'zod';
import { languageProblemText } from '../../shared/i18n/document-languages.js';
import type { Translate } from '../../shared/i18n/i18n.js';
import type { PageContext } from '../../shared/views/context.js';
import type {
  ContentFile,
  DocumentText,
  EditorialKind,
  Parsed,
  PublishedDocument,
  ReadableField,
} from '../editorial/editorial.types.js';
import { readVersionFiles, versionText } from '../editorial/version-files.js';
import { type LocalText, type Question, type Questionnaire, questionnaireShape } from './check.schema.js';
import type { QuestionnaireRegistry } from './questionnaires.js';
import { languageProblems } from './questionnaire-languages.js';
import { editorLocale, safetyProblems } from './safety.js';
import { CheckFormPreview } from './views/check-form.view.js';

/*
 * The editorial kind `questionnaire` (issue 16, ADR 0036): one document, key `check`, whose published and retired
 * revisions are the versions of the signals check. A revision's text is the version's JSON exactly as
 * content/check/vN.json holds it. Editing makes a draft of the next version (status "draft"); publishing it makes
 * it the version parents get and retires the one before (a form begun in that one asks to start again). A draft
 * is refused while it names something missing or breaks a promise of the check (safety.ts), on submit and again
 * before publishing.
 */

export const questionnaireKey = 'check';
/** The directory of the versions, relative to the content directory. */
export const questionnaireDirectory = 'check';
/** The form field with the version's JSON. */
export const questionnaireField = 'vragenlijst';

/** A version's text as the files hold it: JSON two spaces deep, ending in a newline. */
export const questionnaireText = versionText;

const statusLine = /^ {2}"status": "[a-z]+"/m;
/** The text with its top-level status set, every other byte kept (so files written back equal content/check). */
function withStatus(text: string, status: Questionnaire['status']): string {
  const wanted = `  "status": "${status}"`;
  const found = statusLine.exec(text);
  if (found === null || found[0] === wanted) return text;
  return text.slice(0, found.index) + wanted + text.slice(found.index + found[0].length);
}

function parseJson(text: string, t: Translate): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problems: [t('check.editor.notJson', { message: (error as Error).message })] };
  }
}

function pathInWords(issuePath: readonly PropertyKey[], t: Translate): string {
  if (issuePath.length === 0) return t('check.editor.whole');
  return issuePath
    .map((part) => (typeof part === 'number' ? t('check.editor.item', { number: part + 1 }) : String(part)))
    .join(' › ');
}

/** The text → a version, every problem of its shape with where it is, in the editor's language. */
export function parseQuestionnaire(text: string, t: Translate): Parsed<Questionnaire> {
  const json = parseJson(text, t);
  if (!json.ok) return json;
  const localeError = (editorLocale(t) === 'en' ? z.locales.en() : z.locales.nl()).localeError;
  const parsed = questionnaireShape.safeParse(json.value, { error: localeError });
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) =>
      t('check.editor.at', { path: pathInWords(issue.path, t), message: issue.message }),
    ),
  };
}

/** Everything that keeps a version from review: its languages' rules, then the check's promises (safety.ts). */
function versionProblems(value: Questionnaire, t: Translate): string[] {
  return [...languageProblems(value).map((problem) => languageProblemText(problem, t)), ...safetyProblems(value, t)];
}

/** Per text of a history (oldest first), its version with the status the store gives it: the newest is published. */
function historyVersions(history: readonly string[], t: Translate): (Questionnaire | undefined)[] {
  const parsed = history.map((text) => {
    const result = parseQuestionnaire(text, t);
    return result.ok ? result.value : undefined;
  });
  // A text that calls itself retired (version 1 as imported, or a rollback to it) is history only: parents never
  // get it. The newest other text is the published version.
  const current = parsed.findLastIndex((entry) => entry !== undefined && entry.status !== 'retired');
  return parsed.map((entry, index) =>
    entry === undefined ? undefined : { ...entry, status: index === current ? 'published' : 'retired' },
  );
}

/** The versions of a history (oldest first) as the check serves them: the newest is published, the rest retired. */
export function versionsOf(history: readonly string[], t: Translate): Questionnaire[] {
  return historyVersions(history, t).filter((entry): entry is Questionnaire => entry !== undefined);
}

const both = (text: LocalText | undefined) => (text === undefined ? '' : `nl: ${text.nl}\nen: ${text.en}`);
const list = (texts: readonly LocalText[]) => texts.map((text) => `– ${text.nl} / ${text.en}`).join('\n');

function questionWords(questionnaire: Questionnaire, question: Question, t: Translate): string {
  const locale = editorLocale(t);
  const options = (questionnaire.scales[question.scale] ?? []).map(
    (option) => `${option.label[locale]} (${option.points})`,
  );
  const label = (value: string) =>
    questionnaire.scales[question.scale]?.find((option) => option.value === value)?.label[locale] ?? value;
  const traits = [
    t('check.words.scale', { scale: question.scale }),
    question.category === undefined ? '' : t('check.words.category', { category: question.category }),
    t('check.words.weight', { weight: question.weight }),
    question.acute === undefined ? '' : t('check.words.acute', { kind: question.acute }),
    question.critical ? t('check.words.critical') : '',
    question.family ? t('check.words.family') : '',
    ...Object.entries(question.raises ?? {}).map(([answer, level]) =>
      t('check.words.raises', { answer: label(answer), level }),
    ),
    ...Object.entries(question.guidance ?? {}).map(([answer, block]) =>
      t('check.words.guidance', { answer: label(answer), block }),
    ),
  ].filter((entry) => entry !== '');
  return [
    both(question.text),
    both(question.hint),
    t('check.words.options', { options: options.join(' · ') }),
    traits.join('; '),
  ]
    .filter((entry) => entry !== '')
    .join('\n');
}

export interface QuestionnaireKindOptions {
  /** The versions the check answers from; replaced after every publish and at start (reload). */
  registry: QuestionnaireRegistry;
  /** The published texts of the `check` document (services.editorial.publishedDocuments, read lazily). */
  publishedDocuments: () => Promise<readonly PublishedDocument[]>;
  /** The editor's language for reading stored texts (problems are not shown there). */
  t: Translate;
  clock?: () => Date;
}

export type QuestionnaireKind = EditorialKind<Questionnaire> & {
  /** Fills the registry from the editorial store (at start, after the import); keeps it when the store is empty. */
  reload(): Promise<void>;
};

export function questionnaireKind(options: QuestionnaireKindOptions): QuestionnaireKind {
  const { registry } = options;
  const clock = options.clock ?? (() => new Date());

  const reload = async () => {
    const document = (await options.publishedDocuments()).find((entry) => entry.key === questionnaireKey);
    if (document === undefined) return;
    const versions = versionsOf(document.history, options.t);
    if (versions.some((entry) => entry.status === 'published')) registry.replace(versions);
  };

  return {
    kind: 'questionnaire',
    parse: parseQuestionnaire,

    check(value, key, t) {
      if (key !== questionnaireKey) return [t('check.editor.wrongKey')];
      // A text that calls itself retired is kept as history only and never given to parents (versionsOf).
      if (value.status === 'retired') return [];
      return versionProblems(value, t);
    },

    keyProblems: (key, t) => (key === questionnaireKey ? [] : [t('check.editor.wrongKey')]),

    title: (value, t) => t('check.editor.title', { version: value.version }),

    fields(value, t): ReadableField[] {
      const { scoring } = value;
      const rule = (name: string, text: string) => ({ label: t('check.field.rule', { name }), text });
      return [
        { label: t('check.field.intro'), text: `${both(value.title)}\n${both(value.intro)}` },
        ...value.groups.flatMap((group) =>
          group.questions.map((question) => ({
            label: t('check.field.question', { id: question.id }),
            text: questionWords(value, question, t),
          })),
        ),
        ...scoring.thresholds.map((threshold) =>
          rule(
            threshold.level,
            t('check.words.threshold', {
              level: threshold.level,
              minScore: threshold.minScore,
              minCategories: threshold.minCategories,
              critical: String(threshold.anyCritical),
            }),
          ),
        ),
        rule(
          'family',
          t('check.words.family.rule', {
            answers: scoring.familyAnswers.join(', '),
            level: scoring.familyMinimumLevel,
          }),
        ),
        rule(
          'acute',
          t('check.words.acuteRule', {
            order: (scoring.situationOrder ?? [])
              .map((kind) => `${kind} → ${scoring.situationLevels?.[kind] ?? 'bel-112'}`)
              .join(', '),
          }),
        ),
        rule('counting', t('check.words.counting', { answers: scoring.countingAnswers.join(', ') })),
        ...value.outcomes.map((outcome) => ({
          label: t('check.field.outcome', { level: outcome.level }),
          text: [
            both(outcome.title),
            both(outcome.explanation),
            list(outcome.today),
            list(outcome.thisWeek),
            list(outcome.dont),
            list(outcome.contact),
            outcome.services.join(', '),
          ]
            .filter((entry) => entry !== '')
            .join('\n'),
        })),
        ...[...Object.entries(value.situations ?? {}), ...Object.entries(value.guidance)].map(([name, block]) => ({
          label: t('check.field.block', { name }),
          text: [both(block.title), both(block.intro), list(block.steps), list(block.dont), block.services.join(', ')]
            .filter((entry) => entry !== '')
            .join('\n'),
        })),
        {
          label: t('check.field.block', { name: 'family' }),
          text: [
            both(value.branches.family.title),
            both(value.branches.family.explanation),
            list(value.branches.family.today),
            list(value.branches.family.dont),
          ].join('\n'),
        },
        {
          label: t('check.field.sources'),
          text: value.sources.map((source) => `${source.title} (${source.publisher}) ${source.url ?? ''}`).join('\n'),
        },
      ];
    },

    startDraft(published) {
      const base = published === undefined ? questionnaireText(registry.current) : published;
      const value = JSON.parse(base) as Record<string, unknown>;
      const newest = Math.max(Number(value.version) || 0, ...registry.all.map((entry) => entry.version));
      value.version = newest + 1;
      value.status = 'draft';
      value.published = clock().toISOString().slice(0, 10);
      return questionnaireText(value);
    },

    fromForm(form, previous, t) {
      const posted = form[questionnaireField] ?? '';
      const json = parseJson(posted, t);
      // Text that is not (yet) a JSON object is kept as it was typed, so nothing is lost: the form lists why it
      // cannot be sent for review, and submitting refuses it.
      if (!json.ok || json.value === null || typeof json.value !== 'object' || Array.isArray(json.value)) {
        return { ok: true, value: posted };
      }
      // The version number and the status are the system's: kept from the draft whatever was posted.
      const before = parseJson(previous, t);
      const value = json.value as Record<string, unknown>;
      const draftVersion =
        before.ok && before.value !== null && typeof before.value === 'object'
          ? (before.value as Record<string, unknown>).version
          : undefined;
      value.version =
        typeof draftVersion === 'number' ? draftVersion : Math.max(...registry.all.map((entry) => entry.version)) + 1;
      value.status = 'draft';
      return { ok: true, value: questionnaireText(value) };
    },

    Form({
      ctx,
      text: stored,
      posted,
    }: {
      ctx: PageContext;
      text: string;
      documentKey: string;
      posted?: Readonly<Record<string, string>>;
    }) {
      const { t } = ctx;
      // A refused save or preview shows the text as posted (nothing lost).
      const text = posted?.[questionnaireField] ?? stored;
      const parsed = parseQuestionnaire(text, t);
      const problems = parsed.ok
        ? parsed.value.status === 'retired'
          ? []
          : versionProblems(parsed.value, t)
        : parsed.problems;
      return (
        <div class="app-field" data-questionnaire-form>
          <label class="app-label" for={questionnaireField}>
            {t('check.editor.json')}
          </label>
          <p class="app-hint" id={`${questionnaireField}-hint`}>
            {t('check.editor.jsonHint')}
          </p>
          {problems.length > 0 && (
            <div class="app-error-message" id={`${questionnaireField}-error`} data-questionnaire-problems>
              <p>{t('check.editor.problems')}</p>
              <ul>
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </div>
          )}
          <textarea
            class={`app-textarea app-textarea--code${problems.length > 0 ? ' app-input--error' : ''}`}
            id={questionnaireField}
            name={questionnaireField}
            rows={40}
            spellcheck={false}
            autocomplete="off"
            aria-describedby={`${questionnaireField}-hint${problems.length > 0 ? ` ${questionnaireField}-error` : ''}`}
            aria-invalid={problems.length > 0 ? 'true' : undefined}
          >
            {text}
          </textarea>
        </div>
      );
    },

    Preview({ ctx, value }: { ctx: PageContext; value: Questionnaire; documentKey: string }) {
      return <CheckFormPreview ctx={ctx} questionnaire={value} />;
    },

    // The editorial store is where the versions live: nothing else to write when one is published.
    apply: async () => {},

    afterPublish: reload,
    reload,

    async readFiles(contentDirectory): Promise<DocumentText[]> {
      const texts = await readVersionFiles(path.join(contentDirectory, questionnaireDirectory));
      return texts.map((text) => ({ key: questionnaireKey, text }));
    },

    writeFiles(documents): ContentFile[] {
      const document = documents.find((entry) => entry.key === questionnaireKey);
      if (document === undefined) return [];
      const statuses = historyVersions(document.history, options.t);
      const files = new Map<string, string>();
      document.history.forEach((text, index) => {
        const version = statuses[index];
        if (version === undefined) return;
        files.set(`${questionnaireDirectory}/v${version.version}.json`, withStatus(text, version.status));
      });
      return [...files].map(([file, content]) => ({ path: file, content }));
    },
  };
}
