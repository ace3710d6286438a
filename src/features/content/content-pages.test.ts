import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import matter from 'gray-matter';
import { appForSuite } from '../../../test/helpers/app.js';
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

const bodyOf = (lang: string, slug: string) => matter(readFileSync(path.join(contentDir, lang, `${slug}.md`), 'utf8')).content;

test('Slachtofferhulp 0900-0101 is never called a free number: the call costs the local rate, the help is free', () => {
  const localRate: Record<(typeof languages)[number], RegExp> = { nl: /(lokaal|lokale|gewone) tarief/i, en: /local rate/i };
  for (const lang of languages) {
    for (const slug of slugsOf(lang)) {
      const body = bodyOf(lang, slug);
      if (!body.includes('0900-0101')) continue;
      assert.doesNotMatch(body, /gratis nummer|gratis (te )?bellen naar 0900|free (phone )?number|freephone/i, `${lang}/${slug}.md`);
      assert.match(body, localRate[lang], `${lang}/${slug}.md names the local rate`);
    }
  }
});

test('every page that mentions a screenshot also says never to keep or send a nude image, not even as a small picture in a chat', () => {
  const rules: Record<(typeof languages)[number], { screenshot: RegExp; neverKeepOrSend: RegExp; thumbnail: RegExp }> = {
    nl: {
      screenshot: /schermafbeelding|screenshot/i,
      neverKeepOrSend: /\b(bewaar|bewaren|opslaan|sla)\b[^.]*\b(door|doorsturen|deel|stuur)\b/i,
      thumbnail: /klein plaatje/i,
    },
    en: {
      screenshot: /screenshot/i,
      neverKeepOrSend: /\b(keep|save|saving)\b[^.]*\b(send|forward|forwarding|share)\b/i,
      thumbnail: /small picture/i,
    },
  };
  for (const lang of languages) {
    const rule = rules[lang];
    for (const slug of slugsOf(lang)) {
      const body = bodyOf(lang, slug);
      if (!rule.screenshot.test(body)) continue;
      assert.match(body, rule.neverKeepOrSend, `${lang}/${slug}.md says never to keep or send a nude image`);
      assert.match(body, rule.thumbnail, `${lang}/${slug}.md warns about a small picture inside a screenshot`);
    }
  }
});

test('the English pages do not call the child "she" by default: only pages about one particular girl use she or her', () => {
  // The loverboy story (how exploiters work) and a mother's daughter (myths) are about one girl; quoted myths are dropped.
  const aboutOneGirl = new Set(['hoe-uitbuiters-werken', 'mythes-en-feiten']);
  for (const slug of slugsOf('en')) {
    if (aboutOneGirl.has(slug)) continue;
    const { content, data } = matter(readFileSync(path.join(contentDir, 'en', `${slug}.md`), 'utf8'));
    const lines = [String((data as { title?: unknown }).title), String((data as { summary?: unknown }).summary), ...content.split('\n')];
    for (const line of lines) {
      const unquoted = line.replace(/"[^"]*"|“[^”]*”/g, '').replace(/\bhe or she\b/gi, '');
      assert.doesNotMatch(unquoted, /\b(she|her|hers|herself)\b/i, `en/${slug}.md: ${line}`);
    }
  }
});

for (const dialect of dialects) {
  describe(`links in the information pages [${dialect}]`, () => {
    const testApp = appForSuite(dialect, { RATE_LIMIT_MAX: '100000' });

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
