import { IntlMessageFormat } from 'intl-messageformat';

/*
 * The rules every translated text keeps against its Dutch text (docs/adr/0050): the same numbers of three or more
 * digits (emergency numbers, phone numbers, years of sources) and the same ICU placeholders. Shared by the
 * catalogue test (src/translations/translations.test.tsx) and the editorial documents' languages (the check's
 * questionnaire and the pathway, document-languages.ts), so they cannot drift apart.
 */

/** Phone numbers and other numbers of three digits or more: 112, 0900-8844, 0800-0113, 113.nl, 2013. */
export function numbersIn(message: string): string[] {
  const found = message.match(/\d+(?:-\d+)*/g) ?? [];
  return [...new Set(found.filter((number) => number.replace(/-/g, '').length >= 3))].sort();
}

/** The argument names of an ICU message (plural and select branches are not arguments); throws if not valid ICU. */
export function placeholdersIn(message: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (elements: unknown[]): void => {
    for (const element of elements as {
      type: number;
      value?: unknown;
      options?: Record<string, { value: unknown[] }>;
    }[]) {
      if (element.type !== 0 && element.type !== 7 && typeof element.value === 'string') names.add(element.value);
      for (const option of Object.values(element.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst());
  return [...names].sort();
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * What a translated text breaks of its Dutch text's rules: 'numbers' (a number of three or more digits added,
 * dropped or changed), 'placeholders' (an ICU argument added, dropped or renamed), 'icu' (not valid ICU). Empty
 * when it keeps them.
 */
export function translationProblems(
  translated: string,
  dutch: string,
  locale: string,
): ('numbers' | 'placeholders' | 'icu')[] {
  const problems: ('numbers' | 'placeholders' | 'icu')[] = [];
  if (!same(numbersIn(translated), numbersIn(dutch))) problems.push('numbers');
  let theirs: string[];
  try {
    theirs = placeholdersIn(translated, locale);
  } catch {
    return [...problems, 'icu'];
  }
  let ours: string[];
  try {
    ours = placeholdersIn(dutch, 'nl');
  } catch {
    // A Dutch text that is not ICU (plain questionnaire text with a brace) has no placeholders to keep.
    ours = [];
  }
  if (!same(theirs, ours)) problems.push('placeholders');
  return problems;
}
