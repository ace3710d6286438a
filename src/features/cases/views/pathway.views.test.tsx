import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { render } from 'preact-render-to-string';
import { testPageContext } from '../../../../test/helpers/page-context.js';
import { pathwayDir } from '../../../shared/paths.js';
import type { PageContext } from '../../../shared/views/context.js';
import { loadPathways } from '../pathway.js';
import { type PathwayState, PathwayTracks } from './pathway.views.js';

/*
 * A case page shows, per track, where it stands, what is done, what can come next and who is on it, with what a
 * parent can expect and ask at the current step: in words and lists, never by colour alone, and without
 * JavaScript (<details> opens by itself).
 */

const pathway = loadPathways(pathwayDir).current;
const ctxFor = (locale: PageContext['locale']) => testPageContext(locale, { path: '/samenwerken/x' });

const state: PathwayState = {
  strafzaak: {
    current: 'studioverhoor',
    done: ['informatief-gesprek', 'aangifte'],
    onIt: ['Politie, eenheid Noord-Nederland (zeden)'],
  },
  nazorg: { current: null, done: ['nazorg-plan', 'nazorg-klaar'], onIt: [] },
};

/** One track's section of the rendered view. */
function trackHtml(html: string, trackId: string): string {
  const found = new RegExp(`<section[^>]*aria-labelledby="lijn-spoor-${trackId}"[^>]*>([\\s\\S]*?)</section>`).exec(
    html,
  )?.[1];
  assert.ok(found !== undefined, `a section for ${trackId}`);
  return found;
}

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ');

describe('the pathway of one case', () => {
  const nl = render(<PathwayTracks ctx={ctxFor('nl')} pathway={pathway} state={state} />);
  const en = render(<PathwayTracks ctx={ctxFor('en')} pathway={pathway} state={state} />);

  test('every track has a section with its own heading, started or not', () => {
    for (const track of pathway.tracks) {
      assert.match(nl, new RegExp(`<h3 id="lijn-spoor-${track.id}">${track.title.nl}</h3>`));
      assert.match(en, new RegExp(`<h3 id="lijn-spoor-${track.id}">${track.title.en}</h3>`));
    }
  });

  test('a running track says in words where it stands, what is done, what can come next and who is on it', () => {
    const text = textOf(trackHtml(nl, 'strafzaak'));
    assert.match(text, /Waar het nu staat: Nu: Het verhoor van je kind/);
    assert.match(text, /Gedaan Informatief gesprek met de politie Aangifte/);
    assert.match(text, /Wat hierna kan komen Het onderzoek van de politie/);
    assert.match(text, /Wie hierbij betrokken zijn Politie, eenheid Noord-Nederland \(zeden\)/);
    const english = textOf(trackHtml(en, 'strafzaak'));
    assert.match(english, /Where it stands: Now: Your child’s interview/);
    assert.match(english, /Who is involved Politie, eenheid Noord-Nederland \(zeden\)/);
  });

  test('the current step shows what a parent can expect and ask, open without JavaScript', () => {
    const html = trackHtml(nl, 'strafzaak');
    assert.match(html, /<details class="app-pathway-about" open>/);
    assert.match(textOf(html), /Wat je kunt verwachten Jij bent niet bij het verhoor/);
    assert.match(textOf(html), /Wat je kunt vragen Hoe bereid ik mijn kind voor/);
    assert.match(textOf(html), /Wie doet dit meestal: politie\./);
  });

  test('a track that has not started says so and offers its first step', () => {
    const text = textOf(trackHtml(nl, 'bescherming'));
    assert.match(text, /Waar het nu staat: Nog niet begonnen\./);
    assert.match(text, /Nog geen stap gedaan\./);
    assert.match(text, /Onderzoek door de Raad/);
    assert.match(text, /Nog niemand\./);
  });

  test('a finished track says so and shows where it can lead: after aftercare, back to signal and advice', () => {
    const text = textOf(trackHtml(nl, 'nazorg'));
    assert.match(text, /Waar het nu staat: Afgerond\./);
    assert.match(text, /Een zorg opmerken \(spoor: Signaal en advies\)/);
  });

  test('a member who may move steps gets their form per track, with the steps the track may move to', () => {
    const seen: Record<string, string[]> = {};
    render(
      <PathwayTracks
        ctx={ctxFor('nl')}
        pathway={pathway}
        state={state}
        actions={(track, moves) => {
          seen[track.id] = moves.map((step) => step.id);
          return <p>form</p>;
        }}
      />,
    );
    assert.deepEqual(seen.strafzaak, ['politieonderzoek']);
    assert.deepEqual(seen['signaal-en-advies'], ['zorg-opmerken']);
  });

  test('headings follow the case page: tracks at the given level, their parts one below', () => {
    const html = render(<PathwayTracks ctx={ctxFor('nl')} pathway={pathway} state={state} level={2} />);
    assert.match(html, /<h2 id="lijn-spoor-strafzaak">/);
    assert.match(html, /<h3>Gedaan<\/h3>/);
    assert.doesNotMatch(html, /<h5/);
  });

  test('links to the public explanation of the pathway', () => {
    assert.match(nl, /<a href="\/samenwerken\/hoe-het-werkt">Zo werkt samenwerken<\/a>/);
  });
});
