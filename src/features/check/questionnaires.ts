import { readVersionedFiles } from '../../shared/versioned-files.js';
import { type Questionnaire, questionnaireSchema } from './check.schema.js';

/**
 * The questionnaire versions the check answers from: the newest published one is current. Filled from the
 * editorial store (the published and retired revisions of the `check` document, ADR 0036) at start and after
 * every publish; until then (and in tests that build services without importing) from content/check/. The check
 * reads it synchronously per request; `replace` swaps the whole set at once.
 */
export interface QuestionnaireRegistry {
  readonly current: Questionnaire;
  /** A version a form may be answered in: published only (a retired version's form must be restarted). */
  published(version: number): Questionnaire | undefined;
  readonly all: readonly Questionnaire[];
  /** Puts a new set of versions in place (oldest first); refused without a published version. */
  replace(versions: readonly Questionnaire[]): void;
}

export class QuestionnaireFileError extends Error {
  constructor(file: string, problems: readonly string[]) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'QuestionnaireFileError';
  }
}

export function createQuestionnaireRegistry(versions: readonly Questionnaire[]): QuestionnaireRegistry {
  let state = indexed(versions);
  return {
    get current() {
      return state.current;
    },
    get all() {
      return state.all;
    },
    published: (version) => state.published.find((entry) => entry.version === version),
    replace(next) {
      state = indexed(next);
    },
  };
}

function indexed(versions: readonly Questionnaire[]) {
  const all = [...versions];
  const published = all.filter((entry) => entry.status === 'published');
  const current = published.at(-1);
  if (current === undefined) throw new QuestionnaireFileError('questionnaires', ['no published questionnaire version']);
  return { all, published, current };
}

/** Reads and checks every `vN.json` in `directory`, oldest first (the files as content/check/ holds them). */
export function readQuestionnaireFiles(directory: string): Questionnaire[] {
  return readVersionedFiles(
    directory,
    (raw, file) => {
      const parsed = questionnaireSchema.safeParse(raw);
      if (parsed.success) return parsed.data;
      throw new QuestionnaireFileError(
        file,
        parsed.error.issues.map((issue) => `${issue.path.join('.') || 'file'}: ${issue.message}`),
      );
    },
    (file, problems) => new QuestionnaireFileError(file, problems),
  );
}

export function loadQuestionnaires(directory: string): QuestionnaireRegistry {
  try {
    return createQuestionnaireRegistry(readQuestionnaireFiles(directory));
  } catch (error) {
    if (error instanceof QuestionnaireFileError && error.message.startsWith('questionnaires:')) {
      throw new QuestionnaireFileError(directory, ['no published questionnaire version']);
    }
    throw error;
  }
}
