import type { Translation } from '../../shared/i18n/messages.js';

/** The reviewers' marks on translations, /beheer/vertalingen (ADR 0053). Merged in src/messages.ts. */
const nl = {
  'translationReview.title': 'Vertalingen nakijken',
  'translationReview.intro':
    'Een vertaalde pagina zegt in haar taal dat ze nog niet is nagekeken. Dat blijft zo tot een moedertaalspreker de tekst heeft gecontroleerd en een eindredacteur dat hier aangeeft. Een pagina telt als nagekeken als het kader én de pagina zelf zijn nagekeken.',
  'translationReview.readOnly': 'Alleen een eindredacteur of een beheerder kan een pagina als nagekeken markeren.',
  'translationReview.complete': 'Deze taal heeft alle teksten: elke pagina is vertaald.',
  'translationReview.column.page': 'Pagina',
  'translationReview.column.state': 'Stand',
  'translationReview.column.action': 'Actie',
  'translationReview.page.frame': 'Kader: menu, Snel weg, noodnummers en foutpagina’s',
  'translationReview.page.interface':
    'Alle andere pagina’s: account, logboek, de lijn en de pagina’s voor professionals (alle teksten van de taal)',
  'translationReview.page.content': 'Informatie: {slug}',
  'translationReview.state.reviewed': 'Nagekeken op {date, date, long}',
  'translationReview.state.unreviewed': 'Nog niet nagekeken',
  'translationReview.action.mark': 'Markeer als nagekeken',
  'translationReview.action.withdraw': 'Trek de markering in',
  'translationReview.done.marked': 'De pagina is gemarkeerd als nagekeken.',
  'translationReview.done.withdrawn': 'De markering is ingetrokken. De pagina zegt weer dat ze nog niet is nagekeken.',
  'translationReview.problem.language': 'Deze taal staat niet in de lijst. Kies een taal uit de lijst hieronder.',
  'translationReview.problem.page':
    'Deze pagina is in deze taal niet vertaald. Kies een pagina uit de lijst hieronder.',
  'translationReview.problem.action': 'Kies markeren of intrekken, met een knop in de lijst hieronder.',
};

const en: Translation<typeof nl> = {
  'translationReview.title': 'Reviewing translations',
  'translationReview.intro':
    'A translated page says in its language that it has not been reviewed yet. It does so until a native speaker has checked the text and a reviewer records that here. A page counts as reviewed when both the frame and the page itself are reviewed.',
  'translationReview.readOnly': 'Only a reviewer or an administrator can mark a page as reviewed.',
  'translationReview.complete': 'This language has every text: every page is translated.',
  'translationReview.column.page': 'Page',
  'translationReview.column.state': 'State',
  'translationReview.column.action': 'Action',
  'translationReview.page.frame': 'Frame: menu, Quick exit, emergency numbers and error pages',
  'translationReview.page.interface':
    'Every other page: account, journal, de lijn and the pages for professionals (all texts of the language)',
  'translationReview.page.content': 'Information: {slug}',
  'translationReview.state.reviewed': 'Reviewed on {date, date, long}',
  'translationReview.state.unreviewed': 'Not reviewed yet',
  'translationReview.action.mark': 'Mark as reviewed',
  'translationReview.action.withdraw': 'Withdraw the mark',
  'translationReview.done.marked': 'The page is marked as reviewed.',
  'translationReview.done.withdrawn': 'The mark is withdrawn. The page says again that it has not been reviewed yet.',
  'translationReview.problem.language': 'This language is not in the list. Choose a language from the list below.',
  'translationReview.problem.page': 'This page is not translated in this language. Choose a page from the list below.',
  'translationReview.problem.action': 'Choose mark or withdraw, with a button in the list below.',
};

export const translationReviewMessages = { nl, en };
