import { readVersionedFiles } from '../../shared/versioned-files.js';
import { type Questionnaire, questionnaireSchema } from './check.schema.js';

/** All questionnaire versions in the repository, checked at start-up; the newest published one is current. */
export interface QuestionnaireRegistry {
  current: Questionnaire;
  /** A version a form may be answered in: published only (a retired version's form must be restarted). */
  published(version: number): Questionnaire | undefined;
  all: readonly Questionnaire[];
}

export class QuestionnaireFileError extends Error {
  constructor(file: string, problems: readonly string[]) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'QuestionnaireFileError';
  }
}

export function loadQuestionnaires(directory: string): QuestionnaireRegistry {
  const all = readVersionedFiles(
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
  const published = all.filter((entry) => entry.status === 'published');
  const current = published.at(-1);
  if (current === undefined) throw new QuestionnaireFileError(directory, ['no published questionnaire version']);
  return {
    current,
    all,
    published: (version) => published.find((entry) => entry.version === version),
  };
}
