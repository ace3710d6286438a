import type { PartialCatalogue } from '../shared/i18n/messages.js';

/*
 * pl: the public part of the interface catalogue (docs/adr/0050; the keys of this part are listed in
 * scripts/translation-todo.ts). Not yet reviewed by a native speaker: translations.ts.
 *
 * Polish, addressing the reader directly ("ty"), as pl.ts does. Glossary of the recurring terms:
 *   check (de check)          -> test ("Zrób test"; menu "Sprawdź")
 *   help finder               -> Znajdź pomoc / pomoc w pobliżu
 *   journal (logboek)         -> dziennik; note (notitie, melding) -> wpis; diary (dagboek) -> pamiętnik
 *   passphrase (wachtwoordzin, also "wachtwoord" in trustedPerson) -> fraza hasła
 *   recovery code (herstelcode) -> kod odzyskiwania; passkey (toegangssleutel) -> klucz dostępu
 *   fingerprint (vingerafdruk) -> odcisk (fingerprint); link code (koppelcode) -> kod powiązania
 *   erase (wissen) -> usunąć; withheld (achtergehouden) -> zatrzymany; advice (advies) -> porada
 *   quick exit (Snel weg)     -> Szybkie wyjście
 *   account                   -> konto; sign in/out -> zaloguj się / wyloguj się
 *   trusted person            -> osoba zaufana
 *   export                    -> eksport
 *   verify (controleren)      -> sprawdzić / sprawdzenie
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
  'account.recovery.done': 'Mam zapisany kod, dalej',
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
  // trustedPerson: a way back in through another parent.
  'trustedPerson.link': 'Osoba zaufana: droga powrotu, gdy stracisz wszystko',
  'trustedPerson.title': 'Osoba zaufana',
  'trustedPerson.intro':
    'Zgubiłeś frazę hasła i kod odzyskiwania? Wtedy osoba zaufana może pomóc ci wrócić na konto. To ktoś, kto dobrze cię zna i sam ma tutaj konto rodzica.',
  'trustedPerson.how.title': 'Jak to działa',
  'trustedPerson.how.offer':
    'Twoja osoba zaufana tworzy na tej stronie kod powiązania i przekazuje go tobie osobiście.',
  'trustedPerson.how.name':
    'Ty wpisujesz poniżej jej nazwę użytkownika i kod powiązania oraz wybierasz czas oczekiwania.',
  'trustedPerson.how.request':
    'Straciłeś wszystko? Wtedy twoja osoba zaufana prosi o dostęp. Dostajesz o tym wiadomość: na tej stronie i e-mailem, jeśli podałeś adres. Możesz wtedy odmówić.',
  'trustedPerson.how.grant':
    'Nie odmówiłeś do końca czasu oczekiwania? Wtedy twoja osoba zaufana tworzy dla ciebie nowy kod odzyskiwania. Za jego pomocą sam wybierasz nową frazę hasła, przez „Nie pamiętasz frazy hasła?”.',
  'trustedPerson.how.trust':
    'Twoja osoba zaufana nie może czytać twojego dziennika. Ale po czasie oczekiwania może wejść na twoje konto. Wybierz więc kogoś, komu naprawdę ufasz.',
  'trustedPerson.mine.title': 'Twoja osoba zaufana',
  'trustedPerson.mine.none': 'Nie masz jeszcze osoby zaufanej.',
  'trustedPerson.mine.named': 'Twoja osoba zaufana to {name}, od {date, date, long}. Czas oczekiwania to {days} dni.',
  'trustedPerson.mine.renewNeeded':
    'Klucze osoby {name} zostały odnowione. Potwierdź osobę {name} ponownie, inaczej osoba {name} nie będzie mogła ci pomóc.',
  'trustedPerson.mine.renew': 'Potwierdź ponownie',
  'trustedPerson.mine.waiting':
    'Osoba {name} poprosiła {date, date, long} o dostęp do twojego konta. Jeśli nie odmówisz, osoba {name} może od {until, date, long} utworzyć dla ciebie nowy kod odzyskiwania.',
  'trustedPerson.mine.granted':
    'Czas oczekiwania minął. Osoba {name} może teraz utworzyć dla ciebie nowy kod odzyskiwania. Nie chcesz tego? Odmów teraz.',
  'trustedPerson.mine.refused': 'Prośba osoby {name} została odrzucona {date, date, long}.',
  'trustedPerson.mine.used':
    'Osoba {name} utworzyła dla ciebie {date, date, long} nowy kod odzyskiwania. Nie było to z tobą uzgodnione? Odnów wtedy swoje klucze i wybierz inną osobę zaufaną.',
  'trustedPerson.mine.rotate': 'Odnów klucze',
  'trustedPerson.mine.refuse': 'Odmów prośbie',
  'trustedPerson.mine.remove': 'Usuń osobę zaufaną',
  'trustedPerson.mine.removeHint': 'Zawsze możesz usunąć swoją osobę zaufaną. Ta osoba nie dostanie o tym wiadomości.',
  'trustedPerson.name.title': 'Wybierz osobę zaufaną',
  'trustedPerson.name.username': 'Nazwa użytkownika twojej osoby zaufanej',
  'trustedPerson.name.code': 'Kod powiązania',
  'trustedPerson.name.codeHint': 'Ten kod dostałeś osobiście. Działa przez 24 godziny i tylko raz.',
  'trustedPerson.name.days': 'Czas oczekiwania w dniach',
  'trustedPerson.name.daysHint': 'Od 2 do 30 dni. Radzimy 7 dni.',
  'trustedPerson.name.passphrase': 'Twoja fraza hasła',
  'trustedPerson.name.submit': 'Wybierz osobę zaufaną',
  'trustedPerson.name.usernameMissing': 'Wpisz nazwę użytkownika swojej osoby zaufanej.',
  'trustedPerson.name.codeMissing': 'Wpisz kod powiązania.',
  'trustedPerson.name.codeMalformed': 'Ten kod powiązania się nie zgadza. Sprawdź, czy dobrze go przepisano.',
  'trustedPerson.name.daysInvalid': 'Wybierz czas oczekiwania od 2 do 30 dni.',
  'trustedPerson.name.mismatch':
    'Nazwa użytkownika i kod powiązania do siebie nie pasują. Poproś swoją osobę zaufaną o nowy kod.',
  'trustedPerson.trustedBy.title': 'Osoby, które ci ufają',
  'trustedPerson.trustedBy.named': 'Osoba {name} wybrała cię na swoją osobę zaufaną, od {date, date, long}.',
  'trustedPerson.trustedBy.renewNeeded':
    'Twoje klucze zostały odnowione. {name} musi cię ponownie potwierdzić, zanim będziesz mógł pomóc.',
  'trustedPerson.trustedBy.requestHint':
    'Proś o dostęp tylko wtedy, gdy {name} cię o to poprosi. {name} dostanie wiadomość i może odmówić. Po {days} dniach możesz pomóc.',
  'trustedPerson.trustedBy.request': 'Poproś o dostęp',
  'trustedPerson.trustedBy.refused': 'Osoba {name} odmówiła twojej prośbie {date, date, long}.',
  'trustedPerson.trustedBy.waiting':
    'Poprosiłeś o dostęp {date, date, long}. Jeśli {name} nie odmówi, od {until, date, long} możesz utworzyć nowy kod odzyskiwania.',
  'trustedPerson.trustedBy.granted':
    'Czas oczekiwania minął. Utwórz nowy kod odzyskiwania dla osoby {name} i przekaż go osobiście.',
  'trustedPerson.trustedBy.passphrase': 'Twoja własna fraza hasła',
  'trustedPerson.trustedBy.makeCode': 'Utwórz nowy kod odzyskiwania',
  'trustedPerson.trustedBy.wrong': 'Twoja fraza hasła się nie zgadza.',
  'trustedPerson.trustedBy.refusedNow': 'Teraz się to nie uda. Może prośba została odrzucona. Załaduj stronę ponownie.',
  'trustedPerson.offer.title': 'Ktoś chce wybrać cię na swoją osobę zaufaną?',
  'trustedPerson.offer.intro':
    'Utwórz kod powiązania i przekaż go tej osobie osobiście, razem ze swoją nazwą użytkownika. Kod działa przez 24 godziny i tylko raz.',
  'trustedPerson.offer.open': 'Utworzono kod powiązania. Działa do {date, date, long}, godz. {time}.',
  'trustedPerson.offer.submit': 'Utwórz kod powiązania',
  'trustedPerson.offer.codeTitle': 'Twój kod powiązania',
  'trustedPerson.offer.codeIntro':
    'Przekaż ten kod i swoją nazwę użytkownika ({name}) osobiście osobie, która chce cię wybrać. Zobaczysz ten kod tylko raz.',
  'trustedPerson.code.title': 'Nowy kod odzyskiwania dla {name}',
  'trustedPerson.code.intro':
    'Przekaż ten kod osobiście osobie {name}. Nie wysyłaj go przez komunikator ani e-mailem. Zobaczysz ten kod tylko raz.',
  'trustedPerson.code.how':
    'Z nazwą użytkownika {name} i tym kodem {name} wybiera nową frazę hasła na stronie „Nie pamiętasz frazy hasła?”. Stary kod odzyskiwania osoby {name} przestaje działać.',
  'trustedPerson.code.recoverLink': 'Do „Nie pamiętasz frazy hasła?”',
  'trustedPerson.accountNotice': 'Prośba twojej osoby zaufanej czeka na twoją odpowiedź. Zobacz, co chcesz zrobić.',
  'trustedPerson.back': 'Wróć do swojego konta',
  // journal: the journal (logboek -> dziennik), its notes (notitie -> wpis), the diary (dagboek -> pamiętnik).
  'journal.nav.export': 'Eksport',
  'journal.export.title': 'Eksport dziennika dla policji',
  'journal.export.lead':
    'Utwórz plik (ZIP) ze swoimi wpisami: PDF do czytania i plik, dzięki któremu policja może sprawdzić, że nic nie zostało zmienione.',
  'journal.export.honest':
    'Podpis twojego konta pokazuje, że wpis został napisany z twojego konta, a nie kto go pisał. Dziennik pokazuje, kiedy coś zapisano i że potem tego nie zmieniono. Nie dowodzi, że to prawda.',
  'journal.export.diary': 'Twój pamiętnik nigdy nie jest w eksporcie.',
  'journal.export.empty': 'Twój dziennik jest jeszcze pusty. Najpierw napisz wpis.',
  'journal.export.anchorsTitle': 'Przekaż to policji osobiście',
  'journal.export.anchors':
    'Dzięki tym danym policjant prowadzący sprawę może sprawdzić, że eksport naprawdę pochodzi z twojego konta i że nic nie zostało usunięte z twojego dziennika. Najlepiej przekaż je osobiście lub na papierze.',
  'journal.export.fingerprint': 'Odcisk (fingerprint) twojego konta',
  'journal.export.checkpoint': 'Stan twojego dziennika',
  'journal.export.checkpointSize':
    '{size, plural, one {1 wpis} few {# wpisy} many {# wpisów} other {# wpisu}}, liczba kontrolna:',
  'journal.export.label': 'Jak nazywasz swoje dziecko w tym eksporcie?',
  'journal.export.labelHint': 'Na przykład imię albo inicjał. Ta nazwa jest na każdej stronie PDF.',
  'journal.export.which': 'Które wpisy?',
  'journal.export.mode.alles': 'Wszystkie wpisy',
  'journal.export.mode.reeks': 'Wpisy o numerach od … do … włącznie',
  'journal.export.mode.deel': 'Tylko wpisy, które zaznaczę poniżej',
  'journal.export.from': 'Od numeru',
  'journal.export.to': 'Do numeru włącznie',
  'journal.export.pick': 'Wybierz wpisy',
  'journal.export.correction': 'poprawka',
  'journal.export.redactions':
    'Usunięte wpisy są zawsze w eksporcie jako „usunięty”, razem z wpisem, który je usunął. Wpisy, których nie wybierzesz, są w nim jako „nieudostępniony”.',
  'journal.export.known':
    'Czy policja ma już jakiś stan twojego dziennika? Wpisz wtedy jego liczbę wpisów (jeśli chcesz)',
  'journal.export.knownHint': 'Wtedy policja może sprawdzić, że od tego czasu nic się nie zmieniło.',
  'journal.export.passphrase': 'Twoja fraza hasła',
  'journal.export.passphraseHint': 'Pytamy o nią ponownie, bo eksport może zawierać wszystkie twoje wpisy.',
  'journal.export.passphraseFresh': 'Podano frazę hasła mniej niż 5 minut temu. Możesz teraz zostawić to pole puste.',
  'journal.export.busy': 'Eksport się zaczyna. Za chwilę zobaczysz, jak daleko jest.',
  'journal.export.device':
    'Uwaga: plik trafi do pobranych plików na tym urządzeniu. Przekaż go policji, a potem go usuń, jeśli z tego urządzenia korzystają inni.',
  'journal.export.submit': 'Pobierz eksport',
  'journal.export.verifyLink': 'Sprawdź eksport',
  'journal.upload.unreadable':
    'Formularz nie dotarł do nas poprawnie albo w całości. Nic nie zostało zapisane. Wróć i wyślij go ponownie. Ciągle się nie udaje? Wyślij mniej plików albo mniejsze pliki.',
  'journal.upload.tooMuch':
    'Formularz ma więcej tekstu lub pól, niż może mieć wpis. Nic nie zostało zapisane. Skróć tekst i spróbuj ponownie.',
  'journal.upload.busyAccount':
    'Już wysyłasz pliki, może z innego okna. Ten wpis nie został zapisany. Poczekaj, aż tamto się skończy, i spróbuj ponownie.',
  'journal.upload.busyTitle': 'Teraz jest bardzo duży ruch',
  'journal.upload.busyEveryone':
    'W tej chwili wysyła się naraz wiele plików. Twój wpis nie został zapisany. Wróć i spróbuj ponownie za minutę. W niebezpieczeństwie? Dzwoń pod 112.',
  'journal.export.problem.label': 'Wpisz, jak nazywasz swoje dziecko w tym eksporcie (najwyżej 80 znaków).',
  'journal.export.problem.mode': 'Wybierz, które wpisy trafią do eksportu.',
  'journal.export.problem.range': 'Wpisz dwa numery, które istnieją w twoim dzienniku, pierwszy nie większy niż drugi.',
  'journal.export.problem.nothing': 'Zaznacz co najmniej jeden wpis.',
  'journal.export.problem.known': 'Wpisz liczbę wpisów, którą twój dziennik kiedyś miał, albo zostaw puste.',
  'journal.export.problem.passphrase': 'Ta fraza hasła się nie zgadza.',
  'journal.export.problem.throttled': 'Zbyt wiele razy podano złą frazę hasła. Spróbuj ponownie później.',
  'journal.export.attachments': 'Które zdjęcia i pliki?',
  'journal.export.attachmentsHint':
    'To, czego nie przekażesz, zostaje w twoim dzienniku. Eksport pokazuje jednak, że to istnieje, a policja może później sprawdzić, że się nie zmieniło.',
  'journal.export.attachments.alle': 'Wszystkie zdjęcia i pliki przy tych wpisach',
  'journal.export.attachments.zonder-origineel':
    'Wszystkie zdjęcia i pliki, ale bez oryginałów z ich danymi (na przykład kiedy i gdzie zrobiono zdjęcie)',
  'journal.export.attachments.geen': 'Bez zdjęć i plików',
  'journal.export.attachments.kies': 'Tylko zdjęcia i pliki, które zaznaczę poniżej',
  'journal.export.attachments.pick': 'Wybierz zdjęcia i pliki',
  'journal.export.attachments.item': 'Wpis {number}, załącznik {attachment}',
  'journal.export.problem.attachments': 'Zaznacz co najmniej jedno zdjęcie lub plik albo wybierz Bez zdjęć i plików.',
  'journal.export.problem.attachmentsMode': 'Wybierz, które zdjęcia i pliki trafią do eksportu.',
  'journal.export.make': 'Utwórz eksport',
  'journal.export.problem.busy':
    'Eksport dla ciebie już jest tworzony. Poczekaj, aż będzie gotowy: na stronie Eksport w trakcie tworzenia widać, jak daleko jest.',
  'journal.export.problem.full':
    'W tej chwili tworzy się naraz wiele eksportów. Spróbuj ponownie za minutę. To, co wpisano, nadal tu jest.',
  'journal.export.status.runningTitle': 'Twój eksport jest tworzony',
  'journal.export.status.doneTitle': 'Twój eksport jest gotowy',
  'journal.export.status.failedTitle': 'Nie udało się utworzyć eksportu',
  'journal.export.status.noneTitle': 'Brak gotowego eksportu',
  'journal.export.status.running':
    'Otwieramy twoje wpisy, tworzymy PDF i wkładamy wszystko do jednego pliku. Przy dużym dzienniku z wieloma zdjęciami może to potrwać kilka minut.',
  'journal.export.status.progressLabel': 'Jak daleko jest eksport',
  'journal.export.status.phase.reading': 'Krok {step} z 3: otwieranie wpisów ({done} z {total})',
  'journal.export.status.phase.pdf': 'Krok {step} z 3: tworzenie PDF ({done} z {total} wpisów)',
  'journal.export.status.phase.zip': 'Krok {step} z 3: wkładanie wszystkiego do jednego pliku',
  'journal.export.status.leave':
    'Możesz poczekać na tej stronie. Jeśli się wylogujesz albo użyjesz szybkiego wyjścia, eksport się zatrzyma i nic nie zostanie zachowane.',
  'journal.export.status.again': 'Sprawdź ponownie',
  'journal.export.status.done': 'Twój eksport jest gotowy ({size}). Pobierz go teraz.',
  'journal.export.status.kept':
    'Plik czeka na ciebie do {until}, zaszyfrowany tak, że tylko ty możesz go otworzyć w tym zalogowaniu. Po pobraniu, po wylogowaniu, po szybkim wyjściu albo po tym czasie znika.',
  'journal.export.status.failed':
    'Coś poszło nie tak przy tworzeniu eksportu. Nic nie zostało zachowane, a twój dziennik się nie zmienił. Spróbuj ponownie.',
  'journal.export.status.tooLargeTitle': 'Ten eksport robi się za duży',
  'journal.export.status.tooLarge':
    'Zdjęcia i pliki w tym eksporcie są razem większe niż {max}. Nic nie zostało zachowane. Utwórz eksport jeszcze raz i wybierz mniej wpisów albo przekaż zdjęcia bez oryginałów lub bez zdjęć. Możesz też utworzyć dwa mniejsze eksporty.',
  'journal.export.status.none': 'Teraz nie jest tworzony żaden eksport dla ciebie i żaden nie czeka.',
  'journal.export.status.gone':
    'Tego eksportu już nie ma: został już pobrany albo minął czas na jego odebranie. Utwórz nowy eksport.',
  'journal.export.status.start': 'Utwórz eksport',
  'journal.title': 'Dziennik',
  'journal.honest':
    'Dziennik może pomóc policji. Sam w sobie nie jest dowodem: pokazuje, co widziałeś i słyszałeś, i kiedy to zapisałeś.',
  'journal.nav.label': 'Dziennik i pamiętnik',
  'journal.nav.list': 'Dziennik',
  'journal.nav.new': 'Nowy wpis',
  'journal.nav.print': 'Drukuj',
  'journal.nav.diary': 'Mój pamiętnik',
  'journal.intro.lead': 'Zapisuj, co widzisz i słyszysz, z datą i godziną. Tak nic ci nie umknie.',
  'journal.intro.private':
    'Twój dziennik jest zaszyfrowany twoim własnym kluczem. My nie możemy go czytać. Potrzebujesz konta: tylko nazwy użytkownika i frazy hasła, bez e-maila.',
  'journal.intro.register': 'Załóż konto',
  'journal.intro.login': 'Zaloguj się',
  'journal.list.lead': 'Twoje wpisy, najnowsze na górze. Nikt inny nie może ich czytać.',
  'journal.list.count':
    '{count, plural, =0 {Jeszcze brak wpisów.} one {1 wpis.} few {# wpisy.} many {# wpisów.} other {# wpisu.}}',
  'journal.list.countFiltered':
    'Znaleziono {count, plural, one {1 wpis} few {# wpisy} many {# wpisów} other {# wpisu}} z {size}.',
  'journal.saved': 'Wpis {number} został zapisany.',
  'journal.filter.legend': 'Szukaj w swoich wpisach',
  'journal.filter.category': 'Rodzaj',
  'journal.filter.all': 'Wszystkie rodzaje',
  'journal.filter.from': 'Wydarzyło się od',
  'journal.filter.to': 'Wydarzyło się do (włącznie)',
  'journal.filter.order': 'Kolejność',
  'journal.filter.byEvent': 'Według daty wydarzenia',
  'journal.filter.byEntry': 'Według kolejności zapisania',
  'journal.filter.submit': 'Pokaż wpisy',
  'journal.pages.label': 'Strony',
  'journal.pages.previous': 'Poprzednia strona',
  'journal.pages.next': 'Następna strona',
  'journal.pages.position': 'Strona {page} z {pages}',
  'journal.category.behaviour': 'Zachowanie',
  'journal.category.absence': 'Nieobecność lub zaginięcie',
  'journal.category.contact': 'Kontakt z podejrzanymi osobami',
  'journal.category.online': 'Telefon i internet',
  'journal.category.money': 'Pieniądze i prezenty',
  'journal.category.health': 'Zdrowie',
  'journal.category.school': 'Szkoła',
  'journal.category.agencies': 'Kontakt z instytucjami',
  'journal.category.other': 'Coś innego',
  'journal.entry.number': 'Wpis {number}',
  'journal.entry.approximate': 'około',
  'journal.entry.received': 'Zapisano {date}',
  'journal.entry.correctionOf': 'Poprawka wpisu',
  'journal.entry.redactionOf': 'Usuwa wpis',
  'journal.entry.correctedIn': 'Poprawiony we wpisie',
  'journal.entry.redactedOn': 'Usunięty {date}',
  'journal.entry.redactedTitle': 'Wpis {number} (usunięty)',
  'journal.entry.redactionTitle': 'Wpis {number}: usunięto wpis',
  'journal.entry.correct': 'Popraw',
  'journal.entry.redact': 'Usuń',
  'journal.entry.related': 'Należy do tego wpisu',
  'journal.new.title': 'Nowy wpis',
  'journal.correct.title': 'Popraw wpis {number}',
  'journal.correct.lead':
    'Twój stary wpis zostaje taki, jaki był. Twoja poprawka staje się nowym wpisem, który do niego odsyła. Tak zawsze widać, co napisano najpierw.',
  'journal.advice.title': 'Jak to zapisać',
  'journal.advice.facts':
    'Zapisuj fakty: co widziałeś lub słyszałeś, kiedy, gdzie i kto przy tym był. To, co o tym myślisz, zapisz osobno.',
  'journal.advice.words':
    'Twoje dziecko samo coś mówi? Zapisz jego własne słowa dosłownie. Zapisz też, o co zapytano lub co powiedziano tuż przedtem.',
  'journal.advice.noQuestioning': 'Nie przesłuchuj dziecka, żeby wypełnić ten dziennik.',
  'journal.advice.why':
    'Jeśli będzie sprawa, z dzieckiem porozmawiają specjalnie przeszkolone osoby. Twoje pytania mogą zmienić relację dziecka, a adwokat sprawcy może przeczytać ten dziennik.',
  'journal.advice.honest': 'Twój dziennik może pomóc policji. Sam w sobie nie jest dowodem.',
  'journal.form.when': 'Kiedy to się stało?',
  'journal.form.childWords': 'Co powiedziało samo dziecko?',
  'journal.form.childWordsHint': 'Tylko jeśli dziecko samo coś opowiedziało. W przeciwnym razie zostaw puste.',
  'journal.form.details': 'Szczegóły (jeśli je znasz)',
  'journal.form.detailsHint': 'Wpisz tylko to, czego jesteś pewien. Wszystko może zostać puste.',
  'journal.form.save': 'Zapisz wpis',
  'journal.field.date': 'Data',
  'journal.field.time': 'Godzina (jeśli ją znasz)',
  'journal.field.timeHint': 'Na przykład 21:30.',
  'journal.field.approximate': 'Data lub godzina jest przybliżona',
  'journal.field.category': 'Czego to dotyczy?',
  'journal.field.text': 'Co się stało?',
  'journal.field.textHint': 'Zapisz, co widziałeś i słyszałeś. Najwyżej {max} znaków.',
  'journal.field.question': 'O co zapytano lub co powiedziano tuż przedtem?',
  'journal.field.questionHint':
    'Na przykład: zapytałem „Jak ci minął dzień?”. Zostaw puste, jeśli nikt o nic nie pytał.',
  'journal.field.words': 'Słowa twojego dziecka, dosłownie',
  'journal.field.wordsHint':
    'Zapisz dokładnie, co powiedziało dziecko, nawet jeśli brzmi to dziwnie albo niedokończenie.',
  'journal.field.people': 'Osoby',
  'journal.field.personName': 'Osoba {row}: imię lub pseudonim',
  'journal.field.personDescription': 'Osoba {row}: jak wygląda?',
  'journal.field.online': 'Nazwy użytkowników i linki',
  'journal.field.phones': 'Numery telefonów',
  'journal.field.plates': 'Numery rejestracyjne',
  'journal.field.platesHint': 'Jeden w wierszu. Zagraniczne numery rejestracyjne też mogą być.',
  'journal.field.places': 'Miejsca i adresy',
  'journal.field.linesHint': 'Jeden w wierszu, najwyżej {max}.',
  'journal.field.missing': 'Nieobecność lub zaginięcie',
  'journal.field.missingFrom': 'od',
  'journal.field.missingUntil': 'do',
  'journal.field.missingFromLabel': 'Nieobecność lub zaginięcie od',
  'journal.field.missingUntilLabel': 'Powrót',
  'journal.field.missingUntilHint':
    'Zostaw puste, jeśli dziecko jeszcze nie wróciło. Twoje dziecko teraz zaginęło? Dzwoń pod 112.',
  'journal.field.agencies': 'Kontakt z instytucjami',
  'journal.field.agencyWho': 'Instytucja {row}: kto (na przykład policja, Veilig Thuis)',
  'journal.field.agencyReference': 'Instytucja {row}: sygnatura lub numer sprawy',
  'journal.field.reference': 'sygnatura',
  'journal.field.files': 'Dodaj pliki (jeśli chcesz)',
  'journal.field.filesWarning':
    'Najpierw sprawdź, czy nie ma na nim nagiego zdjęcia. Także jako małego obrazka na zrzucie ekranu z czatu albo jako zdjęcia profilowego. Jest? Wtedy nie dodawaj pliku, nie przechowuj go i nie wysyłaj.',
  'journal.field.filesHint': 'Zrzuty ekranu, zdjęcia (PNG, JPEG, WebP) lub PDF. Najwyżej 5 plików po 10 MB.',
  'journal.field.ruleConfirm': 'Potwierdzam: w tych plikach nie ma seksualnego obrazu dziecka.',
  'journal.field.keepMetadata': 'Zachowaj też oryginalny plik z miejscem i czasem zdjęcia',
  'journal.field.keepMetadataHint':
    'Zdjęcia często zawierają miejsce, w którym je zrobiono. Zwykle je usuwamy. Wybierz to tylko wtedy, gdy te dane coś pokazują, na przykład gdzie było twoje dziecko. Oryginał pozostaje zaszyfrowany.',
  'journal.flag.phone': 'numer wygląda na błędny, zapisany tak, jak go wpisano',
  'journal.flag.plate': 'to nie jest holenderski numer rejestracyjny, zapisany tak, jak go wpisano',
  'journal.attachments.title': 'Załączniki',
  'journal.attachments.count':
    '{count, plural, one {1 załącznik} few {# załączniki} many {# załączników} other {# załącznika}}',
  'journal.attachment.label': 'Załącznik {number}',
  'journal.attachment.original': 'Oryginalny plik z miejscem i czasem',
  'journal.attachment.sizeKb': '{size} kB',
  'journal.attachment.sizeMb': '{size} MB',
  'journal.attachment.sizeGb': '{size} GB',
  'journal.attachment.type.png': 'Obraz PNG',
  'journal.attachment.type.jpeg': 'Zdjęcie JPEG',
  'journal.attachment.type.webp': 'Obraz WebP',
  'journal.attachment.type.pdf': 'PDF',
  'journal.rule.title': 'Nigdy seksualnych obrazów dziecka',
  'journal.rule.why':
    'Nigdy nie przechowuj ani nie wysyłaj seksualnego zdjęcia lub filmu z dzieckiem, nawet jako dowodu i nawet jako rodzic. Posiadanie lub przesyłanie takich obrazów jest przestępstwem. A każda kopia znowu krzywdzi twoje dziecko.',
  'journal.rule.instead':
    'Zrób raczej tak: zapisz, gdzie to widziałeś (w jakiej aplikacji lub na jakiej stronie), nazwę użytkownika, link i godzinę. Zgłoś to na policję albo do Helpwanted. Oni mogą doprowadzić do usunięcia tych obrazów.',
  'journal.rule.more': 'Więcej o obrazach i prawie',
  'journal.problem.dateMissing': 'Wpisz datę, kiedy to się stało.',
  'journal.problem.dateInvalid': 'Wpisz prawdziwą datę, na przykład 28-11-2026.',
  'journal.problem.dateTooEarly': 'Wpisz datę od 1990 roku.',
  'journal.problem.dateFuture': 'Ta data lub godzina jest w przyszłości. Wpisz, kiedy to się stało.',
  'journal.problem.timeInvalid': 'Wpisz godzinę, na przykład 21:30, albo zostaw puste.',
  'journal.problem.categoryMissing': 'Wybierz, czego to dotyczy.',
  'journal.problem.textMissing': 'Zapisz, co się stało, albo wypełnij jeden ze szczegółów.',
  'journal.problem.textTooLong': 'Twój tekst jest za długi. Skróć go albo podziel na dwa wpisy.',
  'journal.problem.wordsTooLong': 'Ten tekst jest za długi. Skróć go.',
  'journal.problem.lineTooLong': 'Jeden z wierszy jest za długi. Skróć go.',
  'journal.problem.tooManyLines': 'To za dużo wierszy. Podziel je na dwa wpisy.',
  'journal.problem.momentInvalid': 'Wpisz datę i godzinę albo zostaw puste.',
  'journal.problem.untilBeforeFrom': 'Powrót jest przed wyjściem. Sprawdź jeszcze raz daty.',
  'journal.problem.conflict': 'Z tym wpisem to niemożliwe: został usunięty albo sam jest usunięciem.',
  'journal.problem.ruleMissing':
    'Potwierdź, że w plikach nie ma seksualnego obrazu dziecka. Najpierw przeczytaj zasadę powyżej.',
  'journal.problem.tooManyFiles': 'Dodaj najwyżej 5 plików do jednego wpisu.',
  'journal.problem.fileEmpty': 'Jeden z plików jest pusty.',
  'journal.problem.fileTooLarge':
    'Jeden z plików jest większy niż 10 MB. Zmniejsz go albo zrób zrzut ekranu. Jest na nim nagie zdjęcie, nawet jako mały obrazek? Wtedy go nie dodawaj.',
  'journal.problem.fileType':
    'Jeden z plików nie jest plikiem PNG, JPEG, WebP ani PDF. Inne rodzaje plików nie są możliwe.',
  'journal.problem.fileCorrupt': 'Jeden z plików jest uszkodzony i nie da się go otworzyć.',
  'journal.problem.filePixels': 'Jeden z obrazów jest za duży (za dużo pikseli). Zrób mniejszą wersję.',
  'journal.problem.filesAgain': 'Twoje pliki nie zostały jeszcze zapisane. Wybierz je ponownie.',
  'journal.redact.title': 'Usuń wpis {number}',
  'journal.redact.warning':
    'Usunięcia nie można cofnąć. Treść i załączniki zostaną zniszczone. My też nie możemy ich odzyskać. W dzienniku zostaje informacja, że był tu wpis i kiedy go usunięto.',
  'journal.redact.instead':
    'Coś się nie zgadza? Wtedy lepiej popraw wpis. Usuwanie jest dla czegoś, co naprawdę musi zniknąć.',
  'journal.redact.confirm': 'Tak, usuń ten wpis',
  'journal.redact.cancel': 'Nie usuwaj, wróć',
  'journal.print.title': 'Wydrukuj dziennik',
  'journal.print.warning':
    'Uwaga: papier można znaleźć. Przechowuj wydrukowane strony w bezpiecznym miejscu albo od razu przekaż je policji lub specjaliście, który ci pomaga.',
  'journal.print.how': 'Użyj przycisku drukowania w przeglądarce. Wpisy są w kolejności wydarzeń.',
  'journal.diary.title': 'Mój pamiętnik',
  'journal.diary.lead': 'Miejsce na twoje własne uczucia i myśli.',
  'journal.diary.private':
    'Tylko ty możesz to czytać. Twój pamiętnik nigdy nie jest udostępniany i nigdy nie trafia do eksportu dla policji. Jest oddzielony od twojego dziennika.',
  'journal.diary.label': 'Co chcesz z siebie wyrzucić?',
  'journal.diary.save': 'Zapisz w moim pamiętniku',
  'journal.diary.notes': 'Napisane wcześniej',
  'journal.diary.empty': 'Jeszcze nic nie napisano.',
  'journal.diary.delete': 'Usuń',
  'journal.diary.problem.missing': 'Najpierw coś napisz.',
  'journal.diary.problem.tooLong': 'Twój tekst jest za długi. Podziel go na dwie części.',
  // export: the PDF in the journal export.
  'export.pdf.title': 'Dziennik rodzica',
  'export.pdf.about': 'Dotyczy: {label}',
  'export.pdf.exportedAt': 'Ten eksport utworzono {date}.',
  'export.pdf.period': 'Okres: od {from} do {to} włącznie',
  'export.pdf.periodNone': 'Okres: brak wpisów w tym eksporcie',
  'export.pdf.counts.title': 'Co zawiera ten eksport',
  'export.pdf.counts.disclosed': 'Pokazane',
  'export.pdf.counts.withheld': 'Zatrzymane przez rodzica',
  'export.pdf.counts.redacted': 'Usunięte',
  'export.pdf.counts.size': 'Razem w dzienniku',
  'export.pdf.counts.value': '{count, plural, one {# wpis} few {# wpisy} many {# wpisów} other {# wpisu}}',
  'export.pdf.fingerprint.title': 'Odcisk (fingerprint) klucza konta',
  'export.pdf.fingerprint.hint':
    'Porównaj ten kod z kodem, który rodzic przekazał ci osobiście. Są takie same? Wtedy wpisy zostały podpisane kluczem tego konta.',
  'export.pdf.fingerprint.earlierTitle': 'Wcześniejsze klucze tego konta',
  'export.pdf.fingerprint.earlierHint':
    'Konto dostało nowe klucze. Każdy wcześniejszy klucz podpisał przekazanie do następnego. Wpisy sprzed tej zmiany są podpisane wcześniejszym kluczem. Jeśli rodzic przekazał ci wcześniej jeden z tych odcisków, on też jest ważny.',
  'export.pdf.checkpoint.title': 'Punkt kontrolny dziennika',
  'export.pdf.checkpoint.size': 'Liczba wpisów w dzienniku',
  'export.pdf.checkpoint.root': 'Root hash',
  'export.pdf.checkpoint.time': 'Czas',
  'export.pdf.checkpoint.logKey': 'Identyfikator klucza dziennika',
  'export.pdf.honest.title': 'Co to dowodzi, a czego nie',
  'export.pdf.honest.signature':
    'Podpis konta dowodzi, że wpis został napisany w sesji tego konta, a nie kto go pisał.',
  'export.pdf.honest.log':
    'Dziennik serwera dowodzi, kiedy coś zapisano i że od tego czasu nic się nie zmieniło — nigdy tego, że to prawda.',
  'export.pdf.verify.title': 'Jak sprawdzić ten eksport',
  'export.pdf.verify.intro':
    'Ten PDF jest do czytania. Sprawdza się plik manifest.json w tym samym pliku ZIP. Jeśli PDF i manifest.json się różnią, obowiązuje manifest.json.',
  'export.pdf.verify.command': 'W wierszu poleceń, w kodzie źródłowym Niet mijn kind:',
  'export.pdf.verify.page': 'Albo w przeglądarce, także bez internetu, na stronie:',
  'export.pdf.entries.title': 'Wpisy',
  'export.pdf.entries.none': 'W tym eksporcie nie ma wpisów.',
  'export.pdf.entry.number': 'Wpis {number}',
  'export.pdf.entry.approximate': 'około',
  'export.pdf.entry.received': 'Otrzymany przez serwer: {date} (czas holenderski)',
  'export.pdf.entry.correctionOf': 'Poprawka wpisu {number}',
  'export.pdf.entry.correctedBy':
    'Poprawiony {count, plural, one {we wpisie} few {we wpisach} many {we wpisach} other {we wpisach}} {numbers}',
  'export.pdf.entry.redacted': 'Usunięty {date} (czas holenderski). Treść została zniszczona.',
  'export.pdf.entry.redaction':
    'Tym wpisem rodzic usunął wpis {number}. To, co w nim było, zostało zniszczone. Jego miejsce w dzienniku pozostaje.',
  'export.pdf.entry.noContent': 'Brak treści w tym eksporcie.',
  'export.pdf.entry.leafHash': 'Leaf hash: {hash}',
  'export.pdf.field.text': 'Co się stało',
  'export.pdf.field.question': 'O co zapytano lub co powiedziano tuż przedtem',
  'export.pdf.field.words': 'Słowa dziecka, dosłownie',
  'export.pdf.field.people': 'Osoby',
  'export.pdf.field.online': 'Nazwy użytkowników i linki',
  'export.pdf.field.phones': 'Numery telefonów',
  'export.pdf.field.plates': 'Numery rejestracyjne',
  'export.pdf.field.places': 'Miejsca i adresy',
  'export.pdf.field.missing': 'Nieobecność lub zaginięcie',
  'export.pdf.field.missingFrom': 'od {moment}',
  'export.pdf.field.missingUntil': 'do {moment}',
  'export.pdf.field.agencies': 'Kontakt z instytucjami',
  'export.pdf.field.reference': 'sygnatura: {reference}',
  'export.pdf.flag.phone': 'nie wygląda na prawidłowy numer; zapisany tak, jak wpisał go rodzic',
  'export.pdf.flag.plate': 'nie jest holenderskim numerem rejestracyjnym; zapisany tak, jak wpisał go rodzic',
  'export.pdf.attachments.title': 'Załączniki',
  'export.pdf.attachment.label': 'Załącznik {number}: {type}, {size}',
  'export.pdf.attachment.path': 'W pliku ZIP: {path}',
  'export.pdf.attachment.withheld': 'Zatrzymany: nie ma go w tym eksporcie',
  'export.pdf.attachment.original': 'Oryginał z jego danymi (na przykład kiedy i gdzie zrobiono zdjęcie): {path}',
  'export.pdf.attachment.originalWithheld':
    'Oryginał z jego danymi został zachowany, ale nie został przekazany w tym eksporcie.',
  'export.pdf.attachment.type.png': 'obraz PNG',
  'export.pdf.attachment.type.jpeg': 'zdjęcie JPEG',
  'export.pdf.attachment.type.webp': 'obraz WebP',
  'export.pdf.attachment.type.pdf': 'PDF',
  'export.pdf.attachment.type.other': 'plik ({mediaType})',
  'export.pdf.attachment.sizeKb': '{size} kB',
  'export.pdf.attachment.sizeMb': '{size} MB',
  'export.pdf.withheld.title': 'Zatrzymane wpisy',
  'export.pdf.withheld.intro':
    'Rodzic nie umieścił tych wpisów w eksporcie. Są jednak w dzienniku i liczą się do root hash.',
  'export.pdf.withheld.none': 'Brak: rodzic niczego nie zatrzymał.',
  'export.pdf.footer': '{label} · eksport z {date}',
  'export.pdf.page': 'Strona {page} z {pages}',
  // verify: checking a journal export in the browser.
  'verify.title': 'Sprawdź eksport',
  'verify.lead':
    'Sprawdź, czy eksport dziennika rodzica jest prawdziwy i nie został zmieniony. To działa bez internetu: plik nie opuszcza twojego komputera.',
  'verify.noJs.title': 'Bez JavaScriptu',
  'verify.noJs.text':
    'Ta strona sprawdza eksport w twojej przeglądarce i potrzebuje do tego JavaScriptu. Bez JavaScriptu możesz wykonać to samo sprawdzenie w wierszu poleceń:',
  'verify.form.file': 'Eksport (plik ZIP)',
  'verify.form.fileHint': 'Plik, który przekazał ci rodzic, na przykład logboek-export.zip.',
  'verify.form.fingerprint': 'Odcisk (fingerprint) rodzica (nieobowiązkowo)',
  'verify.form.fingerprintHint': '64 znaki (0-9, a-f), które rodzic przekazał ci osobiście. Spacje nie mają znaczenia.',
  'verify.form.submit': 'Sprawdź',
  'verify.busy': 'Trwa sprawdzanie…',
  'verify.result.valid':
    'Ważny: poniższe wpisy, ten PDF i te załączniki są dokładnie tym, co podpisało konto o odcisku {fingerprint} w dniu {signedAt}. Dziennik serwera dowodzi, że wpisy nie zostały zmienione po {checkpointTime}.',
  'verify.result.validText': 'Wszystkie sprawdzenia wypadły dobrze. Poniżej jest to, co zawiera eksport.',
  'verify.result.invalid': 'Nieważny: nie polegaj na tym eksporcie. Ani na wpisach, ani na PDF, ani na załącznikach.',
  'verify.result.invalidText': 'Te sprawdzenia się nie powiodły. Nie używaj treści tego eksportu jako dowodu.',
  'verify.result.entry': 'wpis {entry}',
  'verify.result.detail': 'Wyjaśnienie techniczne (po angielsku)',
  'verify.summary.title': 'Podsumowanie',
  'verify.summary.journal': 'Dziennik',
  'verify.summary.label': 'Nazwa używana przez rodzica (niepodpisana)',
  'verify.summary.size': 'Wpisy w dzienniku',
  'verify.summary.checkpointTime': 'Zapisano',
  'verify.summary.disclosed': 'Pokazane',
  'verify.summary.withheld': 'Zatrzymane przez rodzica',
  'verify.summary.redacted': 'Usunięte przez rodzica',
  'verify.summary.none': 'brak',
  'verify.summary.authorFingerprint': 'Odcisk konta (obliczony)',
  'verify.summary.fingerprintMatches': 'Zgadza się z odciskiem, który wpisano.',
  'verify.summary.fingerprintDiffers': 'NIE zgadza się z odciskiem, który wpisano.',
  'verify.summary.fingerprintCompare': 'Porównaj to z odciskiem, który rodzic przekazał ci osobiście.',
  'verify.summary.fingerprintMatchesEarlier':
    'Zgadza się z wcześniejszym kluczem tego konta. Ten klucz podpisał przekazanie do obecnego klucza.',
  'verify.summary.earlierKeys': 'Wcześniejsze klucze konta',
  'verify.summary.logKey': 'Klucz dziennika',
  'verify.honest.title': 'Co to dowodzi',
  'verify.honest.log': 'Dziennik dowodzi, kiedy każdy wpis został otrzymany i że potem nic w nim nie zmieniono.',
  'verify.honest.account':
    'Podpis konta dowodzi, że wpis został napisany, gdy ktoś był zalogowany na to konto. Nie dowodzi, kto go pisał.',
  'verify.honest.truth': 'Żadne z nich nie dowodzi, że to, co zapisano, jest prawdą.',
  'verify.entries.title': 'Wpisy',
  'verify.entry.heading': 'Wpis {index}',
  'verify.entry.received': 'Otrzymano',
  'verify.entry.kind.entry': 'Wpis',
  'verify.entry.kind.correction': 'Poprawka wpisu {target}',
  'verify.entry.kind.redaction': 'Usunięcie wpisu {target}',
  'verify.entry.date': 'Data',
  'verify.entry.question': 'Pytanie lub uwaga przedtem',
  'verify.entry.words': 'Słowa dziecka',
  'verify.entry.attachments': 'Załączniki (sprawdzone)',
  'verify.entry.withheldAttachments': 'Zatrzymane załączniki',
  'verify.entry.withheldOriginals': 'Oryginały z danymi, zachowane, ale zatrzymane',
  'verify.unsupported':
    'Ta przeglądarka nie może wykonać sprawdzenia. Użyj aktualnej przeglądarki albo wiersza poleceń.',
  'verify.check.zip': 'Plik ZIP',
  'verify.check.manifest': 'Spis treści (manifest.json)',
  'verify.check.encoding': 'Zapisane dane',
  'verify.check.log-key': 'Klucz dziennika',
  'verify.check.author-key': 'Klucz konta',
  'verify.check.author-key-history': 'Wcześniejsze klucze konta',
  'verify.check.checkpoint-signature': 'Podpis punktu kontrolnego',
  'verify.check.checkpoint': 'Punkt kontrolny',
  'verify.check.global-signature': 'Podpis centralnej listy',
  'verify.check.global-inclusion': 'Punkt kontrolny w centralnej liście',
  'verify.check.leaf': 'Dane wpisu',
  'verify.check.account-signature': 'Podpis konta',
  'verify.check.inclusion': 'Wpis w dzienniku',
  'verify.check.commitment': 'Treść wpisu',
  'verify.check.attachment': 'Załącznik',
  'verify.check.links': 'Odesłanie do innego wpisu',
  'verify.check.coverage': 'Wszystkie wpisy uwzględnione',
  'verify.check.time': 'Kolejność w czasie',
  'verify.check.known-checkpoint': 'Wcześniej zanotowany punkt kontrolny',
  'verify.check.internal': 'Sprawdzenie',
  'verify.result.validUnsigned':
    'Ważny, ale to stary eksport bez podpisu eksportu. Polegaj tylko na poniższych wpisach: zostały podpisane przez konto o odcisku {fingerprint}, a dziennik serwera dowodzi, że nie zostały zmienione po {checkpointTime}. PDF, nazwa i czas eksportu NIE zostały sprawdzone.',
  'verify.summary.format': 'Rodzaj eksportu',
  'verify.summary.formatSigned': 'Wersja 2, z podpisem konta na całym eksporcie',
  'verify.summary.formatUnsigned':
    'Wersja 1 (stara), bez podpisu eksportu: PDF, nazwa i czas eksportu nie zostały sprawdzone',
  'verify.summary.formatFailed': 'Wersja 2, ale eksport nie jest już tym, co podpisało konto (zobacz wyżej)',
  'verify.summary.labelSigned': 'Nazwa używana przez rodzica (podpisana)',
  'verify.summary.labelUnverified': 'Nazwa używana przez rodzica (niesprawdzona)',
  'verify.summary.exportedAt': 'Eksport utworzono (podpisane)',
  'verify.summary.exportedAtUnverified': 'Eksport utworzono (niesprawdzone)',
  'verify.summary.pdf': 'SHA-256 pliku journal.pdf',
  'verify.entry.category': 'Temat',
  'verify.check.export-signature': 'Podpis eksportu',
  'verify.check.export-checkpoint': 'Punkt kontrolny eksportu',
  'verify.check.export-indices': 'Zmienione wpisy pokazane, zatrzymane lub usunięte',
  'verify.check.export-label': 'Zmieniona nazwa',
  'verify.check.export-time': 'Zmieniony czas eksportu',
  'verify.check.export-pdf': 'PDF zastąpiony lub zmieniony',
  'verify.check.export-attachment': 'Załącznik zastąpiony, zmieniony, dodany lub brakujący',
  'verify.check.global-timestamp': 'Znacznik czasu centralnej listy',
  'verify.summary.timestamp': 'Znacznik czasu (RFC 3161)',
  'verify.summary.timestampAbsent':
    'Brak. Ten eksport nie ma znacznika czasu od niezależnego urzędu znaczników czasu. To nie jest błąd.',
  'verify.summary.timestampTrusted':
    'Urząd znaczników czasu {tsa} oświadcza, że centralna lista z tym punktem kontrolnym istniała {time}.',
  'verify.summary.timestampUnknown':
    'Urząd znaczników czasu, którego to sprawdzenie nie zna ({tsa}, odcisk {fingerprint}), oświadcza, że centralna lista istniała {time}. Polegaj na tym tylko wtedy, gdy ufasz temu urzędowi.',
  // search
  'search.title': 'Szukaj',
  'search.lead': 'Szukaj w informacjach dla rodziców i w bazie wiedzy dla specjalistów.',
  'search.form.label': 'Czego szukasz?',
  'search.form.hint': 'Na przykład: sygnały, zawiadomienie (aangifte) albo sextortion.',
  'search.form.submit': 'Szukaj',
  'search.privacy':
    'Nie zapisujemy tego, czego szukasz. Nie trafia to do adresu strony ani do twojej historii przeglądania.',
  'search.problem.empty': 'Wpisz słowo, którego szukasz.',
  'search.problem.tooLong': 'Twoje zapytanie jest za długie. Użyj kilku słów (najwyżej 200 znaków).',
  'search.problem.noWords': 'Szukaj słowa z literami lub cyframi, na przykład: sygnały.',
  'search.results.title': 'Wyniki',
  'search.results.count':
    '{count, plural, one {Znaleziono # stronę} few {Znaleziono # strony} many {Znaleziono # stron} other {Znaleziono # strony}}',
  'search.results.none': 'Nic nie znaleźliśmy. Spróbuj innego słowa albo zajrzyj do wszystkich informacji.',
  'search.results.allInformation': 'Wszystkie informacje',
  'search.section.informatie': 'Informacje',
  'search.section.kennisbank': 'Baza wiedzy',
  'search.professionalsOnly': 'Tylko dla specjalistów',

  // survey: four questions for parents about the help they got.
  'survey.offer.title': 'Chcesz nam coś powiedzieć?',
  'survey.offer.text':
    'Chcemy wiedzieć, czy rodzice czują, że dostali pomoc. To 4 krótkie pytania. Twoja odpowiedź jest anonimowa: zapisujemy ją bez twojego imienia i bez konta.',
  'survey.offer.when': 'Pytamy o to najwyżej raz na trzy miesiące.',
  'survey.offer.yes': 'Tak, 4 pytania',
  'survey.offer.no': 'Nie, dziękuję',
  'survey.page.title': 'Cztery pytania o pomoc',
  'survey.page.intro': 'Przy każdym pytaniu wybierz liczbę od 1 (wcale) do 5 (całkowicie). Możesz pominąć pytanie.',
  'survey.page.anonymous':
    'Zapisujemy twoją odpowiedź bez imienia i bez konta, tylko z tygodniem, w którym odpowiedziałeś. Nikt nie może zobaczyć, że to twoja odpowiedź. Ani specjaliści, którzy pomagają, ani policja.',
  'survey.question.care': 'Jak bardzo czułeś się wspierany przez specjalistów, którzy ci pomagali?',
  'survey.question.police': 'Jak bardzo czułeś się wspierany przez policję?',
  'survey.question.understood': 'Czy rozumiałeś, co się działo?',
  'survey.question.nextStep': 'Czy wiedziałeś, co możesz zrobić potem?',
  'survey.scale.1': '1 – wcale',
  'survey.scale.2': '2',
  'survey.scale.3': '3',
  'survey.scale.4': '4',
  'survey.scale.5': '5 – całkowicie',
  'survey.scale.skip': 'Pomijam',
  'survey.text.label': 'Chcesz jeszcze coś dodać? (może zostać puste)',
  'survey.text.hint':
    'Najwyżej 1.000 znaków. Nie pisz imion, nazwisk, adresów ani numerów telefonów. Najpierw twój tekst czyta redaktor. Zapisujemy go tylko wtedy, gdy redaktor go zatwierdzi. W przeciwnym razie go wyrzucamy.',
  'survey.submit': 'Wyślij',
  'survey.cancel': 'Jednak nie? Wróć do swojego konta',
  'survey.thanks.title': 'Dziękujemy',
  'survey.thanks.text': 'Nie zapytamy cię częściej niż raz na trzy miesiące.',
  'survey.thanks.helpNow': 'Potrzebujesz pomocy teraz? Zobacz Pomoc teraz',
  'survey.thanks.back': 'Wróć do swojego konta',
  'survey.problem.score': 'Wybierz liczbę od 1 do 5 albo „Pomijam”.',
  'survey.problem.text': 'Napisz tekst w polu i wyślij formularz raz.',
  'survey.problem.tooLong': 'Twój tekst jest za długi. Użyj najwyżej 1.000 znaków. Sami niczego nie skracamy.',
  'survey.problem.control':
    'Twój tekst zawiera znaki, których nie umiemy odczytać. Wpisz go jeszcze raz, bez kopiowania.',
  'survey.problem.markup': 'Pisz zwykłym tekstem, bez HTML ani kodu.',
  'survey.problem.contact':
    'Usuń z tekstu adresy e-mail, numery telefonów i kody pocztowe. Wtedy twoja odpowiedź pozostanie anonimowa.',
  'survey.problem.nothing':
    'Nic nie wypełniono. Odpowiedz na co najmniej jedno pytanie albo wybierz „Nie, dziękuję”, jeśli nie chcesz brać udziału.',
  'survey.milestone.newTrack': 'sprawa w nowym etapie',
  'survey.milestone.caseClosed': 'sprawa zamknięta',
  'survey.milestone.journal': 'trzy miesiące dziennika',
  'survey.admin.title': 'Teksty rodziców (ankieta)',
  'survey.admin.intro':
    'Po czterech pytaniach rodzice mogą coś napisać. Tekst jest zapisywany tylko wtedy, gdy zatwierdzi go osoba sprawdzająca lub administrator. Odrzucone teksty są od razu usuwane. Tekst, którego nikt nie sprawdzi, zostaje usunięty po 30 dniach.',
  'survey.admin.check':
    'Zatwierdź tekst tylko wtedy, gdy nikt nie może w nim rozpoznać dziecka, rodziny, specjalisty ani miejsca.',
  'survey.admin.pending': 'Do oceny ({count})',
  'survey.admin.pendingEmpty': 'Żadne teksty nie czekają.',
  'survey.admin.accepted': 'Zatwierdzone ({count})',
  'survey.admin.acceptedEmpty': 'Jeszcze brak zatwierdzonych tekstów.',
  'survey.admin.meta': 'Tydzień {week} · {milestone}',
  'survey.admin.accept': 'Zatwierdź',
  'survey.admin.reject': 'Odrzuć i usuń',
  'survey.admin.done.accepted': 'Tekst został zatwierdzony.',
  'survey.admin.done.rejected': 'Tekst został usunięty.',
  'survey.admin.waiting':
    '{count, plural, =0 {Żadne teksty rodziców (ankieta) nie czekają} one {Czeka 1 tekst rodzica (ankieta)} few {Czekają # teksty rodziców (ankieta)} many {Czeka # tekstów rodziców (ankieta)} other {Czeka # tekstu rodziców (ankieta)}}',
  // Added while translating: translations of content pages and of the check.
  'content.edit.problem.translation':
    'Tłumaczenie należy do strony niderlandzkiej o tej samej nazwie i ma te same źródła oraz tę samą datę sprawdzenia co ta strona. Nic nie zostało opublikowane.',
  'document.languageIncomplete':
    'Język {language} jest w {has} z {of} tekstów. Dodaj go do każdego tekstu albo do żadnego. Brakuje go w: {missing}',
  'document.languageRule':
    '{path} ({language}): {problem, select, numbers {numery (3 lub więcej cyfr) nie są takie jak w tekście niderlandzkim} placeholders {symbole zastępcze w nawiasach klamrowych nie są takie jak w tekście niderlandzkim} icu {nawias klamrowy, który nie jest symbolem zastępczym} other {tekst jest pusty}}.',
  // The help finder's interpreter line (ADR 0054), developer-written.
  'help.interpreter.no': 'Według źródła nie można tu zapewnić tłumacza.',
  'help.interpreter.unknown': 'Tłumacz: nie wiemy. Zapytaj, gdy zadzwonisz.',
  'help.interpreter.languages': 'Mówią też: {languages}.',
};
