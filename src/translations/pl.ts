import type { PartialCatalogue } from '../shared/i18n/messages.js';

/*
 * Polish, addressing the reader directly ("ty"), as Polish help lines for parents do. Names of Dutch
 * organisations stay in Dutch, with what they are in Polish, because that is the name a parent hears on the
 * phone. Phone numbers are exactly those of the Dutch messages (translations.test.ts). Not yet reviewed by a
 * native speaker.
 */
export const pl: PartialCatalogue = {
  // The frame: site name, menu, language switch, quick exit, footer, error pages.
  'site.name': 'Niet mijn kind',
  'site.description':
    'Informacje i pomoc dla rodziców, którzy boją się, że ich dziecko jest wykorzystywane seksualnie, oraz dla specjalistów, którzy z nimi pracują.',
  'layout.skipLink': 'Przejdź do treści',
  'layout.homeLink': 'Niet mijn kind, do strony głównej',
  'layout.nav.label': 'Menu główne',
  'layout.nav.home': 'Start',
  'layout.nav.information': 'Informacje',
  'layout.nav.now': 'Pomoc teraz',
  'layout.nav.check': 'Sprawdź',
  'layout.nav.cases': 'Współpraca',
  'layout.nav.journal': 'Dziennik',
  'layout.nav.help': 'Znajdź pomoc',
  'layout.nav.knowledge': 'Baza wiedzy',
  'layout.nav.search': 'Szukaj',
  'layout.nav.account': 'Konto',
  'layout.nav.login': 'Zaloguj się',
  'layout.language.label': 'Język',
  'layout.language.listLabel': 'Wybierz język',
  'layout.translation.missing':
    'Ta strona nie jest jeszcze przetłumaczona na polski. Poniżej znajdziesz ją po angielsku.',
  'layout.translation.unreviewed':
    'To tłumaczenie nie zostało jeszcze sprawdzone przez osobę, dla której polski jest językiem ojczystym. Wiążący jest tekst niderlandzki.',
  'layout.translation.readDutch': 'Przeczytaj tę stronę po niderlandzku',
  'layout.footer.emergencyTitle': 'Potrzebujesz pomocy od razu?',
  'layout.footer.call112': 'Niebezpieczeństwo lub nagły wypadek, dzwoń',
  'layout.footer.callPolice': 'Policja, sprawy niepilne',
  'layout.footer.callVeiligThuis': 'Veilig Thuis (Bezpieczny Dom), porady i zgłoszenia',
  'layout.footer.veiligThuisNote': 'Bezpłatnie, w dzień i w nocy. Nie musisz niczego udowadniać: wystarczy niepokój.',
  'layout.footer.aboutTitle': 'O tej stronie',
  'layout.footer.about': 'O tej stronie',
  'layout.footer.safeUse': 'Bezpieczne korzystanie',
  'layout.footer.insights': 'Liczby',
  'layout.footer.notEmergency':
    'Ta strona nie jest punktem zgłoszeń ani telefonem alarmowym. W niebezpieczeństwie? Zawsze dzwoń pod 112.',
  'layout.footer.openSource': 'Otwarte oprogramowanie. Bez śledzenia, bez plików cookie innych firm.',
  'quickExit.button': 'Szybkie wyjście',
  'quickExit.hiddenLabel': 'Natychmiast opuść tę stronę',
  'quickExit.hint': 'Lub naciśnij 3 razy Shift',
  'quickExit.pressesLeft':
    '{count, plural, one {Naciśnij Shift jeszcze # raz, aby opuścić stronę} few {Naciśnij Shift jeszcze # razy, aby opuścić stronę} many {Naciśnij Shift jeszcze # razy, aby opuścić stronę} other {Naciśnij Shift jeszcze # razy, aby opuścić stronę}}',
  'quickExit.leaving': 'Opuszczanie strony',
  'account.idleWarning': 'Od jakiegoś czasu nic nie robisz. Za 2 minuty zostaniesz wylogowany, aby chronić twoje dane.',
  'account.stayLoggedIn': 'Pozostań zalogowany',
  'error.title': 'Coś poszło nie tak',
  'error.400.title': 'To żądanie jest nieprawidłowe',
  'error.400.text': 'Nie mogliśmy odczytać twojego żądania. Spróbuj ponownie z poprzedniej strony.',
  'error.403.title': 'Brak dostępu',
  'error.403.text': 'Nie masz dostępu do tej strony.',
  'error.csrf.title': 'Formularz wygasł',
  'error.csrf.text':
    'Formularz był otwarty zbyt długo albo twoje pliki cookie zostały usunięte. Wróć, załaduj stronę ponownie i spróbuj jeszcze raz. Nic nie zostało zapisane.',
  'error.404.title': 'Nie znaleziono strony',
  'error.404.text': 'Ta strona nie istnieje (już). Sprawdź adres albo przejdź do strony głównej.',
  'error.405.title': 'Tutaj to nie jest możliwe',
  'error.405.text': 'Z tej strony nie można korzystać w ten sposób.',
  'error.409.title': 'To już zostało zmienione',
  'error.409.text': 'Ktoś inny w międzyczasie to zmienił. Załaduj stronę ponownie.',
  'error.413.title': 'Za dużo danych',
  'error.413.text': 'Wysłano więcej danych, niż możemy przyjąć. Skróć to i spróbuj ponownie.',
  'error.415.title': 'Nie znamy tego formatu',
  'error.415.text': 'Wysłano dane w formie, której nie umiemy odczytać. Użyj formularza na stronie.',
  'error.429.title': 'Chwileczkę',
  'error.429.text':
    'Przyszło zbyt wiele żądań naraz. Odczekaj chwilę i spróbuj ponownie. W niebezpieczeństwie? Dzwoń pod 112.',
  'error.500.title': 'Coś poszło nie tak po naszej stronie',
  'error.500.text': 'To nasz błąd, nie twój. Spróbuj ponownie później.',
  'error.503.title': 'Chwilowo niedostępne',
  'error.503.text':
    'W tej chwili nie możemy odczytać ani zapisać twoich danych. To, co zapisano wcześniej, pozostaje zachowane. Spróbuj ponownie za kilka minut. W niebezpieczeństwie? Dzwoń pod 112.',
  'error.id': 'Kod błędu: {id}. Podaj ten kod, jeśli się z nami kontaktujesz.',
  'error.homeLink': 'Do strony głównej',

  // /nu: what to do right now.
  'nu.title': 'Co mam teraz zrobić?',
  'nu.lead':
    'Wybierz poniżej, co teraz dzieje się z twoim dzieckiem. Każda sytuacja ma swój pierwszy numer. Czy jest bezpośrednie niebezpieczeństwo? Zawsze dzwoń wtedy pod 112.',
  'nu.call112': 'Zadzwoń pod 112',
  'nu.jump.label': 'Co się dzieje?',
  'nu.offline': 'Ta strona działa też bez internetu, jeśli już ją kiedyś otworzyłeś.',
  'nu.sources':
    'Źródła: Nationale Ombudsman (Kind vermist, 2013), Centrum Seksueel Geweld, 113 Zelfmoordpreventie, Helpwanted, policja i Veilig Thuis. Więcej wyjaśnień i źródeł jest na stronach informacyjnych.',
  'nu.missing.title': 'Twoje dziecko teraz zaginęło',
  'nu.missing.call': 'Dzwoń pod 112, nie pod 0900-8844.',
  'nu.missing.why': 'Powiedz, że podejrzewasz, że twoje dziecko jest wykorzystywane. Wtedy policja wie, że to pilne.',
  'nu.missing.ready': 'Miej pod ręką:',
  'nu.missing.ready.photo': 'aktualne zdjęcie dziecka',
  'nu.missing.ready.phone': 'numer telefonu dziecka',
  'nu.missing.ready.accounts': 'konta dziecka w mediach społecznościowych i w grach',
  'nu.missing.ready.nicknames': 'pseudonimy dziecka oraz imiona i pseudonimy osób, z którymi dziecko się spotyka',
  'nu.missing.ready.plates': 'numery rejestracyjne samochodów lub skuterów, które widziałeś',
  'nu.missing.ready.places': 'miejsca i adresy, gdzie może być twoje dziecko',
  'nu.missing.noPhoto':
    'Sam nie publikuj w internecie zdjęcia ani apelu. To, co jest w internecie, zostaje w internecie. Policja decyduje, czy apel pomoże.',
  'nu.danger.title': 'Twoje dziecko jest teraz w niebezpieczeństwie',
  'nu.danger.call': 'Dzwoń pod 112. Powiedz, gdzie jest dziecko, jeśli to wiesz.',
  'nu.danger.alone':
    'Nie idź tam sam. Nie konfrontuj się ze sprawcą i nikomu nie groź. To zwiększa niebezpieczeństwo dla dziecka i dla ciebie. Podaj policji adres lub numer rejestracyjny.',
  'nu.assault.title': 'Twoje dziecko zostało wykorzystane lub napadnięte seksualnie w ciągu ostatnich 7 dni',
  'nu.assault.call': 'Najpierw zadzwoń do Centrum Seksueel Geweld (ośrodek pomocy po przemocy seksualnej):',
  'nu.assault.callNote':
    'Bezpłatnie, w dzień i w nocy. Opieka medyczna, badanie i wsparcie w jednym miejscu. Minęło więcej niż 7 dni? Też możesz zadzwonić.',
  'nu.assault.danger': 'Czy nadal jest niebezpieczeństwo? Dzwoń wtedy pod 112.',
  'nu.assault.traces': 'Ślady mogą później pomóc. Jeśli to możliwe:',
  'nu.assault.traces.wash': 'dziecko jeszcze się nie myje i nie bierze prysznica;',
  'nu.assault.traces.clothes': 'włóż ubrania dziecka do papierowej torby i przechowaj ją.',
  'nu.assault.traces.force':
    'Do niczego nie zmuszaj dziecka. Dziecko mimo to chce się umyć albo przebrać? To w porządku. Wtedy też zadzwoń do Centrum Seksueel Geweld.',
  'nu.suicide.title': 'Twoje dziecko mówi, że nie chce już żyć',
  'nu.suicide.call': 'Zadzwoń do 113 Zelfmoordpreventie (telefon zapobiegania samobójstwom):',
  'nu.suicide.or': 'lub',
  'nu.suicide.note':
    'Bezpłatnie, w dzień i w nocy. Możesz też czatować przez 113.nl. Jako rodzic też możesz zadzwonić, jeśli martwisz się o dziecko.',
  'nu.suicide.danger':
    'Czy dziecko zrobiło sobie krzywdę albo ma plan, by zrobić to teraz? Dzwoń pod 112 i zostań z dzieckiem.',
  'nu.suicide.ask':
    'Możesz po prostu zapytać: „Czy myślisz o tym, żeby umrzeć?” Tym pytaniem nie podsuniesz dziecku tego pomysłu. Słuchaj i nie zostawiaj dziecka samego.',
  'nu.blackmail.title': 'Twoje dziecko jest teraz szantażowane nagimi zdjęciami',
  'nu.blackmail.pay': 'Nie płać. Nie wysyłaj też nowych zdjęć. Płacenie nie zatrzyma szantażu.',
  'nu.blackmail.delete': 'Niczego nie usuwaj. Zostaw czaty i konto dziecka.',
  'nu.blackmail.stop': 'Zerwij kontakt. Dziecko już nie odpowiada, ty też nie.',
  'nu.blackmail.report': 'Zgłoś to na policję:',
  'nu.blackmail.helpwanted': 'Albo poproś o pomoc Helpwanted, także w usunięciu zdjęć:',
  'nu.blackmail.noImages':
    'Nigdy sam nie przechowuj ani nie wysyłaj nagiego zdjęcia, nawet jako dowodu. Zapisz raczej nazwę użytkownika, platformę i godziny. Robisz zrzut ekranu wiadomości z groźbą? Sprawdź, czy nie ma na nim nagiego zdjęcia, nawet jako małego obrazka w czacie.',
  'nu.blackmail.suicide':
    'Szantażowane dzieci mogą popaść w taką rozpacz, że chcą zrobić sobie krzywdę. Boisz się, że tak się stanie? Zadzwoń pod 113:',
  'nu.blackmail.more': 'Przeczytaj więcej o sextortion (szantażu seksualnym)',
  'nu.back.title': 'Twoje dziecko właśnie wróciło',
  'nu.back.calm':
    'Bez kary i bez przesłuchania. Powiedz, że cieszysz się, że dziecko jest z tobą. Zadbaj o jedzenie, odpoczynek i ciepło.',
  'nu.back.assault': 'Może dziecko zostało wykorzystane seksualnie? Zobacz',
  'nu.back.write':
    'Zapisz, co dziecko samo opowiada: dosłownie, z datą i godziną, oraz o co zapytałeś tuż przedtem. Nie dopytuj: zrobią to później specjalnie przeszkolone osoby.',
  'nu.threat.title': 'Ty lub twoja rodzina jesteście zastraszani, ale teraz nie ma niebezpieczeństwa',
  'nu.threat.call': 'Zadzwoń na policję:',
  'nu.threat.now': 'Dzieje się to teraz albo jest bezpośrednie niebezpieczeństwo? Dzwoń wtedy pod 112.',
  'nu.threat.plan':
    'Zróbcie w rodzinie plan bezpieczeństwa: kto dzwoni do kogo, dokąd możecie pójść, jak pozostałe dzieci bezpiecznie dotrą do szkoły.',
  'nu.threat.more': 'Przeczytaj, co możesz zrobić, gdy twojej rodzinie ktoś grozi',
  'nu.advice.title': 'Potrzebujesz porady, ale nie ma bezpośredniego niebezpieczeństwa?',
  'nu.advice.text':
    'Zadzwoń do Veilig Thuis (Bezpieczny Dom). Bezpłatnie, w dzień i w nocy. Nie musisz niczego udowadniać: wystarczy niepokój.',
  'nu.more': 'Chcesz najpierw uporządkować swoje obawy?',
  'nu.more.check': 'Zrób test',
};
