import { z } from 'zod';
import { choiceField } from '../../shared/http/forms.js';
import type { ShareConsent } from './case-shares.service.js';
import { SHARE_MAX_ENTRIES } from './case-shares.service.js';

/* The forms of sharing journal entries into a case: which entries (the "notitie" boxes), and the consent. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Ticked entries: one value or a list of ids; anything that is not an id makes the whole choice invalid. */
const entryIds = z
  .unknown()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? (value as unknown[]) : [value]))
  .pipe(
    z
      .array(z.string().regex(UUID, { error: 'caseShares.problem.noEntries' }), {
        error: 'caseShares.problem.noEntries',
      })
      .min(1, { error: 'caseShares.problem.noEntries' })
      .max(SHARE_MAX_ENTRIES, { error: 'caseShares.problem.tooMany' })
      .transform((ids) => [...new Set(ids)]),
  );

const bases = { ouder: 'parent', kind: 'child', samen: 'parent-and-child' } as const;
const childKnows = { ja: 'yes', nee: 'no', onbekend: 'unknown' } as const;

export const shareFormSchema = z
  .object({
    notitie: entryIds,
    kind16: choiceField(['ja', 'nee'], 'caseShares.problem.age'),
    grondslag: choiceField(['ouder', 'kind', 'samen'], 'caseShares.problem.basis'),
    kindWeet: choiceField(['ja', 'nee', 'onbekend'], 'caseShares.problem.childKnows'),
  })
  .superRefine((form, context) => {
    // From 16 the child decides alone: the parent's consent alone does not carry the share.
    if (form.kind16 === 'ja' && form.grondslag === 'ouder') {
      context.addIssue({ code: 'custom', path: ['grondslag'], message: 'caseShares.problem.childDecides' });
    }
  })
  .transform((form): { entryIds: string[]; consent: ShareConsent } => ({
    entryIds: form.notitie,
    consent: {
      basis: bases[form.grondslag],
      childKnows: childKnows[form.kindWeet],
      childIs16OrOlder: form.kind16 === 'ja',
    },
  }));

export const unshareFormSchema = z.object({ notitie: entryIds });

/** The ids ticked on /logboek and carried in the query (?notitie=…): valid ids only, at most the limit. */
export function preselected(query: unknown): string[] {
  const value = (query as { notitie?: unknown } | null)?.notitie;
  const list = value === undefined ? [] : Array.isArray(value) ? (value as unknown[]) : [value];
  return list.filter((id): id is string => typeof id === 'string' && UUID.test(id)).slice(0, SHARE_MAX_ENTRIES);
}
