import type { Translations } from '../shared/i18n/i18n.js';
import { ar } from './ar.js';
import { arProfessional } from './ar.professional.js';
import { arPublic } from './ar.public.js';
import { makkelijk } from './makkelijk.js';
import { makkelijkPages } from './makkelijk.pages.js';
import { mergeParts } from './parts.js';
import { pl } from './pl.js';
import { plProfessional } from './pl.professional.js';
import { plPublic } from './pl.public.js';
import { tr } from './tr.js';
import { trProfessional } from './tr.professional.js';
import { trPublic } from './tr.public.js';

/**
 * The languages beside the complete nl and en (docs/adr/0050): each one's messages so far, and the pages
 * declared translated in it. A page listed here must have every key it uses in that language
 * (translations.test.ts); every other page is shown in the language's fallback (`languageInfo[...].locale`)
 * with a notice, in the chosen language, that offers Dutch or English. A language holding every key of the
 * catalogue has every page translated without listing them. Whether a page is reviewed by a native speaker is a
 * mark a reviewer sets in the CMS (/beheer/vertalingen, ADR 0053); until then the page says, in its language, that
 * it is not yet reviewed.
 */
export const translations: Translations = {
  makkelijk: {
    messages: mergeParts('makkelijk', makkelijk, makkelijkPages),
    // The check (its questions too: content/check/v2.json holds them in makkelijk) and the help finder, ADR 0054.
    pages: ['frame', '/nu', '/check', '/hulp', '/hulp/na-check'],
  },
  ar: {
    messages: mergeParts('ar', ar, arPublic, arProfessional),
    pages: ['frame', '/nu'],
  },
  tr: {
    messages: mergeParts('tr', tr, trPublic, trProfessional),
    pages: ['frame', '/nu'],
  },
  pl: {
    messages: mergeParts('pl', pl, plPublic, plProfessional),
    pages: ['frame', '/nu'],
  },
};
