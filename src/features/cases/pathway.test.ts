import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import matter from 'gray-matter';
import { contentDir, pathwayDir } from '../../shared/paths.js';
import { caseRoles } from './cases.types.js';
import {
  allowedMoves,
  findStep,
  loadPathways,
  parsePathway,
  PathwayFileError,
  pathwayProblems,
  reachableInTrack,
} from './pathway.js';
import type { Pathway, PathwayText } from './pathway.schema.js';

/*
 * The pathway of de lijn is data a parent reads to learn what happens next. These tests hold every version in
 * content/pathway/ to its promises: it loads, every track can be walked from its start to an end, it names only
 * case roles, says everything in Dutch and English, keeps the titles shown on a case page neutral, and never
 * leaves a track without sources. A broken file stops the app with a message that says what is wrong.
 */

const registry = loadPathways(pathwayDir);
const shipped = readFileSync(path.join(pathwayDir, 'v1.json'), 'utf8');

/** A copy of the shipped v1 to break in one place. */
function shippedCopy(): Pathway & Record<string, unknown> {
  return JSON.parse(shipped) as Pathway & Record<string, unknown>;
}

/** The message a broken pathway value is refused with. */
function refusal(raw: unknown): string {
  try {
    parsePathway(raw, 'v1.json');
  } catch (error) {
    assert.ok(error instanceof PathwayFileError, `a PathwayFileError, not ${String(error)}`);
    return error.message;
  }
  assert.fail('the broken pathway was accepted');
}

/** Every text of a step or track, with where it is. */
function textsOf(pathway: Pathway): { where: string; text: PathwayText }[] {
  const texts: { where: string; text: PathwayText }[] = [];
  for (const track of pathway.tracks) {
    texts.push(
      { where: `${track.id}.title`, text: track.title },
      { where: `${track.id}.summary`, text: track.summary },
    );
    for (const step of track.steps) {
      texts.push({ where: `${step.id}.title`, text: step.title }, { where: `${step.id}.what`, text: step.what });
      if (step.others !== undefined) texts.push({ where: `${step.id}.others`, text: step.others });
      for (const [index, text] of [...step.expect, ...step.ask].entries()) {
        texts.push({ where: `${step.id}.expect/ask ${index}`, text });
      }
    }
  }
  return texts;
}

describe('the shipped pathway', () => {
  test('loads: version 1 is published and current, with the six tracks of de lijn in order', () => {
    assert.equal(registry.current.version, 1);
    assert.equal(registry.current.status, 'published');
    assert.deepEqual(
      registry.current.tracks.map((track) => track.id),
      ['signaal-en-advies', 'melding-en-veiligheid', 'bescherming', 'strafzaak', 'zorg-en-herstel', 'nazorg'],
    );
    assert.equal(registry.version(1), registry.current);
    assert.equal(registry.version(99), undefined);
  });

  test('the criminal track holds the report, the information interview, the child’s interview and the prosecutor’s decision', () => {
    const ids = registry.current.tracks.find((track) => track.id === 'strafzaak')?.steps.map((step) => step.id);
    for (const id of ['informatief-gesprek', 'aangifte', 'studioverhoor', 'beslissing-om']) {
      assert.ok(ids?.includes(id), id);
    }
    assert.ok(findStep(registry.current, 'beschermde-opvang')?.track.id === 'zorg-en-herstel');
    assert.ok(findStep(registry.current, 'ots')?.track.id === 'bescherming');
    assert.ok(findStep(registry.current, 'veiligheidsplan')?.track.id === 'melding-en-veiligheid');
  });

  for (const pathway of registry.all) {
    describe(`version ${pathway.version}`, () => {
      test('every step can be reached from its track’s first step, and from every step the track can be finished', () => {
        for (const track of pathway.tracks) {
          const reachable = reachableInTrack(track, track.steps[0]!);
          for (const step of track.steps) {
            assert.ok(reachable.has(step.id), `${track.id}: ${step.id} is reachable`);
            const onward = reachableInTrack(track, step);
            assert.ok(
              track.steps.some((end) => end.end && onward.has(end.id)),
              `${track.id}: from ${step.id} an end can be reached`,
            );
          }
        }
        assert.deepEqual(pathwayProblems(pathway), []);
      });

      test('loops are allowed, but no step points to itself, and every next step exists', () => {
        for (const track of pathway.tracks) {
          for (const step of track.steps) {
            assert.ok(!step.next.includes(step.id), `${step.id} does not point to itself`);
            for (const next of step.next) assert.ok(findStep(pathway, next) !== undefined, `${step.id} → ${next}`);
          }
        }
        // At least one real loop: after aftercare, back to signal and advice.
        const end = findStep(pathway, 'nazorg-klaar');
        if (end !== undefined) assert.ok(end.step.next.includes('zorg-opmerken'));
      });

      test('every step names who usually does it by case roles, and says what a parent can expect and ask', () => {
        for (const track of pathway.tracks) {
          for (const step of track.steps) {
            assert.ok(step.roles.length > 0, step.id);
            for (const role of step.roles) assert.ok((caseRoles as readonly string[]).includes(role), role);
            assert.ok(step.expect.length > 0 && step.ask.length > 0, step.id);
          }
        }
      });

      test('every text is in Dutch and in English, and the Dutch sentences stay short (B1)', () => {
        for (const { where, text } of textsOf(pathway)) {
          assert.ok(text.nl.trim().length > 0, `${where} has Dutch`);
          assert.ok(text.en.trim().length > 0, `${where} has English`);
          for (const sentence of text.nl.split(/(?<=[.?!:])\s+/)) {
            const words = sentence.split(/\s+/).filter((word) => word.length > 0).length;
            assert.ok(words <= 25, `${where}: a sentence of ${words} words: “${sentence}”`);
          }
        }
      });

      test('titles shown on a case page are neutral: no “uitbuiting”, “dossier” or “exploitation”', () => {
        const titles = pathway.tracks.flatMap((track) => [track.title, ...track.steps.map((step) => step.title)]);
        for (const title of titles) {
          assert.doesNotMatch(title.nl, /uitbuit|dossier/i);
          assert.doesNotMatch(title.en, /exploit|dossier|case file/i);
        }
      });

      test('the parent is not promised control over the police, the Raad or Veilig Thuis: the steps say so', () => {
        const expectations = (id: string) =>
          findStep(pathway, id)
            ?.step.expect.map((text) => text.nl)
            .join(' ') ?? '';
        assert.match(expectations('vt-onderzoek'), /niet stoppen/);
        assert.match(expectations('raad-onderzoek'), /niet stoppen/);
        assert.match(expectations('aangifte'), /niet stoppen/);
        assert.match(expectations('beslissing-om'), /beslissen dit niet/);
      });

      test('every track lists sources with a publisher and a date, and says nobody checked them unless someone did', () => {
        for (const track of pathway.tracks) {
          assert.ok(track.sources.length > 0, track.id);
          for (const source of track.sources) {
            assert.ok(source.publisher.length > 0 && source.date.length >= 4, `${track.id}: ${source.title}`);
            assert.equal(source.checkedOn, undefined, 'nobody has checked the sources of version 1 yet');
          }
        }
      });

      test('every information page a track points to exists in both languages, under the title it gives', () => {
        for (const track of pathway.tracks) {
          for (const page of track.readMore) {
            for (const lang of ['nl', 'en'] as const) {
              const file = path.join(contentDir, lang, `${page.slug}.md`);
              const title = (matter(readFileSync(file, 'utf8')).data as { title?: string }).title;
              assert.equal(page.title[lang], title, `${track.id} → ${lang}/${page.slug}`);
            }
          }
        }
      });
    });
  }
});

/** Every young-people text of a pathway, with where it is. */
function youngTextsOf(pathway: Pathway): { where: string; text: PathwayText }[] {
  const texts: { where: string; text: PathwayText }[] = [];
  for (const track of pathway.tracks) {
    texts.push({ where: `${track.id}.young.summary`, text: track.young.summary });
    for (const step of track.steps) {
      const { title, what, who, ask } = step.young;
      texts.push(
        { where: `${step.id}.young.title`, text: title },
        { where: `${step.id}.young.what`, text: what },
        { where: `${step.id}.young.who`, text: who },
        ...ask.map((text, index) => ({ where: `${step.id}.young.ask ${index}`, text })),
      );
    }
  }
  for (const help of pathway.young.help) {
    texts.push({ where: `help ${help.id}.name`, text: help.name }, { where: `help ${help.id}.what`, text: help.what });
  }
  return texts;
}

/**
 * The phone numbers the project's domain brief (/work/shared/domain-brief.md) gives for the Netherlands, as written
 * there. A young person may be pointed only to these.
 */
const numbersInTheBrief = [
  '112',
  '0900-8844',
  '0800-2000',
  '0800-0188',
  '0800-7000',
  '0900-0101',
  '020-261 52 75',
  '088-555 1000',
];

describe('the pathway told to young people (12 to 17)', () => {
  for (const pathway of registry.all) {
    describe(`version ${pathway.version}`, () => {
      test('every track and every step has its young text: a title, what happens, who does it, what to ask or say', () => {
        for (const track of pathway.tracks) {
          assert.ok(track.young.summary.nl.length > 0 && track.young.summary.en.length > 0, track.id);
          for (const step of track.steps) {
            const { title, what, who, ask } = step.young;
            for (const text of [title, what, who, ...ask]) {
              assert.ok(text.nl.trim().length > 0 && text.en.trim().length > 0, step.id);
            }
            assert.ok(ask.length > 0, `${step.id}: something to ask or say`);
          }
        }
      });

      test('the Dutch is short (at most 15 words a sentence) and speaks to the young person, not to a parent', () => {
        for (const { where, text } of youngTextsOf(pathway)) {
          for (const sentence of text.nl.split(/(?<=[.?!:])\s+/)) {
            const words = sentence.split(/\s+/).filter((word) => word.length > 0).length;
            assert.ok(words <= 15, `${where}: a sentence of ${words} words: “${sentence}”`);
          }
          assert.doesNotMatch(text.nl, /\bje kind\b|\bjouw kind\b|\buw\b/i, where);
          assert.doesNotMatch(text.en, /\byour child\b/i, where);
        }
      });

      test('no word that blames or hides what happens: no “loverboy”, “vriendje”, “relatie”, “prostitutie”', () => {
        for (const { where, text } of youngTextsOf(pathway)) {
          assert.doesNotMatch(text.nl, /loverboy|vriendje|relatie|prostitutie|eigen schuld/i, where);
          assert.doesNotMatch(text.en, /loverboy|boyfriend|relationship|prostitut|own fault/i, where);
        }
      });

      test('young titles shown on the young person’s home are neutral', () => {
        for (const track of pathway.tracks) {
          for (const step of track.steps) {
            assert.doesNotMatch(step.young.title.nl, /uitbuit|dossier|misbruik/i, step.id);
            assert.doesNotMatch(step.young.title.en, /exploit|dossier|case file|abuse/i, step.id);
          }
        }
      });

      test('every phone number told to a young person is one the domain brief gives', () => {
        const numberPattern = /\b0\d{2,3}-\d{3}(?: \d{2}){2}\b|\b0\d{2,3}-\d{3,4}\b|\b112\b/g;
        for (const { where, text } of youngTextsOf(pathway)) {
          for (const number of [...(text.nl.match(numberPattern) ?? []), ...(text.en.match(numberPattern) ?? [])]) {
            assert.ok(numbersInTheBrief.includes(number), `${where}: ${number} is in the brief`);
          }
        }
        for (const help of pathway.young.help) {
          if (help.phone !== undefined) assert.ok(numbersInTheBrief.includes(help.phone), help.id);
        }
      });

      test('every place a young person can go has a number or an address, and sources nobody claims to have checked', () => {
        assert.ok(pathway.young.help.length > 0);
        const ids = pathway.young.help.map((help) => help.id);
        assert.equal(new Set(ids).size, ids.length, 'each place once');
        for (const help of pathway.young.help) {
          assert.ok(help.phone !== undefined || help.url !== undefined, help.id);
          assert.ok(help.sources.length > 0, help.id);
        }
        for (const source of [...pathway.young.help.flatMap((help) => help.sources), ...pathway.young.sources]) {
          assert.ok(source.publisher.length > 0 && source.date.length >= 4, source.title);
          assert.equal(source.checkedOn, undefined, `${source.title}: nobody has checked it`);
        }
        assert.ok(pathway.young.sources.length > 0, 'the page’s own facts have sources');
      });
    });
  }

  test('version 1 points a young person to the lines of the brief: 112, Veilig Thuis, Helpwanted, Chat met Fier', () => {
    const help = registry.current.young.help;
    assert.equal(help.find((place) => place.id === 'alarmnummer')?.phone, '112');
    assert.equal(help.find((place) => place.id === 'veilig-thuis')?.phone, '0800-2000');
    assert.equal(help.find((place) => place.id === 'helpwanted')?.phone, '020-261 52 75');
    assert.equal(help.find((place) => place.id === 'chat-met-fier')?.url, 'https://chatmetfier.nl');
  });

  describe('a pathway without its young texts is refused, naming where', () => {
    test('a step without young texts', () => {
      const raw = shippedCopy() as unknown as { tracks: { steps: Record<string, unknown>[] }[] };
      delete raw.tracks[2]!.steps[1]!.young;
      assert.match(refusal(raw), /tracks\.2\.steps\.1\.young/);
    });

    test('a young text without English, and a step with nothing to ask', () => {
      const raw = shippedCopy();
      delete (raw.tracks[0]!.steps[0]!.young.what as Partial<PathwayText>).en;
      assert.match(refusal(raw), /tracks\.0\.steps\.0\.young\.what\.en/);
      const again = shippedCopy();
      again.tracks[3]!.steps[0]!.young.ask = [];
      assert.match(refusal(again), /tracks\.3\.steps\.0\.young\.ask/);
    });

    test('a track without its young summary', () => {
      const raw = shippedCopy() as unknown as { tracks: Record<string, unknown>[] };
      delete raw.tracks[4]!.young;
      assert.match(refusal(raw), /tracks\.4\.young/);
    });

    test('a place to go with neither a number nor an address, or without a source', () => {
      const raw = shippedCopy();
      const place = raw.young.help[0]!;
      delete place.phone;
      delete place.url;
      assert.match(refusal(raw), /young\.help\.0: needs a phone number or a web address/);
      const again = shippedCopy();
      again.young.help[1]!.sources = [];
      assert.match(refusal(again), /young\.help\.1\.sources/);
    });

    test('no places at all', () => {
      const raw = shippedCopy();
      raw.young.help = [];
      assert.match(refusal(raw), /young\.help/);
    });
  });
});

describe('a broken pathway is refused with a message that says what is wrong', () => {
  test('a missing English text', () => {
    const raw = shippedCopy();
    delete (raw.tracks[0]!.steps[0]!.title as Partial<PathwayText>).en;
    assert.match(refusal(raw), /v1\.json.*tracks\.0\.steps\.0\.title\.en/);
  });

  test('an empty Dutch text', () => {
    const raw = shippedCopy();
    raw.tracks[1]!.steps[0]!.ask[0]!.nl = '  ';
    assert.match(refusal(raw), /tracks\.1\.steps\.0\.ask\.0\.nl: needs a Dutch text/);
  });

  test('a role that is not a case role', () => {
    const raw = shippedCopy();
    (raw.tracks[0]!.steps[0]!.roles as string[]).push('officier');
    assert.match(refusal(raw), /tracks\.0\.steps\.0\.roles\.\d/);
  });

  test('a next step that does not exist', () => {
    const raw = shippedCopy();
    raw.tracks[0]!.steps[0]!.next.push('bestaat-niet');
    assert.match(refusal(raw), /step zorg-opmerken points to unknown step bestaat-niet/);
  });

  test('a step that points to itself', () => {
    const raw = shippedCopy();
    raw.tracks[0]!.steps[0]!.next.push('zorg-opmerken');
    assert.match(refusal(raw), /step zorg-opmerken points to itself/);
  });

  test('a step id used twice', () => {
    const raw = shippedCopy();
    raw.tracks[1]!.steps[0]!.id = 'zorg-opmerken';
    assert.match(refusal(raw), /step zorg-opmerken appears twice/);
  });

  test('a step nothing in its track leads to', () => {
    const raw = shippedCopy();
    const signal = raw.tracks[0]!;
    signal.steps.push({ ...signal.steps[2]!, id: 'los', next: ['afwegen'] });
    assert.match(refusal(raw), /track signaal-en-advies: step los cannot be reached from the first step zorg-opmerken/);
  });

  test('a track that can never be finished from one of its steps', () => {
    const raw = shippedCopy();
    const aftercare = raw.tracks.find((track) => track.id === 'nazorg')!;
    for (const step of aftercare.steps) step.end = false;
    assert.match(refusal(raw), /track nazorg has no step where it can end/);
    const again = shippedCopy();
    // The Raad's track: "extend or end" only loops back to the hearing, so the OTS never ends.
    const protection = again.tracks.find((track) => track.id === 'bescherming')!;
    protection.steps.find((step) => step.id === 'ots-verlengen')!.next = ['zitting-kinderrechter'];
    protection.steps.find((step) => step.id === 'zitting-kinderrechter')!.next = ['ots'];
    assert.match(refusal(again), /track bescherming: from step ots the track can never be finished/);
  });

  test('a track without sources, and a source with a date that is not one', () => {
    const raw = shippedCopy();
    raw.tracks[0]!.sources = [];
    assert.match(refusal(raw), /tracks\.0\.sources/);
    const again = shippedCopy();
    again.tracks[0]!.sources[0]!.date = '2026-02-30';
    assert.match(refusal(again), /tracks\.0\.sources\.0\.date/);
  });

  describe('files in a directory', () => {
    const withFiles = (files: Record<string, string>, check: (directory: string) => void) => {
      const directory = mkdtempSync(path.join(tmpdir(), 'pathway-'));
      try {
        for (const [name, text] of Object.entries(files)) writeFileSync(path.join(directory, name), text);
        check(directory);
      } finally {
        rmSync(directory, { recursive: true, force: true });
      }
    };

    test('a file that is not JSON names the file', () => {
      withFiles({ 'v1.json': '{ "version": 1,' }, (directory) => {
        assert.throws(() => loadPathways(directory), /pathway file .*v1\.json is refused: not valid JSON/);
      });
    });

    test('a file named after another version', () => {
      withFiles({ 'v2.json': shipped }, (directory) => {
        assert.throws(() => loadPathways(directory), /the file name must be v1\.json/);
      });
    });

    test('no published version', () => {
      const retired = JSON.stringify({ ...shippedCopy(), status: 'retired' });
      withFiles({ 'v1.json': retired }, (directory) => {
        assert.throws(() => loadPathways(directory), /no published pathway version/);
      });
    });

    test('the newest published version is current; a retired one can still be looked up', () => {
      const second = JSON.stringify({ ...shippedCopy(), version: 2 });
      const third = JSON.stringify({ ...shippedCopy(), version: 3, status: 'retired' });
      withFiles({ 'v1.json': shipped, 'v2.json': second, 'v3.json': third, 'README.md': '#' }, (directory) => {
        const loaded = loadPathways(directory);
        assert.equal(loaded.current.version, 2);
        assert.equal(loaded.version(3)?.status, 'retired');
        assert.equal(loaded.all.length, 3);
      });
    });
  });
});

describe('the shape check agrees with a plain transitive closure on any track', () => {
  /** A track of n steps with the given edges and end flags, in an otherwise valid pathway. */
  const trackOf = (n: number, edges: [number, number][], ends: boolean[]): Pathway => {
    const base = shippedCopy();
    const template = base.tracks[0]!.steps[0]!;
    const steps = Array.from({ length: n }, (_, index) => ({
      ...template,
      id: `s${index}`,
      next: [...new Set(edges.filter(([from, to]) => from === index && to !== index).map(([, to]) => `s${to}`))],
      end: ends[index] ?? false,
    }));
    return { ...base, tracks: [{ ...base.tracks[0]!, id: 'spoor', steps }] };
  };

  test('accepted exactly when every step is reachable from the first and can reach an end', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 7 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 20 }),
              fc.array(fc.boolean(), { minLength: n, maxLength: n }),
            ),
          ),
        ([n, edges, ends]) => {
          // Closure by repeated squaring of the adjacency (reflexive).
          const reach = Array.from({ length: n }, (_, from) =>
            Array.from({ length: n }, (_, to) => from === to || edges.some(([a, b]) => a === from && b === to)),
          );
          for (let k = 0; k < n; k++) {
            for (let i = 0; i < n; i++)
              for (let j = 0; j < n; j++) if (reach[i]![k] && reach[k]![j]) reach[i]![j] = true;
          }
          const good =
            ends.some(Boolean) &&
            reach[0]!.every(Boolean) &&
            reach.every((row) => row.some((reachable, to) => reachable && ends[to]));
          const pathway = trackOf(n, edges, ends);
          let accepted = true;
          try {
            parsePathway(pathway, 'generated.json');
          } catch (error) {
            assert.ok(error instanceof PathwayFileError);
            accepted = false;
          }
          assert.equal(accepted, good);
        },
      ),
    );
  });
});

describe('the moves a track allows', () => {
  const pathway = registry.current;

  test('a track that has not started may start at its first step or where another track leads into it', () => {
    const ids = allowedMoves(pathway, 'bescherming', undefined).map((step) => step.id);
    assert.equal(ids[0], 'raad-onderzoek');
    const care = allowedMoves(pathway, 'zorg-en-herstel', undefined).map((step) => step.id);
    assert.deepEqual(care, ['hulp-starten']);
    const aftercare = allowedMoves(pathway, 'nazorg', { current: null, done: [], onIt: [] }).map((step) => step.id);
    assert.deepEqual(aftercare, ['nazorg-plan']);
  });

  test('a running track moves to the steps after its current one, loops included, never to other tracks’ steps', () => {
    const ids = allowedMoves(pathway, 'strafzaak', { current: 'artikel-12', done: [], onIt: [] }).map((s) => s.id);
    assert.deepEqual(ids, ['beslissing-om', 'strafzaak-klaar']);
    const signal = allowedMoves(pathway, 'signaal-en-advies', { current: 'advies-vragen', done: [], onIt: [] });
    assert.deepEqual(
      signal.map((step) => step.id),
      ['afwegen', 'zorg-opmerken'],
    );
  });

  test('an unknown track or a current step of another version allows nothing', () => {
    assert.deepEqual(allowedMoves(pathway, 'bestaat-niet', undefined), []);
    assert.deepEqual(allowedMoves(pathway, 'strafzaak', { current: 'weg', done: [], onIt: [] }), []);
  });
});
