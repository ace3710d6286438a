import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Pages } from '../../app.js';
import { blankForm, type FormState, parseForm } from '../../shared/http/forms.js';
import type { JournalActor } from './journal-actor.js';
import { actorOf, idParam } from './journal-request.js';
import { diaryNoteSchema } from './journal.schema.js';
import type { JournalService } from './journal.service.js';
import { DiaryPage } from './views/diary.view.js';

/** Registers the private diary (/dagboek) in the journal's scope. */
export function registerDiaryRoutes(scope: FastifyInstance, pages: Pages, journal: JournalService): void {
  // The private diary.
  const diaryPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    who: JournalActor,
    form: FormState = blankForm,
  ) =>
    reply.html(
      <DiaryPage ctx={pages.contextOf(request, reply)} notes={await journal.diaryNotes(who)} form={form} />,
      form.problems.length === 0 ? 200 : 400,
    );

  scope.get('/dagboek', async (request, reply) => diaryPage(request, reply, actorOf(request)));

  scope.post('/dagboek', async (request, reply) => {
    const who = actorOf(request);
    const parsed = parseForm(diaryNoteSchema, request.body);
    if (!parsed.ok) return diaryPage(request, reply, who, parsed);
    await journal.addDiaryNote(who, parsed.value.tekst);
    return reply.redirect('/dagboek', 303);
  });

  scope.post<{ Params: { id: string } }>('/dagboek/:id/verwijderen', async (request, reply) => {
    const who = actorOf(request);
    const id = idParam(request.params.id);
    await journal.deleteDiaryNote(who, id);
    return reply.redirect('/dagboek', 303);
  });
}
