import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file both when run from src/ (tsx) and from dist/src/ (compiled). */
function findProjectRoot(): string {
  let directory = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(directory, 'package.json'))) {
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error('Cannot find the project root (no package.json above this file)');
    directory = parent;
  }
  return directory;
}

export const projectRoot = findProjectRoot();
export const assetsDir = path.join(projectRoot, 'src', 'assets');
/** Fonts embedded in generated PDFs (not served to browsers). */
export const fontsDir = path.join(projectRoot, 'assets', 'fonts');
export const contentDir = path.join(projectRoot, 'content');
export const questionnairesDir = path.join(projectRoot, 'content', 'check');
/** The pathway of de lijn, one JSON file per version (src/features/cases/pathway.ts). */
export const pathwayDir = path.join(projectRoot, 'content', 'pathway');
export const referenceDataDir = path.join(projectRoot, 'reference-data');
export const organisationsFile = path.join(projectRoot, 'content', 'organisations.json');
