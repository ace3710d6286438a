import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { registeredRoutes } from '../../../test/helpers/routes.js';
import { appForSuite, csrfTokenFrom, withCookiesOf } from '../../../test/helpers/app.js';
import {
  addCaseContent,
  type BuiltCase,
  buildCaseWithEveryone,
  type CaseContent,
  caseRolesInOrder,
  caseProfessional,
  memberOf,
  prepareCaseWorld,
  reachableStates,
} from '../../../test/helpers/case-factories.js';
import { dialects } from '../../../test/helpers/databases.js';
import { buildParent } from '../../../test/helpers/factories.js';
import { type SmtpSink, startSmtpSink } from '../../../test/helpers/smtp-sink.js';
import { buildYoungMember, type YoungMember } from '../../../test/helpers/young.js';
import { changedTables, type IgnoredColumns, tableDump } from '../../../test/helpers/table-dump.js';
import { pathwayDir } from '../../shared/paths.js';
import { encodeCursor } from './case-items.schema.js';

/*
 * The IDOR matrix (issue 14): two cases A and B, each with a member of every role in every state the service
 * reaches (test/helpers/case-factories.ts). Every route the app registers whose path carries an id is called as
 * every actor of A (and as a parent and a professional who are in no case) with B's ids — B's case id in the path,
 * B's item ids in A's path, A's item ids in B's path — GET and state-changing methods, with a valid CSRF token and
 * a well-formed body. Each answer must be a 4xx, the same status as for ids that exist nowhere (so it tells nothing
 * about B), never a 5xx; no table may change; no text of B (its label, its items, its members' names) may show in
 * the body or a header. The routes come from the app itself: a route added later is in the matrix by itself (its
 * body is the general one unless it is listed in `bodies`).
 */

type Jar = Record<string, string>;

/** The kinds of id a path parameter can carry. */
type IdKind =
  'case' | 'member' | 'invitation' | 'agreement' | 'meeting' | 'appointment' | 'message' | 'entry' | 'attachment';
type Ids = Record<IdKind, string[]>;

interface Side {
  built: BuiltCase;
  content: CaseContent;
  ids: Ids;
}

/** A parameter's kind by its name (a case route's first parameter is the case); 'any' tries every kind. */
function kindOf(name: string, index: number, casePath: boolean): IdKind | 'any' | 'constant' {
  if (casePath && index === 0) return 'case';
  const rules: [RegExp, IdKind | 'constant'][] = [
    [/case|zaak/i, 'case'],
    [/member|lid/i, 'member'],
    [/invitation|uitnodiging|code/i, 'invitation'],
    [/agreement|afspraak/i, 'agreement'],
    [/meeting|overleg/i, 'meeting'],
    [/appointment|planning|step|stap/i, 'appointment'],
    [/message|bericht/i, 'message'],
    [/attachment|bijlage/i, 'attachment'],
    [/entry|notitie/i, 'entry'],
    [/track|traject/i, 'constant'],
  ];
  return rules.find(([pattern]) => pattern.test(name))?.[1] ?? 'any';
}

const paramsOf = (route: string): string[] => [...route.matchAll(/:(\w+)/g)].map((match) => match[1]!);

/** The routes of the matrix: a case route with parameters, or any route with an id parameter. */
function routesUnderTest(app: FastifyInstance) {
  return registeredRoutes(app).filter(({ path: route }) => {
    const params = paramsOf(route);
    if (params.length === 0) return false;
    return route.startsWith('/samenwerken/:') || params.some((name) => /id$/i.test(name));
  });
}

/** One call: the path's parameters filled in, and which side's ids the body carries. */
interface Assignment {
  label: string;
  values: Record<string, string>;
  /** Whose ids go into the body's id fields. */
  bodySide: 'A' | 'B';
  /** The case the path names (undefined outside /samenwerken). */
  caseSide: 'A' | 'B' | undefined;
}

function assignments(method: string, route: string, a: Side, b: Side, track: string): Assignment[] {
  const params = paramsOf(route);
  const casePath = route.startsWith('/samenwerken/:');
  const kinds = params.map((name, index) => kindOf(name, index, casePath));
  const pick = (side: Side, kind: IdKind | 'any'): { kind: string; id: string }[] =>
    kind === 'any' || side.ids[kind].length === 0
      ? (Object.keys(side.ids) as IdKind[])
          .filter((name) => side.ids[name].length > 0)
          .map((name) => ({ kind: name, id: side.ids[name][0]! }))
      : side.ids[kind].map((id) => ({ kind, id }));
  const combos = (side: Side, from: number): { label: string; values: Record<string, string> }[] => {
    let result: { label: string; values: Record<string, string> }[] = [{ label: '', values: {} }];
    for (let index = from; index < params.length; index += 1) {
      const kind = kinds[index]!;
      const choices = kind === 'constant' ? [{ kind: 'constant', id: track }] : pick(side, kind);
      result = result.flatMap((done) =>
        choices.map((choice) => ({
          label: `${done.label} ${params[index]}=${choice.kind === 'constant' ? choice.id : choice.kind}`,
          values: { ...done.values, [params[index]!]: choice.id },
        })),
      );
    }
    return result.slice(0, 16);
  };
  if (!casePath) {
    return combos(b, 0).map((combo) => ({
      label: `B:${combo.label}`,
      values: combo.values,
      bodySide: 'B',
      caseSide: undefined,
    }));
  }
  const caseParam = params[0]!;
  const list: Assignment[] = [];
  // B's case in the path, with B's other ids (and A's ids in the body).
  for (const combo of combos(b, 1)) {
    list.push({
      label: `B case,${combo.label}`,
      values: { [caseParam]: b.built.caseId, ...combo.values },
      bodySide: 'A',
      caseSide: 'B',
    });
  }
  const hasOtherIds = kinds.slice(1).some((kind) => kind !== 'constant');
  // B's ids in A's path (and in the body), and A's ids in B's path.
  if (hasOtherIds) {
    for (const combo of combos(b, 1)) {
      list.push({
        label: `A case,${combo.label} of B`,
        values: { [caseParam]: a.built.caseId, ...combo.values },
        bodySide: 'B',
        caseSide: 'A',
      });
    }
    for (const combo of combos(a, 1)) {
      list.push({
        label: `B case,${combo.label} of A`,
        values: { [caseParam]: b.built.caseId, ...combo.values },
        bodySide: 'A',
        caseSide: 'B',
      });
    }
  } else if (stateChanging.has(method) && bodyCarriesIds(method, route, a, b)) {
    // A's own case, with B's ids in the body (a body that names items or members).
    list.push({ label: 'A case, body of B', values: { [caseParam]: a.built.caseId }, bodySide: 'B', caseSide: 'A' });
  }
  return list;
}

/** The passphrase of every account the case factory makes (factories.ts), for the forms that ask it again. */
const passphrase = 'rode fiets onder de brug';

/** A well-formed body for each state-changing route; ids in it come from `ids` (the other side's). */
type BodyOf = (ids: Ids, extra: { track: string; step: string; policeUnit: string }) => Record<string, unknown>;
const generalBody: BodyOf = (ids, extra) => ({
  rol: 'care',
  code: 'ABCD-EFGH-JKLM-NPQR',
  sleutel: '0'.repeat(64),
  grondslag: 'parent',
  kindWeet: 'unknown',
  onderzoek: 'ja',
  eenheid: extra.policeUnit,
  referentie: 'PL-2026-1',
  bericht: 'Een bericht.',
  wat: 'Iets afspreken.',
  wie: '',
  datum: '',
  voor: 'iedereen',
  lid: ids.member[0],
  id: ids.member[0],
  notitie: ids.entry,
});
const bodies: Record<string, BodyOf> = {
  'POST /samenwerken/:caseId/delen': (ids) => ({
    notitie: ids.entry,
    kind16: 'nee',
    grondslag: 'ouder',
    kindWeet: 'onbekend',
  }),
  'POST /samenwerken/:caseId/gedeeld/stoppen': (ids) => ({ notitie: ids.entry }),
  'POST /samenwerken/:caseId/afspraken': (ids) => ({
    wat: 'Een nieuwe afspraak.',
    wie: `lid:${ids.member[0]}`,
    datum: '2031-01-01',
    voor: 'iedereen',
  }),
  'POST /samenwerken/:caseId/afspraken/:agreementId': (ids) => ({
    wat: 'Een andere afspraak.',
    wie: `lid:${ids.member[0]}`,
    datum: '',
    status: 'gedaan',
    versie: '1',
  }),
  'POST /samenwerken/:caseId/overleg': () => ({
    datum: new Date().toISOString().slice(0, 10),
    samenvatting: 'Overleg gehad.',
    besluiten: 'Nog een besluit.',
    voor: 'iedereen',
    'ouder-uitgenodigd': 'ja',
  }),
  'POST /samenwerken/:caseId/planning': () => ({
    soort: 'stap',
    wat: 'Een volgende stap.',
    datum: '',
    tijd: '',
    wie: 'rol:care',
    voor: 'iedereen',
  }),
  'POST /samenwerken/:caseId/uitnodigen': () => ({ rol: 'care' }),
  'POST /samenwerken/:caseId/leden/:memberId/bevestigen': () => ({
    sleutel: 'a'.repeat(64),
    grondslag: 'parent',
    kindWeet: 'unknown',
    wachtwoord: passphrase,
  }),
  'POST /samenwerken/:caseId/leden/:memberId/verwijderen': () => ({}),
  'POST /samenwerken/:caseId/leden/:memberId/pauzeren': () => ({}),
  'POST /samenwerken/:caseId/uitnodigingen/:invitationId/intrekken': () => ({}),
  'POST /samenwerken/:caseId/risico': () => ({}),
  'POST /samenwerken/:caseId/mandaat': () => ({ onderzoek: 'ja' }),
  'POST /samenwerken/:caseId/politie': (_ids, extra) => ({ eenheid: extra.policeUnit, referentie: 'PL-2026-7' }),
  'POST /samenwerken/:caseId/berichten': () => ({ bericht: 'Een bericht.' }),
  'POST /samenwerken/:caseId/berichten/professionals': () => ({ bericht: 'Een bericht.' }),
  'POST /samenwerken/:caseId/traject': (_ids, extra) => ({
    traject: extra.track,
    stap: extra.step,
    notitie: 'Verder.',
    voor: 'iedereen',
  }),
};

/** Whether the route's own body (not the general one) names ids: then B's ids in it are tried in A's path. */
function bodyCarriesIds(method: string, route: string, a: Side, b: Side): boolean {
  const bodyOf = bodies[`${method} ${route}`];
  const extra = { track: '', step: '', policeUnit: '' };
  return bodyOf !== undefined && JSON.stringify(bodyOf(a.ids, extra)) !== JSON.stringify(bodyOf(b.ids, extra));
}

/** A signed-in request keeps its own session alive (sliding idle time): that is authentication, not the action. */
const ignored: IgnoredColumns = { sessions: ['last_seen_at', 'expires_at'] };

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The actors of A the matrix runs as, by name, and two accounts in no case at all. */
const actorNames = [
  'parent/starter',
  ...caseRolesInOrder.flatMap((role) => reachableStates(role).map((state) => `${role}/${state}`)),
  'young/active',
  'outsider/parent',
  'outsider/care',
];

for (const dialect of dialects.filter((name) => (process.env.IDOR_DIALECTS ?? name).includes(name))) {
  describe(`IDOR matrix: every route with B's ids as every actor of A [${dialect}]`, () => {
    let sink: SmtpSink;
    before(async () => {
      sink = await startSmtpSink();
    });
    const testApp = appForSuite(dialect, () => ({
      RATE_LIMIT_MAX: '1000000',
      // On a loaded machine the matrix runs longer than the 20-minute idle limit: an actor's session made in
      // before() then expires and is deleted when next seen, which the "changed nothing" dump would report.
      SESSION_IDLE_MINUTES: String(24 * 60),
      SMTP_URL: sink.url,
      MAIL_FROM: 'no-reply@example.org',
      PUBLIC_ORIGIN: 'https://example.org',
    }));
    after(() => sink.close());

    let a: Side;
    let b: Side;
    const jars = new Map<string, { jar: Jar; token: string }>();
    /** Texts of B that must never show to anyone of A. */
    let secrets: string[] = [];
    let extra: { track: string; step: string; policeUnit: string };

    /** The young people of each side (their jars and channel messages), made in sideOf. */
    const youngOf = new Map<BuiltCase, YoungMember>();

    async function sideOf(built: BuiltCase, marker: string): Promise<Side> {
      const content = await addCaseContent(testApp, built, marker);
      // A young person of 16 in the case, confirmed by the care worker, with a message in their own channel.
      const young = await buildYoungMember(testApp, memberOf(built, 'care', 'active').account, built.caseId, {
        age: 16,
        username: `${built.starter.account.username}.jong`,
      });
      youngOf.set(built, young);
      const page = await testApp.app.inject({ method: 'GET', url: young.channel, cookies: young.jar });
      const youngText = `${marker} schrijft in het eigen kanaal.`;
      const posted = await testApp.app.inject({
        method: 'POST',
        url: `${young.channel}/berichten`,
        cookies: withCookiesOf(young.jar, page.headers),
        payload: { _csrf: csrfTokenFrom(page.body), bericht: youngText },
      });
      assert.equal(posted.statusCode, 303, 'the young person writes in their channel');
      content.texts.push(youngText);
      return {
        built,
        content,
        ids: {
          case: [built.caseId],
          member: [
            built.starter.memberId,
            memberOf(built, 'care', 'active').memberId,
            memberOf(built, 'parent', 'suspended').memberId,
            memberOf(built, 'police', 'removed').memberId,
            built.invited.find((row) => row.role === 'parent')!.memberId,
            young.memberId,
          ],
          invitation: built.invitationIds.slice(0, 2),
          agreement: [content.agreementId, content.professionalAgreementId],
          meeting: [content.meetingId],
          appointment: [content.appointmentId],
          message: [content.messageId, content.professionalMessageId],
          entry: [content.entryId],
          attachment: [],
        },
      };
    }

    /** A CSRF token of the jar's own session, from the first page with a form. */
    async function csrfFor(jar: Jar): Promise<{ jar: Jar; token: string }> {
      for (const url of ['/account', '/account/tweede-stap', '/registreren']) {
        const page = await testApp.app.inject({ method: 'GET', url, cookies: jar });
        if (page.statusCode === 200 && page.body.includes('name="_csrf"')) {
          return { jar: withCookiesOf(jar, page.headers), token: csrfTokenFrom(page.body) };
        }
      }
      throw new Error('no page with a form for this actor');
    }

    before(async () => {
      const world = await prepareCaseWorld(testApp, sink);
      const builtA = await buildCaseWithEveryone(world, { label: 'Annemijn', prefix: `lijna${dialect}` });
      const builtB = await buildCaseWithEveryone(world, { label: 'Bodilqx', prefix: `lijnb${dialect}` });
      a = await sideOf(builtA, 'Appelvink');
      b = await sideOf(builtB, 'Zwaluwqz');
      secrets = [
        ...b.content.texts,
        ...b.built.actors.map((actor) => actor.account.username),
        youngOf.get(builtB)!.username,
      ];
      for (const actor of a.built.actors) jars.set(actor.name, await csrfFor(actor.account.cookies));
      jars.set('young/active', await csrfFor(youngOf.get(builtA)!.jar));
      const outsiderParent = await buildParent(testApp, { username: `lijnbuiten${dialect}.ouder` });
      jars.set('outsider/parent', await csrfFor(outsiderParent.cookies));
      const outsiderCare = await caseProfessional(world, 'care', `lijnbuiten${dialect}.zorg`);
      jars.set('outsider/care', await csrfFor(outsiderCare.cookies));
      const pathway = JSON.parse(readFileSync(path.join(pathwayDir, 'v1.json'), 'utf8')) as {
        tracks: { id: string; steps: { id: string }[] }[];
      };
      extra = {
        track: pathway.tracks[0]!.id,
        step: pathway.tracks[0]!.steps[1]!.id,
        policeUnit: world.policeUnit,
      };
    });

    test('the matrix reads its routes from the app (a new route is in it by itself)', (t) => {
      const routes = routesUnderTest(testApp.app);
      assert.ok(
        routes.some(({ path: route }) => route.startsWith('/samenwerken/:')),
        'the case routes are registered and found',
      );
      t.diagnostic(
        `${routes.length} routes × ${actorNames.length} actors: ${routes.map((r) => `${r.method} ${r.path}`).join(', ')}`,
      );
      const unlisted = routes.filter(
        (route) =>
          stateChanging.has(route.method) &&
          route.path.startsWith('/samenwerken') &&
          !(`${route.method} ${route.path}` in bodies),
      );
      if (unlisted.length > 0) {
        t.diagnostic(`with the general body: ${unlisted.map((r) => `${r.method} ${r.path}`).join(', ')}`);
      }
    });

    test("controls: with A's own ids the same jars, tokens and bodies reach A's content and write", async () => {
      const starter = jars.get('parent/starter')!;
      const care = jars.get('care/active')!;
      const page = await testApp.app.inject({
        method: 'GET',
        url: `/samenwerken/${a.built.caseId}`,
        cookies: starter.jar,
      });
      assert.equal(page.statusCode, 200);
      assert.ok(page.body.includes(a.built.label), "A's page shows A's label to A's parent");
      const agreement = await testApp.app.inject({
        method: 'GET',
        url: `/samenwerken/${a.built.caseId}/afspraken/${a.content.professionalAgreementId}`,
        cookies: care.jar,
      });
      assert.equal(agreement.statusCode, 200);
      assert.ok(agreement.body.includes('Appelvink'), "A's care worker reads A's agreement");
      const posted = await testApp.app.inject({
        method: 'POST',
        url: `/samenwerken/${a.built.caseId}/berichten`,
        cookies: starter.jar,
        payload: { _csrf: starter.token, ...bodies['POST /samenwerken/:caseId/berichten']!(a.ids, extra) },
      });
      assert.equal(posted.statusCode, 303, 'the token and the body are good ones');
    });

    for (const actorName of actorNames) {
      test(`as ${actorName} of A: B's ids answer as unknown ids, change nothing and show nothing of B`, async (t) => {
        const { jar, token } = jars.get(actorName)!;
        const db = testApp.database.handle.db as never;
        const failures: string[] = [];
        const statuses = new Map<number, number>();
        const call = async (method: string, url: string, body: Record<string, unknown> | undefined) =>
          testApp.app.inject({
            method: method as 'GET',
            url,
            cookies: jar,
            ...(body !== undefined && { payload: { _csrf: token, ...body } }),
          });
        const fill = (route: string, values: Record<string, string>) =>
          route.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(values[name]!));
        /** The same values with every id of B (and of A, for A's items in B's path) replaced by one that exists nowhere. */
        const unknownIds = (values: Record<string, string>, caseSide: Assignment['caseSide']) =>
          Object.fromEntries(
            Object.entries(values).map(([name, value]) => [
              name,
              value === extra.track || (caseSide === 'A' && value === a.built.caseId) ? value : randomUUID(),
            ]),
          );

        const routes = routesUnderTest(testApp.app);
        // The GETs within one table comparison, the state-changing routes within another (a change shows the rows
        // written, which name the route's table).
        const groups = [
          routes.filter((route) => !stateChanging.has(route.method)),
          routes.filter((route) => stateChanging.has(route.method)),
        ];
        for (const group of groups) {
          const beforeDump = await tableDump(db, dialect, ignored);
          for (const { method, path: route } of group) {
            for (const assignment of assignments(method, route, a, b, extra.track)) {
              const bodyOf = bodies[`${method} ${route}`] ?? generalBody;
              const bodyIds = assignment.bodySide === 'B' ? b.ids : a.ids;
              const body = stateChanging.has(method) ? bodyOf(bodyIds, extra) : undefined;
              const url = fill(route, assignment.values);
              const response = await call(method, url, body);
              const baseline = await call(
                method,
                fill(route, unknownIds(assignment.values, assignment.caseSide)),
                body === undefined
                  ? undefined
                  : bodyOf({ ...bodyIds, member: [randomUUID()], entry: [randomUUID()] }, extra),
              );
              statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
              const where = `${method} ${route} [${assignment.label.trim()}]`;
              if (response.statusCode >= 500) failures.push(`${where}: ${response.statusCode}`);
              else if (response.statusCode < 400 && !(response.statusCode === 303 && baseline.statusCode === 303)) {
                failures.push(`${where}: ${response.statusCode}, not a refusal`);
              }
              if (response.statusCode !== baseline.statusCode) {
                failures.push(
                  `${where}: ${response.statusCode}, but ${baseline.statusCode} for ids that exist nowhere`,
                );
              }
              const shown = `${JSON.stringify(response.headers)}\n${response.body}`;
              for (const secret of secrets) {
                if (shown.includes(secret)) failures.push(`${where}: shows "${secret}"`);
              }
            }
          }
          const changed = changedTables(beforeDump, await tableDump(db, dialect, ignored));
          if (Object.keys(changed).length > 0) {
            failures.push(
              `${stateChanging.has(group[0]?.method ?? '') ? 'the state-changing routes' : 'the GET routes'} changed ${JSON.stringify(changed).slice(0, 2000)}`,
            );
          }
        }
        // The pages without an id that list cases or what can be shared (my cases, share into which case, the
        // journal) show nothing of B either.
        const lists = registeredRoutes(testApp.app).filter(
          ({ method, path: route }) =>
            method === 'GET' && !route.includes(':') && /^\/(samenwerken|logboek|account|gedeeld)/.test(route),
        );
        for (const { path: route } of lists) {
          const response = await call('GET', route, undefined);
          if (response.statusCode >= 500) failures.push(`GET ${route}: ${response.statusCode}`);
          const shown = `${JSON.stringify(response.headers)}\n${response.body}`;
          for (const secret of secrets) if (shown.includes(secret)) failures.push(`GET ${route}: shows "${secret}"`);
        }
        // B's ids in the query of every page of A's own case (a timeline cursor from far ahead, entries to preselect):
        // whatever A's page shows, it shows nothing of B.
        const query = `?na=${encodeCursor(999_999_999_999_999)}&notitie=${b.ids.entry[0]}&zaak=${b.built.caseId}&lid=${b.ids.member[0]}`;
        const ownPages = routes.filter(
          ({ method, path: route }) =>
            method === 'GET' && route.startsWith('/samenwerken/:') && paramsOf(route).length === 1,
        );
        for (const { path: route } of ownPages) {
          const response = await call(
            'GET',
            `${fill(route, { [paramsOf(route)[0]!]: a.built.caseId })}${query}`,
            undefined,
          );
          if (response.statusCode >= 500) failures.push(`GET ${route}${query}: ${response.statusCode}`);
          const shown = `${JSON.stringify(response.headers)}\n${response.body}`;
          for (const secret of secrets)
            if (shown.includes(secret)) failures.push(`GET ${route}${query}: shows "${secret}"`);
        }
        t.diagnostic(
          `statuses: ${JSON.stringify(Object.fromEntries(statuses))}; lists without an id: ${lists.length}; ` +
            `A's pages with B's ids in the query: ${ownPages.length}`,
        );
        assert.deepEqual(failures, []);
      });
    }
  });
}
