import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { render } from 'preact-render-to-string';
import { testPageContext } from '../../../../test/helpers/page-context.js';
import { pathwayDir } from '../../../shared/paths.js';
import type { PageContext } from '../../../shared/views/context.js';
import { loadPathways } from '../pathway.js';
import type { PathwayState } from './pathway.views.js';
import { YoungPathway } from './pathway-young.view.js';

/*
 * The young person's home shows where their case stands, in their words: only the tracks that have started or
 * finished (a criminal case that has not begun may never come), the current step's young text open without
 * JavaScript, what is done, what may come next, who is helping; never the parents' texts.
 */

const pathway = loadPathways(pathwayDir).current;
const ctxFor = (locale: PageContext['locale']) => testPageContext(locale, { path: '/samenwerken' });

const state: PathwayState = {
  'zorg-en-herstel': { current: 'hulp-starten', done: [], onIt: ['Jeugdhulp Noord'] },
  'signaal-en-advies': { current: null, done: ['zorg-opmerken', 'advies-vragen', 'afwegen'], onIt: [] },
};

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ');

function trackHtml(html: string, trackId: string): string | undefined {
  return new RegExp(`<section[^>]*aria-labelledby="jong-lijn-${trackId}"[^>]*>([\\s\\S]*?)</section>`).exec(html)?.[1];
}

describe('the pathway of one case, for the young person', () => {
  const nl = render(<YoungPathway ctx={ctxFor('nl')} pathway={pathway} state={state} />);
  const en = render(<YoungPathway ctx={ctxFor('en')} pathway={pathway} state={state} />);

  test('only started or finished tracks are shown, with a word that others have not started', () => {
    assert.ok(trackHtml(nl, 'zorg-en-herstel') !== undefined);
    assert.ok(trackHtml(nl, 'signaal-en-advies') !== undefined);
    for (const track of ['melding-en-veiligheid', 'bescherming', 'strafzaak', 'nazorg']) {
      assert.equal(trackHtml(nl, track), undefined, `${track} is not shown`);
    }
    assert.match(textOf(nl), /Andere onderdelen zijn niet begonnen\. Niet alles gebeurt bij iedereen\./);
    assert.match(textOf(en), /Other parts have not started\./);
  });

  test('a running track says where it stands in young words, with the step open, what may come next, who helps', () => {
    const html = trackHtml(nl, 'zorg-en-herstel')!;
    const text = textOf(html);
    assert.match(text, /Waar het nu staat: Nu: Hulp voor jou/);
    assert.match(html, /<details class="app-pathway-about" open>/);
    assert.ok(text.includes(pathway.tracks[4]!.steps[0]!.young.what.nl));
    assert.match(text, /Wat je kunt vragen of zeggen Welke hulp past bij mij\?/);
    assert.match(text, /Wat hierna kan komen Medische zorg/);
    assert.match(text, /Wie helpen hierbij Jeugdhulp Noord/);
    assert.match(textOf(trackHtml(en, 'zorg-en-herstel')!), /Where it stands: Now: Help for you/);
  });

  test('each shown track carries its sources, folded, each "not checked since" its date', () => {
    const html = trackHtml(nl, 'zorg-en-herstel')!;
    const sources = /<details class="app-pathway-sources">([\s\S]*?)<\/details>/.exec(html)?.[1];
    assert.ok(sources !== undefined);
    const track = pathway.tracks.find((entry) => entry.id === 'zorg-en-herstel')!;
    for (const source of track.sources) assert.ok(textOf(sources).includes(`${source.publisher}: ${source.title}`));
    assert.equal(textOf(sources).match(/Niet gecontroleerd sinds/g)?.length, track.sources.length);
  });

  test('a finished track says so and lists what was done, in young titles', () => {
    const text = textOf(trackHtml(nl, 'signaal-en-advies')!);
    assert.match(text, /Dit onderdeel is klaar\./);
    assert.match(text, /Al gedaan Iemand maakt zich zorgen Advies vragen Kijken wat er nodig is/);
  });

  test('never a parent’s text: no “je kind”, and not the step texts written for parents', () => {
    assert.doesNotMatch(textOf(nl), /\bje kind\b/);
    assert.doesNotMatch(textOf(en), /\byour child\b/);
    assert.ok(!textOf(nl).includes(pathway.tracks[4]!.steps[0]!.what.nl));
  });

  test('a case where nothing has started says so; every view links to the explanation for young people', () => {
    const empty = render(<YoungPathway ctx={ctxFor('nl')} pathway={pathway} state={{}} />);
    assert.match(textOf(empty), /Er is nog geen stap gezet\./);
    assert.doesNotMatch(empty, /<section/);
    assert.match(empty, /<a href="\/samenwerken\/jongeren">/);
    assert.match(nl, /<a href="\/samenwerken\/jongeren">/);
  });

  test('who is helping: a bare case role is named in words, any other label as it is', () => {
    const html = render(
      <YoungPathway
        ctx={ctxFor('nl')}
        pathway={pathway}
        state={{ strafzaak: { current: 'aangifte', done: ['informatief-gesprek'], onIt: ['police', 'veilig-thuis'] } }}
      />,
    );
    assert.match(textOf(trackHtml(html, 'strafzaak')!), /Wie helpen hierbij politie Veilig Thuis/);
  });

  test('a track pointing at a step of another version is treated as not started', () => {
    const html = render(
      <YoungPathway
        ctx={ctxFor('nl')}
        pathway={pathway}
        state={{ strafzaak: { current: 'weg', done: [], onIt: [] } }}
      />,
    );
    assert.equal(trackHtml(html, 'strafzaak'), undefined);
    assert.match(textOf(html), /Er is nog geen stap gezet\./);
  });

  test('headings follow the page: tracks at the given level, their parts one below', () => {
    const html = render(<YoungPathway ctx={ctxFor('nl')} pathway={pathway} state={state} level={2} />);
    assert.match(html, /<h2 id="jong-lijn-zorg-en-herstel">/);
    assert.match(html, /<h3>Wat hierna kan komen<\/h3>/);
  });

  test('without a state, the whole pathway: every track and step with its young text', () => {
    const text = textOf(render(<YoungPathway ctx={ctxFor('en')} pathway={pathway} />));
    for (const track of pathway.tracks) {
      for (const step of track.steps) assert.ok(text.includes(step.young.title.en), step.id);
    }
  });
});
