import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import matter from 'gray-matter';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.js';
import { dialects } from '../../../test/helpers/databases.js';
import { contentDir } from '../../shared/paths.js';

/*
 * Checks on the shipped content itself: every page exists in both languages, links lead somewhere, and the
 * words the product never uses for what happens to a child do not appear outside a quoted myth.
 */

const languages = ['nl', 'en'] as const;
const slugsOf = (lang: string) =>
  readdirSync(path.join(contentDir, lang))
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.slice(0, -3))
    .sort();

test('every information page exists in Dutch and in English', () => {
  assert.deepEqual(slugsOf('en'), slugsOf('nl'));
  assert.ok(slugsOf('nl').length >= 18);
});

test('Dutch and English versions of a page sit in the same topic', () => {
  for (const slug of slugsOf('nl')) {
    const topicOf = (lang: string) =>
      (matter(readFileSync(path.join(contentDir, lang, `${slug}.md`), 'utf8')).data as { topic?: string }).topic;
    assert.equal(topicOf('en'), topicOf('nl'), slug);
  }
});

const banned: Record<(typeof languages)[number], RegExp> = {
  nl: /\b(relatie|vriendje|prostitutie|kiest ervoor|kiest er zelf voor|sekswerk)\b/i,
  en: /\b(relationship|boyfriend|prostitution|sex work|she chooses|chooses it herself)\b/i,
};

test('what happens to a child is never called a relationship, a boyfriend, prostitution or her choice, except in a quoted myth', () => {
  for (const lang of languages) {
    for (const slug of slugsOf(lang)) {
      const { content, data } = matter(readFileSync(path.join(contentDir, lang, `${slug}.md`), 'utf8'));
      const lines = [String((data as { title?: unknown }).title), String((data as { summary?: unknown }).summary), ...content.split('\n')];
      for (const line of lines) {
        // A myth is quoted in order to correct it: drop quoted parts before looking.
        const unquoted = line.replace(/"[^"]*"|“[^”]*”|„[^”]*”/g, '');
        assert.doesNotMatch(unquoted, banned[lang], `${lang}/${slug}.md: ${line}`);
      }
    }
  }
});

test('no information page calls anything "good news": few visible signals never mean that nothing is wrong', () => {
  for (const lang of languages) {
    for (const slug of slugsOf(lang)) {
      const text = readFileSync(path.join(contentDir, lang, `${slug}.md`), 'utf8');
      assert.doesNotMatch(text, /goed nieuws|good news/i, `${lang}/${slug}.md`);
    }
  }
});

test('every information page names at least one source', () => {
  for (const lang of languages) {
    for (const slug of slugsOf(lang)) {
      const { data } = matter(readFileSync(path.join(contentDir, lang, `${slug}.md`), 'utf8'));
      const sources = (data as { sources?: unknown[] }).sources ?? [];
      assert.ok(sources.length > 0, `${lang}/${slug}.md has sources`);
    }
  }
});

for (const dialect of dialects) {
  describe(`links in the information pages [${dialect}]`, () => {
    let testApp: TestApp;
    before(async () => {
      testApp = await buildTestApp(dialect, { RATE_LIMIT_MAX: '100000' });
    });
    after(() => testApp.close());

    test('every link inside the site leads to a page that exists, and every anchor to a heading on it', async () => {
      const checked = new Map<string, number>();
      for (const lang of languages) {
        for (const slug of slugsOf(lang)) {
          const url = `/informatie/${slug}`;
          const page = await testApp.app.inject({ method: 'GET', url, cookies: { taal: lang } });
          assert.equal(page.statusCode, 200, url);
          const hrefs = [...page.body.matchAll(/href="([^"]+)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));
          for (const href of hrefs) {
            if (href.startsWith('#')) {
              assert.match(page.body, new RegExp(`id="${href.slice(1)}"`), `${lang} ${url} → ${href}`);
              continue;
            }
            if (!href.startsWith('/')) continue;
            const target = href.split('#')[0]!;
            if (!checked.has(target)) {
              const response = await testApp.app.inject({ method: 'GET', url: target });
              checked.set(target, response.statusCode);
            }
            assert.ok([200, 303].includes(checked.get(target)!), `${lang} ${url} links to ${href} (${checked.get(target)})`);
          }
        }
      }
      assert.ok(checked.has('/nu') && checked.has('/check'), 'pages link to /nu and /check');
    });

    test('the information index groups every page under one of its topics', async () => {
      const index = await testApp.app.inject({ method: 'GET', url: '/informatie' });
      for (const id of ['group-begrijpen', 'group-handelen', 'group-steun', 'group-over']) {
        assert.match(index.body, new RegExp(`id="${id}"`));
      }
      for (const slug of slugsOf('nl')) assert.match(index.body, new RegExp(`href="/informatie/${slug}"`));
    });
  });
}
