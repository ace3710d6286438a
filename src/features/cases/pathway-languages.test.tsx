import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { render } from 'preact-render-to-string';
import { appForSuite } from '../../../test/helpers/app.js';
import { dialects } from '../../../test/helpers/databases.js';
import { testPageContext } from '../../../test/helpers/page-context.js';
import { translatorFor } from '../../messages.js';
import {
  completeLanguages,
  type DocumentExtraLanguage,
  documentExtraLanguages,
  textsOf,
} from '../../shared/i18n/document-languages.js';
import type { Language } from '../../shared/i18n/i18n.js';
import { numbersIn } from '../../shared/i18n/message-rules.js';
import { pathwayDir } from '../../shared/paths.js';
import type { Actor } from '../../shared/policy/actor.js';
import { EditorialRefusal } from '../editorial/editorial.service.js';
import { allowedMoves, loadPathways, parsePathway, PathwayFileError } from './pathway.js';
import { createPathwayKind } from './pathway.kind.js';
import { applyPathwayLanguage, pathwayLanguageTodo } from './pathway-languages.js';
import { type Pathway, pathwaySchema } from './pathway.schema.js';
import { CaseMeasuresSection } from './views/case-measures.views.js';
import { PathwayPage } from './views/pathway-page.view.js';
import { YoungPathwayPage } from './views/pathway-young-page.view.js';
import { YoungPathway } from './views/pathway-young.view.js';
import { type PathwayState, PathwayTracks } from './views/pathway.views.js';

/*
 * De lijn's texts in more languages (ADR 0056): a language is in every text of a version or in none, each text
 * keeping its Dutch numbers — refused when the files are read and in the CMS; adding one never touches the steps a
 * case follows; the pages show the texts in the visitor's language when the version is complete in it, else in
 * nl/en marked with that text's lang (and dir); scripts/pathway-language.ts writes a language in place.
 */

const source = readFileSync(path.join(pathwayDir, 'v1.json'), 'utf8');

/** Version 1 as it would be with nl and en only (the languages the file holds today taken out). */
function withoutLanguages(raw: unknown): unknown {
  const copy = structuredClone(raw);
  for (const { text } of textsOf(copy)) {
    for (const language of documentExtraLanguages) delete (text as Record<string, string>)[language];
  }
  return copy;
}
const plainRaw = withoutLanguages(JSON.parse(source));
const paths = textsOf(plainRaw).map(({ path: where }) => where);

/** The raw version with `language` ("TR " + the Dutch text) in the given texts (default: every text). */
function withLanguage(raw: unknown, language: DocumentExtraLanguage, only?: ReadonlySet<string>): unknown {
  const copy = structuredClone(raw);
  for (const { path: where, text } of textsOf(copy)) {
    if (only === undefined || only.has(where)) {
      (text as Record<string, string>)[language] = `${language.toUpperCase()} ${text.nl}`;
    }
  }
  return copy;
}

/** The structure a case follows: track and step ids, order, next steps, ends and roles. */
const structure = (pathway: Pathway) =>
  pathway.tracks.map((track) => ({
    id: track.id,
    steps: track.steps.map((step) => ({ id: step.id, next: step.next, end: step.end, roles: step.roles })),
    moves: allowedMoves(pathway, track.id, undefined).map((step) => step.id),
  }));

const nl = translatorFor('nl');
const en = translatorFor('en');
const refusedWith = (raw: unknown, pattern: RegExp) =>
  assert.throws(
    () => parsePathway(raw, 'v1.json'),
    (error: unknown) => error instanceof PathwayFileError && pattern.test(error.message),
  );

describe('a language is in every text of a version or in none, every text keeping its Dutch numbers', () => {
  const kind = createPathwayKind({
    registry: loadPathways(pathwayDir),
    published: () => Promise.resolve([]),
    translate: nl,
  });

  test('the published file holds only complete languages, and 354 texts', () => {
    assert.equal(paths.length, 354);
    const shipped = loadPathways(pathwayDir).current;
    assert.deepEqual(structure(shipped), structure(parsePathway(plainRaw, 'v1.json')));
  });

  test('a language in some texts but not all is refused at start and in the CMS, in the editor’s language (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...documentExtraLanguages),
        fc.subarray(paths, { minLength: 1, maxLength: paths.length - 1 }),
        (language, some) => {
          const raw = withLanguage(plainRaw, language, new Set(some));
          refusedWith(raw, new RegExp(`language ${language} is in ${some.length} of ${paths.length} texts`));
          // The CMS reads the shape, then refuses the draft with the problem in the editor's language.
          const parsed = pathwaySchema.parse(raw);
          const inDutch = kind.check(parsed, 'national', nl) as string[];
          const inEnglish = kind.check(parsed, 'national', en) as string[];
          assert.ok(
            inDutch.some((problem) => problem.startsWith(`De taal ${language} staat in ${some.length} van de`)),
            inDutch.join('\n'),
          );
          assert.ok(
            inEnglish.some((problem) => problem.startsWith(`The language ${language} is in ${some.length} of the`)),
            inEnglish.join('\n'),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  test('a complete language that changes, drops or adds a number of 3+ digits in one text is refused (property)', () => {
    const withNumbers = textsOf(plainRaw).filter(({ text }) => numbersIn(text.nl).length > 0);
    assert.ok(withNumbers.length > 10, 'texts with numbers (112, 0900-8844, …)');
    const change = fc.oneof(
      fc.constant((text: string, number: string) =>
        text.replaceAll(number, `${number.slice(0, -1)}${(Number(number.at(-1)) + 1) % 10}`),
      ),
      fc.constant((text: string, number: string) => text.replaceAll(number, '')),
      fc.constant((text: string) => `${text} 0800-1234`),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...documentExtraLanguages),
        fc.constantFrom(...withNumbers),
        change,
        (language, { path: where, text }, wrong) => {
          const raw = withLanguage(plainRaw, language);
          const target = textsOf(raw).find((entry) => entry.path === where)!;
          (target.text as Record<string, string>)[language] = wrong(text.nl, numbersIn(text.nl)[0]!);
          refusedWith(raw, new RegExp(`${where.replace(/\./g, '\\.')}\\.${language} does not keep the numbers`));
          const problems = kind.check(pathwaySchema.parse(raw), 'national', nl) as string[];
          assert.ok(
            problems.some((problem) => problem.includes(where) && problem.includes('nummers')),
            problems.join('\n'),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  test('complete languages are accepted, and the steps a case follows stay the same (property)', () => {
    const plain = parsePathway(plainRaw, 'v1.json');
    fc.assert(
      fc.property(fc.subarray([...documentExtraLanguages]), (languages) => {
        const raw = languages.reduce((value: unknown, language) => withLanguage(value, language), plainRaw);
        const parsed = parsePathway(raw, 'v1.json');
        assert.deepEqual(completeLanguages(parsed), languages);
        assert.deepEqual(structure(parsed), structure(plain));
        assert.deepEqual(kind.check(parsed, 'national', nl), []);
      }),
      { numRuns: 20 },
    );
  });
});

describe('scripts/pathway-language.ts: todo and apply', () => {
  const yours = (language: DocumentExtraLanguage) =>
    Object.fromEntries(
      Object.entries(pathwayLanguageTodo(plainRaw)).map(([where, text]) => [where, `${language} ${text.nl}`]),
    );
  const plainSource = `${JSON.stringify(plainRaw, null, 2)}\n`;

  test('todo gives every text with its path, nl and en', () => {
    const todo = pathwayLanguageTodo(plainRaw);
    assert.deepEqual(Object.keys(todo), paths);
    assert.equal(todo['tracks.0.steps.1.what']?.nl, (plainRaw as Pathway).tracks[0]!.steps[1]!.what.nl);
  });

  test('apply writes the language into every text and moves nothing else in the file', () => {
    // Taking the added members out gives the file back, byte for byte.
    const added = /,\n *"pl": "(?:[^"\\]|\\.)*"|, "pl": "(?:[^"\\]|\\.)*"/g;
    // The shipped file without its Polish (written by this script), and the file as JSON.stringify would write it.
    const withoutPolish = source.replace(added, '');
    assert.ok(!completeLanguages(JSON.parse(withoutPolish) as object).includes('pl'));
    for (const file of [withoutPolish, plainSource]) {
      const result = applyPathwayLanguage(file, 'pl', yours('pl'));
      assert.ok(result.ok, result.ok ? '' : result.problems.join('\n'));
      assert.equal(result.count, 354);
      const parsed = parsePathway(JSON.parse(result.text), 'v1.json');
      assert.ok(completeLanguages(parsed).includes('pl'));
      assert.equal(parsed.tracks[0]!.steps[1]!.what.pl, `pl ${parsed.tracks[0]!.steps[1]!.what.nl}`);
      assert.equal(result.text.replace(added, ''), file);
      assert.ok(result.text.endsWith('}\n'));
      // Applied again (a corrected translation): the texts replaced in place.
      const again = applyPathwayLanguage(result.text, 'pl', { ...yours('pl'), 'tracks.0.title': 'Sygnał' });
      assert.ok(again.ok);
      assert.equal(again.text.replace(added, ''), file);
      assert.equal((JSON.parse(again.text) as Pathway).tracks[0]!.title.pl, 'Sygnał');
    }
  });

  test('apply refuses, naming each, a text missing, extra, empty or losing a number', () => {
    const texts = yours('tr');
    const withNumber = paths.find((where) => (texts[where] ?? '').includes('0800-2000'))!;
    const broken: Record<string, unknown> = {
      ...texts,
      'tracks.0.nothing': 'extra',
      'tracks.0.title': '  ',
      [withNumber]: texts[withNumber]!.replace('0800-2000', '0800-2001'),
    };
    delete broken['tracks.1.summary'];
    const result = applyPathwayLanguage(source, 'tr', broken);
    assert.ok(!result.ok);
    assert.deepEqual(result.problems, [
      'tracks.0.nothing: not a text of this file (extra)',
      'tracks.0.title: empty (give a text)',
      'tracks.1.summary: missing',
      `${withNumber}.tr does not keep the numbers (3+ digits) of the Dutch text`,
    ]);
  });
});

/** A page in `language`, translated (ar/tr/pl hold the whole interface; makkelijk is declared for these pages). */
const pageIn = (language: Language, translated = true) =>
  testPageContext(language === 'nl' || language === 'makkelijk' ? 'nl' : 'en', {
    t: translatorFor(language),
    frameT: translatorFor(language),
    pageLanguage: { language, translated, reviewed: false },
    path: '/samenwerken/hoe-het-werkt',
  });

const turkish = parsePathway(withLanguage(plainRaw, 'tr'), 'v1.json');
const plain = parsePathway(plainRaw, 'v1.json');
const state: PathwayState = {
  strafzaak: { current: 'studioverhoor', done: ['informatief-gesprek', 'aangifte'], onIt: [] },
  nazorg: { current: null, done: ['nazorg-plan', 'nazorg-klaar'], onIt: [] },
};
const mainOf = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? html;

describe('a page shows de lijn’s texts in the visitor’s language when the version is complete in it', () => {
  test('the pathway page in Turkish, the version complete in it: every text in Turkish, none marked', () => {
    const html = mainOf(render(<PathwayPage ctx={pageIn('tr')} pathway={turkish} />));
    for (const track of turkish.tracks) {
      assert.ok(html.includes(`>TR ${track.title.nl}</h2>`), track.id);
      assert.ok(html.includes(`>TR ${track.summary.nl}</p>`), track.id);
      for (const step of track.steps) {
        assert.ok(html.includes(`>TR ${step.title.nl}</h3>`), step.id);
        assert.ok(html.includes(`TR ${step.what.nl}`), step.id);
        assert.ok(html.includes(`TR ${step.expect[0]!.nl}`), step.id);
      }
    }
    assert.doesNotMatch(html, /lang="en"/);
  });

  test('the version not in Turkish: the English text, each element holding one marked lang="en"', () => {
    const html = mainOf(render(<PathwayPage ctx={pageIn('tr')} pathway={plain} />));
    for (const track of plain.tracks) {
      assert.ok(html.includes(`id="spoor-${track.id}-titel" lang="en" dir="ltr">${track.title.en}</h2>`), track.id);
      assert.ok(html.includes(`<p lang="en" dir="ltr">${track.summary.en}</p>`), track.id);
      for (const step of track.steps) assert.ok(html.includes(`<h3 lang="en" dir="ltr">${step.title.en}</h3>`));
    }
    assert.doesNotMatch(html, /TR /);
    // In an Arabic page the English runs left to right; in an untranslated page or a Dutch one nothing is marked.
    const arabic = mainOf(render(<PathwayPage ctx={pageIn('ar')} pathway={turkish} />));
    assert.ok(arabic.includes(`<p lang="en" dir="ltr">${plain.tracks[0]!.summary.en}</p>`));
    for (const [ctx, text] of [
      [pageIn('tr', false), plain.tracks[0]!.summary.en],
      [pageIn('nl'), plain.tracks[0]!.summary.nl],
      [pageIn('makkelijk'), plain.tracks[0]!.summary.nl],
    ] as const) {
      // (A page not translated is wrapped in its content language by the layout, once.)
      const other = mainOf(render(<PathwayPage ctx={ctx} pathway={turkish} />)).replace(
        '<div lang="en" dir="ltr" class="app-untranslated">',
        '',
      );
      assert.ok(other.includes(`<p>${text}</p>`));
      assert.doesNotMatch(other, /lang="en"|TR /);
    }
  });

  test('the young people’s page: Turkish when complete, else English marked', () => {
    const complete = mainOf(render(<YoungPathwayPage ctx={pageIn('tr')} pathway={turkish} />));
    const step = turkish.tracks[0]!.steps[0]!;
    assert.ok(complete.includes(`TR ${step.young.title.nl}`));
    assert.ok(complete.includes(`TR ${turkish.young.help[0]!.what.nl}`));
    assert.doesNotMatch(complete, /lang="en"/);
    const fallback = mainOf(render(<YoungPathwayPage ctx={pageIn('tr')} pathway={plain} />));
    assert.ok(fallback.includes(`<p lang="en" dir="ltr">${plain.young.help[0]!.what.en}</p>`));
    assert.ok(fallback.includes(`lang="en" dir="ltr">${step.young.title.en}</h4>`));
  });

  test('a case page in Turkish: tracks, current step, done, next and measures in Turkish; else English marked', () => {
    const ctx = pageIn('tr');
    const measures = {
      tracks: [{ id: 'strafzaak', title: turkish.tracks.find((track) => track.id === 'strafzaak')!.title }],
    };
    const view = (pathway: Pathway) =>
      render(
        <>
          <PathwayTracks ctx={ctx} pathway={pathway} state={state} />
          <YoungPathway ctx={ctx} pathway={pathway} state={state} />
          <CaseMeasuresSection
            ctx={ctx}
            measures={
              {
                meetings: 0,
                parentInvited: 0,
                parentTookPart: 0,
                firstHelpApplies: false,
                agreementsOpen: 0,
                agreementsOverdue: 0,
                activeTracks: ['strafzaak'],
                tracks: [{ ...measures.tracks[0]!, pathway }],
              } as unknown as Parameters<typeof CaseMeasuresSection>[0]['measures']
            }
          />
        </>,
      );
    const current = turkish.tracks
      .find((track) => track.id === 'strafzaak')!
      .steps.find((s) => s.id === 'studioverhoor')!;
    const html = view(turkish);
    assert.ok(html.includes(ctx.t('pathway.case.current', { step: `TR ${current.title.nl}` })));
    assert.ok(html.includes(`TR ${current.what.nl}`));
    assert.ok(html.includes(`<dd data-measure="tracks">TR ${measures.tracks[0]!.title.nl}</dd>`));
    assert.doesNotMatch(html, /lang="en"/);

    const fallback = view(plain);
    // Inside a Turkish sentence, only the step's English title is marked.
    const [before, after] = ctx.t('pathway.case.current', { step: '\u0000' }).split('\u0000');
    assert.ok(fallback.includes(`${before}<span lang="en" dir="ltr">${current.title.en}</span>${after}`));
    assert.ok(fallback.includes(`<p lang="en" dir="ltr">${current.what.en}</p>`));
    assert.ok(
      fallback.includes(
        `<dd data-measure="tracks"><span lang="en" dir="ltr">${measures.tracks[0]!.title.en}</span></dd>`,
      ),
    );
    assert.doesNotMatch(fallback, /TR /);
  });
});

const editor: Actor = { kind: 'user', userId: 'editor-pathway', roles: ['editor'] };
const context = (locale: 'nl' | 'en') => ({ locale, trail: { requestId: 'test' } });

for (const dialect of dialects) {
  describe(`de lijn in a language, over HTTP and in the CMS [${dialect}]`, () => {
    const target = appForSuite(dialect);
    const get = (url: string, language: Language) =>
      target.app.inject({ method: 'GET', url, headers: { cookie: `taal=${language}` } });

    test('a changed v1.json (Turkish added) is imported as a new revision of version 1; the pages show it', async () => {
      const before = await get('/samenwerken/hoe-het-werkt', 'tr');
      assert.equal(before.statusCode, 200);
      assert.doesNotMatch(before.body, /TR /, 'no synthetic Turkish yet');
      // The shipped file's Arabic (applied from the translators' file): the page in Arabic, right to left.
      const shipped = target.services.pathway.current;
      assert.ok(completeLanguages(shipped).includes('ar'));
      const arabic = await get('/samenwerken/hoe-het-werkt', 'ar');
      assert.equal(arabic.statusCode, 200);
      assert.match(arabic.body, /<html[^>]*lang="ar"[^>]*dir="rtl"|<html[^>]*dir="rtl"[^>]*lang="ar"/);
      for (const track of shipped.tracks) assert.ok(arabic.body.includes(`>${track.title.ar}</h2>`), track.id);
      assert.doesNotMatch(mainOf(arabic.body), /lang="en"/);

      const text = `${JSON.stringify(withLanguage(JSON.parse(source), 'tr'), null, 2)}\n`;
      const counts = await target.services.editorial.importDocuments('pathway', [{ key: 'national', text }]);
      assert.equal(counts.updated, 1);
      const registry = target.services.pathway;
      assert.equal(registry.current.version, 1, 'still version 1');
      assert.equal(registry.all.length, 1, 'one version 1, the newest text');
      assert.ok(completeLanguages(registry.current).includes('tr'));
      assert.deepEqual(structure(registry.version(1)!), structure(plain), 'a case’s steps are where they were');

      for (const url of ['/samenwerken/hoe-het-werkt', '/samenwerken/jongeren']) {
        const page = await get(url, 'tr');
        assert.equal(page.statusCode, 200, url);
        assert.match(page.body, /<html[^>]*lang="tr"/);
        assert.ok(page.body.includes(`TR ${registry.current.tracks[0]!.title.nl}`), url);
        assert.doesNotMatch(mainOf(page.body), /lang="en"/, url);
      }
      // Easy-read Dutch is not in the version: the texts in Dutch (the page's own language, so nothing is marked).
      const easy = await get('/samenwerken/hoe-het-werkt', 'makkelijk');
      assert.equal(easy.statusCode, 200);
      assert.match(easy.body, /<html[^>]*lang="nl"/);
      assert.ok(easy.body.includes(`>${registry.current.tracks[0]!.title.nl}</h2>`));
      // export-content writes v1.json once: the newest text, published.
      const files = createPathwayKind({
        registry,
        published: () => Promise.resolve([]),
        translate: nl,
      }).writeFiles(await target.services.editorial.publishedDocuments('pathway'));
      assert.deepEqual(
        files.map((file) => [file.path, file.content]),
        [['pathway/v1.json', text]],
      );
    });

    test('a draft with half a language is refused in the editor’s language, and nothing is published', async () => {
      const documents = await target.services.editorial.documents(editor, 'pathway');
      const id = documents.find((listing) => listing.document.key === 'national')!.document.id;
      const publishedBefore = await target.services.editorial.publishedDocuments('pathway');
      await target.services.editorial.startDraft(editor, id, context('nl'));
      const draft = JSON.parse(
        createPathwayKind({
          registry: target.services.pathway,
          published: () => Promise.resolve([]),
          translate: nl,
        }).startDraft(publishedBefore[0]!.current, 'national'),
      ) as Pathway;
      const half = withLanguage(withoutLanguages(draft), 'ar', new Set(paths.slice(0, 10)));
      const saved = await target.services.editorial.saveDraft(
        editor,
        id,
        { form: { text: `${JSON.stringify(half, null, 2)}\n` }, editNumber: 0, note: 'Arabisch' },
        context('nl'),
      );
      assert.ok(saved.ok, 'the text is kept as typed');
      for (const [locale, start] of [
        ['nl', 'De taal ar staat in 10 van de 354 teksten.'],
        ['en', 'The language ar is in 10 of the 354 texts.'],
      ] as const) {
        await assert.rejects(
          target.services.editorial.submit(editor, id, context(locale)),
          (error: unknown) =>
            error instanceof EditorialRefusal && error.problems.some((problem) => problem.startsWith(start)),
        );
      }
      assert.deepEqual(await target.services.editorial.publishedDocuments('pathway'), publishedBefore);
      assert.equal(target.services.pathway.all.length, 1);
    });
  });
}
