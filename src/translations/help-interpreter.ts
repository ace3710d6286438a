import type { PartialCatalogue } from '../shared/i18n/messages.js';

/*
 * The help finder's interpreter line (ADR 0054) in the languages beside nl and en: three short messages added after
 * the translators' parts were handed out, written by a developer and unreviewed like the rest. A translator who
 * improves one moves it into their own part and deletes it here (a key in two parts fails at start-up).
 */
export const helpInterpreterMakkelijk: PartialCatalogue = {
  'help.interpreter.no': 'Hier kan geen tolk komen. Dat zegt de bron.',
  'help.interpreter.unknown': 'Kan er een tolk komen? Dat weten we niet.\nVraag het als je belt.',
  'help.interpreter.languages': 'Ze spreken ook: {languages}.',
};
export const helpInterpreterAr: PartialCatalogue = {
  'help.interpreter.no': 'بحسب المصدر، لا يمكن توفير مترجم هنا.',
  'help.interpreter.unknown': 'المترجم: لا نعرف. اسأل عندما تتصل.',
  'help.interpreter.languages': 'يتحدثون أيضًا: {languages}.',
};
export const helpInterpreterTr: PartialCatalogue = {
  'help.interpreter.no': 'Kaynağa göre burada tercüman sağlanamıyor.',
  'help.interpreter.unknown': 'Tercüman: bilmiyoruz. Aradığınızda sorun.',
  'help.interpreter.languages': 'Şu dilleri de konuşuyorlar: {languages}.',
};
export const helpInterpreterPl: PartialCatalogue = {
  'help.interpreter.no': 'Według źródła nie można tu zapewnić tłumacza.',
  'help.interpreter.unknown': 'Tłumacz: nie wiemy. Zapytaj, gdy zadzwonisz.',
  'help.interpreter.languages': 'Mówią też: {languages}.',
};
