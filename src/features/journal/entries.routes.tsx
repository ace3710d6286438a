import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Pages } from '../../app.js';
import { formFields, parseForm } from '../../shared/http/forms.js';
import { ErrorPage } from '../../shared/views/error-page.js';
import { authorize } from '../../policies.js';
import type { MessageKey } from '../../shared/i18n/messages.js';
import type { AuditService } from '../audit/audit.service.js';
import { createUploadGate, readEntryUpload, type UploadGate } from './entry-upload.js';
import {
  ATTACHMENT_MAX_BYTES,
  type AttachmentProblem,
  type InspectedAttachment,
  type InspectResult,
} from './attachments.js';
import {
  categoryCode,
  listFiltersSchema,
  type EntryProblem,
  type Observation,
  observationSchema,
} from './journal.schema.js';
import { ATTACHMENTS_PER_ENTRY, type JournalActor, type JournalService, type ListQuery } from './journal.service.js';
import { actorOf, idParam, recorderOf } from './journal-request.js';
import { EntryFormPage } from './views/entry-form.view.js';
import { EntryPage } from './views/entry.view.js';
import { JournalIntroPage } from './views/journal-intro.view.js';
import { JournalListPage, type ListFilters } from './views/journal-list.view.js';
import { PrintPage } from './views/print.view.js';
import { RedactPage } from './views/redact.view.js';

/*
 * The journal's entries: the list, a new entry, an entry's page, its correction and redaction, the print view and
 * the attachments. Entry forms are multipart (attachments), so their CSRF token is checked here, as the body
 * streams in and before any file is read (entry-upload.ts), instead of by the app-wide pre-handler that only
 * sees parsed bodies.
 */

type Form = Record<string, string>;
export type Inspect = (bytes: Buffer, options: { keepMetadata: boolean }) => Promise<InspectResult>;

/** Text fields may be long (a text of 100 KB must arrive, to be answered with "too long" rather than lost). */
const FIELD_MAX_BYTES = 256 * 1024;
/** All text fields of one entry form together; no honest form comes near it. */
const FORM_TEXT_MAX_BYTES = 1024 * 1024;

/** Sets (or with 0 clears) the idle time-out of a request's connection; injected test requests have none. */
const idleTimeout = (request: FastifyRequest, ms: number): void => {
  const socket = request.raw.socket as { setTimeout?: (ms: number) => unknown } | null;
  socket?.setTimeout?.(ms);
};

const attachmentProblemKeys: Record<AttachmentProblem, MessageKey> = {
  empty: 'journal.problem.fileEmpty',
  'too-large': 'journal.problem.fileTooLarge',
  'unsupported-type': 'journal.problem.fileType',
  corrupt: 'journal.problem.fileCorrupt',
  'too-many-pixels': 'journal.problem.filePixels',
};

/** 413 when a file was too large (the form is shown again all the same); 400 for every other problem. */
const statusOf = (problems: readonly EntryProblem[]): number =>
  problems.some((problem) => problem.messageKey === 'journal.problem.fileTooLarge') ? 413 : 400;

/**
 * How many entry forms with files may be read at once: for everyone together (UPLOADS_IN_FLIGHT_MAX) and per
 * account (UPLOADS_PER_ACCOUNT_MAX).
 */
export interface UploadSettings {
  inFlight: number;
  perAccount: number;
  /** A connection that sends nothing for this long while its entry form is read is closed (UPLOAD_IDLE_SECONDS). */
  idleMs: number;
}

/** Registers the entry pages in the journal's scope (which reads multipart bodies). */
export function registerEntryRoutes(
  scope: FastifyInstance,
  pages: Pages,
  journal: JournalService,
  audit: AuditService,
  inspect: Inspect,
  uploadSettings: UploadSettings,
): void {
  const uploads: UploadGate = createUploadGate({
    perAccount: uploadSettings.perAccount,
    overall: uploadSettings.inFlight,
  });

  const record = recorderOf(audit);

  /** Checks the CSRF token of a form that was read in the handler. Resolves false when it answered already. */
  const csrfValid = (request: FastifyRequest, reply: FastifyReply, fields: Form): Promise<boolean> => {
    request.body = fields;
    // The check calls on at once when the token is good; otherwise it has started sending the refusal.
    let valid = false;
    scope.csrfProtection(request, reply, () => {
      valid = true;
    });
    return Promise.resolve(valid);
  };

  /** Reads an entry form (multipart or plain), checks the token, the observation and every file. */
  async function readEntryForm(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<
    | { kind: 'answered' }
    | { kind: 'refused'; status: number; titleKey: MessageKey; textKey: MessageKey }
    | { kind: 'problems'; form: Form; problems: EntryProblem[] }
    | { kind: 'ok'; form: Form; observation: Observation; attachments: InspectedAttachment[] }
  > {
    let form: Form;
    let files: Buffer[] = [];
    let truncated: string[] = [];
    if (request.isMultipart()) {
      const upload = await readEntryUpload(request, (fields) => csrfValid(request, reply, fields), {
        files: ATTACHMENTS_PER_ENTRY,
        fileBytes: ATTACHMENT_MAX_BYTES,
        fieldBytes: FIELD_MAX_BYTES,
        formTextBytes: FORM_TEXT_MAX_BYTES,
      });
      // The body is in (or refused): checking and storing may take a while without traffic; no time-out for that.
      idleTimeout(request, 0);
      switch (upload.kind) {
        case 'answered':
          return upload;
        case 'unreadable':
          return { kind: 'refused', status: 400, titleKey: 'error.400.title', textKey: 'journal.upload.unreadable' };
        case 'too-much':
          return { kind: 'refused', status: 413, titleKey: 'error.413.title', textKey: 'journal.upload.tooMuch' };
        case 'stopped':
          // Reading stopped at a file: the form again with what came before it; nothing was kept.
          return {
            kind: 'problems',
            form: upload.fields,
            problems: [
              {
                field: 'bijlagen',
                messageKey:
                  upload.problem === 'too-many-files' ? 'journal.problem.tooManyFiles' : 'journal.problem.fileTooLarge',
              },
            ],
          };
        case 'read':
          ({ fields: form, files, truncated } = upload);
      }
    } else {
      // Text fields only, as a multipart form has them; own keys only (no prototype).
      const body = formFields(request.body);
      form = Object.create(null) as Form;
      for (const key of Object.keys(body)) if (typeof body[key] === 'string') form[key] = body[key];
      if (!(await csrfValid(request, reply, form))) return { kind: 'answered' };
    }

    const parsed = parseForm(observationSchema(new Date()), form);
    const problems: EntryProblem[] = parsed.ok ? [] : [...parsed.problems];
    for (const field of truncated) {
      if (!problems.some((problem) => problem.field === field)) {
        problems.push({ field: field === 'tekst' ? 'tekst' : 'woorden', messageKey: 'journal.problem.textTooLong' });
      }
    }
    const attachments: InspectedAttachment[] = [];
    if (files.length > 0 && form.regel !== 'ja') {
      problems.push({ field: 'regel', messageKey: 'journal.problem.ruleMissing' });
    } else {
      for (const file of files) {
        const result = await inspect(file, { keepMetadata: form.metadata === 'ja' });
        if (!result.ok) {
          problems.push({ field: 'bijlagen', messageKey: attachmentProblemKeys[result.problem] });
          break;
        }
        attachments.push(result.attachment);
      }
    }
    if (problems.length > 0 || !parsed.ok) {
      // Files cannot be put back into a form; say so when they were fine but something else was not.
      if (files.length > 0 && !problems.some((problem) => problem.field === 'bijlagen' || problem.field === 'regel')) {
        problems.push({ field: 'bijlagen', messageKey: 'journal.problem.filesAgain' });
      }
      return { kind: 'problems', form, problems };
    }
    return { kind: 'ok', form, observation: parsed.value, attachments };
  }

  /** The fields of an observation as a form, to start a correction from what was written. */
  const formOf = (observation: Observation | undefined): Form => {
    if (observation === undefined) return {};
    const form: Form = {
      datum: observation.date,
      tijd: observation.time ?? '',
      categorie: observation.category,
      tekst: observation.text,
      vraag: observation.question ?? '',
      woorden: observation.words ?? '',
      online: observation.online.join('\n'),
      telefoon: observation.phones.map((phone) => phone.value).join('\n'),
      kenteken: observation.plates.map((plate) => plate.value).join('\n'),
      plaatsen: observation.places.join('\n'),
      'vermist-van': observation.missingFrom ?? '',
      'vermist-tot': observation.missingUntil ?? '',
    };
    if (observation.approximate) form.ongeveer = 'ja';
    observation.people.forEach((person, index) => {
      form[`persoon-${index + 1}-naam`] = person.name;
      form[`persoon-${index + 1}-beschrijving`] = person.description;
    });
    observation.agencies.forEach((agency, index) => {
      form[`instantie-${index + 1}-wie`] = agency.who;
      form[`instantie-${index + 1}-kenmerk`] = agency.reference;
    });
    return form;
  };

  /**
   * Runs a handler that reads an entry form with a place at the upload gate (multipart only: other bodies are
   * small and already read). Full → 429 (this account) or 503 (everyone), with Retry-After; the body stays unread.
   */
  const withUploadPlace = async (
    request: FastifyRequest,
    reply: FastifyReply,
    who: JournalActor,
    handle: () => Promise<FastifyReply>,
  ): Promise<FastifyReply> => {
    // The journal's own rule before a byte is read: only its parent writes (the service asks again).
    authorize(who.actor, 'journal', 'write', { ownerId: who.userId });
    if (!request.isMultipart()) return handle();
    const place = uploads.enter(who.userId);
    if (place === 'account-busy' || place === 'everyone-busy') {
      const mine = place === 'account-busy';
      return reply
        .header('retry-after', mine ? '30' : '60')
        .html(
          <ErrorPage
            ctx={pages.contextOf(request, reply)}
            titleKey={mine ? 'error.429.title' : 'journal.upload.busyTitle'}
            textKey={mine ? 'journal.upload.busyAccount' : 'journal.upload.busyEveryone'}
          />,
          mine ? 429 : 503,
        );
    }
    // A connection that stops sending closes after a while, so a stalled post cannot keep its place.
    idleTimeout(request, uploadSettings.idleMs);
    try {
      return await handle();
    } finally {
      place.leave();
    }
  };

  scope.get('/logboek', async (request, reply) => {
    const ctx = pages.contextOf(request, reply);
    if (request.session === null) return reply.html(<JournalIntroPage ctx={ctx} />);
    const who = actorOf(request);
    let parsed = parseForm(listFiltersSchema, request.query);
    const problems = parsed.ok ? [] : parsed.problems;
    if (!parsed.ok) {
      // The list is still shown, with the filters that were right (a wrong day counts as none).
      const rest = formFields(request.query);
      for (const problem of problems) delete rest[problem.field];
      parsed = parseForm(listFiltersSchema, rest);
    }
    const {
      c: category,
      van,
      tot,
      volgorde,
      pagina,
    } = parsed.ok ? parsed.value : { c: undefined, van: '', tot: '', volgorde: 'event' as const, pagina: 1 };
    const filters: ListFilters = {
      category: category === undefined ? '' : categoryCode(category),
      from: van,
      to: tot,
      order: volgorde,
    };
    const listQuery: ListQuery = { order: filters.order, page: pagina };
    if (category !== undefined) listQuery.category = category;
    if (filters.from !== '') listQuery.from = filters.from;
    if (filters.to !== '') listQuery.to = filters.to;
    const result = await journal.list(who, listQuery);
    await record(request, who, 'journal.list', 'journal', who.userId);
    return reply.html(
      <JournalListPage ctx={ctx} result={result} filters={filters} problems={problems} />,
      problems.length > 0 ? 400 : 200,
    );
  });

  scope.get('/logboek/nieuw', (request, reply) => {
    actorOf(request);
    return reply.html(<EntryFormPage ctx={pages.contextOf(request, reply)} form={{}} problems={[]} />);
  });

  /** An entry form that could not be read, or came in too large: an error page saying what to do. */
  const refusal = (
    request: FastifyRequest,
    reply: FastifyReply,
    read: { status: number; titleKey: MessageKey; textKey: MessageKey },
  ) =>
    reply.html(
      <ErrorPage ctx={pages.contextOf(request, reply)} titleKey={read.titleKey} textKey={read.textKey} />,
      read.status,
    );

  scope.post('/logboek', { config: { csrf: false } }, async (request, reply) => {
    const who = actorOf(request);
    return withUploadPlace(request, reply, who, async () => {
      const read = await readEntryForm(request, reply);
      if (read.kind === 'answered') return reply;
      if (read.kind === 'refused') return refusal(request, reply, read);
      if (read.kind === 'problems') {
        return reply.html(
          <EntryFormPage ctx={pages.contextOf(request, reply)} form={read.form} problems={read.problems} />,
          statusOf(read.problems),
        );
      }
      const added = await journal.addObservation(who, read.observation, read.attachments);
      return reply.redirect(`/logboek/${added.id}`, 303);
    });
  });

  scope.get('/logboek/afdrukken', async (request, reply) => {
    const who = actorOf(request);
    const entries = await journal.everything(who);
    await record(request, who, 'journal.print', 'journal', who.userId);
    return reply.html(<PrintPage ctx={pages.contextOf(request, reply)} entries={entries} />);
  });

  scope.get<{ Params: { id: string } }>('/logboek/:id', async (request, reply) => {
    const who = actorOf(request);
    const { entry, related } = await journal.entry(who, idParam(request.params.id));
    await record(request, who, 'journal.entry.view', 'journal-entry', entry.id);
    return reply.html(<EntryPage ctx={pages.contextOf(request, reply)} entry={entry} related={related} />);
  });

  scope.get<{ Params: { id: string } }>('/logboek/:id/corrigeren', async (request, reply) => {
    const who = actorOf(request);
    const { entry } = await journal.entry(who, idParam(request.params.id));
    return reply.html(
      <EntryFormPage
        ctx={pages.contextOf(request, reply)}
        form={formOf(entry.observation)}
        problems={[]}
        correcting={entry}
      />,
    );
  });

  scope.post<{ Params: { id: string } }>(
    '/logboek/:id/corrigeren',
    { config: { csrf: false } },
    async (request, reply) => {
      const who = actorOf(request);
      const targetId = idParam(request.params.id);
      return withUploadPlace(request, reply, who, async () => {
        const read = await readEntryForm(request, reply);
        if (read.kind === 'answered') return reply;
        if (read.kind === 'refused') return refusal(request, reply, read);
        if (read.kind === 'problems') {
          const { entry } = await journal.entry(who, targetId);
          return reply.html(
            <EntryFormPage
              ctx={pages.contextOf(request, reply)}
              form={read.form}
              problems={read.problems}
              correcting={entry}
            />,
            statusOf(read.problems),
          );
        }
        const added = await journal.addCorrection(who, targetId, read.observation, read.attachments);
        return reply.redirect(`/logboek/${added.id}`, 303);
      });
    },
  );

  scope.get<{ Params: { id: string } }>('/logboek/:id/wissen', async (request, reply) => {
    const who = actorOf(request);
    const { entry } = await journal.entry(who, idParam(request.params.id));
    return reply.html(<RedactPage ctx={pages.contextOf(request, reply)} entry={entry} />);
  });

  scope.post<{ Params: { id: string } }>('/logboek/:id/wissen', async (request, reply) => {
    const who = actorOf(request);
    const targetId = idParam(request.params.id);
    const added = await journal.redact(who, targetId);
    return reply.redirect(`/logboek/${added.id}`, 303);
  });

  const sendAttachment = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    part: 'content' | 'thumbnail' | 'original',
  ) => {
    const who = actorOf(request);
    const file = await journal.attachment(who, idParam(request.params.id), part);
    await record(request, who, `journal.attachment.${part}`, 'journal-attachment', request.params.id);
    const extension = file.mediaType === 'application/pdf' ? 'pdf' : (file.mediaType.split('/')[1] ?? 'bin');
    // A neutral file name; downloads, never rendered by the browser as a page (PDFs included).
    const disposition =
      part === 'thumbnail'
        ? 'inline'
        : `attachment; filename="bijlage-${file.number}${part === 'original' ? '-origineel' : ''}.${extension === 'jpeg' ? 'jpg' : extension}"`;
    return reply
      .header('content-type', file.mediaType)
      .header('content-disposition', disposition)
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'no-store')
      .send(file.bytes);
  };
  scope.get<{ Params: { id: string } }>('/logboek/bijlage/:id', (request, reply) =>
    sendAttachment(request, reply, 'content'),
  );
  scope.get<{ Params: { id: string } }>('/logboek/bijlage/:id/voorbeeld', (request, reply) =>
    sendAttachment(request, reply, 'thumbnail'),
  );
  scope.get<{ Params: { id: string } }>('/logboek/bijlage/:id/origineel', (request, reply) =>
    sendAttachment(request, reply, 'original'),
  );
}
