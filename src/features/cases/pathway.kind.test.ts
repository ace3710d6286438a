import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { translatorFor } from '../../messages.js';
import { contentDir, pathwayDir } from '../../shared/paths.js';
import type { PublishedDocument } from '../editorial/editorial.types.js';
import { loadPathways, nationalPathway, regionOfArea } from './pathway.js';
import { createPathwayKind, pathwayLines } from './pathway.kind.js';
import type { Pathway } from './pathway.schema.js';

const t = translatorFor('nl');
const shipped = readFileSync(path.join(pathwayDir, 'v1.json'), 'utf8');

function kindWith(documents: PublishedDocument[] = []) {
  const registry = loadPathways(pathwayDir);
  const kind = createPathwayKind({
    registry,
    published: () => Promise.resolve(documents),
    translate: t,
    regionNames: new Map([['VR01', 'Groningen']]),
    clock: () => new Date('2026-12-07T10:00:00Z'),
  });
  return { registry, kind };
}

function parsed(text: string): Pathway {
  const { kind } = kindWith();
  const result = kind.parse(text, t);
  assert.ok(result.ok, result.ok ? '' : result.problems.join('; '));
  return result.value;
}

describe('pathway kind', () => {
  test('content/ holds the national pathway: read as one document per version, each valid', async () => {
    const { kind } = kindWith();
    const texts = await kind.readFiles(contentDir);
    assert.deepEqual(
      texts.map((text) => text.key),
      ['national'],
    );
    assert.equal(texts[0]!.text, shipped);
    assert.deepEqual(kind.check(parsed(shipped), 'national', t), []);
    assert.equal(kind.title(parsed(shipped), t), 'Traject, landelijk, versie 1');
  });

  test('files round trip: an older version is written back as retired, the current as published', async () => {
    const { kind } = kindWith();
    const second = shipped.replace('"version": 1,', '"version": 2,');
    const regional = `${JSON.stringify({ ...JSON.parse(shipped), version: 3, region: 'VR01' }, null, 2)}\n`;
    const files = kind.writeFiles([
      { key: 'national', current: second, history: [shipped, second] },
      { key: 'region:VR01', current: regional, history: [regional] },
    ]);
    assert.deepEqual(
      files.map((file) => file.path),
      ['pathway/v1.json', 'pathway/v2.json', 'pathway/regions/VR01/v3.json'],
    );
    assert.match(files[0]!.content, /"status": "retired"/);
    assert.equal(files[1]!.content, second);
    const directory = mkdtempSync(path.join(tmpdir(), 'pathway-kind-'));
    try {
      for (const file of files) {
        mkdirSync(path.dirname(path.join(directory, file.path)), { recursive: true });
        writeFileSync(path.join(directory, file.path), file.content);
      }
      // Read back, the texts are as stored (every one "published"; the store knows which is retired).
      const read = await kind.readFiles(directory);
      assert.deepEqual(read, [
        { key: 'national', text: shipped },
        { key: 'national', text: second },
        { key: 'region:VR01', text: regional },
      ]);
      const loaded = loadPathways(path.join(directory, 'pathway'));
      assert.equal(loaded.current.version, 2);
      assert.equal(loaded.currentFor('region:VR01').version, 3);
      assert.equal(loaded.keyOf(3), 'region:VR01');
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  test('a broken draft is refused with reasons: unreachable step, unknown step, not JSON, wrong key', async () => {
    const { kind } = kindWith();
    const raw = JSON.parse(shipped) as { version: number; tracks: { steps: { id: string; next: string[] }[] }[] };
    const unreachable = structuredClone(raw);
    unreachable.version = 2;
    unreachable.tracks[0]!.steps[0]!.next = [];
    const problems = await kind.check(parsed(JSON.stringify(unreachable)), 'national', t);
    assert.ok(problems.some((problem) => /cannot be reached|can never be finished/.test(problem)));

    const unknown = structuredClone(raw);
    unknown.tracks[0]!.steps[0]!.next = ['nergens-heen'];
    const refused = kind.parse(JSON.stringify(unknown), t);
    assert.ok(!refused.ok && refused.problems.some((problem) => problem.includes('nergens-heen')));

    assert.equal(kind.fromForm({ text: '{ "version": 2' }, shipped, t).ok, false);
    assert.deepEqual(kind.keyProblems!('region:VR1', t), [t('pathwayKind.problem.key')]);
    assert.deepEqual(kind.keyProblems!('region:VR01', t), []);
    assert.ok((await kind.check(parsed(shipped), 'region:VR01', t)).length > 0, 'a national text under a region key');
  });

  test('version numbers are unique across national and regional; a draft takes the next free one', () => {
    const { kind } = kindWith();
    const regional = JSON.parse(kind.startDraft(undefined, 'region:VR01')) as Pathway;
    assert.equal(regional.version, 2);
    assert.equal(regional.region, 'VR01');
    assert.equal(regional.published, '2026-12-07');
    const sameNumberTwice = { ...parsed(shipped), region: 'VR01' };
    assert.deepEqual(kind.check(sameNumberTwice, 'region:VR01', t), [
      t('pathwayKind.problem.versionTaken', { version: 1, next: 2 }),
    ]);
    const national = JSON.parse(kind.startDraft(shipped, 'national')) as Pathway;
    assert.equal(national.version, 2);
    assert.equal(national.region, undefined);
  });

  test('after a publish the registry is refilled: a region with a variant gets it, others and old keys national', async () => {
    const regional = `${JSON.stringify({ ...JSON.parse(shipped), version: 2, region: 'VR01' }, null, 2)}\n`;
    const { registry, kind } = kindWith([
      { key: 'national', current: shipped, history: [shipped] },
      { key: 'region:VR01', current: regional, history: [regional] },
    ]);
    assert.equal(registry.keyForRegion('VR01'), nationalPathway, 'before the publish');
    await kind.afterPublish!('region:VR01');
    assert.equal(registry.keyForRegion('VR01'), 'region:VR01');
    assert.equal(registry.keyForRegion('VR02'), nationalPathway);
    assert.equal(registry.keyForRegion(null), nationalPathway);
    assert.equal(registry.currentFor('region:VR01').version, 2);
    assert.equal(registry.currentFor(undefined).version, 1);
    assert.equal(registry.version(2)?.region, 'VR01');
    assert.deepEqual(
      registry.regions.map((region) => region.code),
      ['VR01'],
    );
    assert.equal(kind.title(registry.version(2)!, t), 'Traject, regio Groningen, versie 2');
  });

  test('the region of an organisation: only an area of exactly one veiligheidsregio', () => {
    assert.equal(regionOfArea({ type: 'veiligheidsregio', codes: ['VR01'] }), 'VR01');
    assert.equal(regionOfArea({ type: 'veiligheidsregio', codes: ['VR01', 'VR02'] }), null);
    assert.equal(regionOfArea({ type: 'national' }), null);
    assert.equal(regionOfArea({ type: 'province', codes: ['PV20'] }), null);
    assert.equal(regionOfArea(undefined), null);
  });

  test('lines from the store: the last text of a key is published, earlier ones retired', () => {
    const second = shipped.replace('"version": 1,', '"version": 2,');
    const [line] = pathwayLines([{ key: 'national', current: second, history: [shipped, second] }], t);
    assert.deepEqual(
      line!.versions.map((version) => [version.version, version.status]),
      [
        [1, 'retired'],
        [2, 'published'],
      ],
    );
  });
});
