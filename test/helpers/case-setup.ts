import { after, before } from 'node:test';
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { CaseMembersTable, CasesTable, Database } from '../../src/shared/db/schema.js';
import { appForSuite } from './app.js';
import type { Dialect } from '../../src/shared/db/database.js';
import { type SmtpSink, startSmtpSink } from './smtp-sink.js';

/*
 * Set-up shared by the case space's repository, service and HTTP tests: a case and its members as bare rows (for
 * tests that make their own keys instead of going through the cases service), and a suite's app with a mail sink
 * (invitations send mail). test/helpers/case-factories.ts builds cases through the services instead.
 */

/** A `cases` row: a case with parents, no risk flag, open, its label a stand-in; `overrides` change any column. */
export const caseRow = (
  overrides: Partial<Insertable<CasesTable>> & { created_at: string },
): Insertable<CasesTable> => ({
  id: randomUUID(),
  mode: 'with-parents',
  risk_in_family: 'none',
  risk_proposed_by: null,
  closed_at: null,
  created_by_user: null,
  label_ciphertext: 'x',
  label_epoch: 1,
  ...overrides,
});

/** A `case_members` row: an active member of `role` without mandate, invitation or confirmation, made at `at`. */
export const memberRow = (
  caseId: string,
  role: CaseMembersTable['role'],
  at: string,
  overrides: Partial<Insertable<CaseMembersTable>> = {},
): Insertable<CaseMembersTable> & { id: string } => ({
  id: randomUUID(),
  case_id: caseId,
  user_id: null,
  role,
  state: 'active',
  mandate: 'none',
  organisation_id: null,
  police_unit: null,
  reference_ciphertext: null,
  reference_epoch: null,
  invited_by_member_id: null,
  confirmed_by_member_id: null,
  confirmed_key_id: null,
  suspension_proposed_by: null,
  created_at: at,
  updated_at: at,
  state_changed_at: at,
  ...overrides,
});

/** Inserts a case (caseRow) with its 'members' and 'professionals' compartments at epoch 1; answers its id. */
export async function insertCaseRow(db: Kysely<Database>, at: string): Promise<string> {
  const row = caseRow({ created_at: at });
  await db.insertInto('cases').values(row).execute();
  for (const compartment of ['members', 'professionals']) {
    await db.insertInto('case_compartments').values({ case_id: row.id, compartment, epoch: 1 }).execute();
  }
  return row.id;
}

/** Inserts an active member (memberRow) and answers its id. */
export async function insertMemberRow(
  db: Kysely<Database>,
  caseId: string,
  role: CaseMembersTable['role'],
  at: string,
): Promise<string> {
  const row = memberRow(caseId, role, at);
  await db.insertInto('case_members').values(row).execute();
  return row.id;
}

/**
 * The app of a describe block over HTTP with a mail sink: the sink starts before the app (the app is given its
 * URL) and closes after it. Read both inside tests only (they start in before() hooks).
 */
export function caseAppForSuite(dialect: Dialect): { target: ReturnType<typeof appForSuite>; sink: () => SmtpSink } {
  let started: SmtpSink | undefined;
  const sink = (): SmtpSink => {
    if (started === undefined) throw new Error('the mail sink starts in a before() hook: read it inside a test');
    return started;
  };
  before(async () => {
    started = await startSmtpSink();
  });
  const target = appForSuite(dialect, () => ({
    RATE_LIMIT_MAX: '100000',
    SMTP_URL: sink().url,
    MAIL_FROM: 'no-reply@example.org',
    PUBLIC_ORIGIN: 'https://example.org',
  }));
  after(() => sink().close());
  return { target, sink };
}
