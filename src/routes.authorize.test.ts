import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { registeredRoutes } from '../test/helpers/routes.js';
import type { Database } from './shared/db/schema.js';
import { appForSuite, csrfTokenFrom, withCookiesOf } from '../test/helpers/app.js';
import { buildAdmin, buildParent } from '../test/helpers/factories.js';
import { dialects } from '../test/helpers/databases.js';
import { changedTables, type IgnoredColumns, tableDump } from '../test/helpers/table-dump.js';

/*
 * Authorization before any side effect, for every route the app registers: each state-changing route is run as
 * the actors its rules refuse, with a valid CSRF token and a plausible body, and no table may change. The list
 * of routes comes from the app itself, so a new route fails here until someone decides who it is refused to,
 * or says why it is open to anyone.
 */

type Jar = Record<string, string>;
type ActorName = 'anonymous' | 'otherParent' | 'adminWithoutSecondFactor' | 'editor' | 'reviewer';

/** Routes anyone may use, each with the reason; they decide by a credential in the request, or change nothing of anyone else. */
const openToAnyone: Record<string, string> = {
  'POST /registreren': 'sign-up: anyone may make an account',
  'POST /inloggen': 'login: the passphrase is the credential',
  'POST /inloggen/code': "login's second step: the pending login's cookie and the code are the credential",
  'POST /inloggen/toegangssleutel': 'login with a passkey: the signed answer is the credential',
  'POST /inloggen/toegangssleutel/opties': 'login with a passkey: a challenge for the pending login',
  'POST /herstellen': 'recovery: the recovery code is the credential',
  'POST /beheer/start/:token': "an admin's one-time set-up link: the token is the credential",
  'POST /uitnodiging': "a professional's invitation: the token is the credential (invitation.accept)",
  'POST /uitloggen': "logging out ends only the caller's own session",
  'POST /weg': "the quick exit ends only the caller's own session",
  'POST /check': 'the check: anyone may take it (checkOutcome.take); nothing about the answers is stored',
  'POST /hulp/na-check':
    "help looked up from a check's result (checkOutcome.lookUpHelp): anyone; a count by day, level and region",
  'POST /zoeken':
    'search (ADR 0034): anyone may search, it writes nothing; professionals-only articles by knowledgeArticle.read',
  'POST /informatie/:slug/feedback': 'feedback on a published page (contentPage.giveFeedback): anyone',
  'POST /informatie/:slug/wat-miste-je':
    "a reader's text on a published page (contentPage.giveFeedback): anyone, held pending",
  'POST /kennisbank/:slug/nuttig': '"was this useful?" on an article they may read (giveFeedback): anyone, a count',
  'POST /kennisbank/:slug/wat-miste-je':
    "a reader's text on an article they may read (giveFeedback): anyone, held pending",
  'POST /samenwerken/jongere':
    "a young person's sign-up (ADR 0030): the single-use code a professional of their case gave them is the credential",
};

/** What a refused request would carry if it were allowed: a valid body for each route. */
interface Attempt {
  refusedTo: readonly ActorName[];
  body?: (ids: VictimIds) => Record<string, string>;
  params?: (ids: VictimIds) => Record<string, string>;
}

interface VictimIds {
  entryId: string;
  diaryNoteId: string;
  sessionIdHash: string;
  userId: string;
  organisationId: string;
  /** A reader's pending text under "what was missing?" (features/feedback). */
  feedbackTextId: string;
  /** An editorial document with one revision, published by the start-up import and none open (ADR 0033). */
  documentId: string;
  /** A parent's pending text from the survey (features/survey, ADR 0047). */
  surveyTextId: string;
}

const passphrase = 'regen op het dak van de schuur';
const newPassphrase = 'een heel andere zin voor later';
const signedIn: readonly ActorName[] = ['anonymous', 'adminWithoutSecondFactor'];
const parentsOnly: readonly ActorName[] = ['anonymous', 'adminWithoutSecondFactor'];
const adminsOnly: readonly ActorName[] = ['anonymous', 'otherParent', 'adminWithoutSecondFactor'];
/** The CMS (ADR 0033): editors and reviewers too, where the document's state leaves them nothing to do. */
const everyoneHere: readonly ActorName[] = [...adminsOnly, 'editor', 'reviewer'];
const editorialOnly = (...more: ActorName[]): readonly ActorName[] => [...adminsOnly, ...more];
const entry = { datum: '2026-11-20', categorie: 'behaviour', tekst: 'Kwam laat thuis.', regel: 'ja', metadata: 'ja' };

const stateChanging: Record<string, Attempt> = {
  // Setting up a second factor and passkeys is for any signed-in owner (an admin without one must add one).
  'POST /account/tweede-stap': { refusedTo: ['anonymous'], body: () => ({ code: '123456' }) },
  'POST /account/toegangssleutels/opties': { refusedTo: ['anonymous'] },
  'POST /account/toegangssleutels': { refusedTo: ['anonymous'], body: () => ({ antwoord: '{}' }) },
  'POST /account/toegangssleutels/verwijderen': {
    refusedTo: ['anonymous'],
    body: () => ({ sleutel: '00000000-0000-4000-8000-000000000000' }),
  },
  // The account's own data actions: account.use, so not before a second factor that is owed.
  'POST /account/wachtwoord': {
    refusedTo: signedIn,
    body: () => ({ huidig: passphrase, wachtwoord: newPassphrase, herhaling: newPassphrase }),
  },
  'POST /account/sleutels-vernieuwen': {
    refusedTo: signedIn,
    body: () => ({ huidig: passphrase, wachtwoord: newPassphrase, herhaling: newPassphrase }),
  },
  'POST /account/email': { refusedTo: signedIn, body: () => ({ email: 'ergens@example.org' }) },
  'POST /account/gegevens': { refusedTo: signedIn, body: () => ({ wachtwoord: passphrase }) },
  'POST /account/verwijderen': { refusedTo: signedIn, body: () => ({ wachtwoord: passphrase }) },
  // Sessions: one's own only; another parent's session is as unknown as one that does not exist.
  'POST /account/sessies/beeindigen': {
    refusedTo: ['anonymous', 'otherParent', 'adminWithoutSecondFactor'],
    body: (ids) => ({ sessie: ids.sessionIdHash }),
  },
  'POST /account/sessies/anderen-beeindigen': { refusedTo: signedIn },
  'POST /account/verlengen': { refusedTo: ['anonymous'] },
  // A trusted person (ADR 0049): parents only; the victim's arrangement is no other parent's to touch.
  'POST /account/vertrouwenspersoon/code': { refusedTo: [...parentsOnly, 'editor', 'reviewer'] },
  'POST /account/vertrouwenspersoon/kiezen': {
    refusedTo: [...parentsOnly, 'editor', 'reviewer'],
    body: () => ({ gebruikersnaam: 'slachtoffer.ouder', code: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345', wachtdagen: '7' }),
  },
  'POST /account/vertrouwenspersoon/verwijderen': { refusedTo: [...adminsOnly, 'editor', 'reviewer'] },
  'POST /account/vertrouwenspersoon/vernieuwen': { refusedTo: [...adminsOnly, 'editor', 'reviewer'] },
  'POST /account/vertrouwenspersoon/weigeren': { refusedTo: [...adminsOnly, 'editor', 'reviewer'] },
  'POST /account/vertrouwenspersoon/vragen': {
    refusedTo: [...adminsOnly, 'editor', 'reviewer'],
    body: (ids) => ({ eigenaar: ids.userId }),
  },
  'POST /account/vertrouwenspersoon/herstelcode': {
    refusedTo: [...adminsOnly, 'editor', 'reviewer'],
    body: (ids) => ({ eigenaar: ids.userId, wachtwoord: passphrase }),
  },
  // The admin area and the coordinator's page.
  'POST /beheer/uitnodigingen': {
    refusedTo: adminsOnly,
    body: (ids) => ({ email: 'nieuw@example.org', organisatie: ids.organisationId, rol: 'care' }),
  },
  'POST /beheer/uitnodigingen/:id/intrekken': {
    refusedTo: adminsOnly,
    params: () => ({ id: '00000000-0000-4000-8000-000000000000' }),
  },
  'POST /beheer/professionals/:id/goedkeuren': { refusedTo: adminsOnly, params: (ids) => ({ id: ids.userId }) },
  'POST /beheer/organisaties/:id/goedkeuren': {
    refusedTo: adminsOnly,
    params: (ids) => ({ id: ids.organisationId }),
  },
  // Readers' texts: the editorial roles only (ADR 0038).
  'POST /beheer/feedback/:id/goedkeuren': { refusedTo: adminsOnly, params: (ids) => ({ id: ids.feedbackTextId }) },
  'POST /beheer/feedback/:id/verwijderen': { refusedTo: adminsOnly, params: (ids) => ({ id: ids.feedbackTextId }) },
  // The parents' survey (ADR 0047): answering and declining need an offer open in one's own session (none of these
  // actors has one); its texts are decided by reviewers and admins only.
  'POST /vragenlijst': {
    refusedTo: [...adminsOnly, 'editor', 'reviewer'],
    body: () => ({ zorg: '3', tekst: 'Goed.' }),
  },
  'POST /vragenlijst/nee': { refusedTo: [...adminsOnly, 'editor', 'reviewer'] },
  'POST /beheer/vragenlijst/:id/goedkeuren': {
    refusedTo: editorialOnly('editor'),
    params: (ids) => ({ id: ids.surveyTextId }),
  },
  'POST /beheer/vragenlijst/:id/afwijzen': {
    refusedTo: editorialOnly('editor'),
    params: (ids) => ({ id: ids.surveyTextId }),
  },
  // The reviewers' marks on translations (ADR 0053): reviewers and admins only.
  'POST /beheer/vertalingen': {
    refusedTo: editorialOnly('editor'),
    body: () => ({ taal: 'ar', pagina: 'frame', actie: 'markeren' }),
  },
  // The CMS (ADR 0033): the document has its imported published revision and nothing open, so every step but
  // starting a draft is refused to editors and reviewers too (a reviewer's rollback of the published one as well).
  'POST /beheer/inhoud': { refusedTo: adminsOnly, body: () => ({ soort: 'page', sleutel: 'nl/nieuw-hier' }) },
  'POST /beheer/inhoud/:documentId/nieuw-concept': {
    refusedTo: editorialOnly(),
    params: (ids) => ({ documentId: ids.documentId }),
  },
  'POST /beheer/inhoud/:documentId/bewerken': {
    refusedTo: everyoneHere,
    params: (ids) => ({ documentId: ids.documentId }),
    body: () => ({ _edit: '0', _note: 'x', title: 'Nieuw' }),
  },
  'POST /beheer/inhoud/:documentId/voorbeeld': {
    refusedTo: everyoneHere,
    params: (ids) => ({ documentId: ids.documentId }),
    body: () => ({ title: 'Nieuw' }),
  },
  'POST /beheer/inhoud/:documentId/indienen': {
    refusedTo: everyoneHere,
    params: (ids) => ({ documentId: ids.documentId }),
  },
  'POST /beheer/inhoud/:documentId/publiceren': {
    refusedTo: everyoneHere,
    params: (ids) => ({ documentId: ids.documentId }),
  },
  'POST /beheer/inhoud/:documentId/terugsturen': {
    refusedTo: everyoneHere,
    params: (ids) => ({ documentId: ids.documentId }),
  },
  'POST /beheer/inhoud/:documentId/intrekken': {
    refusedTo: everyoneHere,
    params: (ids) => ({ documentId: ids.documentId }),
  },
  'POST /beheer/inhoud/:documentId/terugzetten': {
    refusedTo: everyoneHere,
    params: (ids) => ({ documentId: ids.documentId }),
    body: () => ({ revision: '1' }),
  },
  // Editorial accounts: admins only.
  'POST /beheer/redactie': {
    refusedTo: everyoneHere,
    body: () => ({ email: 'redactie@example.org', role: 'editor' }),
  },
  'POST /organisatie/aanmeldingen/:id/goedkeuren': {
    refusedTo: adminsOnly,
    params: (ids) => ({ id: ids.userId }),
  },
  // The journal and the diary: their parent only (another parent is refused on the victim's entries and notes).
  'POST /logboek': { refusedTo: parentsOnly, body: () => entry },
  'POST /logboek/:id/corrigeren': {
    refusedTo: adminsOnly,
    params: (ids) => ({ id: ids.entryId }),
    body: () => ({ ...entry, tekst: 'Toch iets anders.' }),
  },
  'POST /logboek/:id/wissen': { refusedTo: adminsOnly, params: (ids) => ({ id: ids.entryId }) },
  'POST /logboek/export': {
    refusedTo: parentsOnly,
    body: () => ({ label: 'Voor de politie', keuze: 'alles', wachtwoord: passphrase }),
  },
  'POST /logboek/export/ophalen': { refusedTo: parentsOnly },
  'POST /dagboek': { refusedTo: parentsOnly, body: () => ({ tekst: 'Mijn eigen gedachten.' }) },
  'POST /dagboek/:id/verwijderen': { refusedTo: adminsOnly, params: (ids) => ({ id: ids.diaryNoteId }) },
  // Sharing journal entries into a case: only an active parent member of that case (none of these actors is in
  // one; the victim's entry as what would be shared or unshared).
  'POST /samenwerken/:caseId/delen': {
    refusedTo: adminsOnly,
    params: () => ({ caseId: 'c0ffee00-0000-4000-8000-000000000001' }),
    body: (ids) => ({ notitie: ids.entryId, kind16: 'nee', grondslag: 'ouder', kindWeet: 'ja' }),
  },
  // The case space's life cycle: starting is for a parent or an active professional; joining needs a valid code
  // (there is none for these actors); everything on a case only for its members (none of these actors is one).
  'POST /samenwerken': {
    refusedTo: signedIn,
    body: () => ({ naam: 'Sam', grondslag: 'parent', kindWeet: 'unknown' }),
  },
  'POST /samenwerken/aansluiten': { refusedTo: adminsOnly, body: () => ({ code: 'ABCD-EFGH-JKLM-NPQR' }) },
  'POST /samenwerken/:caseId/uitnodigen': {
    refusedTo: adminsOnly,
    params: () => ({ caseId: 'c0ffee00-0000-4000-8000-000000000001' }),
    body: () => ({ rol: 'care' }),
  },
  'POST /samenwerken/:caseId/uitnodigingen/:invitationId/intrekken': {
    refusedTo: adminsOnly,
    params: () => ({
      caseId: 'c0ffee00-0000-4000-8000-000000000001',
      invitationId: 'c0ffee00-0000-4000-8000-000000000002',
    }),
  },
  'POST /samenwerken/:caseId/leden/:memberId/bevestigen': {
    refusedTo: adminsOnly,
    params: () => ({
      caseId: 'c0ffee00-0000-4000-8000-000000000001',
      memberId: 'c0ffee00-0000-4000-8000-000000000003',
    }),
    body: () => ({ sleutel: 'a'.repeat(64), grondslag: 'parent', kindWeet: 'unknown', wachtwoord: passphrase }),
  },
  'POST /samenwerken/:caseId/leden/:memberId/verwijderen': {
    refusedTo: adminsOnly,
    params: () => ({
      caseId: 'c0ffee00-0000-4000-8000-000000000001',
      memberId: 'c0ffee00-0000-4000-8000-000000000003',
    }),
  },
  'POST /samenwerken/:caseId/leden/:memberId/pauzeren': {
    refusedTo: adminsOnly,
    params: () => ({
      caseId: 'c0ffee00-0000-4000-8000-000000000001',
      memberId: 'c0ffee00-0000-4000-8000-000000000003',
    }),
  },
  'POST /samenwerken/:caseId/leden/:memberId/hervatten': {
    refusedTo: adminsOnly,
    params: () => ({
      caseId: 'c0ffee00-0000-4000-8000-000000000001',
      memberId: 'c0ffee00-0000-4000-8000-000000000003',
    }),
  },
  'POST /samenwerken/:caseId/risico': {
    refusedTo: adminsOnly,
    params: () => ({ caseId: 'c0ffee00-0000-4000-8000-000000000001' }),
  },
  'POST /samenwerken/:caseId/afsluiten': {
    refusedTo: adminsOnly,
    params: () => ({ caseId: 'c0ffee00-0000-4000-8000-000000000001' }),
    body: () => ({ nazorg: 'ja' }),
  },
  // A member's own choice of e-mail about news (ADR 0028): active members of the case only.
  'POST /samenwerken/:caseId/meldingen': {
    refusedTo: adminsOnly,
    params: () => ({ caseId: 'c0ffee00-0000-4000-8000-000000000001' }),
    body: () => ({ meldingen: 'nooit' }),
  },
  'POST /samenwerken/:caseId/mandaat': {
    refusedTo: adminsOnly,
    params: () => ({ caseId: 'c0ffee00-0000-4000-8000-000000000001' }),
    body: () => ({ onderzoek: 'ja' }),
  },
  'POST /samenwerken/:caseId/politie': {
    refusedTo: adminsOnly,
    params: () => ({ caseId: 'c0ffee00-0000-4000-8000-000000000001' }),
    body: () => ({ referentie: 'ZZ-1' }),
  },
  'POST /samenwerken/:caseId/gedeeld/stoppen': {
    refusedTo: adminsOnly,
    params: () => ({ caseId: 'c0ffee00-0000-4000-8000-000000000001' }),
    body: (ids) => ({ notitie: ids.entryId }),
  },
  // Exports of a case (ADR 0029): only its members (the police bundle its police member), the passphrase again.
  'POST /samenwerken/:caseId/samenvatting': {
    refusedTo: adminsOnly,
    params: () => ({ caseId: 'c0ffee00-0000-4000-8000-000000000001' }),
    body: () => ({ wachtwoord: passphrase }),
  },
  'POST /samenwerken/:caseId/politiebundel/:memberId': {
    refusedTo: adminsOnly,
    params: () => ({
      caseId: 'c0ffee00-0000-4000-8000-000000000001',
      memberId: 'c0ffee00-0000-4000-8000-000000000002',
    }),
    body: () => ({ wachtwoord: passphrase }),
  },
  // What members post into a case (agreements, meetings, planning, messages, step moves): only its members.
  'POST /samenwerken/:caseId/afspraken': {
    refusedTo: adminsOnly,
    params: () => ({ caseId: 'c0ffee00-0000-4000-8000-000000000001' }),
    body: () => ({ wat: 'School bellen', wie: '', datum: '', voor: 'iedereen' }),
  },
  'POST /samenwerken/:caseId/afspraken/:agreementId': {
    refusedTo: adminsOnly,
    params: () => ({
      caseId: 'c0ffee00-0000-4000-8000-000000000001',
      agreementId: 'c0ffee00-0000-4000-8000-000000000004',
    }),
    body: () => ({ wat: 'School bellen', wie: '', datum: '', status: 'gedaan', versie: '1' }),
  },
  'POST /samenwerken/:caseId/overleg': {
    refusedTo: adminsOnly,
    params: () => ({ caseId: 'c0ffee00-0000-4000-8000-000000000001' }),
    body: () => ({ datum: '2026-01-05', samenvatting: 'Overleg', voor: 'iedereen' }),
  },
  'POST /samenwerken/:caseId/planning': {
    refusedTo: adminsOnly,
    params: () => ({ caseId: 'c0ffee00-0000-4000-8000-000000000001' }),
    body: () => ({ soort: 'stap', wat: 'Bellen', datum: '', tijd: '', wie: '', voor: 'iedereen' }),
  },
  'POST /samenwerken/:caseId/berichten': {
    refusedTo: adminsOnly,
    params: () => ({ caseId: 'c0ffee00-0000-4000-8000-000000000001' }),
    body: () => ({ bericht: 'Hallo' }),
  },
  'POST /samenwerken/:caseId/berichten/professionals': {
    refusedTo: adminsOnly,
    params: () => ({ caseId: 'c0ffee00-0000-4000-8000-000000000001' }),
    body: () => ({ bericht: 'Hallo' }),
  },
  'POST /samenwerken/:caseId/traject': {
    refusedTo: adminsOnly,
    params: () => ({ caseId: 'c0ffee00-0000-4000-8000-000000000001' }),
    body: () => ({ traject: 'signaal-en-advies', stap: 'zorg-delen', voor: 'iedereen' }),
  },
  // The child's own voice (ADR 0030): inviting is for a professional of the case, the channel for the young member
  // and the professional who invited them, consent for the young member (none of these actors is one).
  'POST /samenwerken/:caseId/jongere/uitnodigen': {
    refusedTo: adminsOnly,
    params: () => ({ caseId: 'c0ffee00-0000-4000-8000-000000000001' }),
    body: () => ({ maand: '3', jaar: '2012' }),
  },
  'POST /samenwerken/:caseId/jongere/:memberId/berichten': {
    refusedTo: adminsOnly,
    params: () => ({
      caseId: 'c0ffee00-0000-4000-8000-000000000001',
      memberId: 'c0ffee00-0000-4000-8000-000000000003',
    }),
    body: () => ({ bericht: 'Hallo' }),
  },
  'POST /samenwerken/:caseId/jongere/:memberId/bevestigen': {
    refusedTo: adminsOnly,
    params: () => ({
      caseId: 'c0ffee00-0000-4000-8000-000000000001',
      memberId: 'c0ffee00-0000-4000-8000-000000000003',
    }),
    body: () => ({ sleutel: 'a'.repeat(64) }),
  },
  'POST /samenwerken/:caseId/jongere/:memberId/toestemming': {
    refusedTo: adminsOnly,
    params: () => ({
      caseId: 'c0ffee00-0000-4000-8000-000000000001',
      memberId: 'c0ffee00-0000-4000-8000-000000000003',
    }),
    body: () => ({ stroom: 'export', antwoord: 'nee' }),
  },
};

/** An editorial document with exactly one revision (a page the start-up import published). */
async function oneRevisionDocument(db: Kysely<Database>): Promise<string> {
  const rows = await db
    .selectFrom('editorial_revisions')
    .select(['document_id', (eb) => eb.fn.countAll<number | string>().as('revisions')])
    .groupBy('document_id')
    .execute();
  const one = rows.find((row) => Number(row.revisions) === 1);
  if (one === undefined) throw new Error('no editorial document with one revision: are the kinds listed?');
  return one.document_id;
}

/** A signed-in request keeps its own session alive (sliding idle time): that is authentication, not the action. */
const ignored: IgnoredColumns = { sessions: ['last_seen_at', 'expires_at'] };

const stateChangingMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

for (const dialect of dialects) {
  describe(`every state-changing route decides before it writes [${dialect}]`, () => {
    const testApp = appForSuite(dialect, { RATE_LIMIT_MAX: '100000' });
    const jars = {} as Record<ActorName, Jar>;
    let ids: VictimIds;

    /** A CSRF token of the jar's own session, from the first page of the list that has a form. */
    async function csrfFor(jar: Jar): Promise<{ jar: Jar; token: string }> {
      for (const url of ['/account', '/account/tweede-stap', '/registreren']) {
        const page = await testApp.app.inject({ method: 'GET', url, cookies: jar });
        if (page.statusCode === 200 && page.body.includes('name="_csrf"')) {
          return { jar: withCookiesOf(jar, page.headers), token: csrfTokenFrom(page.body) };
        }
      }
      throw new Error('no page with a form for this actor');
    }

    async function post(jar: Jar, url: string, body: Record<string, string>) {
      const { jar: withCsrf, token } = await csrfFor(jar);
      return testApp.app.inject({ method: 'POST', url, cookies: withCsrf, payload: { _csrf: token, ...body } });
    }

    before(async () => {
      const { app, services, database } = testApp;
      // The victim: a parent with an entry, a diary note and a session others must not touch.
      const victim = await buildParent(testApp, { username: 'slachtoffer.ouder', passphrase });
      const added = await post(victim.cookies, '/logboek', entry);
      assert.equal(added.statusCode, 303);
      const entryId = String(added.headers.location).split('/').pop()!;
      assert.equal((await post(victim.cookies, '/dagboek', { tekst: 'Alleen voor mij.' })).statusCode, 303);
      const diary = await app.inject({ method: 'GET', url: '/dagboek', cookies: victim.cookies });
      const diaryNoteId = /\/dagboek\/([0-9a-f-]{36})\/verwijderen/.exec(diary.body)![1]!;
      const session = (await services.accounts.currentSession(victim.cookies.sessie))!;
      const sessionIdHash = session.idHash;
      const organisation = await database.handle.db.selectFrom('organisations').select('id').executeTakeFirstOrThrow();
      const text = await post(victim.cookies, '/informatie/veilig-gebruik/wat-miste-je', {
        tekst: 'Voor de redactie.',
      });
      assert.equal(text.statusCode, 303);
      const feedbackText = await database.handle.db
        .selectFrom('page_feedback_texts')
        .select('id')
        .executeTakeFirstOrThrow();
      ids = {
        entryId,
        diaryNoteId,
        sessionIdHash,
        userId: session.userId,
        organisationId: organisation.id,
        feedbackTextId: feedbackText.id,
        documentId: await oneRevisionDocument(database.handle.db),
        surveyTextId: randomUUID(),
      };
      await database.handle.db
        .insertInto('survey_texts')
        .values({
          id: ids.surveyTextId,
          week: '2026-W49',
          milestone: 'case-closed',
          text: 'Wacht op een controleur.',
          state: 'pending',
          reviewed_on: null,
          reviewed_by: null,
        })
        .execute();

      jars.anonymous = {};
      jars.otherParent = (await buildParent(testApp, { username: 'andere.ouder', passphrase })).cookies;
      const admin = await buildAdmin(testApp, {
        username: 'beheerder',
        email: 'beheer@example.org',
        passphrase,
        secondFactor: false,
      });
      jars.adminWithoutSecondFactor = admin.cookies;
      jars.editor = (await buildAdmin(testApp, { username: 'redacteur', passphrase, role: 'editor' })).cookies;
      jars.reviewer = (await buildAdmin(testApp, { username: 'controleur', passphrase, role: 'reviewer' })).cookies;
    });

    test('every state-changing route is either refused to someone here or listed as open, with a reason', () => {
      const registered = registeredRoutes(testApp.app)
        .filter((route) => stateChangingMethods.has(route.method))
        .map((route) => `${route.method} ${route.path}`);
      assert.ok(registered.includes('POST /logboek'), 'the route list is read from the app');
      const decided = new Set([...Object.keys(stateChanging), ...Object.keys(openToAnyone)]);
      assert.deepEqual(
        registered.filter((route) => !decided.has(route)),
        [],
        'a new state-changing route: say who it is refused to (stateChanging) or why anyone may use it (openToAnyone)',
      );
      assert.deepEqual(
        [...decided].filter((route) => !registered.includes(route)),
        [],
        'a route listed here no longer exists',
      );
    });

    for (const [route, attempt] of Object.entries(stateChanging)) {
      for (const actor of attempt.refusedTo) {
        test(`${route} as ${actor}: refused, and no table changed`, async () => {
          const params = attempt.params?.(ids) ?? {};
          const url = route.split(' ')[1]!.replace(/:(\w+)/g, (_, name: string) => params[name]!);
          const db = testApp.database.handle.db as never;
          // The token is fetched first: opening a page may itself write (a second factor's secret being set up).
          const { jar, token } = await csrfFor(jars[actor]);
          const before = await tableDump(db, dialect, ignored);
          const response = await testApp.app.inject({
            method: 'POST',
            url,
            cookies: jar,
            payload: { _csrf: token, ...(attempt.body?.(ids) ?? {}) },
          });
          const after = await tableDump(db, dialect, ignored);
          assert.deepEqual(
            changedTables(before, after),
            {},
            `${route} as ${actor} wrote (status ${response.statusCode})`,
          );
          assert.ok(
            // 409: the CMS's refusal of a step the document's state does not allow, with the reason (ADR 0033).
            [303, 400, 403, 404, 409].includes(response.statusCode),
            `${route} as ${actor} answered ${response.statusCode}`,
          );
          if (response.statusCode === 303) {
            assert.match(String(response.headers.location), /^\/(inloggen|account\/tweede-stap)/);
          }
        });
      }
    }
  });
}
