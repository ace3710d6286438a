import { AppError } from '../../shared/errors.js';
import type { MessageKey } from '../../shared/i18n/messages.js';
import type { CaseYoungRepository } from './case-young.repo.js';
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

/** youngConsentBlocks over the young members' standing (their age now, their latest answer per flow). */
export function createYoungConsentCheck(repo: Pick<CaseYoungRepository, 'consentStanding'>): YoungConsentCheck {
  return async (caseId, flow, now) =>
    (await repo.consentStanding(caseId, flow)).some(
      (member) =>
        member.birthMonth !== null && ageAt(member.birthMonth, now) >= youngConsentAge && member.latest === 'refused',
    );
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
