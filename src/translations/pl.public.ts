import type { PartialCatalogue } from '../shared/i18n/messages.js';

/*
 * pl: the public part of the interface catalogue (docs/adr/0050; the keys of this part are listed in
 * scripts/translation-todo.ts). Not yet reviewed by a native speaker: translations.ts.
 *
 * Polish, addressing the reader directly ("ty"), as pl.ts does. Glossary of the recurring terms:
 *   check (de check)          -> test ("Zrób test"; menu "Sprawdź")
 *   help finder               -> Znajdź pomoc / pomoc w pobliżu
 *   journal (dagboek)         -> dziennik; entry (notitie) -> wpis
 *   quick exit (Snel weg)     -> Szybkie wyjście
 *   account                   -> konto; sign in/out -> zaloguj się / wyloguj się
 *   trusted person            -> osoba zaufana
 *   export                    -> eksport / pobierz (plik)
 *   verify (controleren)      -> sprawdzenie autentyczności (weryfikacja)
 *   case space (samenwerking) -> współpraca
 *   care worker (hulpverlener)-> specjalista / osoba udzielająca pomocy
 *   organisation              -> organizacja
 *   safety region             -> region bezpieczeństwa (veiligheidsregio)
 *   police unit               -> jednostka policji (politie-eenheid)
 *   municipality / postcode   -> gmina / kod pocztowy
 *   report to police (aangifte) -> zawiadomienie na policję (aangifte)
 *   report (melding, Veilig Thuis) -> zgłoszenie
 * Dutch organisations keep their Dutch name, with a Polish explanation where a parent needs one.
 */
export const plPublic: PartialCatalogue = {
  // help: the help finder.
  'help.title': 'Pomoc w pobliżu',
  'help.intro':
    'Wpisz swój kod pocztowy lub gminę. Zobaczysz, kto może ci pomóc, jak się z nim skontaktować i czy jest teraz otwarte.',
  'help.field.label': 'Kod pocztowy lub gmina',
  'help.field.hint': 'Na przykład 9711, 9711 AB lub Groningen.',
  'help.submit': 'Szukaj pomocy',
  'help.dangerTitle': 'Niebezpieczeństwo? Dzwoń od razu',
  'help.localTitle': 'Kto pomaga w {place}?',
  'help.placeFacts':
    '{place} leży w prowincji {province}, region bezpieczeństwa (veiligheidsregio) {region}. Jednostka policji: {unit}.',
  'help.policeUnit': 'Jednostka policji {unit}',
  'help.veiligThuisRegion': 'Połączysz się z Veilig Thuis w twoim regionie ({region}).',
  'help.nationalTitle': 'Ogólnokrajowe telefony pomocy',
  'help.nationalIntro': 'Te telefony pomagają w całej Holandii.',
  'help.noLocal':
    'Dla tego miejsca nie możemy jeszcze pokazać organizacji regionalnych. Veilig Thuis i policja pomagają wszędzie.',
  'help.choose.title': 'Którą gminę masz na myśli?',
  'help.choose.text': 'Ten kod pocztowy lub nazwa należy do więcej niż jednej gminy. Wybierz swoją.',
  'help.unknown.title': 'Nie znamy tego miejsca',
  'help.unknown.text':
    'Nie znaleźliśmy „{query}”. Sprawdź pisownię albo spróbuj wpisać kod pocztowy. Ogólnokrajowe telefony pomocy poniżej pomagają zawsze.',
  'help.unknown.suggestions': 'Czy chodzi ci o:',
  'help.invalid.too-long': 'To jest za długie. Wpisz tylko kod pocztowy albo nazwę swojej gminy.',
  'help.invalid.postcode-format':
    'Kod pocztowy ma 4 cyfry (czasem też 2 litery) i nie zaczyna się od 0. Na przykład 9711 lub 9711 AB.',
  'help.invalid.characters': 'Używaj tylko liter lub cyfr. Wpisz kod pocztowy albo nazwę swojej gminy.',
  'help.invalid.missing': 'Nic nie wpisano. Wpisz kod pocztowy albo nazwę swojej gminy.',
  'help.errorTitle': 'Coś jest nie tak z tym, co wpisano',
  'help.hours.always': 'Dostępne w dzień i w nocy',
  'help.hours.openUntil': 'Teraz otwarte, do {time}',
  'help.hours.closedOpens':
    'Teraz zamknięte. Otwarte ponownie {day, select, today {dziś} tomorrow {jutro} mon {w poniedziałek} tue {we wtorek} wed {w środę} thu {w czwartek} fri {w piątek} sat {w sobotę} sun {w niedzielę} other {}} o {time}',
  'help.hours.closed': 'Teraz zamknięte',
  'help.hours.unknown': 'Godziny otwarcia: zobacz na stronie internetowej lub zadzwoń',
  'help.chat': 'Czat',
  'help.chatHours': 'Czat: {state}',
  'help.website': 'Strona internetowa',
  'help.email': 'E-mail',
  'help.interpreter': 'Możesz poprosić o tłumacza.',
  'help.source': 'Źródło:',
  'help.checkedOn': 'Sprawdzone {date, date, long}.',
  'help.notCheckedSince': 'Niesprawdzane od {date, date, long}.',
  'help.notCheckedSinceYear': 'Niesprawdzane od {year}.',
  'help.unverified': 'Jeszcze niezatwierdzone',
  'help.attribution': 'Kody pocztowe i gminy: CBS (CC BY 4.0) i GeoNames (CC BY 4.0).',
  'help.checkLink': 'Znajdź pomoc w pobliżu',
  'help.offlineNote':
    'Twój ostatni wynik wyszukiwania zostaje zapisany na tym urządzeniu, więc zobaczysz go też bez internetu. Przycisk „Szybkie wyjście” go usuwa.',

  // orgKind: organisations in the editorial system.
  'orgKind.problem.field': 'Pole {field}: {problem}',
  'orgKind.problem.json': 'Tekst nie jest prawidłowym JSON: {problem}',
  'orgKind.problem.key': 'Krótka nazwa (slug): małe litery i cyfry, z myślnikami pomiędzy, na przykład veilig-thuis.',
  'orgKind.problem.slug': 'Krótka nazwa (slug) musi pozostać {key}.',
  'orgKind.problem.checkPair': 'Przy sprawdzeniu wypełnij oba pola: datę i kto sprawdzał. Albo zostaw oba puste.',
  'orgKind.problem.checkFuture': 'Data sprawdzenia jest w przyszłości.',
  'orgKind.problem.demo': 'Organizacja demonstracyjna nie należy do redakcji.',
  'orgKind.problem.hours': '{field}: to nie jest prawidłowy JSON. Zostaw pole puste, jeśli godziny nie są znane.',
  'orgKind.problem.areaType': 'Wybierz, jaki rodzaj obszaru obsługuje organizacja.',
  'orgKind.hours.unknown': 'Godziny nieznane',
  'orgKind.hours.always': 'Zawsze otwarte',
  'orgKind.hours.closed': 'zamknięte',
  'orgKind.contact': 'Kontakt',
  'orgKind.check': 'Sprawdzenie',
  'orgKind.field.name': 'Nazwa',
  'orgKind.field.descriptionNl': 'Co robią dla rodziców (po niderlandzku)',
  'orgKind.field.descriptionEn': 'Co robią dla rodziców (po angielsku)',
  'orgKind.field.phone': 'Numer telefonu',
  'orgKind.field.phoneNoteNl': 'Przy numerze (po niderlandzku)',
  'orgKind.field.phoneNoteEn': 'Przy numerze (po angielsku)',
  'orgKind.field.chat': 'Czat (adres internetowy)',
  'orgKind.field.web': 'Strona internetowa',
  'orgKind.field.hours': 'Godziny otwarcia',
  'orgKind.field.chatHours': 'Godziny otwarcia czatu',
  'orgKind.field.area': 'Obszar',
  'orgKind.field.areaType': 'Rodzaj obszaru',
  'orgKind.field.areaCodes': 'Kody lub nazwy obszaru',
  'orgKind.field.checkedOn': 'Data sprawdzenia',
  'orgKind.field.checkedBy': 'Kto sprawdził',
  'orgKind.hint.phone': 'Tylko cyfry, spacje i myślniki, na przykład 0800-2000.',
  'orgKind.hint.url': 'Pełny adres zaczynający się od https://.',
  'orgKind.hint.hours':
    'W JSON, w formie jak w content/organisations.json: "always": true dla dnia i nocy albo "weekly" z godzinami na każdy dzień. Puste: nieznane (wtedy strona nie mówi, czy jest otwarte).',
  'orgKind.hint.chatHours': 'Tylko jeśli czat ma inne godziny niż telefon. Ta sama forma co wyżej.',
  'orgKind.hint.areaCodes':
    'Oddzielone przecinkami: prowincje jak PV20, regiony bezpieczeństwa jak VR01, gminy jak GM0014 albo nazwy jednostek policji. Puste, jeśli ogólnokrajowa.',
  'orgKind.hint.check':
    'Wypełnij to tylko wtedy, gdy ktoś naprawdę sprawdził dane na własnej stronie organizacji albo w samej organizacji. Źródło z drugiej ręki to nie jest sprawdzenie.',
  'orgKind.hint.checkedBy': 'Imię i nazwisko lub funkcja, na przykład ‘Redakcja Niet mijn kind’.',
  'orgKind.area.national': 'Ogólnokrajowy',
  'orgKind.area.province': 'Prowincje',
  'orgKind.area.veiligheidsregio': 'Regiony bezpieczeństwa (veiligheidsregio’s)',
  'orgKind.area.police-unit': 'Jednostki policji',
  'orgKind.area.municipalities': 'Gminy',
  'orgKind.controle.title': 'Organizacje do sprawdzenia',
  'orgKind.controle.intro':
    'Tych organizacji nie sprawdzano od {months} miesięcy lub dłużej albo nigdy. Najstarsze są na górze. Sprawdź dane na ich własnej stronie i zapisz sprawdzenie.',
  'orgKind.controle.none': 'Wszystkie organizacje zostały sprawdzone w ciągu ostatnich {months} miesięcy.',
  'orgKind.controle.never': 'Nigdy niesprawdzana',
  'orgKind.controle.since': 'Ostatnio sprawdzona {date, date, long}',
  'orgKind.controle.name': 'Organizacja',
  'orgKind.controle.state': 'Sprawdzenie',
  'orgKind.controle.noDocument': 'Jeszcze nie w redakcji',
  // check: the questionnaire, its advice and its editor.
  'check.submit': 'Zobacz poradę',
  'check.required': 'Odpowiedz na wszystkie pytania. Czegoś nie wiesz? Wybierz wtedy „Nie wiem”.',
  'check.notStored': 'Twoje odpowiedzi nie są zapisywane ani nikomu przekazywane.',
  'check.acuteHint': 'Niebezpieczeństwo? Nie czekaj na te pytania. Dzwoń',
  'check.errorSummary.title': 'Brakuje odpowiedzi',
  'check.errorSummary.missing':
    '{count, plural, one {Brakuje # odpowiedzi.} few {Brakuje # odpowiedzi.} many {Brakuje # odpowiedzi.} other {Brakuje # odpowiedzi.}}',
  'check.missingAnswer': 'Wybierz odpowiedź.',
  'check.rejected.title': 'Ten formularz jest nieprawidłowy',
  'check.rejected.version':
    'Lista pytań w międzyczasie się zmieniła albo już nie istnieje. Zacznij od nowa; to zajmie tylko kilka minut.',
  'check.rejected.form': 'Nie mogliśmy odczytać twoich odpowiedzi. Zacznij test od nowa.',
  'check.rejected.startAgain': 'Zacznij od nowa',
  'check.outcome.pageTitle': 'Porada',
  'check.outcome.yourAdvice': 'Nasza porada',
  'check.outcome.whyTitle': 'Dlaczego ta porada?',
  'check.outcome.weighedIntro': 'Te odpowiedzi miały znaczenie:',
  'check.outcome.noneWeighed': 'Nie podano odpowiedzi, które wskazują na sygnały.',
  'check.outcome.notesTitle': 'Dobrze wiedzieć',
  'check.outcome.today': 'Co możesz zrobić dzisiaj',
  'check.outcome.thisWeek': 'Co możesz zrobić w tym tygodniu',
  'check.outcome.dont': 'Czego lepiej nie robić',
  'check.outcome.contact': 'Jak utrzymać kontakt z dzieckiem',
  'check.outcome.services': 'Do kogo możesz zadzwonić?',
  'check.outcome.findHelpCounted':
    'Jeśli tu szukasz, doliczamy 1 do twojej porady i twojego regionu bezpieczeństwa. Tak widzimy dla każdego regionu, jak często rodzice szukają pomocy po teście. Twoja porada nie trafia do adresu strony ani do twojej historii przeglądania.',
  'check.outcome.worryEnough':
    'Niepokój wystarczy, żeby zadzwonić po poradę do Veilig Thuis (0800-2000). Nie musisz niczego udowadniać. Mało sygnałów nie znaczy, że wszystko jest w porządku: wyzyskiwacze działają czasem szybko i przez internet.',
  'check.outcome.notDiagnosis':
    'Ta porada nie jest diagnozą ani oceną twojego dziecka. Pomaga ci zrobić następny krok.',
  'check.outcome.assaultTitle': 'Wykorzystanie seksualne w ciągu ostatnich 7 dni',
  'check.outcome.print': 'Wydrukuj tę poradę',
  'check.outcome.notStored':
    'Twoje odpowiedzi nie zostały zapisane. Chcesz zachować tę poradę? Wydrukuj ją albo zapisz.',
  'check.outcome.startAgain': 'Odpowiedz na pytania jeszcze raz',
  'check.outcome.readSignals': 'Przeczytaj więcej o sygnałach',
  'check.outcome.readWhatToDo': 'Przeczytaj, co możesz zrobić, a czego lepiej nie',
  'check.outcome.yourAnswer': 'Twoja odpowiedź: {answer}',
  'check.notValidated':
    'Uwaga: te pytania nie zostały przetestowane ani zbadane naukowo. Nie dają pewności. Pomagają tylko wybrać następny krok.',
  'check.outcome.notValidated':
    'Ta porada wynika z pytań, które nie zostały przetestowane ani zbadane naukowo. To tylko pomoc w wyborze następnego kroku. Masz wątpliwości? Zadzwoń po poradę do Veilig Thuis (0800-2000).',
  'check.outcome.doNow': 'Zrób to teraz',
  'check.outcome.sourcesTitle': 'Źródła tej porady',
  'check.outcome.callFirst': 'Najpierw zadzwoń',
  'check.outcome.alsoTitle': 'Zaznaczono też:',
  'check.outcome.nextTitle': 'Co możesz zrobić potem',
  'check.outcome.readFamilySafety': 'Przeczytaj, co robić, gdy tobie lub twojej rodzinie ktoś grozi',
  'check.editor.language': 'en',
  'check.editor.title': 'Lista pytań, wersja {version}',
  'check.editor.json': 'Lista pytań (JSON)',
  'check.editor.jsonHint':
    'Cała wersja jako JSON, jak w content/check/. Numer wersji i status "draft" ustawia system; publikacja zmienia go na "published" i wycofuje poprzednią wersję.',
  'check.editor.problems': 'To jeszcze się nie zgadza:',
  'check.editor.notJson': 'To nie jest prawidłowy JSON: {message}',
  'check.editor.at': '{path}: {message}',
  'check.editor.whole': 'cała lista pytań',
  'check.editor.item': 'nr {number}',
  'check.editor.wrongKey': 'Jest tylko jedna lista pytań, z kluczem "check".',
  'check.editor.previewNote': 'Tak rodzice widzą pytania. Tutaj nie można ich wysłać.',
  'check.field.intro': 'Tytuł i wstęp',
  'check.field.question': 'Pytanie {id}',
  'check.field.rule': 'Reguła: {name}',
  'check.field.outcome': 'Porada {level}',
  'check.field.block': 'Blok porady {name}',
  'check.field.sources': 'Źródła',
  'check.words.options': 'Odpowiedzi: {options}',
  'check.words.scale': 'skala {scale}',
  'check.words.category': 'liczy się do {category}',
  'check.words.weight': 'waga {weight}',
  'check.words.acute': 'pilne: {kind}',
  'check.words.critical': 'sygnał krytyczny',
  'check.words.family': 'otwiera gałąź o rodzinie',
  'check.words.raises': 'przy „{answer}” co najmniej {level}',
  'check.words.guidance': 'przy „{answer}” blok {block}',
  'check.words.threshold':
    '{level}: od {minScore} punktów albo „tak” w {minCategories} rodzajach sygnałów{critical, select, true {, albo sygnał krytyczny} other {}}',
  'check.words.family.rule': 'gałąź o rodzinie przy {answers}: co najmniej {level}',
  'check.words.acuteRule': 'pilne sytuacje w tej kolejności: {order}',
  'check.words.counting': 'liczy się jako „tak”: {answers}',
  'check.safety.duplicate': 'Pytanie {id} występuje dwa razy.',
  'check.safety.unknownScale': 'Pytanie {id} używa skali odpowiedzi {scale}, ale taka skala nie istnieje.',
  'check.safety.unknownCategory': 'Pytanie {id} liczy się do rodzaju sygnału {category}, ale taki rodzaj nie istnieje.',
  'check.safety.unknownAnswer': 'Pytanie {id} podaje odpowiedź {answer}, ale nie ma jej na skali tego pytania.',
  'check.safety.unknownGuidance': 'Pytanie {id} otwiera blok porady {block}, ale taki blok nie istnieje.',
  'check.safety.acuteWithoutRule': 'Pilne pytanie {id} ({kind}) nie ma miejsca w kolejności albo nie ma poziomu.',
  'check.safety.acuteWithoutBlock': 'Pilne pytanie {id} ({kind}) nie ma bloku porady w situations.',
  'check.safety.ruleNamesMissingAnswer':
    'Reguła {rule} podaje odpowiedź {answer}, ale żadne pytanie nie daje takiej odpowiedzi.',
  'check.safety.ruleNamesMissingQuestion':
    'Kolejność pilnych sytuacji wymienia {kind}, ale żadne pytanie o to nie pyta.',
  'check.safety.noOutcome': 'Nie ma porady dla poziomu {level}.',
  'check.safety.noFamilyQuestion': 'Żadne pytanie nie otwiera gałęzi o rodzinie.',
  'check.safety.promisedQuestionMissing':
    'Brakuje pytania {id}. Test obiecuje, że o ten sygnał pyta (content/check/README.md).',
  'check.safety.calmNotLowest':
    'Gdy rodzice wszędzie wybiorą pierwszą odpowiedź, porada nie jest na najniższym poziomie.',
  'check.safety.criticalTooLow':
    'Sam jeden sygnał krytyczny („{question}”: {answer}) nie prowadzi do „Zadzwoń dzisiaj”.',
  'check.safety.strongTooLow':
    'Sam jeden silny sygnał („{question}”: {answer}) nie prowadzi co najmniej do „Poproś o poradę”.',
  'check.safety.ordinaryTooHigh':
    'Sam jeden zwykły sygnał („{question}”: {answer}) prowadzi wyżej niż najniższy poziom. Zrób z niego silny sygnał (waga 2) albo go obniż.',
  'check.safety.levelUnreachable': 'Żadna odpowiedź nie prowadzi do poziomu {level}.',
  'check.safety.nightsAway':
    '„{question}”: {answer} musi prowadzić do „Zadzwoń dzisiaj” i do bloku porady o zaginięciu z numerem 112.',
  'check.safety.blackmail113': '„{question}”: {answer} nie pokazuje 113 Zelfmoordpreventie.',
  'check.safety.noSituations': 'Ta wersja nie ma pilnych sytuacji (situations i situationOrder).',
  'check.safety.acuteNotAsked': 'Żadne pytanie nie pyta o pilną sytuację {kind}.',
  'check.safety.acuteWrong':
    '„{question}”: {answer} musi prowadzić co najmniej do {level}, z {first} jako pierwszym numerem.',
  'check.safety.acuteOrder':
    '„{one}” i „{other}” razem: 112 nie jest wtedy pierwszym numerem. Umieść sytuacje z 112 na początku w situationOrder.',
  'check.safety.family': '„{question}”: {answer} musi otwierać gałąź o rodzinie, z co najmniej „Zadzwoń dzisiaj”.',
  'check.safety.familyDont':
    'Gałąź o rodzinie nie mówi, czego rodzice nie powinni robić (nie konfrontować się z tą osobą).',
  'check.safety.notMonotonic':
    'Bardziej niepokojąca odpowiedź obniża poradę: „{question}”: {answer} (razem z {other}). Każda reguła może poradę tylko podwyższać.',
  'check.safety.goodNews': 'Tekst nazywa coś „dobrą wiadomością”. Żadna porada nie może tak mówić.',
  'check.safety.veiligThuis': 'Porada {level} nie wymienia Veilig Thuis wśród tych, do kogo można zadzwonić.',
  'check.safety.confronting':
    'Ta porada każe z kimś rozmawiać lub się konfrontować: „{text}”. To należy tylko do tego, czego się nie robi.',
  'check.safety.noSources': 'Fakty w poradzie nie mają źródeł.',
  // content: editing information pages.
  'content.edit.title': 'Tytuł',
  'content.edit.summary': 'Streszczenie',
  'content.edit.summaryHint': 'Jedno lub dwa zdania. Są pod tytułem i na liście stron.',
  'content.edit.audience': 'Dla kogo',
  'content.edit.topic': 'Temat',
  'content.edit.sources': 'Źródła',
  'content.edit.sourcesHint': 'Jedno źródło w wierszu: tytuł | wydawca | adres. Wydawca i adres mogą zostać puste.',
  'content.edit.lastReviewed': 'Ostatnio sprawdzone',
  'content.edit.order': 'Kolejność na liście',
  'content.edit.orderHint': 'Liczba od 0 do 10000. Niższa jest wyżej.',
  'content.edit.body': 'Tekst (markdown)',
  'content.edit.bodyHint':
    'Nagłówki z ## i ###, listy z -, linki jako [tekst](https://…). HTML nie jest pokazywany. Tabele: najwyżej 200 wierszy i 12 kolumn.',
  'content.edit.yes': 'tak',
  'content.edit.no': 'nie',
  'content.edit.audience.parents': 'Rodzice',
  'content.edit.audience.professionals': 'Specjaliści',
  'content.edit.audience.everyone': 'Wszyscy',
  'content.edit.problem.frontMatter': 'Nie da się odczytać danych nad tekstem: {message}',
  'content.edit.problem.field': '{field}: {message}',
  'content.edit.problem.key':
    'Klucz musi mieć postać język/nazwa, na przykład nl/veilig-gebruik (małe litery, cyfry i myślniki).',
  'content.edit.problem.slugInUse':
    'Ta nazwa jest już w tym języku używana przez inny rodzaj strony. Nic nie zostało opublikowane.',
  'content.edit.problem.tooLong': 'Tekst ma {characters} znaków. Maksimum to 100.000.',
  'content.edit.problem.tableTooLarge':
    'Tabela ma {rows} wierszy i {columns} kolumn. Maksimum to 200 wierszy i 12 kolumn.',
  'content.edit.problem.linkScheme':
    'Link {href} jest niedozwolony. Użyj https://, http://, mailto:, tel: albo adresu na tej stronie (na przykład /informatie/…).',
  'content.edit.problem.rawHtml': 'Tekst zawiera HTML (znacznik {tag}). HTML nie jest pokazywany. Użyj markdown.',
  'content.edit.problem.source': 'Źródło w wierszu {line}: napisz tytuł | wydawca | adres.',
  'content.edit.problem.number': 'Kolejność musi być liczbą całkowitą.',

  // info: the information pages.
  'info.index.title': 'Informacje',
  'info.index.intro': 'Wyjaśnienia o wykorzystywaniu seksualnym, dla rodziców i dla specjalistów.',
  'info.index.count':
    '{count, plural, =0 {Jeszcze brak stron} one {# strona} few {# strony} many {# stron} other {# strony}}',
  'info.index.group.begrijpen': 'Zrozumieć, co się dzieje',
  'info.index.group.handelen': 'Co możesz zrobić',
  'info.index.group.steun': 'Gdy to trwa długo, i wsparcie dla ciebie',
  'info.index.group.over': 'O tej stronie',
  'info.page.onThisPage': 'Na tej stronie',
  'info.page.sources': 'Źródła',
  'info.page.lastReviewed': 'Ostatnio sprawdzone {date, date, long}',
  'info.page.allPages': 'Wszystkie informacje',
  'info.feedback.question': 'Czy ta strona ci pomogła?',
  'info.feedback.yes': 'Tak',
  'info.feedback.no': 'Nie',
  'info.feedback.privacy': 'Zapisujemy tylko liczbę odpowiedzi na dzień. Nic o tobie.',
  'info.feedback.thanks': 'Dziękujemy. Twoja odpowiedź pomaga nam ulepszyć informacje.',
  'info.feedback.invalid': 'Wybierz Tak lub Nie.',

  // home: the front page.
  'home.title': 'Martwisz się o swoje dziecko?',
  'home.intro':
    'Czy twoje dziecko się zmieniło? Ma nagle nowe rzeczy, starszego „przyjaciela” albo czasem nie wraca na noc? Twoje przeczucie jest ważne. Tutaj przeczytasz, co może się dziać i co możesz zrobić.',
  'home.worried.title': 'Martwię się',
  'home.worried.text':
    'Przeczytaj, czym jest wykorzystywanie seksualne, jak działają sprawcy i co możesz teraz zrobić.',
  'home.worried.link': 'Do informacji',
  'home.help.title': 'Szukam pomocy',
  'home.help.text':
    'Zadzwoń po poradę do Veilig Thuis (Bezpieczny Dom). To nic nie kosztuje i można dzwonić w dzień i w nocy. Możesz też najpierw poprosić tylko o poradę.',
  'home.help.call': 'Zadzwoń do Veilig Thuis: {number}',
  'home.help.danger': 'Twoje dziecko jest w niebezpieczeństwie albo właśnie zaginęło? Dzwoń',
  'home.professional.title': 'Jestem specjalistą',
  'home.professional.text':
    'Pracujesz w opiece, w policji, w szkole albo jako lekarz rodzinny? Przeczytaj, dla kogo jest ta strona i jak możesz pomóc rodzicom.',
  'home.professional.link': 'O tej stronie',
  'home.safe.title': 'Bezpieczne korzystanie z tej strony',
  'home.safe.text':
    'Dzielisz telefon lub komputer z innymi? Użyj przycisku „Szybkie wyjście” na górze. Przeczytaj, jak ukryć swoją wizytę.',
  'home.safe.link': 'Bezpieczne korzystanie',
  'home.now.link': 'Co mam teraz zrobić?',
  'home.now.text':
    'Twoje dziecko zaginęło, jest w niebezpieczeństwie albo właśnie wróciło? Przeczytaj, co możesz zrobić od razu.',
  'home.check.title': 'Sprawdź swoje obawy',
  'home.check.text':
    'Kilka pytań pomoże ci uporządkować obawy. Dostaniesz poradę, jaki zrobić następny krok. Nic nie jest zapisywane.',
  'home.check.link': 'Zacznij test',
  // service: the phone lines shown on many pages.
  'service.alarm.name': 'Numer alarmowy',
  'service.alarm.text': 'W niebezpieczeństwie albo gdy twoje dziecko właśnie zaginęło.',
  'service.politie.name': 'Policja, sprawy niepilne',
  'service.politie.text':
    'Na rozmowę informacyjną albo żeby złożyć zawiadomienie (aangifte). Poproś o zedenpolitie (policję do spraw przestępstw seksualnych).',
  'service.veilig-thuis.name': 'Veilig Thuis',
  'service.veilig-thuis.text': 'Porady i zgłoszenia, także anonimowo. Bezpłatnie, w dzień i w nocy.',
  'service.csg.name': 'Centrum Seksueel Geweld',
  'service.csg.text': 'Po wykorzystaniu lub napaści seksualnej w ciągu ostatnich 7 dni. Bezpłatnie, w dzień i w nocy.',
  'service.helpwanted.name': 'Helpwanted',
  'service.helpwanted.text':
    'Pomoc przy wykorzystywaniu w internecie, sextortion (szantażu seksualnym) i usuwaniu zdjęć lub filmów.',
  'service.meld-misdaad-anoniem.name': 'Meld Misdaad Anoniem',
  'service.meld-misdaad-anoniem.text': 'Anonimowa informacja o przestępstwie.',
  'service.slachtofferhulp.name': 'Slachtofferhulp Nederland',
  'service.slachtofferhulp.text':
    'Wsparcie i praktyczna pomoc dla ofiar, także dla rodziców i rodziny. Pomoc jest bezpłatna; połączenie kosztuje tyle co lokalne.',
  'service.akj.name': 'Osoba zaufania AKJ (vertrouwenspersoon)',
  'service.akj.text': 'Pomoc przy pytaniach lub skargach dotyczących pomocy dla młodzieży (jeugdhulp).',
  'service.zelfmoordpreventie.name': '113 Zelfmoordpreventie',
  'service.zelfmoordpreventie.text':
    'Gdy twoje dziecko (albo ty) nie chce już żyć. Albo zadzwoń bezpłatnie pod 0800-0113. W dzień i w nocy, także z pytaniami jako rodzic.',

  // mail: e-mails (neutral: nothing about what the site is about).
  'mail.accountChanged.subject': 'Coś się zmieniło na twoim koncie',
  'mail.accountChanged.text':
    'Dzień dobry,\n\nNa twoim koncie coś się właśnie zmieniło. To ty? Wtedy nie musisz nic robić.\nTo nie ty? Zaloguj się i zajrzyj na stronę swojego konta.\n',
  'mail.caseNews.subject': 'Jest coś nowego dla ciebie',
  'mail.caseNews.text':
    'Dzień dobry,\n\nJest coś nowego dla ciebie. Zaloguj się na stronie, aby to zobaczyć.\n\nJak często dostajesz tę wiadomość, wybierasz sam po zalogowaniu.\n',
  'mail.requestWaiting.subject': 'Prośba czeka na twoją odpowiedź',
  'mail.requestWaiting.text':
    'Dzień dobry,\n\nDla twojego konta złożono prośbę. Zaloguj się i zajrzyj na stronę swojego konta.\nJeśli nic nie zrobisz, prośba zostanie wykonana po upływie czasu oczekiwania.\n',
  'mail.invitation.subject': 'Twoje zaproszenie do założenia konta',
  'mail.invitation.text':
    'Dzień dobry,\n\nZaproszono cię do założenia konta. Otwórz ten link, aby zacząć:\n\n{link}\n\nLink działa tylko raz i jest ważny przez kilka dni. Nie spodziewałeś się tej wiadomości? Możesz ją zignorować.\n',

  // form: a generic form problem.
  'form.problem.invalid': 'To pole się nie zgadza. Sprawdź jeszcze raz, co wpisano.',
  // feedback: readers' feedback on information pages.
  'feedback.form.title': 'Czego ci brakowało?',
  'feedback.form.label': 'Czego brakowało ci na tej stronie albo co było niejasne?',
  'feedback.form.hint': 'Najwyżej 1.000 znaków. Nie musisz tego wypełniać.',
  'feedback.form.warning':
    'Nie pisz imion, nazwisk, adresów, numerów telefonów ani niczego innego, po czym ktoś mógłby rozpoznać twoje dziecko lub waszą rodzinę.',
  'feedback.form.whoReads':
    'To, co napiszesz, czyta tylko redakcja. Nie dostaniesz odpowiedzi. Używamy twojego tekstu, żeby ulepszyć informacje.',
  'feedback.form.helpNow': 'Potrzebujesz pomocy teraz?',
  'feedback.form.helpNowLink': 'Zobacz Pomoc teraz',
  'feedback.form.veiligThuis': 'albo zadzwoń do Veilig Thuis (bezpłatnie, w dzień i w nocy):',
  'feedback.form.submit': 'Wyślij',
  'feedback.form.back': 'Wróć do „{title}”',
  'feedback.sent.title': 'Dziękujemy',
  'feedback.sent.text': 'Redakcja przeczyta twój tekst. Nie dostaniesz odpowiedzi.',
  'feedback.text.invalid': 'Napisz tekst w polu i wyślij go raz.',
  'feedback.text.missing': 'Pole jest puste. Napisz, czego ci brakowało, albo wróć do strony.',
  'feedback.text.tooLong': 'Twój tekst jest za długi. Użyj najwyżej 1.000 znaków.',
  'feedback.text.control':
    'Twój tekst zawiera znaki, których nie umiemy odczytać. Wpisz go jeszcze raz, bez kopiowania.',
  'feedback.text.markup': 'Pisz zwykłym tekstem, bez HTML ani kodu.',
  'feedback.text.contact': 'Usuń z tekstu adresy e-mail, numery telefonów i kody pocztowe.',
  'feedback.admin.title': 'Uwagi czytelników',
  'feedback.admin.intro':
    'Dla każdej strony: jak często czytelnicy mówili, że im pomogła lub nie, oraz teksty zatwierdzone przez redakcję.',
  'feedback.admin.retention':
    'Teksty, których nikt nie oceni, są usuwane po 30 dniach. Zatwierdzone teksty po 12 miesiącach.',
  'feedback.admin.queue.title': 'Do oceny ({count})',
  'feedback.admin.queue.hint':
    'Zatwierdź tekst tylko wtedy, gdy nie ma w nim niczego, po czym ktoś mógłby rozpoznać dziecko lub rodzinę. W przeciwnym razie go usuń.',
  'feedback.admin.queue.empty': 'Żadne teksty nie czekają.',
  'feedback.admin.received': 'Otrzymano {date, date, long}',
  'feedback.admin.accept': 'Zatwierdź',
  'feedback.admin.discard': 'Usuń',
  'feedback.admin.pages.title': 'Według stron',
  'feedback.admin.pages.empty': 'Jeszcze brak uwag.',
  'feedback.admin.pages.helpful': 'Pomogła: {count}',
  'feedback.admin.pages.notHelpful': 'Nie pomogła: {count}',
  'feedback.admin.pages.texts': 'Zatwierdzone teksty',
  'feedback.admin.pages.unknown': 'Strona już nie istnieje',
  'feedback.admin.accepted': 'Tekst został zatwierdzony.',
  'feedback.admin.discarded': 'Tekst został usunięty.',
  // account: registering, logging in, recovery, second step, passkeys, data.
  'account.username.missing': 'Wpisz nazwę użytkownika.',
  'account.username.length': 'Nazwa użytkownika ma od 3 do 40 znaków.',
  'account.username.characters': 'Używaj tylko liter, cyfr, kropek, myślników i podkreśleń. Bez spacji.',
  'account.username.taken': 'Ta nazwa użytkownika jest już zajęta. Wybierz inną.',
  'account.passphrase.missing': 'Wpisz frazę hasła.',
  'account.passphrase.tooShort': 'Fraza hasła ma co najmniej 12 znaków. Wskazówka: wybierz 4 osobne słowa.',
  'account.passphrase.tooLong': 'Ta fraza hasła jest za długa. Wybierz krótszą.',
  'account.passphrase.mismatch': 'Obie frazy hasła nie są takie same.',
  'account.passphrase.weak':
    'Tę frazę hasła za łatwo odgadnąć albo jest na listach wykradzionych haseł. Wybierz 4 słowa, które do siebie nie pasują.',
  'account.register.title': 'Załóż konto',
  'account.register.intro':
    'Z kontem możesz później prowadzić bezpieczny dziennik. Potrzebujesz tylko nazwy użytkownika i frazy hasła. Adres e-mail nie jest potrzebny.',
  'account.register.warningTitle': 'Uwaga: nikt nie może zresetować twojej frazy hasła',
  'account.register.warning':
    'Wszystko na twoim koncie jest szyfrowane twoją frazą hasła. Jeśli zgubisz frazę hasła i kod odzyskiwania, nikt nie odzyska twoich danych, także my.',
  'account.register.username': 'Nazwa użytkownika',
  'account.register.usernameHint': 'Wybierz nazwę, która nic nie mówi o tobie ani o twoim dziecku.',
  'account.register.passphrase': 'Fraza hasła',
  'account.register.passphraseHint':
    'Co najmniej 12 znaków. Wskazówka: 4 osobne słowa, na przykład „lampa rower deszcz jabłko”. Można wkleić.',
  'account.register.again': 'Fraza hasła jeszcze raz',
  'account.register.submit': 'Załóż konto',
  'account.register.haveAccount': 'Masz już konto? Zaloguj się',
  'account.register.throttled':
    'Z tego adresu wypróbowano zbyt wiele nazw, które są już zajęte. Spróbuj ponownie o {time}.',
  'account.recovery.title': 'Twój kod odzyskiwania',
  'account.recovery.intro': 'Twoje konto jest gotowe. To jest twój kod odzyskiwania. Zobaczysz go tylko raz.',
  'account.recovery.why':
    'Zapomniałeś frazy hasła? Dzięki temu kodowi wrócisz na swoje konto. Bez frazy hasła i bez tego kodu nikt nie odzyska twoich danych.',
  'account.recovery.keep':
    'Zapisz kod na papierze albo wydrukuj tę stronę i przechowuj w miejscu, do którego nikt inny nie ma dostępu. Uwaga: wydrukowana lub pobrana strona zostaje na tym urządzeniu albo w drukarce.',
  'account.recovery.fingerprint': 'Odcisk (fingerprint) twojego klucza do podpisywania',
  'account.recovery.fingerprintHint':
    'Dzięki temu policja może później sprawdzić, że twój dziennik pochodzi z twojego konta. Teraz nie musisz z tym nic robić.',
  'account.recovery.print': 'Wydrukuj tę stronę',
  'account.recovery.done': 'Zachowałem kod, dalej',
  'account.login.title': 'Logowanie',
  'account.login.username': 'Nazwa użytkownika',
  'account.login.passphrase': 'Fraza hasła',
  'account.login.submit': 'Zaloguj się',
  'account.login.failed': 'Ta nazwa użytkownika i fraza hasła do siebie nie pasują. Spróbuj ponownie.',
  'account.login.noAccount': 'Nie masz jeszcze konta? Załóż je',
  'account.title': 'Moje konto',
  'account.signedInAs': 'Zalogowano jako {name}.',
  'account.sessions.title': 'Gdzie jesteś zalogowany',
  'account.sessions.intro': 'Widzisz urządzenie, którego nie znasz? Wyloguj je.',
  'account.sessions.this': 'To urządzenie',
  'account.sessions.lastActive': 'Ostatnio aktywne: {date, date, long} o {time}',
  'account.sessions.end': 'Wyloguj na tym urządzeniu',
  'account.sessions.endOthers': 'Wyloguj wszędzie indziej',
  'account.logout': 'Wyloguj się',
  'account.idle': 'Zostaniesz automatycznie wylogowany, jeśli przez {minutes} minut nic nie zrobisz.',
  'account.login.throttled':
    'Zbyt wiele prób. Spróbuj ponownie o {time}. Nie pamiętasz frazy hasła? Użyj kodu odzyskiwania.',
  'account.recover.title': 'Zaloguj się kodem odzyskiwania',
  'account.recover.intro':
    'Nie pamiętasz frazy hasła? Wpisz nazwę użytkownika i kod odzyskiwania, i wybierz nową frazę hasła. Potem dostaniesz nowy kod odzyskiwania: stary przestanie działać. Zostaniesz wylogowany na wszystkich urządzeniach.',
  'account.recover.code': 'Kod odzyskiwania',
  'account.recover.codeHint': '28 znaków, na przykład ABCD-EFGH-… Wielkie litery i myślniki nie mają znaczenia.',
  'account.recover.newPassphrase': 'Nowa fraza hasła',
  'account.recover.submit': 'Odzyskaj',
  'account.recover.failed': 'Ta nazwa użytkownika i kod odzyskiwania do siebie nie pasują.',
  'account.recover.code.length': 'Kod odzyskiwania ma 28 znaków (bez myślników).',
  'account.recover.code.characters': 'Kod odzyskiwania zawiera tylko cyfry i litery, bez litery U.',
  'account.recover.code.checksum': 'Ten kod odzyskiwania się nie zgadza. Sprawdź, czy dobrze go przepisano.',
  'account.login.forgot': 'Nie pamiętasz frazy hasła? Zaloguj się kodem odzyskiwania',
  'account.code.title': 'Kod z twojej aplikacji',
  'account.code.intro': 'Otwórz aplikację z kodami logowania i wpisz 6-cyfrowy kod.',
  'account.code.label': 'Kod z 6 cyfr',
  'account.code.submit': 'Zaloguj się',
  'account.code.failed':
    'Ten kod się nie zgadza, wygasł albo został już użyty. Poczekaj na następny kod i spróbuj ponownie.',
  'account.totp.title': 'Drugi krok przy logowaniu',
  'account.totp.intro':
    'Dzięki drugiemu krokowi ktoś, kto zna twoją frazę hasła, nadal nie może się zalogować. Dodaj poniższy klucz do aplikacji z kodami logowania (na przykład aplikacji uwierzytelniającej), a potem wpisz kod z tej aplikacji.',
  'account.totp.key': 'Klucz do twojej aplikacji:',
  'account.totp.confirm': 'Włącz drugi krok',
  'account.totp.again': 'Wpisz kod, który aplikacja pokazuje teraz.',
  'account.totp.done': 'Drugi krok jest włączony. Przy logowaniu będziemy teraz prosić także o kod z twojej aplikacji.',
  'account.passkey.title': 'Klucze dostępu',
  'account.passkey.link': 'Klucze dostępu (passkeys)',
  'account.passkey.intro':
    'Klucz dostępu (passkey) to drugi krok przy logowaniu, tak jak kod z aplikacji. Klucz jest w twoim telefonie, komputerze albo kluczu bezpieczeństwa. Po frazie hasła potwierdzasz odciskiem palca, twarzą, kodem PIN albo naciśnięciem przycisku.',
  'account.passkey.listTitle': 'Twoje klucze dostępu',
  'account.passkey.none': 'Nie masz jeszcze klucza dostępu.',
  'account.passkey.added': 'Dodano {date, date, long}',
  'account.passkey.lastUsed': 'Ostatnio użyty: {date, date, long} o {time}',
  'account.passkey.neverUsed': 'Jeszcze nieużywany',
  'account.passkey.addTitle': 'Dodaj klucz dostępu',
  'account.passkey.nickname': 'Nazwa tego klucza dostępu (nieobowiązkowo)',
  'account.passkey.nicknameHint':
    'Na przykład „telefon”. Wybierz nazwę, która nic nie mówi o tobie ani o twoim dziecku.',
  'account.passkey.add': 'Dodaj klucz dostępu',
  'account.passkey.needsJs':
    'Klucz dostępu wymaga JavaScriptu. Włącz JavaScript w przeglądarce albo użyj kodu z aplikacji.',
  'account.passkey.unsupported':
    'Ta przeglądarka nie obsługuje kluczy dostępu. Spróbuj innej przeglądarki albo użyj kodu z aplikacji.',
  'account.passkey.cancelled': 'To się nie udało. Może zostało przerwane albo trwało zbyt długo. Spróbuj ponownie.',
  'account.passkey.malformed': 'Nie mogliśmy odczytać odpowiedzi twojego klucza dostępu. Spróbuj ponownie.',
  'account.passkey.refused':
    'Ten klucz dostępu nie został przyjęty. Może prośba wygasła albo została już użyta. Spróbuj ponownie.',
  'account.passkey.duplicate': 'Ten klucz dostępu został już dodany.',
  'account.passkey.nicknameTooLong': 'Nazwa ma najwyżej 50 znaków.',
  'account.passkey.removeLabel': 'Twoja fraza hasła, aby usunąć „{name}”',
  'account.passkey.remove': 'Usuń',
  'account.secondStep.title': 'Drugi krok',
  'account.secondStep.intro': 'Pokaż, że to ty. Wybierz jeden ze sposobów poniżej.',
  'account.secondStep.passkeyTitle': 'Kluczem dostępu',
  'account.secondStep.passkeyButton': 'Użyj klucza dostępu',
  'account.secondStep.codeTitle': 'Kodem z aplikacji',
  'account.data.title': 'Twoje dane',
  'account.data.downloadTitle': 'Pobierz swoje dane',
  'account.data.downloadText':
    'Dostaniesz czytelny plik ze wszystkim, co przechowujemy o twoim koncie. Uwaga: ten plik będzie potem na tym urządzeniu.',
  'account.data.download': 'Pobierz moje dane',
  'account.data.deleteTitle': 'Usuń konto',
  'account.data.deleteText':
    'Wszystko na twoim koncie zostanie zniszczone, także twoje klucze: nikt nie będzie mógł tego potem otworzyć, także my. To, co zapisano dla policji, też zniknie. Tego nie da się cofnąć.',
  'account.data.delete': 'Usuń moje konto',
  'account.data.confirmLabel': 'Twoja fraza hasła, dla potwierdzenia',
  'account.data.wrong': 'Ta fraza hasła się nie zgadza.',
  'account.data.deleted': 'Twoje konto zostało usunięte.',
  'account.email.title': 'E-mail do powiadomień (nieobowiązkowo)',
  'account.email.text':
    'Jeśli podasz adres e-mail, wyślemy krótkie powiadomienie, gdy coś się zmieni na twoim koncie, na przykład gdy ktoś użyje twojego kodu odzyskiwania. Wiadomość nigdy nie mówi, czego dotyczy ta strona. Zostaw pole puste, aby usunąć swój adres.',
  'account.email.label': 'Adres e-mail',
  'account.email.save': 'Zapisz',
  'account.email.invalid': 'To nie jest prawidłowy adres e-mail.',
  'account.passphrase.title': 'Zmień frazę hasła',
  'account.passphrase.text':
    'Twoje dane pozostają czytelne: tylko klucz, który je otwiera, dostaje nowy zamek. Na wszystkich innych urządzeniach zostaniesz wylogowany.',
  'account.passphrase.current': 'Twoja obecna fraza hasła',
  'account.passphrase.save': 'Zmień frazę hasła',
  'account.passphrase.throttled': 'Zbyt wiele prób. Spróbuj ponownie później.',
  'account.rotate.link': 'Ktoś może znać twoją frazę hasła? Utwórz nowe klucze',
  'account.rotate.title': 'Utwórz nowe klucze',
  'account.rotate.intro':
    'Myślisz, że ktoś zna twoją frazę hasła albo widział twój kod odzyskiwania? Utwórz wtedy nowe klucze. Potem ta osoba nie dostanie się już na twoje konto.',
  'account.rotate.when':
    'Zrób to na przykład wtedy, gdy ktoś patrzył ci przez ramię, gdy gdzieś zostawiłeś kod albo gdy po prostu nie masz pewności.',
  'account.rotate.whatTitle': 'Co się stanie?',
  'account.rotate.whatKeys':
    'Twoje konto dostanie nowe klucze i nową frazę hasła. Twój dziennik i pamiętnik pozostaną czytelne.',
  'account.rotate.whatCode': 'Dostaniesz nowy kod odzyskiwania. Stary kod odzyskiwania przestanie działać.',
  'account.rotate.whatSessions':
    'Na wszystkich innych urządzeniach zostaniesz wylogowany. Tutaj pozostaniesz zalogowany.',
  'account.rotate.whatFingerprint':
    'Twój klucz do podpisywania dostanie nowy odcisk (fingerprint). Stary pozostaje ważny dla tego, co napisano wcześniej.',
  'account.rotate.submit': 'Utwórz nowe klucze',
  'account.rotate.back': 'Wróć do swojego konta',
  'account.rotate.conflict':
    'Twoje klucze zostały właśnie odnowione, na przykład w innej karcie. Zaloguj się ponownie i spróbuj jeszcze raz.',
  'account.rotate.doneIntro': 'Twoje konto ma nowe klucze. To jest twój nowy kod odzyskiwania. Zobaczysz go tylko raz.',
  'account.rotate.oldGone':
    'Twoja stara fraza hasła i stary kod odzyskiwania już nie działają. Na wszystkich innych urządzeniach zostałeś wylogowany.',
  'account.rotate.previousFingerprint': 'Odcisk (fingerprint) twojego poprzedniego klucza do podpisywania',
  'account.rotate.previousFingerprintHint':
    'Czy przekazałeś go wcześniej policji? Pozostaje ważny: poprzedni klucz podpisał nowy.',
};
