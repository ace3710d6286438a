import type { Kysely } from 'kysely';
import type { Database } from '../../shared/db/schema.js';
import { AppError } from '../../shared/errors.js';
import type { MessageKey } from '../../shared/i18n/messages.js';
import { youngConsentAge, type YoungConsentFlow } from './cases.types.js';

/*
 * Consent of the child from 16 (ADR 0030): while an active young member of 16 or older has refused a flow of data
 * about them (their latest answer for that flow is a refusal), that flow is refused before anything is written.
 * The check is here, apart from the young people's service, so the core, the shares and the exports can ask it
 * without importing the pages of the young.
 */

/** A young member's age in whole years at `now`, counted from the first day of their month of birth ('YYYY-MM'). */
export function ageAt(birthMonth: string, now: Date): number {
  const match = /^(\d{4})-(\d{2})$/.exec(birthMonth);
  if (match === null) return 0;
  const months = now.getUTCFullYear() * 12 + now.getUTCMonth() - (Number(match[1]) * 12 + Number(match[2]) - 1);
  return Math.floor(months / 12);
}

/** Whether a flow of data about the child is refused by a young member of 16 or older in this case, now. */
export type YoungConsentCheck = (caseId: string, flow: YoungConsentFlow, now: Date) => Promise<boolean>;

/** A refused flow: a 409 page that says the young person did not consent, never a 500, nothing written. */
export class YoungConsentRefused extends AppError {
  readonly status = 409;
  readonly messageKey: MessageKey;
  /** `neutral`: for a parent, who is not told that a young member exists (only that there is no consent). */
  constructor(neutral = false) {
    super('A young member of 16 or older refused this flow');
    this.messageKey = neutral ? 'caseYoung.problem.refusedNeutral' : 'caseYoung.problem.refused';
  }
}

/** youngConsentBlocks over the database: the young members of the case and their latest answer per flow. */
export function createYoungConsentCheck(db: Kysely<Database>): YoungConsentCheck {
  return async (caseId, flow, now) => {
    const young = await db
      .selectFrom('case_members')
      .select(['id', 'birth_month'])
      .where('case_id', '=', caseId)
      .where('role', '=', 'young')
      .where('state', '=', 'active')
      .execute();
    for (const member of young) {
      if (member.birth_month === null || ageAt(member.birth_month, now) < youngConsentAge) continue;
      const latest = await db
        .selectFrom('case_consents')
        .select('decision')
        .where('case_id', '=', caseId)
        .where('flow', '=', flow)
        .where('subject_id', '=', member.id)
        .where('basis', '=', 'child')
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (latest?.decision === 'refused') return true;
    }
    return false;
  };
}

/** Refuses (YoungConsentRefused) when the check says the flow is blocked; nothing when there is no check. */
export async function refuseWhenYoungRefused(
  check: YoungConsentCheck | undefined,
  caseId: string,
  flow: YoungConsentFlow,
  now: Date,
  neutral = false,
): Promise<void> {
  if (check !== undefined && (await check(caseId, flow, now))) throw new YoungConsentRefused(neutral);
}
