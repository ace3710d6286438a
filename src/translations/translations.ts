import type { Translations } from '../shared/i18n/i18n.js';
import { ar } from './ar.js';
import { makkelijk } from './makkelijk.js';
import { pl } from './pl.js';
import { tr } from './tr.js';

/**
 * The languages beside the complete nl and en (docs/adr/0050): each one's messages so far, and the pages
 * declared translated in it. A page listed here must have every key it uses in that language
 * (translations.test.ts); every other page is shown in the language's fallback (`languageInfo[...].locale`)
 * with a notice, in the chosen language, that offers Dutch or English. `reviewed` is flipped by a reviewer once a
 * native speaker has checked the page; until then the page says, in its language, that it is not yet reviewed.
 */
export const translations: Translations = {
  makkelijk: { messages: makkelijk, pages: { frame: { reviewed: false }, '/nu': { reviewed: false } } },
  ar: { messages: ar, pages: { frame: { reviewed: false }, '/nu': { reviewed: false } } },
  tr: { messages: tr, pages: { frame: { reviewed: false }, '/nu': { reviewed: false } } },
  pl: { messages: pl, pages: { frame: { reviewed: false }, '/nu': { reviewed: false } } },
};
