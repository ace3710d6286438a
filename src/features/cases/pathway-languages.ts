import { isDeepStrictEqual } from 'node:util';
import {
  type DocumentExtraLanguage,
  describeLanguageProblem,
  languageProblems,
  textsOf,
} from '../../shared/i18n/document-languages.js';
import { PathwayFileError, parsePathway } from './pathway.js';

/*
 * A language written into a pathway file (scripts/pathway-language.ts, ADR 0056). A language is in every text of a
 * version or in none, so a translator's texts go into content/pathway/vN.json in one go, once complete. The file is
 * edited in place: each text object gets the language after its last member, on its own line when the object spans
 * lines, so nothing else in the file moves (a review sees only the added texts).
 */

/** Every text of a version's file: `{ path: { nl, en } }`, with the paths textsOf gives ("tracks.0.steps.1.what"). */
export function pathwayLanguageTodo(raw: unknown): Record<string, { nl: string; en: string }> {
  return Object.fromEntries(textsOf(raw).map(({ path, text }) => [path, { nl: text.nl, en: text.en }]));
}

/** A `{ nl, en, … }` object of the file's text: where it is, and where its members' values are. */
interface TextSpan {
  members: { key: string; keyStart: number; valueStart: number; valueEnd: number }[];
  open: number;
  close: number;
}

/** The text objects of a JSON text in file order (the order of textsOf), with their places. */
function textSpans(source: string): TextSpan[] {
  const spans: TextSpan[] = [];
  let at = 0;
  const space = () => {
    while (at < source.length && /\s/.test(source[at]!)) at += 1;
  };
  const string = (): string => {
    const start = at;
    at += 1;
    while (source[at] !== '"') at += source[at] === '\\' ? 2 : 1;
    at += 1;
    return JSON.parse(source.slice(start, at)) as string;
  };
  const value = (): void => {
    space();
    const sign = source[at];
    if (sign === '"') {
      string();
    } else if (sign === '{') {
      const span: TextSpan = { members: [], open: at, close: -1 };
      at += 1;
      space();
      while (source[at] !== '}') {
        space();
        const keyStart = at;
        const key = string();
        space();
        at += 1; // :
        space();
        const valueStart = at;
        value();
        span.members.push({ key, keyStart, valueStart, valueEnd: at });
        space();
        if (source[at] === ',') at += 1;
        space();
      }
      span.close = at;
      at += 1;
      const keys = span.members.map((member) => member.key);
      if (keys.includes('nl') && keys.includes('en')) spans.push(span);
    } else if (sign === '[') {
      at += 1;
      space();
      while (source[at] !== ']') {
        value();
        space();
        if (source[at] === ',') at += 1;
        space();
      }
      at += 1;
    } else {
      while (at < source.length && /[^\s,\]}]/.test(source[at]!)) at += 1;
    }
  };
  value();
  return spans.sort((a, b) => a.open - b.open);
}

export type ApplyResult =
  | { ok: true; text: string; count: number }
  | {
      ok: false;
      problems: string[];
    };

/**
 * The file's text with `language` set in every text from `yours` (`{ path: text }`), or every reason it is refused:
 * a path that is not a text of the file, a text missing, not a string or empty, a text that loses or changes a
 * number of three or more digits of its Dutch text, or any other rule of the pathway the result would break.
 */
export function applyPathwayLanguage(
  source: string,
  language: DocumentExtraLanguage,
  yours: Readonly<Record<string, unknown>>,
): ApplyResult {
  const raw = JSON.parse(source) as unknown;
  const texts = textsOf(raw);
  const paths = new Set(texts.map(({ path }) => path));
  const problems: string[] = [];
  for (const where of Object.keys(yours)) {
    if (!paths.has(where)) problems.push(`${where}: not a text of this file (extra)`);
  }
  for (const { path: where } of texts) {
    const given = yours[where];
    if (given === undefined) problems.push(`${where}: missing`);
    else if (typeof given !== 'string' || given.trim() === '') problems.push(`${where}: empty (give a text)`);
  }
  // The value as it will be: every text with the language (those given as text, for the rules below).
  const expected = structuredClone(raw);
  for (const { path: where, text } of textsOf(expected)) {
    const given = yours[where];
    if (typeof given === 'string' && given.trim() !== '') (text as Record<string, string>)[language] = given;
  }
  // The Dutch numbers (3+ digits) and placeholders kept: the rule the app checks at start.
  problems.push(
    ...languageProblems(expected)
      .filter((problem) => problem.language === language && problem.kind !== 'incomplete')
      .map(describeLanguageProblem),
  );
  if (problems.length > 0) return { ok: false, problems };
  try {
    parsePathway(expected, 'the result');
  } catch (error) {
    if (error instanceof PathwayFileError) return { ok: false, problems: [error.message] };
    throw error;
  }

  // The edit in place, from the end of the file so earlier places stay where they are.
  const spans = textSpans(source);
  if (spans.length !== texts.length) return { ok: false, problems: ['the file’s texts could not be found in place'] };
  let text = source;
  for (let index = spans.length - 1; index >= 0; index -= 1) {
    const span = spans[index]!;
    const encoded = JSON.stringify(yours[texts[index]!.path]);
    const own = span.members.find((member) => member.key === language);
    if (own !== undefined) {
      text = text.slice(0, own.valueStart) + encoded + text.slice(own.valueEnd);
      continue;
    }
    const last = span.members.at(-1)!;
    const oneLine = !source.slice(span.open, span.close).includes('\n');
    const lineStart = source.lastIndexOf('\n', last.keyStart) + 1;
    const indent = source.slice(lineStart, last.keyStart);
    const member = `${JSON.stringify(language)}: ${encoded}`;
    const insert = oneLine ? `, ${member}` : `,\n${indent}${member}`;
    text = text.slice(0, last.valueEnd) + insert + text.slice(last.valueEnd);
  }
  if (!isDeepStrictEqual(JSON.parse(text), expected)) {
    return { ok: false, problems: ['the file could not be written keeping its format'] };
  }
  return { ok: true, text, count: texts.length };
}
