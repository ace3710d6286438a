import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
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
  const all: Questionnaire[] = [];
  for (const name of readdirSync(directory).filter((file) => /^v\d+\.json$/.test(file))) {
    const file = path.join(directory, name);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new QuestionnaireFileError(file, [`not valid JSON: ${(error as Error).message}`]);
    }
    const parsed = questionnaireSchema.safeParse(raw);
    if (!parsed.success) {
      throw new QuestionnaireFileError(
        file,
        parsed.error.issues.map((issue) => `${issue.path.join('.') || 'file'}: ${issue.message}`),
      );
    }
    if (`v${parsed.data.version}.json` !== name) {
      throw new QuestionnaireFileError(file, [`the file name must be v${parsed.data.version}.json`]);
    }
    all.push(parsed.data);
  }
  all.sort((a, b) => a.version - b.version);
  const published = all.filter((entry) => entry.status === 'published');
  const current = published.at(-1);
  if (current === undefined) throw new QuestionnaireFileError(directory, ['no published questionnaire version']);
  return {
    current,
    all,
    published: (version) => published.find((entry) => entry.version === version),
  };
}
