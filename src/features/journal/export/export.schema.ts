import { z } from 'zod';
import { formFields, textField } from '../../../shared/http/forms.js';
import type { MessageKey } from '../../../shared/i18n/messages.js';
import type { ExportChoice } from './sealing.js';

/*
 * The export form (/logboek/export), read with parseForm (ADR 0023). Which entries and which photos depend on
 * each other's fields (a range needs its two numbers, "tick" needs the ticks), so each choice is read as one
 * field made of its parts: every problem is found in one go, and each is shown at its choice.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The ids ticked in a list of checkboxes (sent once, several times or not at all); anything else is dropped. */
export const tickedIds = (value: unknown): string[] =>
  (Array.isArray(value) ? (value as unknown[]) : value === undefined ? [] : [value]).filter(
    (id): id is string => typeof id === 'string' && UUID.test(id),
  );

/** One text field, NFC and trimmed; a field sent twice, or not text, reads as empty. */
const text = (value: unknown): string => (typeof value === 'string' ? value.normalize('NFC').trim() : '');

/** What the form may choose from: the journal's size and the ids of its own entries and photos. */
export interface ExportJournalFacts {
  size: number;
  entryIds: ReadonlySet<string>;
  /** Needed only when photos are ticked (see needsAttachmentIds); empty otherwise. */
  attachmentIds: ReadonlySet<string>;
}

/** What a valid form chose; the label, entries and photos go into the export's sealed ticket. */
export type ExportForm = Omit<ExportChoice, 'locale'>;

/** Whether reading this form needs the ids of the journal's photos (something is ticked under "choose"). */
export const needsAttachmentIds = (body: unknown): boolean => {
  const fields = formFields(body);
  return fields.bijlagen === 'kies' && tickedIds(fields.bijlage).length > 0;
};

const problem = (context: z.RefinementCtx, message: MessageKey) => {
  context.addIssue({ code: 'custom', message });
  return z.NEVER;
};

export const exportFormSchema = (journal: ExportJournalFacts) =>
  z.preprocess(
    (fields) => {
      const form = fields as Record<string, unknown>;
      return {
        label: form.label,
        keuze: { mode: form.keuze, from: form.van, to: form.tot, ids: form.notitie },
        bijlagen: { mode: form.bijlagen, ids: form.bijlage },
        bekend: form.bekend,
      };
    },
    z
      .object({
        label: textField({ invalid: 'journal.export.problem.label', min: 1, max: 80 }),
        keuze: z
          .object({ mode: z.unknown(), from: z.unknown(), to: z.unknown(), ids: z.unknown() })
          .transform((choice, context): ExportChoice['entries'] => {
            const mode = text(choice.mode);
            if (mode === 'alles') return { mode };
            if (mode === 'reeks') {
              const from = Number(text(choice.from));
              const to = Number(text(choice.to));
              if (
                !Number.isSafeInteger(from) ||
                !Number.isSafeInteger(to) ||
                from < 1 ||
                to > journal.size ||
                from > to
              )
                return problem(context, 'journal.export.problem.range');
              return { mode, from, to };
            }
            if (mode === 'deel') {
              // Only ids of this journal count: ticked ids that are all someone else's (or no one's) choose nothing.
              const ids = [...new Set(tickedIds(choice.ids))].filter((id) => journal.entryIds.has(id));
              return ids.length === 0 ? problem(context, 'journal.export.problem.nothing') : { mode, ids };
            }
            return problem(context, 'journal.export.problem.mode');
          }),
        bijlagen: z
          .object({ mode: z.unknown(), ids: z.unknown() })
          .transform((choice, context): ExportChoice['attachments'] => {
            // Left out (an older form, or a journal without photos): all. Given twice or empty: refused, never guessed.
            const mode = choice.mode === undefined ? 'alle' : text(choice.mode);
            if (mode === 'alle' || mode === 'zonder-origineel' || mode === 'geen') return { mode };
            if (mode === 'kies') {
              const ids = [...new Set(tickedIds(choice.ids))].filter((id) => journal.attachmentIds.has(id));
              return ids.length === 0 ? problem(context, 'journal.export.problem.attachments') : { mode, ids };
            }
            return problem(context, 'journal.export.problem.attachmentsMode');
          }),
        bekend: z.unknown().transform((value, context): number | undefined => {
          const known = text(value);
          if (known === '') return undefined;
          const size = Number(known);
          return /^\d{1,9}$/.test(known) && size >= 1 && size <= journal.size
            ? size
            : problem(context, 'journal.export.problem.known');
        }),
      })
      .transform((form): ExportForm => ({
        label: form.label,
        entries: form.keuze,
        attachments: form.bijlagen,
        ...(form.bekend === undefined ? {} : { knownSize: form.bekend }),
      })),
  );
