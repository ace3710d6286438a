import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { appForSuite, csrfTokenFrom, withCookiesOf } from '../../../test/helpers/app.js';
import { dialects } from '../../../test/helpers/databases.js';
import { buildAdmin, buildParent, buildProfessional, setUpTotpOverHttp } from '../../../test/helpers/factories.js';
import { recipientOf, type SmtpSink, startSmtpSink } from '../../../test/helpers/smtp-sink.js';
import { type ProfessionalRole, professionalRoles } from '../../shared/policy/actor.js';

type Jar = Record<string, string>;

const passphrase = 'werk tafel koffie dossier';
/** Words an invitation e-mail must never contain: it may be read by anyone with the inbox or the lock screen. */
const revealing =
  /niet mijn kind|uitbuit|exploit|loverboy|logboek|journal|kind\b|child|seks|sex|politie|police|zorg|hulpverlen/i;

for (const dialect of dialects) {
  describe(`professional accounts and four eyes [${dialect}]`, () => {
    let sink: SmtpSink;
    before(async () => {
      sink = await startSmtpSink();
    });
    const testApp = appForSuite(dialect, () => ({
      RATE_LIMIT_MAX: '100000',
      SMTP_URL: sink.url,
      MAIL_FROM: 'no-reply@example.org',
      PUBLIC_ORIGIN: 'https://example.org',
    }));
    // After the app has closed (after() hooks run in the order they were declared).
    after(() => sink.close());

    const db = () => testApp.database.handle.db;
    const count = async (table: 'users' | 'professional_invitations' | 'four_eyes_approvals' | 'professionals') =>
      Number(
        (
          await db()
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    /** GETs a page with the jar and returns its CSRF token (the jar gains the CSRF cookie). */
    async function formToken(url: string, jar: Jar): Promise<{ jar: Jar; token: string; body: string }> {
      const page = await testApp.app.inject({ method: 'GET', url, cookies: jar });
      assert.equal(page.statusCode, 200, `${url} answered ${page.statusCode}`);
      return { jar: withCookiesOf(jar, page.headers), token: csrfTokenFrom(page.body), body: page.body };
    }
    async function post(url: string, jar: Jar, payload: Record<string, string> = {}, withToken = true) {
      const { jar: withCsrf, token } = withToken ? await formToken('/registreren', jar) : { jar, token: '' };
      return testApp.app.inject({
        method: 'POST',
        url,
        cookies: withCsrf,
        payload: withToken ? { _csrf: token, ...payload } : payload,
      });
    }

    let adminCount = 0;
    /** An admin through the one-time set-up link, with a second factor. */
    async function admin(): Promise<{ jar: Jar; name: string; id: string }> {
      adminCount += 1;
      const built = await buildAdmin(testApp, { username: `beheerder${adminCount}`, passphrase });
      return { jar: built.cookies, name: built.username, id: built.userId };
    }

    const organisationIds = async () =>
      (await db().selectFrom('organisations').select(['id', 'slug']).orderBy('slug').execute()).map((row) => row.id);

    /** An admin invites through the form; returns the link from the e-mail that arrived. */
    async function invite(
      by: Jar,
      email: string,
      organisationId: string,
      role: string,
      policeUnit?: string,
    ): Promise<string> {
      const { jar, token } = await formToken('/beheer/uitnodigingen/nieuw', by);
      const before = sink.received.length;
      const sent = await testApp.app.inject({
        method: 'POST',
        url: '/beheer/uitnodigingen',
        cookies: jar,
        payload: { _csrf: token, email, organisatie: organisationId, rol: role, eenheid: policeUnit ?? '' },
      });
      assert.equal(sent.statusCode, 303, sent.body.slice(0, 200));
      assert.equal(sent.headers.location, '/beheer/verificatie?melding=uitgenodigd');
      // The e-mail is a job: the address is not in it, only the invitation's id.
      const queued = await db().selectFrom('jobs').select('payload').where('state', '=', 'queued').execute();
      assert.equal(queued.length, 1);
      assert.ok(!queued[0]!.payload.includes(email), 'no address in the job');
      assert.equal(sink.received.length, before, 'nothing is sent before the job runs');
      assert.equal(await testApp.services.jobs.runDue(), 1);
      assert.equal(sink.received.length, before + 1);
      const mail = sink.received.at(-1)!;
      assert.equal(recipientOf(mail), email);
      return /https:\/\/example\.org\/uitnodiging\/[A-Za-z0-9_-]{43}/.exec(mail.text ?? '')![0];
    }

    /** Opens the link like a browser (the token moves into a cookie) and returns the jar and the form. */
    async function openLink(link: string) {
      const path = new URL(link).pathname;
      const landing = await testApp.app.inject({ method: 'GET', url: path });
      return { landing, jar: withCookiesOf({}, landing.headers) };
    }

    async function signUp(link: string, username: string) {
      const { jar } = await openLink(link);
      const form = await formToken('/uitnodiging', jar);
      const created = await testApp.app.inject({
        method: 'POST',
        url: '/uitnodiging',
        cookies: form.jar,
        payload: { _csrf: form.token, gebruikersnaam: username, wachtwoord: passphrase, herhaling: passphrase },
      });
      return { created, jar: withCookiesOf(form.jar, created.headers) };
    }

    /** A professional invited, signed up and with a second factor; pending activation. */
    async function pendingProfessional(
      by: Jar,
      username: string,
      organisationId: string,
      role: ProfessionalRole = 'care',
    ) {
      const built = await buildProfessional(testApp, {
        invitedBy: { cookies: by },
        sink,
        organisationId,
        role,
        username,
        passphrase,
      });
      return { jar: built.cookies, id: built.userId };
    }

    let adminA: Awaited<ReturnType<typeof admin>>;
    let adminB: Awaited<ReturnType<typeof admin>>;
    before(async () => {
      adminA = await admin();
      adminB = await admin();
    });

    test('an invitation arrives by e-mail with neutral words and a link that works once; only its hash is stored', async () => {
      const [organisationId] = await organisationIds();
      const link = await invite(adminA.jar, 'nieuw@example.org', organisationId!, 'police', 'Amsterdam');
      const mail = sink.received.at(-1)!;
      assert.equal(mail.subject, 'Je uitnodiging voor een account');
      assert.doesNotMatch(`${mail.subject ?? ''}\n${(mail.text ?? '').replace(link, '')}`, revealing);
      const token = link.split('/').at(-1)!;
      const stored = JSON.stringify(await db().selectFrom('professional_invitations').selectAll().execute());
      assert.doesNotMatch(stored, new RegExp(token), 'the token itself is not in the database');
      const audit = JSON.stringify(await db().selectFrom('audit_log').selectAll().execute());
      assert.doesNotMatch(audit, new RegExp(`${token}|nieuw@example`));

      const { landing, jar } = await openLink(link);
      assert.equal(landing.statusCode, 303);
      assert.equal(landing.headers.location, '/uitnodiging', 'the token leaves the address bar');
      assert.match(String(landing.headers['set-cookie']), /uitnodiging=.*HttpOnly/);
      const form = await testApp.app.inject({ method: 'GET', url: '/uitnodiging', cookies: jar });
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /nieuw@example\.org/);
      assert.match(form.body, /als Politie, eenheid Amsterdam/);
      assert.doesNotMatch(form.body, new RegExp(token), 'nor is it in the page');
    });

    test('a new professional holds no rights before a second factor, then waits for activation', async () => {
      const [organisationId] = await organisationIds();
      const users = await count('users');
      const link = await invite(adminA.jar, 'wacht@example.org', organisationId!, 'care');
      const { created, jar } = await signUp(link, 'hulp.wacht');
      assert.equal(created.statusCode, 200);
      assert.match(created.body, /data-recovery-code/);
      assert.equal(await count('users'), users + 1);
      const session = (await testApp.services.accounts.currentSession(jar.sessie))!;
      assert.deepEqual(session.actor, { kind: 'user', userId: session.userId, roles: [], mustSetUpSecondFactor: true });
      const email = await db().selectFrom('users').select('email').where('id', '=', session.userId).executeTakeFirst();
      assert.equal(email?.email, 'wacht@example.org', 'the address from the invitation');

      const account = await testApp.app.inject({ method: 'GET', url: '/account', cookies: jar });
      assert.equal(account.statusCode, 303);
      assert.equal(account.headers.location, '/account/tweede-stap');
      for (const url of [
        '/beheer',
        '/beheer/verificatie',
        '/beheer/uitnodigingen/nieuw',
        '/organisatie/aanmeldingen',
      ]) {
        assert.equal((await testApp.app.inject({ method: 'GET', url, cookies: jar })).statusCode, 404, url);
      }
      for (const [url, payload] of [
        ['/account/email', { email: '' }],
        [
          '/account/wachtwoord',
          { huidig: passphrase, wachtwoord: 'een hele nieuwe zin hier', herhaling: 'een hele nieuwe zin hier' },
        ],
        ['/account/gegevens', { wachtwoord: passphrase }],
        ['/account/verwijderen', { wachtwoord: passphrase }],
        ['/account/sessies/anderen-beeindigen', {}],
        [`/organisatie/aanmeldingen/${session.userId}/goedkeuren`, {}],
      ] as const) {
        assert.equal((await post(url, jar, payload)).statusCode, 404, url);
      }
      assert.equal(await count('users'), users + 1, 'not deleted');

      await setUpTotpOverHttp(testApp, jar);
      const waiting = await testApp.app.inject({ method: 'GET', url: '/account', cookies: jar });
      assert.equal(waiting.statusCode, 200);
      assert.match(waiting.body, /Je account wacht op goedkeuring/);
      assert.equal((await testApp.app.inject({ method: 'GET', url: '/beheer', cookies: jar })).statusCode, 404);
      assert.equal(
        (await post('/account/email', jar, { email: '' })).statusCode,
        400,
        'a professional keeps an e-mail address',
      );
    });

    test('activation needs two different approvers: not oneself, not the same admin twice', async () => {
      const [organisationId] = await organisationIds();
      const pro = await pendingProfessional(adminA.jar, 'hulp.twee', organisationId!);
      const approve = (jar: Jar, id = pro.id) => post(`/beheer/professionals/${id}/goedkeuren`, jar);

      assert.equal((await approve(pro.jar)).statusCode, 404, 'not by the professional');
      assert.equal((await post(`/organisatie/aanmeldingen/${pro.id}/goedkeuren`, pro.jar)).statusCode, 404);
      const first = await approve(adminA.jar);
      assert.equal(first.statusCode, 303);
      assert.equal(first.headers.location, '/beheer/verificatie?melding=goedgekeurd');
      const twice = await approve(adminA.jar);
      assert.equal(twice.statusCode, 409);
      assert.match(twice.body, /Je hebt dit al goedgekeurd/);
      assert.equal((await count('four_eyes_approvals')) > 0, true);
      const pending = await testApp.app.inject({ method: 'GET', url: '/account', cookies: pro.jar });
      assert.match(pending.body, /Je account wacht op goedkeuring/);
      assert.match(pending.body, new RegExp(`Goedgekeurd door ${adminA.name} \\(beheerder\\)`));

      const second = await approve(adminB.jar);
      assert.equal(second.headers.location, '/beheer/verificatie?melding=geactiveerd');
      const active = await testApp.app.inject({ method: 'GET', url: '/account', cookies: pro.jar });
      const today = new Intl.DateTimeFormat('nl-NL', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'Europe/Amsterdam',
      }).format(new Date());
      assert.match(
        active.body,
        new RegExp(`Je account is goedgekeurd door ${adminA.name} en ${adminB.name} op ${today}\\.`),
      );
      const session = (await testApp.services.accounts.currentSession(pro.jar.sessie))!;
      assert.deepEqual(session.actor.kind === 'user' && session.actor.roles, ['professional']);
      const late = await approve(adminA.jar);
      assert.equal(late.statusCode, 409);
      assert.match(late.body, /al goedgekeurd door twee mensen/);

      const events = await db()
        .selectFrom('audit_log')
        .select(['actor', 'action'])
        .where('object_id', '=', pro.id)
        .execute();
      assert.deepEqual(
        events.filter((event) => event.action.startsWith('professional.')),
        [
          { actor: adminA.id, action: 'professional.approved' },
          { actor: adminB.id, action: 'professional.approved' },
          { actor: adminB.id, action: 'professional.activated' },
        ],
      );
      assert.equal((await testApp.services.audit.verify()).ok, true);
    });

    test('two admins approving at the same moment activate the account exactly once', async () => {
      const [organisationId] = await organisationIds();
      const pro = await pendingProfessional(adminA.jar, 'hulp.tegelijk', organisationId!);
      const tokens = await Promise.all([formToken('/informatie', adminA.jar), formToken('/informatie', adminB.jar)]);
      const responses = await Promise.all(
        tokens.map(({ jar, token }) =>
          testApp.app.inject({
            method: 'POST',
            url: `/beheer/professionals/${pro.id}/goedkeuren`,
            cookies: jar,
            payload: { _csrf: token },
          }),
        ),
      );
      assert.deepEqual(responses.map((response) => response.headers.location).sort(), [
        '/beheer/verificatie?melding=geactiveerd',
        '/beheer/verificatie?melding=goedgekeurd',
      ]);
      const approvals = await db()
        .selectFrom('four_eyes_approvals')
        .selectAll()
        .where('subject_id', '=', pro.id)
        .execute();
      assert.equal(approvals.length, 2);
    });

    test('a coordinator approves new colleagues of their own organisation only, and with an admin', async () => {
      const [ownOrganisation, otherOrganisation] = await organisationIds();
      const coordinator = await pendingProfessional(adminA.jar, 'coordinator.eigen', ownOrganisation!, 'coordinator');
      assert.equal(
        (await testApp.app.inject({ method: 'GET', url: '/organisatie/aanmeldingen', cookies: coordinator.jar }))
          .statusCode,
        404,
        'not before activation',
      );
      await post(`/beheer/professionals/${coordinator.id}/goedkeuren`, adminA.jar);
      await post(`/beheer/professionals/${coordinator.id}/goedkeuren`, adminB.jar);

      const colleague = await pendingProfessional(adminA.jar, 'collega.eigen', ownOrganisation!);
      const stranger = await pendingProfessional(adminA.jar, 'collega.ander', otherOrganisation!);
      const page = await testApp.app.inject({
        method: 'GET',
        url: '/organisatie/aanmeldingen',
        cookies: coordinator.jar,
      });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /data-pending-account="collega.eigen"/);
      assert.doesNotMatch(page.body, /collega\.ander/);
      const account = await testApp.app.inject({ method: 'GET', url: '/account', cookies: coordinator.jar });
      assert.match(account.body, /href="\/organisatie\/aanmeldingen"/);

      assert.equal(
        (await post(`/organisatie/aanmeldingen/${stranger.id}/goedkeuren`, coordinator.jar)).statusCode,
        404,
      );
      assert.equal(
        (await post(`/beheer/professionals/${colleague.id}/goedkeuren`, coordinator.jar)).statusCode,
        404,
        'no /beheer',
      );
      assert.equal((await post(`/organisatie/aanmeldingen/${colleague.id}/goedkeuren`, stranger.jar)).statusCode, 404);
      const byCoordinator = await post(`/organisatie/aanmeldingen/${colleague.id}/goedkeuren`, coordinator.jar);
      assert.equal(byCoordinator.headers.location, '/organisatie/aanmeldingen?melding=goedgekeurd');
      const byAdmin = await post(`/beheer/professionals/${colleague.id}/goedkeuren`, adminB.jar);
      assert.equal(byAdmin.headers.location, '/beheer/verificatie?melding=geactiveerd');
      const shown = await testApp.app.inject({ method: 'GET', url: '/account', cookies: colleague.jar });
      assert.match(shown.body, new RegExp(`goedgekeurd door coordinator\\.eigen en ${adminB.name} op`));
    });

    test('expired, withdrawn, used and unknown invitations: a clear 4xx and nothing created', async () => {
      const [organisationId] = await organisationIds();
      const users = await count('users');
      // Expired after the link was opened: the form is refused too.
      const expiring = await invite(adminA.jar, 'verloopt@example.org', organisationId!, 'care');
      const { jar: expiringJar } = await openLink(expiring);
      const form = await formToken('/uitnodiging', expiringJar);
      await db()
        .updateTable('professional_invitations')
        .set({ expires_at: '2020-01-01T00:00:00.000Z' })
        .where('email', '=', 'verloopt@example.org')
        .execute();
      const late = await testApp.app.inject({
        method: 'POST',
        url: '/uitnodiging',
        cookies: form.jar,
        payload: { _csrf: form.token, gebruikersnaam: 'te.laat', wachtwoord: passphrase, herhaling: passphrase },
      });
      assert.equal(late.statusCode, 410);
      assert.match(late.body, /Deze uitnodiging is verlopen/);
      assert.equal((await openLink(expiring)).landing.statusCode, 410);

      const withdrawn = await invite(adminA.jar, 'ingetrokken@example.org', organisationId!, 'care');
      const row = await db()
        .selectFrom('professional_invitations')
        .select('id')
        .where('email', '=', 'ingetrokken@example.org')
        .executeTakeFirstOrThrow();
      const overview = await testApp.app.inject({ method: 'GET', url: '/beheer/verificatie', cookies: adminA.jar });
      assert.match(overview.body, /data-invitation="ingetrokken@example.org"/);
      const revoked = await post(`/beheer/uitnodigingen/${row.id}/intrekken`, adminB.jar);
      assert.equal(revoked.headers.location, '/beheer/verificatie?melding=ingetrokken');
      const again = await post(`/beheer/uitnodigingen/${row.id}/intrekken`, adminA.jar);
      assert.equal(again.statusCode, 409);
      assert.match(again.body, /al gebruikt of ingetrokken/);
      const refused = await openLink(withdrawn);
      assert.equal(refused.landing.statusCode, 410);
      assert.match(refused.landing.body, /Deze uitnodiging is ingetrokken/);

      const used = await invite(adminA.jar, 'eenmaal@example.org', organisationId!, 'care');
      assert.equal((await signUp(used, 'eerste.keer')).created.statusCode, 200);
      const users2 = await count('users');
      const reused = await signUp(used, 'tweede.keer').catch(() => undefined);
      assert.equal(reused, undefined, 'the form is not even shown again');
      const reusedLink = await openLink(used);
      assert.equal(reusedLink.landing.statusCode, 410);
      assert.match(reusedLink.landing.body, /Deze uitnodiging is al gebruikt/);
      assert.equal(await count('users'), users2);
      assert.equal(users2, users + 1, 'only the one sign-up');

      for (const path of [`/uitnodiging/${'A'.repeat(43)}`, '/uitnodiging/kort', `/uitnodiging/${'%27'.repeat(20)}`]) {
        const unknown = await testApp.app.inject({ method: 'GET', url: path });
        assert.equal(unknown.statusCode, 404, path);
        assert.match(unknown.body, /We kennen deze link niet/);
      }
      assert.equal((await testApp.app.inject({ method: 'GET', url: '/uitnodiging' })).statusCode, 404, 'no cookie');
    });

    test('an organisation is verified by two different admins, each once', async () => {
      const unverified = await db()
        .selectFrom('organisations')
        .select(['id', 'slug'])
        .where('verified', '=', 0)
        .execute();
      assert.ok(unverified.length > 0, 'the seed has organisations still to check');
      const { id, slug } = unverified[0]!;
      const page = await testApp.app.inject({ method: 'GET', url: '/beheer/verificatie', cookies: adminA.jar });
      assert.match(page.body, new RegExp(`data-unverified-organisation="${slug}"`));
      const url = `/beheer/organisaties/${id}/goedkeuren`;
      assert.equal((await post(url, adminA.jar)).headers.location, '/beheer/verificatie?melding=goedgekeurd');
      const twice = await post(url, adminA.jar);
      assert.equal(twice.statusCode, 409);
      const stillHidden = await db()
        .selectFrom('organisations')
        .select('verified')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(Number(stillHidden.verified), 0);
      assert.equal((await post(url, adminB.jar)).headers.location, '/beheer/verificatie?melding=geverifieerd');
      const verified = await db()
        .selectFrom('organisations')
        .select(['verified', 'data'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(Number(verified.verified), 1);
      assert.equal((JSON.parse(verified.data) as { verified: boolean }).verified, true);
      // A restart imports content/organisations.json again: the organisation stays verified.
      await testApp.services.help.importOrganisations((await import('../../shared/paths.js')).organisationsFile);
      const afterImport = await db()
        .selectFrom('organisations')
        .select('verified')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(Number(afterImport.verified), 1);
      assert.equal((await post(url, adminB.jar)).statusCode, 409);
    });

    test('everyone but an admin gets a 404 on /beheer; posts without the form token change nothing', async () => {
      const { cookies: parentCookies } = await buildParent(testApp, { username: 'ouder.beheer', passphrase });
      const [organisationId] = await organisationIds();
      for (const jar of [{}, parentCookies]) {
        for (const url of ['/beheer', '/beheer/verificatie', '/beheer/uitnodigingen/nieuw']) {
          assert.equal((await testApp.app.inject({ method: 'GET', url, cookies: jar })).statusCode, 404, url);
        }
        const invitations = await count('professional_invitations');
        const response = await post('/beheer/uitnodigingen', jar, {
          email: 'x@example.org',
          organisatie: organisationId!,
          rol: 'care',
        });
        assert.equal(response.statusCode, 404);
        assert.equal(await count('professional_invitations'), invitations);
      }

      const invitations = await count('professional_invitations');
      const noToken = await post(
        '/beheer/uitnodigingen',
        adminA.jar,
        { email: 'x@example.org', organisatie: organisationId!, rol: 'care' },
        false,
      );
      assert.equal(noToken.statusCode, 403);
      assert.match(noToken.body, /Het formulier is verlopen/);
      assert.equal(await count('professional_invitations'), invitations);

      const pro = await pendingProfessional(adminA.jar, 'hulp.csrf', organisationId!);
      const approvals = await count('four_eyes_approvals');
      assert.equal((await post(`/beheer/professionals/${pro.id}/goedkeuren`, adminA.jar, {}, false)).statusCode, 403);
      const unverified = await db()
        .selectFrom('organisations')
        .select('id')
        .where('verified', '=', 0)
        .executeTakeFirst();
      if (unverified !== undefined) {
        assert.equal(
          (await post(`/beheer/organisaties/${unverified.id}/goedkeuren`, adminA.jar, {}, false)).statusCode,
          403,
        );
      }
      assert.equal(await count('four_eyes_approvals'), approvals);

      const link = await invite(adminA.jar, 'zonder.token@example.org', organisationId!, 'care');
      const { jar } = await openLink(link);
      const users = await count('users');
      const signUpWithout = await testApp.app.inject({
        method: 'POST',
        url: '/uitnodiging',
        cookies: jar,
        payload: { gebruikersnaam: 'zonder.token', wachtwoord: passphrase, herhaling: passphrase },
      });
      assert.equal(signUpWithout.statusCode, 403);
      assert.equal(await count('users'), users);
    });

    test('every professional role can be invited; police carry their unit from invitation to account, the others none', async () => {
      const [organisationId] = await organisationIds();
      const page = await testApp.app.inject({ method: 'GET', url: '/beheer/uitnodigingen/nieuw', cookies: adminA.jar });
      for (const role of professionalRoles) assert.match(page.body, new RegExp(`name="rol" value="${role}"`), role);
      assert.match(page.body, /Veilig Thuis[\s\S]*Jeugdbeschermer[\s\S]*Raad voor de Kinderbescherming[\s\S]*Huisarts/);
      for (const unit of ['Amsterdam', 'Limburg', 'Noord-Nederland'])
        assert.match(page.body, new RegExp(`value="${unit}"`));

      for (const role of ['veilig-thuis', 'jeugdbescherming', 'raad', 'school', 'gp'] as const) {
        const pro = await pendingProfessional(adminA.jar, `rol.${role}`, organisationId!, role);
        const stored = await db()
          .selectFrom('professionals')
          .select(['professional_role', 'police_unit'])
          .where('user_id', '=', pro.id)
          .executeTakeFirstOrThrow();
        assert.deepEqual(stored, { professional_role: role, police_unit: null });
      }
      // A unit sent with another role is not kept.
      const link = await invite(adminA.jar, 'school.eenheid@example.org', organisationId!, 'school', 'Limburg');
      assert.ok(link);
      const invitation = await db()
        .selectFrom('professional_invitations')
        .select('police_unit')
        .where('email', '=', 'school.eenheid@example.org')
        .executeTakeFirstOrThrow();
      assert.equal(invitation.police_unit, null);

      const police = await buildProfessional(testApp, {
        invitedBy: { cookies: adminA.jar },
        sink,
        organisationId: organisationId!,
        role: 'police',
        policeUnit: 'Limburg',
        username: 'politie.limburg',
        passphrase,
        activatedBy: [{ cookies: adminA.jar }, { cookies: adminB.jar }],
      });
      const account = await testApp.app.inject({ method: 'GET', url: '/account', cookies: police.cookies });
      assert.equal(account.statusCode, 200);
      assert.match(account.body, /Politie, eenheid Limburg/);
      const english = await testApp.app.inject({
        method: 'GET',
        url: '/account',
        cookies: { ...police.cookies, taal: 'en' },
      });
      assert.match(english.body, /Police, unit Limburg/);
      const stored = await db()
        .selectFrom('professionals')
        .select(['professional_role', 'police_unit'])
        .where('user_id', '=', police.userId)
        .executeTakeFirstOrThrow();
      assert.deepEqual(stored, { professional_role: 'police', police_unit: 'Limburg' });
      // The factory's default for police: the first unit the form offers (units are sorted by name).
      const byDefault = await buildProfessional(testApp, {
        invitedBy: { cookies: adminA.jar },
        sink,
        organisationId: organisationId!,
        role: 'police',
        username: 'politie.standaard',
        passphrase,
      });
      const defaultUnit = await db()
        .selectFrom('professionals')
        .select('police_unit')
        .where('user_id', '=', byDefault.userId)
        .executeTakeFirstOrThrow();
      assert.equal(defaultUnit.police_unit, 'Amsterdam');
    });

    test('malformed input gets a 4xx with a message that helps, never a 500', async () => {
      const [organisationId] = await organisationIds();
      const { jar, token } = await formToken('/beheer/uitnodigingen/nieuw', adminA.jar);
      const send = (payload: string) =>
        testApp.app.inject({
          method: 'POST',
          url: '/beheer/uitnodigingen',
          cookies: jar,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: `_csrf=${encodeURIComponent(token)}&${payload}`,
        });
      const invitations = await count('professional_invitations');
      const cases: [string, RegExp][] = [
        [`email=&organisatie=${organisationId}&rol=care`, /Vul een e-mailadres in/],
        [`email=geen-adres&organisatie=${organisationId}&rol=care`, /Dit is geen geldig e-mailadres/],
        [`email=${'a'.repeat(300)}%40example.org&organisatie=${organisationId}&rol=care`, /geen geldig e-mailadres/],
        ['email=a%40example.org&organisatie=bestaat-niet&rol=care', /Kies de organisatie uit de lijst/],
        ['email=a%40example.org&organisatie=00000000-0000-4000-8000-000000000000&rol=care', /Kies de organisatie/],
        [`email=a%40example.org&organisatie=${organisationId}&rol=admin`, /Kies een rol/],
        [
          `email=a%40example.org&email=b%40example.org&organisatie=${organisationId}&rol=care`,
          /Vul een e-mailadres in/,
        ],
        ['', /Vul een e-mailadres in/],
        // Hostile: control characters, a field sent twice, names of Object.prototype.
        [`email=a%00b%40example.org&organisatie=${organisationId}&rol=care`, /geen geldig e-mailadres/],
        [
          `email=a%40example.org&organisatie=${organisationId}&organisatie=${organisationId}&rol=care`,
          /Kies de organisatie/,
        ],
        [
          `__proto__=x&constructor=y&toString=z&email=a%40example.org&organisatie=${organisationId}&rol=care&rol=police`,
          /Kies een rol/,
        ],
        [`email=a%40example.org&organisatie=${organisationId}&rol=hasOwnProperty`, /Kies een rol/],
        // Police need a unit from the list; the unit field sent twice is a list.
        [`email=a%40example.org&organisatie=${organisationId}&rol=police`, /Kies de politie-eenheid/],
        [`email=a%40example.org&organisatie=${organisationId}&rol=police&eenheid=`, /Kies de politie-eenheid/],
        [`email=a%40example.org&organisatie=${organisationId}&rol=police&eenheid=Atlantis`, /Kies de politie-eenheid/],
        [
          `email=a%40example.org&organisatie=${organisationId}&rol=police&eenheid=Amsterdam&eenheid=Limburg`,
          /Kies de politie-eenheid/,
        ],
        [`email=a%40example.org&organisatie=${organisationId}&rol=care&eenheid=Atlantis`, /Kies de politie-eenheid/],
      ];
      for (const [payload, message] of cases) {
        const response = await send(payload);
        assert.equal(response.statusCode, 400, payload.slice(0, 60));
        assert.match(response.body, message, payload.slice(0, 60));
        assert.match(response.body, /class="app-error-summary"/);
      }
      const typed = await send(`email=geen-adres&organisatie=${organisationId}&rol=police&eenheid=Limburg`);
      assert.match(typed.body, /value="geen-adres"/, 'what was typed is shown again');
      assert.match(typed.body, /value="police"[^>]*checked/);
      assert.match(typed.body, /value="Limburg"[^>]*selected/);
      assert.equal(await count('professional_invitations'), invitations);
      for (const id of ['abc', "1'%20OR%20'1'%3D'1", '00000000-0000-4000-8000-000000000000']) {
        assert.equal((await post(`/beheer/professionals/${id}/goedkeuren`, adminA.jar)).statusCode, 404, id);
        assert.equal((await post(`/beheer/organisaties/${id}/goedkeuren`, adminA.jar)).statusCode, 404, id);
        assert.equal((await post(`/beheer/uitnodigingen/${id}/intrekken`, adminA.jar)).statusCode, 404, id);
      }
      const link = await invite(adminA.jar, 'slordig@example.org', organisationId!, 'care');
      const opened = await openLink(link);
      const form = await formToken('/uitnodiging', opened.jar);
      const bad = await testApp.app.inject({
        method: 'POST',
        url: '/uitnodiging',
        cookies: form.jar,
        payload: { _csrf: form.token, gebruikersnaam: 'met spatie', wachtwoord: 'kort', herhaling: 'anders' },
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /Geen spaties/);
      assert.match(bad.body, /minstens 12 tekens/);
      assert.match(bad.body, /value="met spatie"/, 'the username is shown again');
      assert.doesNotMatch(bad.body, /value="(kort|anders)"/, 'the passphrases are not');
      const stillOpen = await testApp.app.inject({ method: 'GET', url: '/uitnodiging', cookies: form.jar });
      assert.equal(stillOpen.statusCode, 200, 'a bad form does not use up the invitation');
    });
  });
}
