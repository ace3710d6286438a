import type { PageContext } from '../context.js';
import { safeUrl } from '../safe-url.js';
import { PhoneLink } from './phone-link.js';
import { Pictogram } from './pictogram.js';

/**
 * The national lines shown without a database (outcome page, /nu, the footer), so they work even offline or
 * when the database is down. The same facts as content/organisations.json, with its sources (not yet checked on
 * the organisations' own sites: see `checkedOn` there).
 */
export const nationalLines = {
  alarm: { phone: '112' },
  politie: { phone: '0900-8844' },
  'veilig-thuis': { phone: '0800-2000' },
  csg: { phone: '0800-0188' },
  helpwanted: { phone: '020-261 52 75', web: 'https://www.helpwanted.nl/' },
  'meld-misdaad-anoniem': { phone: '0800-7000' },
  slachtofferhulp: { phone: '0900-0101' },
  akj: { phone: '088-555 1000' },
  /** 113 Zelfmoordpreventie: also 0800-0113, free; both day and night (named in its text). */
  zelfmoordpreventie: { phone: '113' },
} as const satisfies Record<string, { phone: string; web?: string }>;

export type NationalLine = keyof typeof nationalLines;

/** A list of national lines with what each is for and a tap-to-call number. */
export function NationalLines({ ctx, lines }: { ctx: PageContext; lines: readonly NationalLine[] }) {
  const { t } = ctx;
  return (
    <ul class="app-lines">
      {lines.map((line) => {
        const entry: { phone: string; web?: string } = nationalLines[line];
        return (
          <li key={line} class="app-lines__item">
            {line === 'alarm' && <Pictogram ctx={ctx} name="call112" />}
            {line === 'veilig-thuis' && <Pictogram ctx={ctx} name="callVeiligThuis" />}
            <span class="app-lines__name">{t(`service.${line}.name` as const)}</span> <PhoneLink number={entry.phone} />
            <br />
            <span class="app-lines__text">{t(`service.${line}.text` as const)}</span>
            {entry.web !== undefined && (
              <>
                {' '}
                <a href={safeUrl(entry.web)} rel="noopener noreferrer external">
                  {new URL(entry.web).hostname.replace(/^www\./, '')}
                </a>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
