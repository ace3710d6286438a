import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { csrfTokenFrom, withCookiesOf } from '../../../test/helpers/app.js';
import {
  caseActorOf,
  caseProfessional,
  casesOf,
  confirmMember,
  inviteInto,
  joinWith,
  prepareCaseWorld,
} from '../../../test/helpers/case-factories.js';
import { caseAppForSuite } from '../../../test/helpers/case-setup.js';
import { dialects } from '../../../test/helpers/databases.js';
import { type BuiltAccount, buildParent } from '../../../test/helpers/factories.js';
import { testObservation } from '../../../test/helpers/journal.js';
import type { WrappedKey } from '../../shared/crypto/aead.js';
import { journalActorOf } from '../journal/journal.service.js';
import { KeyWrapRefused, unwrapEntryKey } from './case-keys.js';
import { shareCompartment } from './cases.types.js';

/*
 * Sharing journal entries into a case over HTTP, as the parent and a police officer in it see it: the forms and
 * their refusals, another case's and another parent's ids (404, nothing stored), an opening the parent sees in the
 * access list, and unsharing: the officer's next request is not found, and the database with every key the
 * officer held opens nothing that is shared afterwards.
 */

for (const dialect of dialects) {
  describe(`case shares over HTTP [${dialect}]`, () => {
    const { target, sink } = caseAppForSuite(dialect);

    const db = () => target.database.handle.db;
    const names = { n: 0 };
    const fresh = (prefix: string) => `${prefix}.${dialect}.${(names.n += 1)}`;

    /** A parent's case with an active, confirmed police officer (and, in the other case, only the parent). */
    async function caseOf(withPolice: boolean) {
      const world = await worldOnce();
      const parent = await buildParent(target, { username: fresh('deelouder') });
      const parentWho = await caseActorOf(target, parent);
      const started = await casesOf(target).start(parentWho, {
        naam: 'Sam',
        grondslag: 'parent',
        kindWeet: 'unknown',
      });
      assert.ok(started.ok);
      const caseId = started.caseId;
      const parentMemberId = (
        await db().selectFrom('case_members').select('id').where('case_id', '=', caseId).executeTakeFirstOrThrow()
      ).id;
      let police: BuiltAccount | undefined;
      if (withPolice) {
        police = await caseProfessional(world, 'police', fresh('agent'));
        const policeWho = await caseActorOf(target, police);
        const { code, memberId } = await inviteInto(target, parentWho, caseId, 'police');
        await joinWith(target, policeWho, code);
        await confirmMember(target, parentWho, caseId, memberId);
      }
      const session = (await target.services.accounts.currentSession(parent.session))!;
      const writer = { ...journalActorOf(session), requestId: 'test' };
      const one = await target.services.journal.addObservation(writer, testObservation({ text: 'Eerste zorg.' }));
      const two = await target.services.journal.addObservation(writer, testObservation({ text: 'Tweede zorg.' }));
      const diary = await target.services.journal.addDiaryNote(writer, 'Alleen voor mij.');
      return { caseId, parent, parentMemberId, police, one, two, diary, world, writer };
    }

    let world: Promise<Awaited<ReturnType<typeof prepareCaseWorld>>> | undefined;
    const worldOnce = () => (world ??= prepareCaseWorld(target, sink()));

    const get = (url: string, who: BuiltAccount) => target.app.inject({ method: 'GET', url, cookies: who.cookies });

    /** Posts a form of the page at `formUrl` (its CSRF token) to `url`. */
    async function post(who: BuiltAccount, formUrl: string, url: string, fields: Record<string, unknown>) {
      const page = await get(formUrl, who);
      assert.equal(page.statusCode, 200, `${formUrl} answered ${page.statusCode}`);
      return target.app.inject({
        method: 'POST',
        url,
        cookies: withCookiesOf(who.cookies, page.headers),
        payload: { _csrf: csrfTokenFrom(page.body), ...fields },
      });
    }

    const consent = { kind16: 'nee', grondslag: 'ouder', kindWeet: 'ja' };
    const sharedRows = async (caseId: string) =>
      db().selectFrom('case_shared_entries').selectAll().where('case_id', '=', caseId).execute();

    test('bad input is answered with the form again or not found, and nothing is shared', async () => {
      const scene = await caseOf(true);
      const other = await caseOf(false);
      const form = `/samenwerken/${scene.caseId}/delen`;
      const empty = await post(scene.parent, form, form, {});
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /Kies minstens één notitie/);
      assert.match(empty.body, /Geef aan of je kind 16 jaar of ouder is/);
      const notAnId = await post(scene.parent, form, form, { notitie: 'abc', ...consent });
      assert.equal(notAnId.statusCode, 400);
      const childDecides = await post(scene.parent, form, form, {
        notitie: [scene.one.id],
        ...consent,
        kind16: 'ja',
      });
      assert.equal(childDecides.statusCode, 400);
      assert.match(childDecides.body, /beslist zelf/);
      for (const foreign of [scene.diary, other.one.id]) {
        const refused = await post(scene.parent, form, form, { notitie: [scene.one.id, foreign], ...consent });
        assert.equal(refused.statusCode, 404, `sharing ${foreign} answered ${refused.statusCode}`);
      }
      assert.deepEqual(await sharedRows(scene.caseId), []);
      const consents = await db()
        .selectFrom('case_consents')
        .select('id')
        .where('case_id', '=', scene.caseId)
        .where('flow', '=', 'share-entries')
        .execute();
      assert.deepEqual(consents, []);
      // A professional has no share form; nobody outside the case has any page of it.
      assert.equal((await get(form, scene.police!)).statusCode, 404);
      assert.equal((await get(form, other.parent)).statusCode, 404);
      assert.equal((await get(`/samenwerken/${scene.caseId}/gedeeld/niet-een-id`, scene.police!)).statusCode, 404);
    });

    test('a professional opening a shared entry is in the parent’s access list; another case’s ids are not found', async () => {
      const scene = await caseOf(true);
      const other = await caseOf(false);
      const form = `/samenwerken/${scene.caseId}/delen`;
      const shared = await post(scene.parent, `${form}?notitie=${scene.one.id}`, form, {
        notitie: [scene.one.id, scene.two.id],
        ...consent,
      });
      assert.equal(shared.statusCode, 303);
      assert.equal(shared.headers.location, `/samenwerken/${scene.caseId}/gedeeld?gedeeld=2`);
      const otherForm = `/samenwerken/${other.caseId}/delen`;
      assert.equal(
        (await post(other.parent, otherForm, otherForm, { notitie: [other.one.id], ...consent })).statusCode,
        303,
      );

      const list = await get(`/samenwerken/${scene.caseId}/gedeeld`, scene.police!);
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /data-verified="true"/);
      assert.doesNotMatch(list.body, /Eerste zorg/, 'the list shows no content');
      const opened = await get(`/samenwerken/${scene.caseId}/gedeeld/${scene.one.id}`, scene.police!);
      assert.equal(opened.statusCode, 200);
      assert.match(opened.body, /Eerste zorg/);

      const mine = await get(`/samenwerken/${scene.caseId}/gedeeld`, scene.parent);
      assert.equal(mine.statusCode, 200);
      assert.match(mine.body, new RegExp(`Politie, ${scene.world.policeUnit}`));
      assert.match(mine.body, /Notitie 1 geopend/);

      // Another case's entry, through this case or that one; this entry through the other case.
      for (const url of [
        `/samenwerken/${scene.caseId}/gedeeld/${other.one.id}`,
        `/samenwerken/${other.caseId}/gedeeld/${other.one.id}`,
        `/samenwerken/${other.caseId}/gedeeld/${scene.one.id}`,
        `/samenwerken/${other.caseId}/gedeeld`,
      ]) {
        assert.equal((await get(url, scene.police!)).statusCode, 404, url);
      }
      const mineForm = `/samenwerken/${scene.caseId}/gedeeld`;
      const foreignStop = await post(scene.parent, mineForm, `${mineForm}/stoppen`, { notitie: [other.one.id] });
      assert.equal(foreignStop.statusCode, 404);
      assert.equal((await sharedRows(other.caseId)).length, 1);
      assert.equal((await sharedRows(scene.caseId)).length, 2);
      // The professional cannot stop a parent's share.
      const policeStop = await post(scene.police!, mineForm, `${mineForm}/stoppen`, { notitie: [scene.one.id] });
      assert.equal(policeStop.statusCode, 404);
      assert.equal((await sharedRows(scene.caseId)).length, 2);
    });

    test('after unsharing, the professional’s next request is not found and every key they held opens nothing shared afterwards', async () => {
      const scene = await caseOf(true);
      const form = `/samenwerken/${scene.caseId}/delen`;
      await post(scene.parent, form, form, { notitie: [scene.one.id, scene.two.id], ...consent });
      const entryUrl = `/samenwerken/${scene.caseId}/gedeeld/${scene.two.id}`;
      assert.equal((await get(entryUrl, scene.police!)).statusCode, 200);
      // Every share key the officer held so far.
      const policeWho = await caseActorOf(target, scene.police!);
      const compartment = shareCompartment(scene.parentMemberId);
      const held = await (await casesOf(target).openCase(policeWho, scene.caseId)).key(compartment);

      const page = `/samenwerken/${scene.caseId}/gedeeld`;
      const stopped = await post(scene.parent, page, `${page}/stoppen`, { notitie: [scene.two.id] });
      assert.equal(stopped.statusCode, 303);
      assert.equal((await get(entryUrl, scene.police!)).statusCode, 404);
      assert.equal((await get(`/samenwerken/${scene.caseId}/gedeeld/${scene.one.id}`, scene.police!)).statusCode, 200);

      const three = await target.services.journal.addObservation(
        scene.writer,
        testObservation({ text: 'Na het stoppen gedeeld.' }),
      );
      await post(scene.parent, form, form, { notitie: [three.id], ...consent });
      const dump = await sharedRows(scene.caseId);
      assert.deepEqual(dump.map((row) => row.entry_id).sort(), [scene.one.id, three.id].sort());
      for (const row of dump) {
        assert.throws(
          () => unwrapEntryKey(held, row.entry_id, row.key_id, row.wrapped_key as WrappedKey),
          KeyWrapRefused,
          'a key held before the unsharing opens no share stored after it',
        );
      }
      const oldWraps = await db()
        .selectFrom('case_key_wraps')
        .select('epoch')
        .where('case_id', '=', scene.caseId)
        .where('compartment', '=', compartment)
        .where('epoch', '<=', held.epoch)
        .execute();
      assert.deepEqual(oldWraps, [], 'no wrap of the earlier share key is left');
    });
  });
}
