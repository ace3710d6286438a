import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { appForSuite } from '../test/helpers/app.js';
import {
  addCaseContent,
  buildCaseWithEveryone,
  type CaseContent,
  type BuiltCase,
  memberOf,
  prepareCaseWorld,
} from '../test/helpers/case-factories.js';
import { dialects } from '../test/helpers/databases.js';
import { buildAdmin, buildParent } from '../test/helpers/factories.js';
import { actorSession, registeredRoutes } from '../test/helpers/routes.js';
import { type SmtpSink, startSmtpSink } from '../test/helpers/smtp-sink.js';
import { buildYoungMember } from '../test/helpers/young.js';
import { pathwayDir } from './shared/paths.js';

/*
 * Bad input, for every route the app registers, as every kind of user: anonymous, a parent, a professional, an
 * admin, a young person, an editor and a reviewer (and a parent in no case). Each route gets a missing body, a malformed one, one that is far too big,
 * one in a type no form sends, and one whose every field is hostile (markup, SQL, control characters, right-to-left
 * overrides, 20,000 characters, a field given twice), with the actor's own valid ids in the path and with ids that
 * are malformed. The answer must be the app's own — never a 500 — and a refusal must be a page in the visitor's
 * language that says something (a heading), with nothing hostile echoed unescaped. The list of routes comes from
 * the app, so a new route is walked by itself.
 */

type Jar = Record<string, string>;

/** Field names the app's forms use, each given every hostile value (unknown fields must be harmless too). */
const fieldNames = [
  'gebruikersnaam',
  'wachtwoord',
  'wachtwoord2',
  'herstelcode',
  'code',
  'email',
  'naam',
  'rol',
  'organisatie',
  'eenheid',
  'referentie',
  'sleutel',
  'grondslag',
  'kindWeet',
  'onderzoek',
  'bericht',
  'wat',
  'wie',
  'datum',
  'tijd',
  'voor',
  'status',
  'versie',
  'soort',
  'samenvatting',
  'besluiten',
  'ouder-uitgenodigd',
  'traject',
  'stap',
  'notitie',
  'lid',
  'id',
  'tekst',
  'categorie',
  'regel',
  'metadata',
  'postcode',
  'zorg',
  'politie',
  'begrepen',
  'verder',
  'plaats',
  'niveau',
  'versie',
  'kind16',
  'antwoord',
  'vraag',
  'taal',
  'terug',
  'frequentie',
  'geboren',
  'maand',
  'jaar',
  'reden',
  'toestemming',
  'stroom',
  'leeftijd',
  'bijlagen',
  'vanaf',
  'tot',
  'label',
  'bekend',
  'q',
  'na',
  'keuze',
  '_edit',
  '_note',
  '_action',
  'revision',
  'role',
  'eigenaar',
  'wachtdagen',
];

const hostileValues = [
  '<script>alert("nmk")</script>',
  "'; DROP TABLE users; --",
  'a\u0000b\u202ec\u200f',
  'x'.repeat(5_000),
  '../../../../etc/passwd',
  '{"__proto__":{"admin":true}}',
  '-1e309',
];

const scriptMarker = '<script>alert("nmk")</script>';

/** A urlencoded body: every field with one hostile value, and one field given twice. */
function hostileForm(token: string, round: number): string {
  const pairs = fieldNames.map(
    (name, index) =>
      `${encodeURIComponent(name)}=${encodeURIComponent(hostileValues[(index + round) % hostileValues.length]!)}`,
  );
  // A field given twice, a prototype name, and bytes that are not UTF-8 (a lone surrogate, 0xFF).
  pairs.push(`notitie=${encodeURIComponent('twice')}`, `__proto__=x`, `tekst=%ED%A0%80%FF`);
  return `_csrf=${encodeURIComponent(token)}&${pairs.join('&')}`;
}

interface Variant {
  name: string;
  headers: Record<string, string>;
  payload: (token: string) => string | Buffer | undefined;
}

const form = { 'content-type': 'application/x-www-form-urlencoded' };
const postVariants: Variant[] = [
  { name: 'no body', headers: {}, payload: () => undefined },
  { name: 'only the token', headers: form, payload: (token) => `_csrf=${encodeURIComponent(token)}` },
  { name: 'malformed encoding', headers: form, payload: (token) => `_csrf=${token}&a=%E0%A4%A&b=%zz&&=&%` },
  { name: 'hostile fields', headers: form, payload: (token) => hostileForm(token, 0) },
  { name: 'hostile fields, shifted', headers: form, payload: (token) => hostileForm(token, 3) },
  {
    name: 'three megabytes',
    headers: form,
    payload: (token) => `_csrf=${encodeURIComponent(token)}&tekst=${'a'.repeat(3 * 1024 * 1024)}`,
  },
  { name: 'malformed JSON', headers: { 'content-type': 'application/json' }, payload: () => '{"tekst": "a",' },
  { name: 'plain text', headers: { 'content-type': 'text/plain' }, payload: () => 'hallo' },
  {
    name: 'broken multipart',
    headers: { 'content-type': 'multipart/form-data; boundary=----nmk' },
    payload: (token) =>
      `------nmk\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n------nmk\r\nContent-Disposition: form-data; name="bijlage"; filename="../../x.png"\r\nContent-Type: image/png\r\n\r\n\u0089PNG garbage`,
  },
];

/** What a path parameter is filled with: the actor's own ids where the name says which, else a plausible value. */
function ownValue(name: string, ids: Record<string, string>): string {
  const lower = name.toLowerCase();
  for (const [kind, value] of Object.entries(ids)) if (lower.includes(kind)) return value;
  return ids.fallback!;
}

const malformedIds = ['x', `${'9'.repeat(300)}`, '%00', '..%2F..%2Fetc', '%E0%A4%A'];

/** Routes that end the caller's session or account: walked last, so the rest runs signed in. */
const endsSession = /uitloggen|\/weg$|verwijderen$|sessies/;

for (const dialect of dialects) {
  describe(`bad input on every route, as every kind of user [${dialect}]`, () => {
    let sink: SmtpSink;
    before(async () => {
      sink = await startSmtpSink();
    });
    const testApp = appForSuite(dialect, () => ({
      RATE_LIMIT_MAX: '1000000',
      SMTP_URL: sink.url,
      MAIL_FROM: 'no-reply@example.org',
      PUBLIC_ORIGIN: 'https://example.org',
    }));
    after(() => sink.close());

    let built: BuiltCase;
    let content: CaseContent;
    let ids: Record<string, string>;
    const jars = new Map<string, { jar: Jar; token: string }>();

    const csrfFor = (jar: Jar) => actorSession(testApp.app, jar);

    before(async () => {
      const world = await prepareCaseWorld(testApp, sink);
      built = await buildCaseWithEveryone(world, { label: 'Hostilia', prefix: `vijand${dialect}` });
      content = await addCaseContent(testApp, built, 'Vijandig');
      const pathway = JSON.parse(readFileSync(path.join(pathwayDir, 'v1.json'), 'utf8')) as {
        tracks: { id: string; steps: { id: string }[] }[];
      };
      ids = {
        case: built.caseId,
        // An invited member (no account): acting on it harms no actor of the walk.
        member: built.invited.find((row) => row.role === 'parent')!.memberId,
        invitation: built.invitationIds[0]!,
        agreement: content.agreementId,
        meeting: content.meetingId,
        appointment: content.appointmentId,
        message: content.messageId,
        entry: content.entryId,
        note: content.entryId,
        track: pathway.tracks[0]!.id,
        traject: pathway.tracks[0]!.id,
        slug: 'veilig-online',
        token: 'a'.repeat(43),
        fallback: 'x',
      };
      // An editorial document (ADR 0033): the first the start-up import made.
      const document = await testApp.services.editorial.documents(
        { kind: 'user', userId: 'walk', roles: ['admin'] },
        undefined,
      );
      ids.document = document[0]?.document.id ?? 'x';
      jars.set('anonymous', await csrfFor({}));
      jars.set('parent', await csrfFor(built.starter.account.cookies));
      jars.set('professional', await csrfFor(memberOf(built, 'care', 'active').account.cookies));
      jars.set('coordinator', await csrfFor(memberOf(built, 'coordinator', 'active').account.cookies));
      jars.set('admin', await csrfFor(world.admins[0].cookies));
      const outsider = await buildParent(testApp, { username: `vijand${dialect}.buiten` });
      jars.set('parent without a case', await csrfFor(outsider.cookies));
      const young = await buildYoungMember(testApp, memberOf(built, 'care', 'active').account, built.caseId, {
        age: 16,
        username: `vijand${dialect}.jong`,
      });
      ids.young = young.memberId;
      jars.set('young person', await csrfFor(young.jar));
      const editor = await buildAdmin(testApp, { username: `vijand${dialect}.redacteur`, role: 'editor' });
      jars.set('editor', await csrfFor(editor.cookies));
      const reviewer = await buildAdmin(testApp, { username: `vijand${dialect}.controleur`, role: 'reviewer' });
      jars.set('reviewer', await csrfFor(reviewer.cookies));
    });

    test('the walk reads its routes from the app and covers every method it serves', () => {
      const routes = registeredRoutes(testApp.app);
      assert.ok(routes.length > 50, `only ${routes.length} routes found`);
      assert.ok(routes.some((route) => route.method === 'POST' && route.path.startsWith('/samenwerken/')));
    });

    for (const actorName of [
      'anonymous',
      'parent',
      'professional',
      'coordinator',
      'admin',
      'parent without a case',
      'young person',
      'editor',
      'reviewer',
    ]) {
      test(`as ${actorName}: every route answers bad input with a 4xx page in Dutch, never a 500`, async () => {
        const { jar, token } = jars.get(actorName)!;
        const failures: string[] = [];
        /** Answers to the hostile forms by status: proof that they passed the CSRF check and reached the handlers. */
        const hostileAnswers = new Map<number, number>();
        const routes = registeredRoutes(testApp.app).sort(
          (a, b) => Number(endsSession.test(a.path)) - Number(endsSession.test(b.path)),
        );
        const fill = (route: string, value: (name: string) => string) =>
          route.replace(/:(\w+)/g, (_, name: string) => value(name));
        const check = (where: string, response: Awaited<ReturnType<typeof testApp.app.inject>>) => {
          if (response.statusCode >= 500) {
            failures.push(`${where}: ${response.statusCode}`);
            return;
          }
          if (response.body.includes(scriptMarker)) failures.push(`${where}: echoes markup unescaped`);
          const type = String(response.headers['content-type'] ?? '');
          if (response.statusCode >= 400 && type.startsWith('text/html')) {
            if (!/<html[^>]*lang="nl"/.test(response.body)) failures.push(`${where}: refusal not in Dutch`);
            if (!/<h1[\s>]/.test(response.body)) failures.push(`${where}: refusal without a heading`);
          }
        };
        for (const { method, path: route } of routes) {
          // A young person's channel takes the young member; other member routes an invited member.
          const own = fill(route, (name) =>
            encodeURIComponent(route.includes('/jongere/:') && name === 'memberId' ? ids.young! : ownValue(name, ids)),
          );
          const urls = [own, ...(route.includes(':') ? malformedIds.map((bad) => fill(route, () => bad)) : [])];
          if (method === 'GET') {
            for (const url of urls) {
              for (const query of ['', '?na=%zz&postcode=<script>&q=' + 'x'.repeat(5000), '?na[]=1&na=2']) {
                const response = await testApp.app.inject({ method: 'GET', url: url + query, cookies: jar });
                check(`GET ${url.slice(0, 80)}${query.slice(0, 20)}`, response);
              }
            }
            continue;
          }
          for (const url of urls) {
            // Malformed ids get one hostile form; the actor's own ids every variant.
            for (const variant of url === own ? postVariants : postVariants.slice(3, 4)) {
              const payload = variant.payload(token);
              const response = await testApp.app.inject({
                method: method as 'POST',
                url,
                cookies: jar,
                headers: variant.headers,
                ...(payload !== undefined && { payload }),
              });
              check(`${method} ${url.slice(0, 80)} (${variant.name})`, response);
              if (variant.name.startsWith('hostile') && url === own) {
                hostileAnswers.set(response.statusCode, (hostileAnswers.get(response.statusCode) ?? 0) + 1);
              }
            }
          }
        }
        assert.deepEqual(failures, []);
        // The walk is not refused wholesale by the CSRF check: most hostile forms reach a route's own answer.
        const total = [...hostileAnswers.values()].reduce((sum, count) => sum + count, 0);
        const byCsrf = hostileAnswers.get(403) ?? 0;
        process.stdout.write(`# ${actorName}: hostile forms answered ${JSON.stringify([...hostileAnswers])}\n`);
        assert.ok(total > 100 && byCsrf < total, `hostile answers ${JSON.stringify([...hostileAnswers])}`);
      });
    }
  });
}
