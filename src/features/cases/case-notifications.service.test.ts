import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { ParsedMail } from 'mailparser';
import {
  caseActorOf,
  caseProfessional,
  type CaseWorld,
  confirmMember,
  inviteInto,
  joinWith,
  prepareCaseWorld,
} from '../../../test/helpers/case-factories.js';
import { caseAppForSuite, memberRow } from '../../../test/helpers/case-setup.js';
import { dialects } from '../../../test/helpers/databases.js';
import { type BuiltAccount, buildParent } from '../../../test/helpers/factories.js';
import { recipientOf } from '../../../test/helpers/smtp-sink.js';
import type { CaseActor } from './cases.service.js';
import { recordCaseEvent } from './case-items.repo.js';

/*
 * Notifications of a case through the app's own services, the job queue and a real SMTP conversation with the local
 * sink, on both databases: for every kind that tells members something, who gets a mail (and who does not), and
 * that no mail carries a word that gives away what the site is about, whose case it is, or a link. The timeline
 * events are made the way the features make them (cases, items); case.closed and case.deletion-soon the way the
 * closing feature writes them, through recordCaseEvent.
 */

const marker = 'Zonnebloem';
const label = `Mila ${marker}`;

/** Words that must never reach a notice: the subject, the people, the places, the label, a link. */
const revealingWords = [
  label,
  marker,
  'Mila',
  'uitbuit',
  'exploit',
  'loverboy',
  'politie',
  'police',
  'veilig thuis',
  'zaak',
  'samenwerk',
  'lijn',
  'hulpverlen',
  'regisseur',
  'coordinator',
  'jeugd',
  'raad',
  'ouder',
  'parent',
  'child',
  'seks',
  'sex',
  'afspraak',
  'bericht van',
  'overleg',
  'http',
  'www',
  'token',
  'code',
];
const revealingPattern = new RegExp(
  `${revealingWords.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}|\\bkind\\b|\\bcase\\b`,
  'i',
);

/** Everything a mail client shows or keeps of a message: subject, text, HTML, every header. */
function wholeMail(mail: ParsedMail): string {
  // The recipient's own address (to) is theirs to choose; the technical headers carry no words.
  const skipped = ['to', 'message-id', 'date', 'content-type', 'content-transfer-encoding', 'mime-version'];
  const headers = [...mail.headers.entries()]
    .filter(([name]) => !skipped.includes(name))
    .map(([name, value]) => {
      const text =
        typeof value === 'string'
          ? value
          : typeof value === 'object' && value !== null && 'text' in value && typeof value.text === 'string'
            ? value.text
            : JSON.stringify(value);
      return `${name}: ${text}`;
    });
  return [mail.subject ?? '', mail.text ?? '', typeof mail.html === 'string' ? mail.html : '', ...headers].join('\n');
}

for (const dialect of dialects) {
  describe(`case notifications through the mail sink [${dialect}]`, () => {
    const { target, sink } = caseAppForSuite(dialect);
    let world: CaseWorld;
    let caseId: string;
    let organisationName: string;
    let policeUnit: string;
    const people: Record<string, { account: BuiltAccount; who: CaseActor; memberId: string; email: string }> = {};
    /** Every mail received in this suite, checked for revealing words at the end. */
    const seen: ParsedMail[] = [];

    const db = () => target.database.handle.db;

    /** Runs every due job (the notification job, then its mail jobs); answers the mails they sent. */
    async function drain(): Promise<ParsedMail[]> {
      const before = sink().received.length;
      while ((await target.services.jobs.runDue()) > 0) {
        // The mail jobs a notification job queued run in the next round.
      }
      const mails = sink().received.slice(before);
      seen.push(...mails);
      return mails;
    }

    const to = (mails: ParsedMail[]): string[] => mails.map((mail) => recipientOf(mail) ?? '?').sort();
    const emails = (...names: string[]): string[] => names.map((name) => people[name]!.email).sort();

    async function withEmail(account: BuiltAccount, email: string, language: 'nl' | 'en' = 'nl'): Promise<void> {
      const session = await target.services.accounts.currentSession(account.session);
      assert.ok(session, 'signed in');
      assert.equal(await target.services.accounts.setNoticeEmail(session, email, language), true);
    }

    /** `account` joins as `role`, invited by `inviter`; with an e-mail address it is one of `people` as `name`. */
    async function join(
      name: string,
      inviter: string,
      role: Parameters<typeof inviteInto>[3],
      account: BuiltAccount,
      email?: string,
    ) {
      const who = await caseActorOf(target, account);
      const { code, memberId } = await inviteInto(target, people[inviter]!.who, caseId, role);
      await joinWith(target, who, code);
      if (email !== undefined) people[name] = { account, who, memberId, email };
      return { who, memberId };
    }

    const opened = (name: string) => target.services.cases.openCase(people[name]!.who, caseId);

    before(async () => {
      world = await prepareCaseWorld(target, sink());
      const organisation = await db()
        .selectFrom('organisations')
        .select(['data', 'slug'])
        .where('id', '=', world.organisationId)
        .executeTakeFirstOrThrow();
      const name = (JSON.parse(organisation.data) as { name?: unknown }).name;
      organisationName = typeof name === 'string' ? name : organisation.slug;
      policeUnit = world.policeUnit;
      const prefix = `melding.${dialect}`;
      const parent = await buildParent(target, { username: `${prefix}.ouder` });
      await withEmail(parent, `${prefix}.ouder@example.org`);
      const parentWho = await caseActorOf(target, parent);
      const started = await target.services.cases.start(parentWho, {
        naam: label,
        grondslag: 'parent',
        kindWeet: 'unknown',
      });
      assert.ok(started.ok);
      caseId = started.caseId;
      const starter = await db()
        .selectFrom('case_members')
        .select('id')
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow();
      people.parent = { account: parent, who: parentWho, memberId: starter.id, email: `${prefix}.ouder@example.org` };
      // The starting parent wants every notice at once (a parent's default is the daily digest).
      assert.equal(
        await target.services.caseNotifications.choose(parentWho.actor, parentWho.userId, caseId, 'meteen'),
        true,
      );
      await drain();
    });

    test('someone who used a code: the inviter and the coordinator hear that someone waits', async () => {
      const prefix = `melding.${dialect}`;
      const care = await caseProfessional(world, 'care', `${prefix}.care`);
      const coordinator = await caseProfessional(world, 'coordinator', `${prefix}.regie`);
      const police = await caseProfessional(world, 'police', `${prefix}.politie`);
      // The officer gave the address on an English page: their notices are in English.
      await withEmail(police, `${prefix}.politie@example.org`, 'en');
      await drain(); // invitation mails of the accounts
      const careJoined = await join('care', 'parent', 'care', care, `${prefix}.care@example.org`);
      assert.deepEqual(to(await drain()), emails('parent'), 'the parent who invited the care worker');
      await confirmMember(target, people.parent!.who, caseId, careJoined.memberId);
      const coordinatorJoined = await join(
        'coordinator',
        'care',
        'coordinator',
        coordinator,
        `${prefix}.regie@example.org`,
      );
      assert.deepEqual(to(await drain()), emails('care'), 'the care worker who invited');
      await confirmMember(target, careJoined.who, caseId, coordinatorJoined.memberId);
      const policeJoined = await join('police', 'care', 'police', police, `${prefix}.politie@example.org`);
      assert.deepEqual(to(await drain()), emails('care', 'coordinator'), 'the inviter and the coordinator');
      await confirmMember(target, careJoined.who, caseId, policeJoined.memberId);
      // A second parent, left at the default (the daily digest).
      const second = await buildParent(target, { username: `${prefix}.ouder2` });
      await withEmail(second, `${prefix}.ouder2@example.org`);
      const secondJoined = await join('second', 'care', 'parent', second, `${prefix}.ouder2@example.org`);
      assert.deepEqual(to(await drain()), emails('care', 'coordinator'));
      await confirmMember(target, careJoined.who, caseId, secondJoined.memberId);
      await drain();
    });

    test('a message: every reader of its channel but its writer; the digest parent waits; the professionals’ channel never reaches a parent', async () => {
      const asCare = await opened('care');
      assert.deepEqual(
        await target.services.caseItems.postMessage(people.care!.who.actor, asCare, 'members', {
          bericht: `${marker} bericht`,
        }),
        { ok: true },
      );
      assert.deepEqual(to(await drain()), emails('parent', 'coordinator', 'police'));
      const waiting = await db().selectFrom('case_notification_pending').select('member_id').execute();
      assert.ok(
        waiting.some((row) => row.member_id === people.second!.memberId),
        'the second parent waits for the digest',
      );
      assert.deepEqual(
        await target.services.caseItems.postMessage(people.care!.who.actor, asCare, 'professionals', {
          bericht: `${marker} alleen professionals`,
        }),
        { ok: true },
      );
      assert.deepEqual(to(await drain()), emails('coordinator', 'police'));
    });

    test('an agreement tells its assignee (a member, or every member of a role), also when it changes', async () => {
      const asCare = await opened('care');
      const made = await target.services.caseItems.createAgreement(people.care!.who.actor, asCare, {
        wat: `${marker} afspraak`,
        wie: `lid:${people.coordinator!.memberId}`,
        datum: '',
        voor: 'iedereen',
      });
      assert.ok(made.ok);
      assert.deepEqual(to(await drain()), emails('coordinator'));
      const forParents = await target.services.caseItems.createAgreement(people.care!.who.actor, asCare, {
        wat: `${marker} afspraak ouders`,
        wie: 'rol:parent',
        datum: '',
        voor: 'iedereen',
      });
      assert.ok(forParents.ok);
      assert.deepEqual(to(await drain()), emails('parent'), 'the parent at once; the second parent in the digest');
      const changed = await target.services.caseItems.updateAgreement(people.care!.who.actor, asCare, made.id, {
        wat: `${marker} afspraak`,
        wie: 'rol:police',
        datum: '',
        status: 'open',
        versie: '1',
      });
      assert.deepEqual(changed, { ok: true });
      assert.deepEqual(to(await drain()), emails('police'));
      const unassigned = await target.services.caseItems.createAgreement(people.care!.who.actor, asCare, {
        wat: `${marker} afspraak zonder wie`,
        wie: '',
        datum: '',
        voor: 'iedereen',
      });
      assert.ok(unassigned.ok);
      assert.deepEqual(to(await drain()), [], 'nobody is waited for');
    });

    test('a meeting recorded and a step moved: every reader but the one who did it', async () => {
      const asCare = await opened('care');
      const today = new Date().toISOString().slice(0, 10);
      const meeting = await target.services.caseItems.recordMeeting(people.care!.who.actor, asCare, {
        datum: today,
        samenvatting: `${marker} overleg`,
        besluiten: '',
        voor: 'iedereen',
        'ouder-uitgenodigd': 'ja',
      });
      assert.ok(meeting.ok, JSON.stringify(meeting));
      assert.deepEqual(to(await drain()), emails('parent', 'coordinator', 'police'));
      const track = target.services.pathway.current.tracks[0]!;
      const asParent = await opened('parent');
      const moved = await target.services.caseItems.moveStep(people.parent!.who.actor, asParent, {
        traject: track.id,
        stap: track.steps[0]!.id,
        notitie: '',
        voor: 'iedereen',
      });
      assert.deepEqual(moved, { ok: true });
      assert.deepEqual(to(await drain()), emails('care', 'coordinator', 'police'));
    });

    test('a young person: their wait tells the professional who invited them; their channel tells only the two of them', async () => {
      const now = new Date();
      const invited = await target.services.caseYoung.invite(people.care!.who, caseId, {
        maand: String(now.getUTCMonth() + 1),
        jaar: String(now.getUTCFullYear() - 14),
      });
      assert.ok(invited.ok, JSON.stringify(invited));
      const passphrase = 'paars konijn springt hoog over water';
      const registered = await target.services.caseYoung.register(
        {
          code: invited.code,
          gebruikersnaam: `melding.${dialect}.jong`,
          wachtwoord: passphrase,
          herhaling: passphrase,
        },
        undefined,
        undefined,
      );
      assert.ok(registered.ok, JSON.stringify(registered));
      assert.ok('cookie' in registered);
      const session = await target.services.accounts.currentSession(registered.cookie);
      assert.ok(session);
      assert.equal(await target.services.accounts.setNoticeEmail(session, `melding.${dialect}.jong@example.org`), true);
      const youngWho = { actor: session.actor, userId: session.userId, keys: session.keys };
      assert.deepEqual(to(await drain()), emails('care'), 'only the care worker who invited (not the coordinator)');

      const [home] = await target.services.caseYoung.home(youngWho);
      assert.ok(home !== undefined);
      const waiting = await target.services.caseYoung.channel(people.care!.who, caseId, home.memberId);
      assert.ok(waiting.kind === 'waiting' && waiting.safety !== undefined);
      assert.deepEqual(
        await target.services.caseYoung.confirm(people.care!.who, caseId, home.memberId, {
          sleutel: waiting.safety.keyId,
        }),
        { ok: true },
      );
      await drain();
      people.young = {
        account: { ...people.care!.account, username: `melding.${dialect}.jong` },
        who: youngWho,
        memberId: home.memberId,
        email: `melding.${dialect}.jong@example.org`,
      };
      const posted = await target.services.caseYoung.post(youngWho, caseId, home.memberId, {
        bericht: `${marker} jong`,
      });
      assert.ok(posted.ok, JSON.stringify(posted));
      assert.deepEqual(to(await drain()), emails('care'), 'the young person’s message: their professional only');
      const answered = await target.services.caseYoung.post(people.care!.who, caseId, home.memberId, {
        bericht: `${marker} antwoord`,
      });
      assert.ok(answered.ok, JSON.stringify(answered));
      // A young person's default is the daily digest: nothing now, a row waiting.
      assert.deepEqual(to(await drain()), []);
      const pending = await db()
        .selectFrom('case_notification_pending')
        .select('member_id')
        .where('member_id', '=', home.memberId)
        .execute();
      assert.equal(pending.length, 1);
      // A message to all members never reaches the young person.
      await target.services.caseItems.postMessage(people.care!.who.actor, await opened('care'), 'members', {
        bericht: `${marker} voor iedereen`,
      });
      assert.ok(!to(await drain()).includes(people.young.email));
    });

    test('the daily run: an agreement due today tells its assignee once; the digest goes once, the next day', async () => {
      const asCare = await opened('care');
      const today = new Date().toISOString().slice(0, 10);
      const due = await target.services.caseItems.createAgreement(people.care!.who.actor, asCare, {
        wat: `${marker} vandaag`,
        wie: `lid:${people.coordinator!.memberId}`,
        datum: today,
        voor: 'professionals',
      });
      assert.ok(due.ok);
      assert.deepEqual(to(await drain()), emails('coordinator'));
      const morning = new Date(`${today}T05:00:00.000Z`);
      const first = await target.services.caseNotifications.daily(morning);
      assert.equal(first.due, 1);
      const events = await db()
        .selectFrom('case_events')
        .select(['compartment'])
        .where('case_id', '=', caseId)
        .where('kind', '=', 'agreement.due')
        .execute();
      assert.deepEqual(events, [{ compartment: 'professionals' }]);
      assert.deepEqual(to(await drain()), emails('coordinator'), 'the assignee');
      // Twice the same day: nothing new.
      assert.deepEqual(await target.services.caseNotifications.daily(morning), { due: 0, digests: 0 });
      assert.deepEqual(to(await drain()), []);
      // The next morning, the digests of the second parent and the young person: one mail each for all that waited; once.
      const tomorrow = new Date(morning.getTime() + 24 * 3_600_000);
      const next = await target.services.caseNotifications.daily(tomorrow);
      assert.equal(next.digests, 2);
      assert.deepEqual(to(await drain()), emails('second', 'young'));
      assert.deepEqual(await target.services.caseNotifications.daily(tomorrow), { due: 0, digests: 0 });
      assert.deepEqual(to(await drain()), []);
    });

    test('closing and the notice before deletion reach every active member', async () => {
      await db()
        .transaction()
        .execute((trx) =>
          recordCaseEvent(trx, {
            caseId,
            compartment: 'members',
            kind: 'case.closed',
            actorMemberId: people.coordinator!.memberId,
            createdAt: new Date().toISOString(),
          }),
        );
      assert.deepEqual(to(await drain()), emails('parent', 'care', 'police'));
      await db()
        .transaction()
        .execute((trx) =>
          recordCaseEvent(trx, {
            caseId,
            compartment: 'members',
            kind: 'case.deletion-soon',
            createdAt: new Date().toISOString(),
          }),
        );
      assert.deepEqual(to(await drain()), emails('parent', 'care', 'coordinator', 'police'));
    });

    test('"never" means never; a suspended parent and a parent under "risk in the family" hear nothing', async () => {
      const parent = people.parent!;
      assert.equal(
        await target.services.caseNotifications.choose(parent.who.actor, parent.who.userId, caseId, 'nooit'),
        true,
      );
      assert.equal(
        await target.services.caseNotifications.choose(parent.who.actor, parent.who.userId, caseId, 'soms'),
        false,
      );
      const asCare = await opened('care');
      await target.services.caseItems.postMessage(people.care!.who.actor, asCare, 'members', {
        bericht: `${marker} 2`,
      });
      assert.deepEqual(to(await drain()), emails('coordinator', 'police'));
      assert.equal(
        await target.services.caseNotifications.choose(parent.who.actor, parent.who.userId, caseId, 'meteen'),
        true,
      );

      // The second parent paused (the coordinator proposes, the care worker confirms): no digest, no mail.
      assert.deepEqual(await target.services.cases.suspend(people.coordinator!.who, caseId, people.second!.memberId), {
        ok: true,
        step: 'proposed',
      });
      assert.deepEqual(await target.services.cases.suspend(people.care!.who, caseId, people.second!.memberId), {
        ok: true,
        step: 'suspended',
      });
      await drain();
      await target.services.caseItems.postMessage(people.care!.who.actor, await opened('care'), 'members', {
        bericht: `${marker} 3`,
      });
      assert.deepEqual(to(await drain()), emails('parent', 'coordinator', 'police'));
      // What waited for them from before the pause is dropped, not sent: the next digests leave them out.
      const later = new Date(Date.now() + 2 * 24 * 3_600_000);
      await target.services.caseNotifications.daily(later);
      assert.ok(!to(await drain()).includes(people.second!.email), 'no digest for a paused parent');

      // "Risk in the family": what it hides (a police or Veilig Thuis member joining) reaches no parent.
      assert.deepEqual(await target.services.cases.flagRisk(people.care!.who, caseId), { ok: true, step: 'proposed' });
      assert.deepEqual(await target.services.cases.flagRisk(people.coordinator!.who, caseId), {
        ok: true,
        step: 'confirmed',
      });
      await drain();
      const vt = await caseProfessional(world, 'veilig-thuis', `melding.${dialect}.vt`);
      await drain();
      await join('vt', 'care', 'veilig-thuis', vt);
      assert.deepEqual(to(await drain()), emails('care', 'coordinator'), 'no parent hears that Veilig Thuis came in');
    });

    test('a professional-only case tells no parent, even one whose membership row should not exist', async () => {
      const started = await target.services.cases.start(people.care!.who, {
        naam: `${marker} alleen`,
        vorm: 'alleen-professionals',
        rol: 'care',
        grondslag: 'meldcode',
        kindWeet: 'unknown',
      });
      assert.ok(started.ok, JSON.stringify(started));
      const { code, memberId } = await inviteInto(target, people.care!.who, started.caseId, 'coordinator');
      await joinWith(target, people.coordinator!.who, code);
      assert.deepEqual(to(await drain()), emails('care'), 'the inviter');
      await confirmMember(target, people.care!.who, started.caseId, memberId);
      const at = new Date().toISOString();
      await db()
        .insertInto('case_members')
        .values(memberRow(started.caseId, 'parent', at, { user_id: people.parent!.who.userId }))
        .execute();
      const asCare = await target.services.cases.openCase(people.care!.who, started.caseId);
      assert.deepEqual(
        await target.services.caseItems.postMessage(people.care!.who.actor, asCare, 'members', {
          bericht: `${marker} x`,
        }),
        { ok: true },
      );
      assert.deepEqual(to(await drain()), emails('coordinator'));
    });

    test('no mail carries a revealing word, a name, the label or a link; every one has the neutral subject', () => {
      assert.ok(seen.length >= 15, `mails seen: ${seen.length}`);
      const names = Object.values(people).map((person) => person.account.username);
      for (const mail of seen) {
        const whole = wholeMail(mail);
        if (/uitnodiging|invitation/i.test(mail.subject ?? '')) continue; // the accounts' own invitation mails
        // In the language of the page where the account gave its address: the officer's English, else Dutch.
        const english = recipientOf(mail) === people.police!.email;
        assert.equal(mail.subject, english ? 'There is something new for you' : 'Er is iets nieuws voor je');
        assert.doesNotMatch(whole, revealingPattern);
        for (const word of [...names, organisationName, policeUnit, caseId]) assert.ok(!whole.includes(word), word);
      }
    });
  });
}
