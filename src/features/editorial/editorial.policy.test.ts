import type { Actor } from '../../shared/policy/actor.js';
import { gridToCases, policyTable } from '../../../test/helpers/policy-table.js';
import type { EditorialFacts } from './editorial.policy.js';

/*
 * Every CMS action × role × state, and for each state the revision made by the actor (author) or by someone else.
 * Every actor below has the user id 'me'; a resource "…-own" was made by 'me', "…-other" by someone else, and
 * "…-contributed" by someone else with 'me' saving text into it later (the open draft is shared): four eyes means
 * 'me' may not publish that one either.
 */
const me = 'me';
const actors: Record<string, Actor> = {
  anonymous: { kind: 'anonymous' },
  parent: { kind: 'user', userId: me, roles: ['parent'] },
  professional: {
    kind: 'user',
    userId: me,
    roles: ['professional'],
    membership: { organisationId: 'o1', roles: ['care'] },
  },
  young: { kind: 'user', userId: me, roles: ['young'] },
  // An editor account without its second factor holds no role (userActor).
  editorNoSecondFactor: { kind: 'user', userId: me, roles: [], mustSetUpSecondFactor: true },
  editor: { kind: 'user', userId: me, roles: ['editor'] },
  reviewer: { kind: 'user', userId: me, roles: ['reviewer'] },
  admin: { kind: 'user', userId: me, roles: ['admin'] },
};

const states = ['draft', 'in_review', 'published', 'retired', 'withdrawn'] as const;
const resources: Record<string, EditorialFacts> = { none: { state: 'none', authorId: null, contributorIds: [] } };
for (const state of states) {
  resources[`${state}-own`] = { state, authorId: me, contributorIds: [me] };
  resources[`${state}-other`] = { state, authorId: 'someone-else', contributorIds: ['someone-else', 'a-third'] };
  resources[`${state}-contributed`] = { state, authorId: 'someone-else', contributorIds: ['someone-else', me] };
}
resources['published-import'] = { state: 'published', authorId: 'import:files', contributorIds: ['import:files'] };

const everyone = Object.keys(actors);
const editorial = ['editor', 'reviewer', 'admin'];
const reviewing = ['reviewer', 'admin'];
const nobody: string[] = [];

/** The same actors for every resource. */
const all = (allowed: readonly string[]) => Object.fromEntries(Object.keys(resources).map((name) => [name, allowed]));
/** The given actors for the named resources, nobody for the rest. */
const only = (names: readonly string[], allowed: readonly string[]) =>
  Object.fromEntries(Object.keys(resources).map((name) => [name, names.includes(name) ? allowed : nobody]));

policyTable(
  'editorialDocument',
  actors,
  resources,
  ['view', 'create', 'startDraft', 'edit', 'submit', 'publish', 'sendBack', 'withdraw', 'rollback'],
  gridToCases<'editorialDocument'>(everyone, {
    view: all(editorial),
    create: only(['none'], editorial),
    startDraft: only(
      [
        'published-own',
        'published-other',
        'published-contributed',
        'published-import',
        'retired-own',
        'retired-other',
        'retired-contributed',
        'withdrawn-own',
        'withdrawn-other',
        'withdrawn-contributed',
      ],
      editorial,
    ),
    edit: only(['draft-own', 'draft-other', 'draft-contributed'], editorial),
    submit: only(['draft-own', 'draft-other', 'draft-contributed'], editorial),
    // Four eyes: never the author, never one who saved text into it, never an editor, only in review.
    publish: only(['in_review-other'], reviewing),
    sendBack: only(['in_review-own', 'in_review-other', 'in_review-contributed'], reviewing),
    // Withdrawing stays with the author (or a reviewer or admin); having saved into it is not enough.
    withdraw: {
      ...only([], nobody),
      'draft-own': editorial,
      'draft-other': reviewing,
      'draft-contributed': reviewing,
      'in_review-own': editorial,
      'in_review-other': reviewing,
      'in_review-contributed': reviewing,
    },
    rollback: only(
      [
        'published-own',
        'published-other',
        'published-contributed',
        'published-import',
        'retired-own',
        'retired-other',
        'retired-contributed',
      ],
      reviewing,
    ),
  }),
);
