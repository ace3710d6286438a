import type { PartialCatalogue } from '../shared/i18n/messages.js';

/*
 * tr: the public part of the interface catalogue (docs/adr/0050; the keys of this part are listed in
 * scripts/translation-todo.ts). Not yet reviewed by a native speaker: translations.ts.
 *
 * Turkish, addressing the reader with "siz" as tr.ts does. Names of Dutch organisations stay in Dutch. Suffixes
 * after a name or number take the typographic ’ (Veilig Thuis’u, 112’yi); the ASCII ' quotes in ICU. A
 * placeholder that would need a suffix is rephrased ("{name} adlı kişinin") since the suffix depends on the name.
 *
 * Glossary (terms used throughout this file):
 *   check (de check)                 kontrol              journal (logboek)         günlük
 *   advice                           tavsiye              diary (dagboek)           kişisel defter
 *   signal                           işaret               note (notitie)            not
 *   questionnaire (vragenlijst)      soru listesi         export                    dışa aktarma
 *   help finder                      Yardım bul           attachment (bijlage)      ek
 *   quick exit (Snel weg)            Hızlı çıkış          erase (wissen)            silmek
 *   account                          hesap                correction (verbetering)  düzeltme
 *   username                         kullanıcı adı        trusted person            güvendiğiniz kişi
 *   passphrase (wachtwoordzin)       parola cümlesi       link code (koppelcode)    eşleştirme kodu
 *   recovery code (herstelcode)      kurtarma kodu        waiting period            bekleme süresi
 *   passkey (toegangssleutel)        geçiş anahtarı       log in / log out          giriş yap / oturumu kapat
 *   signing key, fingerprint         imza anahtarı, parmak izi
 *   second step                      ikinci adım          verify (controleren)      doğrulamak
 *   postcode / municipality          posta kodu / belediye
 *   safety region (veiligheidsregio) güvenlik bölgesi     police unit               polis birimi
 *   exploitation / exploiter         sömürü / istismarcı  editors (redactie)        editörler
 *   survey (vragenlijst)             anket
 */
export const trPublic: PartialCatalogue = {
  // help: the help finder.
  'help.title': 'Yakınınızdaki yardım',
  'help.intro':
    'Posta kodunuzu veya belediyenizi yazın. Size kimin yardım edebileceğini, onlara nasıl ulaşacağınızı ve şu anda açık olup olmadıklarını görürsünüz.',
  'help.field.label': 'Posta kodu veya belediye',
  'help.field.hint': 'Örneğin 9711, 9711 AB veya Groningen.',
  'help.submit': 'Yardım bul',
  'help.dangerTitle': 'Tehlike mi var? Hemen arayın',
  'help.localTitle': '{place} içinde kim yardım ediyor?',
  'help.placeFacts': '{place}: {province} ili, güvenlik bölgesi (veiligheidsregio) {region}. Polis birimi: {unit}.',
  'help.policeUnit': 'Polis birimi {unit}',
  'help.veiligThuisRegion': 'Bölgenizdeki Veilig Thuis’a (Güvenli Ev) bağlanırsınız ({region}).',
  'help.nationalTitle': 'Ülke çapındaki yardım hatları',
  'help.nationalIntro': 'Bu hatlar Hollanda’nın her yerinde yardım eder.',
  'help.noLocal': 'Bu yer için henüz bölgesel kuruluşları gösteremiyoruz. Veilig Thuis ve polis her yerde yardım eder.',
  'help.choose.title': 'Hangi belediyeyi kastediyorsunuz?',
  'help.choose.text': 'Bu posta kodu veya ad birden fazla belediyeye ait. Sizinkini seçin.',
  'help.unknown.title': 'Bu yeri tanımıyoruz',
  'help.unknown.text':
    '"{query}" bulunamadı. Yazılışını kontrol edin veya posta kodunuzu deneyin. Aşağıdaki ülke çapındaki yardım hatları her zaman yardım eder.',
  'help.unknown.suggestions': 'Şunu mu demek istediniz:',
  'help.invalid.too-long': 'Bu çok uzun. Yalnızca posta kodunuzu veya belediyenizin adını yazın.',
  'help.invalid.postcode-format':
    'Bir posta kodu 4 rakamdan (ve bazen 2 harften) oluşur ve 0 ile başlamaz. Örneğin 9711 veya 9711 AB.',
  'help.invalid.characters': 'Yalnızca harf veya rakam kullanın. Posta kodunuzu veya belediyenizin adını yazın.',
  'help.invalid.missing': 'Hiçbir şey yazmadınız. Posta kodunuzu veya belediyenizin adını yazın.',
  'help.errorTitle': 'Yazdığınız şeyde bir sorun var',
  'help.hours.always': 'Gece gündüz ulaşılabilir',
  'help.hours.openUntil': 'Şu anda açık, saat {time}’e kadar',
  'help.hours.closedOpens':
    'Şu anda kapalı. Yeniden açılış: {day, select, today {bugün} tomorrow {yarın} mon {pazartesi} tue {salı} wed {çarşamba} thu {perşembe} fri {cuma} sat {cumartesi} sun {pazar} other {}}, saat {time}',
  'help.hours.closed': 'Şu anda kapalı',
  'help.hours.unknown': 'Açılış saatleri: web sitesine bakın veya arayın',
  'help.chat': 'Sohbet',
  'help.chatHours': 'Sohbet: {state}',
  'help.website': 'Web sitesi',
  'help.email': 'E-posta',
  'help.interpreter': 'Tercüman isteyebilirsiniz.',
  'help.source': 'Kaynak:',
  'help.checkedOn': '{date, date, long} tarihinde kontrol edildi.',
  'help.notCheckedSince': '{date, date, long} tarihinden beri kontrol edilmedi.',
  'help.notCheckedSinceYear': '{year} yılından beri kontrol edilmedi.',
  'help.unverified': 'Henüz onaylanmadı',
  'help.attribution': 'Posta kodları ve belediyeler: CBS (CC BY 4.0) ve GeoNames (CC BY 4.0).',
  'help.checkLink': 'Yakınınızda yardım bulun',
  'help.offlineNote':
    'Son arama sonucunuz bu cihazda saklanır; böylece internet olmadan da görebilirsiniz. "Hızlı çıkış" ile silinir.',

  // orgKind: the organisations in the editorial system.
  'orgKind.problem.field': '{field} alanı: {problem}',
  'orgKind.problem.json': 'Metin geçerli bir JSON değil: {problem}',
  'orgKind.problem.key': 'Kısa ad (slug): küçük harfler ve rakamlar, aralarında tirelerle, örneğin veilig-thuis.',
  'orgKind.problem.slug': 'Kısa ad (slug) {key} olarak kalmalı.',
  'orgKind.problem.checkPair':
    'Bir kontrol için ikisini de doldurun: tarihi ve kimin kontrol ettiğini. Ya da ikisini de boş bırakın.',
  'orgKind.problem.checkFuture': 'Kontrol tarihi gelecekte.',
  'orgKind.problem.demo': 'Bir deneme (demo) kuruluşu editör sistemine ait değildir.',
  'orgKind.problem.hours': '{field}: bu geçerli bir JSON değil. Saatler bilinmiyorsa alanı boş bırakın.',
  'orgKind.problem.areaType': 'Kuruluşun hizmet verdiği bölge türünü seçin.',
  'orgKind.hours.unknown': 'Saatler bilinmiyor',
  'orgKind.hours.always': 'Her zaman açık',
  'orgKind.hours.closed': 'kapalı',
  'orgKind.contact': 'İletişim',
  'orgKind.check': 'Kontrol',
  'orgKind.field.name': 'Ad',
  'orgKind.field.descriptionNl': 'Anne babalar için ne yapıyorlar (Hollandaca)',
  'orgKind.field.descriptionEn': 'Anne babalar için ne yapıyorlar (İngilizce)',
  'orgKind.field.phone': 'Telefon numarası',
  'orgKind.field.phoneNoteNl': 'Numaranın yanındaki not (Hollandaca)',
  'orgKind.field.phoneNoteEn': 'Numaranın yanındaki not (İngilizce)',
  'orgKind.field.chat': 'Sohbet (web adresi)',
  'orgKind.field.web': 'Web sitesi',
  'orgKind.field.hours': 'Açılış saatleri',
  'orgKind.field.chatHours': 'Sohbetin açılış saatleri',
  'orgKind.field.area': 'Bölge',
  'orgKind.field.areaType': 'Bölge türü',
  'orgKind.field.areaCodes': 'Bölgenin kodları veya adları',
  'orgKind.field.checkedOn': 'Kontrol tarihi',
  'orgKind.field.checkedBy': 'Kontrol eden',
  'orgKind.hint.phone': 'Yalnızca rakamlar, boşluklar ve tireler, örneğin 0800-2000.',
  'orgKind.hint.url': 'https:// ile başlayan tam bir adres.',
  'orgKind.hint.hours':
    'JSON olarak, content/organisations.json’daki biçimde: gece gündüz için "always": true, ya da gün gün saatlerle "weekly". Boş: bilinmiyor (o zaman site açık olup olmadıklarını söylemez).',
  'orgKind.hint.chatHours': 'Yalnızca sohbetin saatleri telefonunkinden farklıysa. Biçim yukarıdakiyle aynı.',
  'orgKind.hint.areaCodes':
    'Virgülle ayrılmış: PV20 gibi iller, VR01 gibi güvenlik bölgeleri, GM0014 gibi belediyeler veya polis birimlerinin adları. Ülke çapındaysa boş.',
  'orgKind.hint.check':
    'Bunu yalnızca biri bilgileri gerçekten kuruluşun kendi sitesinde veya kuruluşun kendisiyle kontrol ettiyse doldurun. İkinci elden bir kaynak kontrol sayılmaz.',
  'orgKind.hint.checkedBy': 'Bir ad veya görev, örneğin ‘Niet mijn kind Editörleri’.',
  'orgKind.area.national': 'Ülke çapında',
  'orgKind.area.province': 'İller',
  'orgKind.area.veiligheidsregio': 'Güvenlik bölgeleri (veiligheidsregio’s)',
  'orgKind.area.police-unit': 'Polis birimleri',
  'orgKind.area.municipalities': 'Belediyeler',
  'orgKind.controle.title': 'Kontrol edilecek kuruluşlar',
  'orgKind.controle.intro':
    'Bu kuruluşlar {months} ay veya daha uzun süredir kontrol edilmedi, ya da hiç edilmedi. En eskiler en üstte. Bilgileri kendi sitelerinde kontrol edin ve kontrolü kaydedin.',
  'orgKind.controle.none': 'Tüm kuruluşlar son {months} ay içinde kontrol edildi.',
  'orgKind.controle.never': 'Hiç kontrol edilmedi',
  'orgKind.controle.since': 'Son kontrol: {date, date, long}',
  'orgKind.controle.name': 'Kuruluş',
  'orgKind.controle.state': 'Kontrol',
  'orgKind.controle.noDocument': 'Henüz editör sisteminde değil',

  // check: the questionnaire, its advice and its editor.
  'check.submit': 'Tavsiyeyi görün',
  'check.required': 'Tüm soruları yanıtlayın. Bir şeyi bilmiyor musunuz? O zaman "Bilmiyorum"u seçin.',
  'check.notStored': 'Yanıtlarınız saklanmaz ve kimseye iletilmez.',
  'check.acuteHint': 'Tehlike mi var? Bu soruları beklemeyin. Arayın:',
  'check.errorSummary.title': 'Bazı yanıtlar eksik',
  'check.errorSummary.missing': '{count, plural, one {# yanıt eksik.} other {# yanıt eksik.}}',
  'check.missingAnswer': 'Bir yanıt seçin.',
  'check.rejected.title': 'Bu form geçerli değil',
  'check.rejected.version':
    'Soru listesi bu arada değişti veya artık yok. Yeniden başlayın; yalnızca birkaç dakika sürer.',
  'check.rejected.form': 'Yanıtlarınızı okuyamadık. Soru listesine yeniden başlayın.',
  'check.rejected.startAgain': 'Yeniden başla',
  'check.outcome.pageTitle': 'Tavsiye',
  'check.outcome.yourAdvice': 'Tavsiyemiz',
  'check.outcome.whyTitle': 'Neden bu tavsiye?',
  'check.outcome.weighedIntro': 'Bu yanıtlar hesaba katıldı:',
  'check.outcome.noneWeighed': 'İşaretlere (belirtilere) işaret eden hiçbir yanıt vermediniz.',
  'check.outcome.notesTitle': 'Bilmekte yarar var',
  'check.outcome.today': 'Bugün neler yapabilirsiniz',
  'check.outcome.thisWeek': 'Bu hafta neler yapabilirsiniz',
  'check.outcome.dont': 'Yapmamanız daha iyi olanlar',
  'check.outcome.contact': 'Çocuğunuzla bağı koruyun',
  'check.outcome.services': 'Kimi arayabilirsiniz?',
  'check.outcome.findHelpCounted':
    'Burada arama yaparsanız, tavsiyenize ve güvenlik bölgenize 1 ekleriz. Böylece her bölgede anne babaların kontrolden sonra ne sıklıkla yardım aradığını görürüz. Tavsiyeniz sayfanın adresine ve tarayıcı geçmişinize girmez.',
  'check.outcome.worryEnough':
    'Tavsiye almak için Veilig Thuis’u (0800-2000) aramanıza bir endişe yeterlidir. Hiçbir şey kanıtlamanız gerekmez. Az işaret olması her şeyin yolunda olduğu anlamına gelmez: istismarcılar bazen hızlı ve internet üzerinden çalışır.',
  'check.outcome.notDiagnosis':
    'Bu tavsiye bir teşhis değildir ve çocuğunuz hakkında bir yargı değildir. Bir sonraki adımda size yardım eder.',
  'check.outcome.assaultTitle': 'Son 7 gün içinde cinsel istismar',
  'check.outcome.print': 'Bu tavsiyeyi yazdırın',
  'check.outcome.notStored':
    'Yanıtlarınız saklanmadı. Bu tavsiyeyi tutmak mı istiyorsunuz? Yazdırın veya bir yere yazın.',
  'check.outcome.startAgain': 'Soruları yeniden yanıtlayın',
  'check.outcome.readSignals': 'İşaretler hakkında daha fazla okuyun',
  'check.outcome.readWhatToDo': 'Neler yapabileceğinizi ve neleri yapmamanız gerektiğini okuyun',
  'check.outcome.yourAnswer': 'Yanıtınız: {answer}',
  'check.notValidated':
    'Dikkat: bu sorular test edilmedi ve bilimsel olarak araştırılmadı. Kesinlik vermezler. Yalnızca bir sonraki adımı seçmenize yardım ederler.',
  'check.outcome.notValidated':
    'Bu tavsiye, test edilmemiş ve bilimsel olarak araştırılmamış sorulardan gelir. Yalnızca bir sonraki adımı seçmek için bir yardımdır. Emin değil misiniz? Tavsiye için Veilig Thuis’u (0800-2000) arayın.',
  'check.outcome.doNow': 'Bunu şimdi yapın',
  'check.outcome.sourcesTitle': 'Bu tavsiyenin kaynakları',
  'check.outcome.callFirst': 'Önce arayın',
  'check.outcome.alsoTitle': 'Şunu da belirttiniz:',
  'check.outcome.nextTitle': 'Sonra neler yapabilirsiniz',
  'check.outcome.readFamilySafety': 'Siz veya aileniz tehdit edilirseniz ne yapacağınızı okuyun',
  // The questionnaire's own texts exist in nl and en only; Turkish readers get the English (ADR 0050).
  'check.editor.language': 'en',
  'check.editor.title': 'Soru listesi, sürüm {version}',
  'check.editor.json': 'Soru listesi (JSON)',
  'check.editor.jsonHint':
    'Sürümün tamamı JSON olarak, content/check/ içindeki gibi. Sürüm numarasını ve "draft" durumunu sistem koyar; yayımlamak bunu "published" yapar ve önceki sürümü geri çeker.',
  'check.editor.problems': 'Bu henüz doğru değil:',
  'check.editor.notJson': 'Bu geçerli bir JSON değil: {message}',
  'check.editor.at': '{path}: {message}',
  'check.editor.whole': 'soru listesinin tamamı',
  'check.editor.item': 'no. {number}',
  'check.editor.wrongKey': 'Yalnızca bir soru listesi var, anahtarı "check".',
  'check.editor.previewNote': 'Anne babalar soruları böyle görür. Buradan gönderilemez.',
  'check.field.intro': 'Başlık ve giriş',
  'check.field.question': 'Soru {id}',
  'check.field.rule': 'Kural: {name}',
  'check.field.outcome': 'Tavsiye {level}',
  'check.field.block': 'Tavsiye bölümü {name}',
  'check.field.sources': 'Kaynaklar',
  'check.words.options': 'Yanıtlar: {options}',
  'check.words.scale': 'ölçek {scale}',
  'check.words.category': '{category} için sayılır',
  'check.words.weight': 'ağırlık {weight}',
  'check.words.acute': 'acil: {kind}',
  'check.words.critical': 'kritik işaret',
  'check.words.family': 'aile dalını açar',
  'check.words.raises': '"{answer}" yanıtında en az {level}',
  'check.words.guidance': '"{answer}" yanıtında {block} bölümü',
  'check.words.threshold':
    '{level}: {minScore} puandan itibaren, veya {minCategories} işaret türünde "evet"{critical, select, true {, veya kritik bir işaret} other {}}',
  'check.words.family.rule': '{answers} yanıtlarında aile dalı: en az {level}',
  'check.words.acuteRule': 'acil durumlar bu sırayla: {order}',
  'check.words.counting': '"evet" sayılır: {answers}',
  'check.safety.duplicate': '{id} sorusu iki kez var.',
  'check.safety.unknownScale': '{id} sorusu {scale} yanıt ölçeğini kullanıyor, ama bu ölçek yok.',
  'check.safety.unknownCategory': '{id} sorusu {category} işaret türü için sayılıyor, ama bu tür yok.',
  'check.safety.unknownAnswer': '{id} sorusu {answer} yanıtını adlandırıyor, ama bu yanıt kendi ölçeğinde yok.',
  'check.safety.unknownGuidance': '{id} sorusu {block} tavsiye bölümünü açıyor, ama bu bölüm yok.',
  'check.safety.acuteWithoutRule': '{id} acil sorusunun ({kind}) sırada yeri veya bir düzeyi yok.',
  'check.safety.acuteWithoutBlock': '{id} acil sorusunun ({kind}) situations içinde tavsiye bölümü yok.',
  'check.safety.ruleNamesMissingAnswer':
    '{rule} kuralı {answer} yanıtını adlandırıyor, ama hiçbir soru bu yanıtı sunmuyor.',
  'check.safety.ruleNamesMissingQuestion': 'Acil durumların sırası {kind} diyor, ama hiçbir soru bunu sormuyor.',
  'check.safety.noOutcome': '{level} düzeyi için tavsiye yok.',
  'check.safety.noFamilyQuestion': 'Aile dalını açan bir soru yok.',
  'check.safety.promisedQuestionMissing':
    '{id} sorusu eksik. Kontrol bu işaretin sorulacağını vaat ediyor (content/check/README.md).',
  'check.safety.calmNotLowest': 'Anne babalar her yerde ilk yanıtı seçtiğinde tavsiye en düşük düzey olmuyor.',
  'check.safety.criticalTooLow': 'Tek başına kritik bir işaret ("{question}": {answer}) "Bugün arayın"a götürmüyor.',
  'check.safety.strongTooLow':
    'Tek başına güçlü bir işaret ("{question}": {answer}) en az "Tavsiye isteyin"e götürmüyor.',
  'check.safety.ordinaryTooHigh':
    'Tek başına sıradan bir işaret ("{question}": {answer}) en düşük düzeyin üstüne götürüyor. Onu güçlü yapın (ağırlık 2) veya düşürün.',
  'check.safety.levelUnreachable': 'Hiçbir yanıt {level} düzeyine götürmüyor.',
  'check.safety.nightsAway':
    '"{question}": {answer}, "Bugün arayın"a ve 112 ile kayıp çocuk tavsiye bölümüne götürmeli.',
  'check.safety.blackmail113': '"{question}": {answer}, 113 Zelfmoordpreventie’yi (intiharı önleme hattı) göstermiyor.',
  'check.safety.noSituations': 'Bu sürümde acil durum yok (situations ve situationOrder).',
  'check.safety.acuteNotAsked': 'Hiçbir soru {kind} acil durumunu sormuyor.',
  'check.safety.acuteWrong': '"{question}": {answer}, ilk numara {first} olmak üzere en az {level} düzeyine götürmeli.',
  'check.safety.acuteOrder':
    '"{one}" ve "{other}" birlikte: o zaman 112 ilk numara olmuyor. 112 durumlarını situationOrder içinde başa koyun.',
  'check.safety.family': '"{question}": {answer}, en az "Bugün arayın" ile aile dalını açmalı.',
  'check.safety.familyDont': 'Aile dalı, anne babaların ne yapmaması gerektiğini söylemiyor (o kişiyle yüzleşmemek).',
  'check.safety.notMonotonic':
    'Daha endişe verici bir yanıt tavsiyeyi düşürüyor: "{question}": {answer} ({other} ile). Her kural tavsiyeyi yalnızca yükseltebilir.',
  'check.safety.goodNews': 'Metin bir şeye "iyi haber" diyor. Hiçbir tavsiye bunu söyleyemez.',
  'check.safety.veiligThuis': '{level} tavsiyesi, arayabileceğiniz yerler arasında Veilig Thuis’u saymıyor.',
  'check.safety.confronting':
    'Bu tavsiye birine hesap sormayı veya onunla yüzleşmeyi söylüyor: "{text}". Bu yalnızca yapılmaması gerekenler arasında yer alır.',
  'check.safety.noSources': 'Tavsiyedeki bilgilerin kaynakları yok.',

  // content: editing the information pages.
  'content.edit.title': 'Başlık',
  'content.edit.summary': 'Özet',
  'content.edit.summaryHint': 'Bir veya iki cümle. Başlığın altında ve sayfa listesinde görünür.',
  'content.edit.audience': 'Kimin için',
  'content.edit.topic': 'Konu',
  'content.edit.sources': 'Kaynaklar',
  'content.edit.sourcesHint': 'Her satıra bir kaynak: başlık | yayıncı | adres. Yayıncı ve adres boş kalabilir.',
  'content.edit.lastReviewed': 'Son kontrol tarihi',
  'content.edit.order': 'Listedeki sırası',
  'content.edit.orderHint': '0 ile 10000 arasında bir sayı. Küçük olan daha üstte durur.',
  'content.edit.body': 'Metin (markdown)',
  'content.edit.bodyHint':
    '## ve ### ile başlıklar, - ile listeler, [metin](https://…) biçiminde bağlantılar. HTML gösterilmez. Tablolar: en fazla 200 satır ve 12 sütun.',
  'content.edit.yes': 'evet',
  'content.edit.no': 'hayır',
  'content.edit.audience.parents': 'Anne babalar',
  'content.edit.audience.professionals': 'Uzmanlar',
  'content.edit.audience.everyone': 'Herkes',
  'content.edit.problem.frontMatter': 'Metnin üstündeki bilgiler okunamıyor: {message}',
  'content.edit.problem.field': '{field}: {message}',
  'content.edit.problem.key':
    'Anahtar dil/ad biçiminde olmalı, örneğin nl/veilig-gebruik (küçük harfler, rakamlar ve tireler).',
  'content.edit.problem.slugInUse':
    'Bu ad bu dilde başka türde bir sayfa tarafından zaten kullanılıyor. Hiçbir şey yayımlanmadı.',
  'content.edit.problem.tooLong': 'Metin {characters} karakter uzunluğunda. En fazla 100.000 olabilir.',
  'content.edit.problem.tableTooLarge':
    'Bir tabloda {rows} satır ve {columns} sütun var. En fazla 200 satır ve 12 sütun olabilir.',
  'content.edit.problem.linkScheme':
    '{href} bağlantısı kullanılamaz. https://, http://, mailto:, tel: veya bu sitedeki bir adres (örneğin /informatie/…) kullanın.',
  'content.edit.problem.rawHtml': 'Metinde HTML var ({tag} etiketi). HTML gösterilmez. Markdown kullanın.',
  'content.edit.problem.source': '{line}. satırdaki kaynak: başlık | yayıncı | adres biçiminde yazın.',
  'content.edit.problem.number': 'Sıra bir tam sayı olmalı.',

  // info: the information pages.
  'info.index.title': 'Bilgi',
  'info.index.intro': 'Cinsel sömürü hakkında açıklamalar, anne babalar ve uzmanlar için.',
  'info.index.count': '{count, plural, =0 {Henüz sayfa yok} one {# sayfa} other {# sayfa}}',
  'info.index.group.begrijpen': 'Neler olduğunu anlamak',
  'info.index.group.handelen': 'Neler yapabilirsiniz',
  'info.index.group.steun': 'Uzun sürdüğünde ve sizin için destek',
  'info.index.group.over': 'Bu site hakkında',
  'info.page.onThisPage': 'Bu sayfada',
  'info.page.sources': 'Kaynaklar',
  'info.page.lastReviewed': 'Son kontrol: {date, date, long}',
  'info.page.allPages': 'Tüm bilgiler',
  'info.feedback.question': 'Bu sayfa işinize yaradı mı?',
  'info.feedback.yes': 'Evet',
  'info.feedback.no': 'Hayır',
  'info.feedback.privacy': 'Yalnızca günlük yanıt sayısını saklarız. Sizinle ilgili hiçbir şeyi saklamayız.',
  'info.feedback.thanks': 'Teşekkür ederiz. Yanıtınız bilgileri iyileştirmemize yardım eder.',
  'info.feedback.invalid': 'Evet veya Hayır’ı seçin.',

  // home: the home page.
  'home.title': 'Çocuğunuz için endişeli misiniz?',
  'home.intro':
    'Çocuğunuz değişti mi? Birden yeni eşyaları mı var, daha büyük bir "arkadaşı" mı var, ya da bazı geceler evde mi kalmıyor? İçinizdeki his önemlidir. Burada neler oluyor olabileceğini ve neler yapabileceğinizi okuyabilirsiniz.',
  'home.worried.title': 'Endişeliyim',
  'home.worried.text':
    'Cinsel sömürünün ne olduğunu, istismarcıların nasıl çalıştığını ve şimdi neler yapabileceğinizi okuyun.',
  'home.worried.link': 'Bilgilere git',
  'home.help.title': 'Yardım arıyorum',
  'home.help.text':
    'Tavsiye için Veilig Thuis’u (Güvenli Ev) arayın. Ücretsizdir, gece gündüz arayabilirsiniz. Önce yalnızca tavsiye de isteyebilirsiniz.',
  'home.help.call': 'Veilig Thuis’u arayın: {number}',
  'home.help.danger': 'Çocuğunuz tehlikede mi, ya da şu anda kayıp mı? Arayın:',
  'home.professional.title': 'Uzmanım',
  'home.professional.text':
    'Bakım alanında, polislikte, bir okulda veya aile hekimi olarak mı çalışıyorsunuz? Bu sitenin kimin için olduğunu ve anne babalara nasıl yardım edebileceğinizi okuyun.',
  'home.professional.link': 'Bu site hakkında',
  'home.safe.title': 'Bu siteyi güvenle kullanma',
  'home.safe.text':
    'Bir telefonu veya bilgisayarı başkalarıyla mı paylaşıyorsunuz? En üstteki "Hızlı çıkış" düğmesini kullanın. Ziyaretinizi nasıl gizli tutacağınızı okuyun.',
  'home.safe.link': 'Güvenli kullanım',
  'home.now.link': 'Şimdi ne yapmalıyım?',
  'home.now.text': 'Çocuğunuz kayıp mı, tehlikede mi, ya da az önce mi döndü? Hemen neler yapabileceğinizi okuyun.',
  'home.check.title': 'Endişelerinizi kontrol edin',
  'home.check.text':
    'Birkaç soru, endişelerinizi sıraya koymanıza yardım eder. Bir sonraki adım için tavsiye alırsınız. Hiçbir şey saklanmaz.',
  'home.check.link': 'Kontrole başlayın',

  // service: the helplines.
  'service.alarm.name': 'Acil durum numarası',
  'service.alarm.text': 'Tehlike varsa veya çocuğunuz şu anda kayıpsa.',
  'service.politie.name': 'Polis, acil olmayan durumlar',
  'service.politie.text':
    'Bilgi almak için bir görüşme veya suç duyurusu için. Zedenpolitie’yi (ahlak suçları polisi) isteyin.',
  'service.veilig-thuis.name': 'Veilig Thuis',
  'service.veilig-thuis.text': 'Tavsiye ve bildirim, isimsiz de olabilir. Ücretsiz, gece gündüz.',
  'service.csg.name': 'Centrum Seksueel Geweld',
  'service.csg.text': 'Son 7 gün içinde cinsel istismar veya saldırıdan sonra. Ücretsiz, gece gündüz.',
  'service.helpwanted.name': 'Helpwanted',
  'service.helpwanted.text':
    'İnternette istismar, sextortion (cinsel şantaj) ve görüntülerin kaldırılması için yardım.',
  'service.meld-misdaad-anoniem.name': 'Meld Misdaad Anoniem',
  'service.meld-misdaad-anoniem.text': 'Bir suç hakkında isimsiz ihbarda bulunun.',
  'service.slachtofferhulp.name': 'Slachtofferhulp Nederland',
  'service.slachtofferhulp.text':
    'Destek ve pratik yardım, anne babalar ve aile için de. Yardım ücretsizdir; arama yerel tarifeyle ücretlendirilir.',
  'service.akj.name': 'AKJ vertrouwenspersoon',
  'service.akj.text': 'Gençlik yardımı (jeugdhulp) hakkındaki sorular veya şikâyetler için yardım.',
  'service.zelfmoordpreventie.name': '113 Zelfmoordpreventie',
  'service.zelfmoordpreventie.text':
    'Çocuğunuz (veya siz) artık yaşamak istemiyorsa. Ya da ücretsiz olarak 0800-0113’ü arayın. Gece gündüz, anne baba olarak sorularınız için de.',

  // mail: e-mails (neutral: nothing about what the site is about).
  'mail.accountChanged.subject': 'Hesabınızda bir şey değişti',
  'mail.accountChanged.text':
    'Merhaba,\n\nHesabınızda az önce bir şey değişti. Bunu siz mi yaptınız? O zaman hiçbir şey yapmanız gerekmez.\nBunu siz yapmadınız mı? Giriş yapın ve hesabınızın sayfasına bakın.\n',
  'mail.caseNews.subject': 'Sizin için yeni bir şey var',
  'mail.caseNews.text':
    'Merhaba,\n\nSizin için yeni bir şey var. Görmek için sitede giriş yapın.\n\nBu mesajı ne sıklıkla alacağınızı giriş yaptıktan sonra kendiniz seçersiniz.\n',
  'mail.requestWaiting.subject': 'Bir istek yanıtınızı bekliyor',
  'mail.requestWaiting.text':
    'Merhaba,\n\nHesabınız için bir istekte bulunuldu. Giriş yapın ve hesabınızın sayfasına bakın.\nHiçbir şey yapmazsanız, istek bekleme süresinden sonra gerçekleşir.\n',
  'mail.invitation.subject': 'Hesap davetiniz',
  'mail.invitation.text':
    'Merhaba,\n\nBir hesap oluşturmaya davet edildiniz. Başlamak için bu bağlantıyı açın:\n\n{link}\n\nBağlantı yalnızca bir kez çalışır ve birkaç gün geçerlidir. Bu e-postayı beklemiyor muydunuz? O zaman dikkate almayabilirsiniz.\n',

  // form
  'form.problem.invalid': 'Bu alan doğru değil. Yazdıklarınıza bir daha bakın.',

  // feedback: what readers missed on a page.
  'feedback.form.title': 'Neyi eksik buldunuz?',
  'feedback.form.label': 'Bu sayfada neyi eksik buldunuz veya ne açık değildi?',
  'feedback.form.hint': 'En fazla 1.000 karakter. Bunu doldurmak zorunda değilsiniz.',
  'feedback.form.warning':
    'Ad, adres, telefon numarası veya birinin çocuğunuzu ya da ailenizi tanıyabileceği başka bir şey yazmayın.',
  'feedback.form.whoReads':
    'Yazdıklarınızı yalnızca editörler okur. Yanıt almazsınız. Metninizi bilgileri iyileştirmek için kullanırız.',
  'feedback.form.helpNow': 'Şu anda yardıma mı ihtiyacınız var?',
  'feedback.form.helpNowLink': '“Hemen yardım”a bakın',
  'feedback.form.veiligThuis': 'veya Veilig Thuis’u arayın (ücretsiz, gece gündüz):',
  'feedback.form.submit': 'Gönder',
  'feedback.form.back': '“{title}” sayfasına geri dön',
  'feedback.sent.title': 'Teşekkür ederiz',
  'feedback.sent.text': 'Editörler metninizi okuyacak. Yanıt almazsınız.',
  'feedback.text.invalid': 'Metninizi kutuya yazın ve bir kez gönderin.',
  'feedback.text.missing': 'Kutu boş. Neyi eksik bulduğunuzu yazın veya sayfaya geri dönün.',
  'feedback.text.tooLong': 'Metniniz çok uzun. En fazla 1.000 karakter kullanın.',
  'feedback.text.control': 'Metninizde okuyamadığımız karakterler var. Kopyalamadan yeniden yazın.',
  'feedback.text.markup': 'HTML veya kod olmadan düz metin yazın.',
  'feedback.text.contact': 'E-posta adreslerini, telefon numaralarını ve posta kodlarını metninizden çıkarın.',
  'feedback.admin.title': 'Okurların tepkileri',
  'feedback.admin.intro':
    'Sayfa başına: okurların sayfanın işe yaradığını veya yaramadığını ne sıklıkla söylediği, ve editörlerin onayladığı metinler.',
  'feedback.admin.retention':
    'Kimsenin değerlendirmediği metinler 30 gün sonra silinir. Onaylanan metinler 12 ay sonra.',
  'feedback.admin.queue.title': 'Değerlendirilecek ({count})',
  'feedback.admin.queue.hint':
    'Bir metni yalnızca içinde birinin bir çocuğu veya aileyi tanıyabileceği hiçbir şey yoksa onaylayın. Yoksa silin.',
  'feedback.admin.queue.empty': 'Bekleyen metin yok.',
  'feedback.admin.received': 'Alınma tarihi: {date, date, long}',
  'feedback.admin.accept': 'Onayla',
  'feedback.admin.discard': 'Sil',
  'feedback.admin.pages.title': 'Sayfa başına',
  'feedback.admin.pages.empty': 'Henüz tepki yok.',
  'feedback.admin.pages.helpful': 'İşe yaradı: {count}',
  'feedback.admin.pages.notHelpful': 'İşe yaramadı: {count}',
  'feedback.admin.pages.texts': 'Onaylanan metinler',
  'feedback.admin.pages.unknown': 'Sayfa artık yok',
  'feedback.admin.accepted': 'Metin onaylandı.',
  'feedback.admin.discarded': 'Metin silindi.',

  // account: registering, logging in, keys and the account page.
  'account.username.missing': 'Bir kullanıcı adı yazın.',
  'account.username.length': 'Bir kullanıcı adı 3 ile 40 karakter arasındadır.',
  'account.username.characters': 'Yalnızca harf, rakam, nokta, tire ve alt çizgi kullanın. Boşluk kullanmayın.',
  'account.username.taken': 'Bu kullanıcı adı zaten kullanılıyor. Başka bir ad seçin.',
  'account.passphrase.missing': 'Bir parola cümlesi yazın.',
  'account.passphrase.tooShort': 'Bir parola cümlesi en az 12 karakterdir. İpucu: birbirinden ayrı 4 kelime seçin.',
  'account.passphrase.tooLong': 'Bu parola cümlesi çok uzun. Daha kısa birini seçin.',
  'account.passphrase.mismatch': 'İki parola cümlesi aynı değil.',
  'account.passphrase.weak':
    'Bu parola cümlesinin tahmin edilmesi çok kolay veya sızdırılmış parola listelerinde geçiyor. Birbiriyle ilgisi olmayan 4 kelime seçin.',
  'account.register.title': 'Hesap oluştur',
  'account.register.intro':
    'Bir hesapla daha sonra güvenli bir günlük tutabilirsiniz. Yalnızca bir kullanıcı adına ve bir parola cümlesine ihtiyacınız var. E-posta adresi gerekmez.',
  'account.register.warningTitle': 'Dikkat: parola cümlenizi kimse sıfırlayamaz',
  'account.register.warning':
    'Hesabınızdaki her şey parola cümlenizle şifrelenir. Parola cümlenizi ve kurtarma kodunuzu kaybederseniz, verilerinizi kimse geri getiremez, biz de getiremeyiz.',
  'account.register.username': 'Kullanıcı adı',
  'account.register.usernameHint': 'Sizin veya çocuğunuz hakkında hiçbir şey söylemeyen bir ad seçin.',
  'account.register.passphrase': 'Parola cümlesi',
  'account.register.passphraseHint':
    'En az 12 karakter. İpucu: birbirinden ayrı 4 kelime, örneğin "lamba bisiklet yağmur elma". Yapıştırabilirsiniz.',
  'account.register.again': 'Parola cümlesi tekrar',
  'account.register.submit': 'Hesap oluştur',
  'account.register.haveAccount': 'Zaten bir hesabınız var mı? Giriş yapın',
  'account.register.throttled': 'Bu adresten, zaten kullanılan çok fazla ad denendi. Saat {time}’de tekrar deneyin.',
  'account.recovery.title': 'Kurtarma kodunuz',
  'account.recovery.intro': 'Hesabınız hazır. Bu sizin kurtarma kodunuz. Onu yalnızca bir kez görürsünüz.',
  'account.recovery.why':
    'Parola cümlenizi mi unuttunuz? Bu kodla hesabınıza yeniden girebilirsiniz. Parola cümlesi ve bu kod olmadan verilerinizi kimse geri getiremez.',
  'account.recovery.keep':
    'Kodu bir kâğıda yazın veya bu sayfayı yazdırın, ve başka kimsenin ulaşamayacağı bir yerde saklayın. Dikkat: yazdırılan veya indirilen bir sayfa bu cihazda veya yazıcıda kalır.',
  'account.recovery.fingerprint': 'İmza anahtarınızın parmak izi',
  'account.recovery.fingerprintHint':
    'Polis daha sonra bununla günlüğünüzün sizin hesabınızdan geldiğini kontrol edebilir. Şimdi bununla bir şey yapmanız gerekmez.',
  'account.recovery.print': 'Bu sayfayı yazdırın',
  'account.recovery.done': 'Kodu sakladım, devam et',
  'account.login.title': 'Giriş yap',
  'account.login.username': 'Kullanıcı adı',
  'account.login.passphrase': 'Parola cümlesi',
  'account.login.submit': 'Giriş yap',
  'account.login.failed': 'Bu kullanıcı adı ve parola cümlesi birbirine uymuyor. Tekrar deneyin.',
  'account.login.noAccount': 'Henüz hesabınız yok mu? Bir hesap oluşturun',
  'account.title': 'Hesabım',
  'account.signedInAs': '{name} olarak giriş yaptınız.',
  'account.sessions.title': 'Nerede giriş yaptınız',
  'account.sessions.intro': 'Tanımadığınız bir cihaz mı görüyorsunuz? Onun oturumunu kapatın.',
  'account.sessions.this': 'Bu cihaz',
  'account.sessions.lastActive': 'Son etkinlik: {date, date, long}, saat {time}',
  'account.sessions.end': 'Bu cihazda oturumu kapat',
  'account.sessions.endOthers': 'Diğer her yerde oturumu kapat',
  'account.logout': 'Oturumu kapat',
  'account.idle': '{minutes} dakika boyunca hiçbir şey yapmazsanız oturumunuz kendiliğinden kapanır.',
  'account.login.throttled':
    'Çok fazla deneme. Saat {time}’de tekrar deneyin. Parola cümlenizi mi unuttunuz? Kurtarma kodunuzu kullanın.',
  'account.recover.title': 'Kurtarma kodunuzla giriş yapın',
  'account.recover.intro':
    'Parola cümlenizi mi unuttunuz? Kullanıcı adınızı ve kurtarma kodunuzu yazın, ve yeni bir parola cümlesi seçin. Sonra yeni bir kurtarma kodu alırsınız: eskisi artık çalışmaz. Tüm cihazlarda oturumunuz kapanır.',
  'account.recover.code': 'Kurtarma kodu',
  'account.recover.codeHint': '28 karakter, örneğin ABCD-EFGH-… Büyük harf ve tire fark etmez.',
  'account.recover.newPassphrase': 'Yeni parola cümlesi',
  'account.recover.submit': 'Kurtar',
  'account.recover.failed': 'Bu kullanıcı adı ve kurtarma kodu birbirine uymuyor.',
  'account.recover.code.length': 'Bir kurtarma kodu 28 karakterdir (tireler olmadan).',
  'account.recover.code.characters': 'Bir kurtarma kodunda yalnızca rakam ve harf vardır, U harfi yoktur.',
  'account.recover.code.checksum': 'Bu kurtarma kodu doğru değil. Doğru yazıp yazmadığınızı kontrol edin.',
  'account.login.forgot': 'Parola cümlenizi mi unuttunuz? Kurtarma kodunuzla giriş yapın',
  'account.code.title': 'Uygulamanızdaki kod',
  'account.code.intro': 'Giriş kodlarınızın olduğu uygulamayı açın ve 6 rakamlı kodu yazın.',
  'account.code.label': '6 rakamlı kod',
  'account.code.submit': 'Giriş yap',
  'account.code.failed':
    'Bu kod doğru değil, süresi doldu veya zaten kullanıldı. Sonraki kodu bekleyin ve tekrar deneyin.',
  'account.totp.title': 'Girişte ikinci adım',
  'account.totp.intro':
    'İkinci bir adımla, parola cümlenizi bilen biri giriş yapmak için yine de yeterli bilgiye sahip olmaz. Aşağıdaki anahtarı giriş kodları için bir uygulamaya (örneğin bir authenticator uygulaması) ekleyin ve sonra o uygulamadaki kodu yazın.',
  'account.totp.key': 'Uygulamanız için anahtar:',
  'account.totp.confirm': 'İkinci adımı aç',
  'account.totp.again': 'Uygulamanın şu anda gösterdiği kodu yazın.',
  'account.totp.done': 'İkinci adım açık. Bundan sonra girişte uygulamanızdaki kodu da soracağız.',
  'account.passkey.title': 'Geçiş anahtarları',
  'account.passkey.link': 'Geçiş anahtarları (passkeys)',
  'account.passkey.intro':
    'Geçiş anahtarı (passkey), tıpkı bir uygulamadaki kod gibi, girişte ikinci bir adımdır. Anahtar telefonunuzda, bilgisayarınızda veya güvenlik anahtarınızda durur. Parola cümlenizden sonra parmak izinizle, yüzünüzle, bir PIN koduyla veya bir düğmeye basarak onaylarsınız.',
  'account.passkey.listTitle': 'Geçiş anahtarlarınız',
  'account.passkey.none': 'Henüz bir geçiş anahtarınız yok.',
  'account.passkey.added': 'Eklenme tarihi: {date, date, long}',
  'account.passkey.lastUsed': 'Son kullanım: {date, date, long}, saat {time}',
  'account.passkey.neverUsed': 'Henüz kullanılmadı',
  'account.passkey.addTitle': 'Geçiş anahtarı ekle',
  'account.passkey.nickname': 'Bu geçiş anahtarı için bir ad (zorunlu değil)',
  'account.passkey.nicknameHint':
    'Örneğin "telefon". Sizin veya çocuğunuz hakkında hiçbir şey söylemeyen bir ad seçin.',
  'account.passkey.add': 'Geçiş anahtarı ekle',
  'account.passkey.needsJs':
    'Geçiş anahtarı için JavaScript gerekir. Tarayıcınızda JavaScript’i açın veya bir uygulamadaki kodu kullanın.',
  'account.passkey.unsupported':
    'Bu tarayıcı geçiş anahtarlarını kullanamıyor. Başka bir tarayıcı deneyin veya bir uygulamadaki kodu kullanın.',
  'account.passkey.cancelled': 'Bu olmadı. Belki iptal edildi veya çok uzun sürdü. Tekrar deneyin.',
  'account.passkey.malformed': 'Geçiş anahtarınızın yanıtını okuyamadık. Tekrar deneyin.',
  'account.passkey.refused':
    'Bu geçiş anahtarı kabul edilmedi. Belki isteğin süresi dolmuştu veya zaten kullanılmıştı. Tekrar deneyin.',
  'account.passkey.duplicate': 'Bu geçiş anahtarı zaten eklendi.',
  'account.passkey.nicknameTooLong': 'Bir ad en fazla 50 karakterdir.',
  'account.passkey.removeLabel': '"{name}" anahtarını silmek için parola cümleniz',
  'account.passkey.remove': 'Sil',
  'account.secondStep.title': 'İkinci adım',
  'account.secondStep.intro': 'Bunun siz olduğunuzu gösterin. Aşağıdaki yollardan birini seçin.',
  'account.secondStep.passkeyTitle': 'Geçiş anahtarınızla',
  'account.secondStep.passkeyButton': 'Geçiş anahtarınızı kullanın',
  'account.secondStep.codeTitle': 'Uygulamanızdaki bir kodla',
  'account.data.title': 'Verileriniz',
  'account.data.downloadTitle': 'Verilerinizi indirin',
  'account.data.downloadText':
    'Hesabınız hakkında sakladığımız her şeyi okunabilir şekilde içeren bir dosya alırsınız. Dikkat: bu dosya sonra bu cihazda durur.',
  'account.data.download': 'Verilerimi indir',
  'account.data.deleteTitle': 'Hesabı sil',
  'account.data.deleteText':
    'Hesabınızdaki her şey, anahtarlarınız da, yok edilir: sonra kimse onu açamaz, biz de açamayız. Polis için tuttuklarınız da gider. Bu geri alınamaz.',
  'account.data.delete': 'Hesabımı sil',
  'account.data.confirmLabel': 'Onay için parola cümleniz',
  'account.data.wrong': 'Bu parola cümlesi doğru değil.',
  'account.data.deleted': 'Hesabınız silindi.',
  'account.email.title': 'Bildirimler için e-posta (zorunlu değil)',
  'account.email.text':
    'Bir e-posta adresi yazarsanız, hesabınızda bir şey değiştiğinde, örneğin biri kurtarma kodunuzu kullandığında, size kısa bir bildirim göndeririz. Mesaj bu sitenin ne hakkında olduğunu asla söylemez. Adresinizi silmek için alanı boş bırakın.',
  'account.email.label': 'E-posta adresi',
  'account.email.save': 'Kaydet',
  'account.email.invalid': 'Bu geçerli bir e-posta adresi değil.',
  'account.passphrase.title': 'Parola cümlesini değiştir',
  'account.passphrase.text':
    'Verileriniz okunabilir kalır: yalnızca onları açan anahtar yeni bir kilit alır. Diğer tüm cihazlarda oturumunuz kapanır.',
  'account.passphrase.current': 'Şu anki parola cümleniz',
  'account.passphrase.save': 'Parola cümlesini değiştir',
  'account.passphrase.throttled': 'Çok fazla deneme. Daha sonra tekrar deneyin.',
  'account.rotate.link': 'Biri parola cümlenizi biliyor olabilir mi? Yeni anahtarlar oluşturun',
  'account.rotate.title': 'Yeni anahtarlar oluştur',
  'account.rotate.intro':
    'Birinin parola cümlenizi bildiğini veya kurtarma kodunuzu gördüğünü mü düşünüyorsunuz? O zaman yeni anahtarlar oluşturun. Ondan sonra o kişi hesabınıza artık giremez.',
  'account.rotate.when':
    'Bunu örneğin biri omzunuzun üstünden baktıysa, kodu bir yerde bıraktıysanız veya sadece emin değilseniz yapın.',
  'account.rotate.whatTitle': 'Ne olur?',
  'account.rotate.whatKeys':
    'Hesabınız yeni anahtarlar ve yeni bir parola cümlesi alır. Günlüğünüz ve kişisel defteriniz okunabilir kalır.',
  'account.rotate.whatCode': 'Yeni bir kurtarma kodu alırsınız. Eski kurtarma kodunuz bundan sonra çalışmaz.',
  'account.rotate.whatSessions': 'Diğer tüm cihazlarda oturumunuz kapanır. Burada oturumunuz açık kalır.',
  'account.rotate.whatFingerprint':
    'İmza anahtarınız yeni bir parmak izi alır. Eskisi, daha önce yazdıklarınız için geçerli kalır.',
  'account.rotate.submit': 'Yeni anahtarlar oluştur',
  'account.rotate.back': 'Hesabınıza geri dönün',
  'account.rotate.conflict':
    'Anahtarlarınız az önce yenilendi, örneğin başka bir sekmede. Yeniden giriş yapın ve sonra tekrar deneyin.',
  'account.rotate.doneIntro':
    'Hesabınızın yeni anahtarları var. Bu sizin yeni kurtarma kodunuz. Onu yalnızca bir kez görürsünüz.',
  'account.rotate.oldGone':
    'Eski parola cümleniz ve eski kurtarma kodunuz artık çalışmaz. Diğer tüm cihazlarda oturumunuz kapandı.',
  'account.rotate.previousFingerprint': 'Önceki imza anahtarınızın parmak izi',
  'account.rotate.previousFingerprintHint':
    'Bunu daha önce polise verdiniz mi? O zaman geçerli kalır: önceki anahtar yenisini imzaladı.',

  // trustedPerson: a way back into the account through someone the parent trusts.
  'trustedPerson.link': 'Güvendiğiniz kişi: her şeyi kaybederseniz hesabınıza geri dönmenin bir yolu',
  'trustedPerson.title': 'Güvendiğiniz kişi',
  'trustedPerson.intro':
    'Parola cümlenizi ve kurtarma kodunuzu mu kaybettiniz? O zaman güvendiğiniz bir kişi hesabınıza yeniden girmenize yardım edebilir. Bu, sizi iyi tanıyan ve burada kendisi de anne baba olarak bir hesabı olan biridir.',
  'trustedPerson.how.title': 'Nasıl çalışır',
  'trustedPerson.how.offer': 'Güvendiğiniz kişi bu sayfada bir eşleştirme kodu oluşturur ve onu size yüz yüze verir.',
  'trustedPerson.how.name':
    'Siz onun kullanıcı adını ve eşleştirme kodunu aşağıya yazarsınız ve bir bekleme süresi seçersiniz.',
  'trustedPerson.how.request':
    'Her şeyi mi kaybettiniz? O zaman güvendiğiniz kişi erişim ister. Size haber verilir: bu sayfada, ve bir adres verdiyseniz e-postayla. O zaman reddedebilirsiniz.',
  'trustedPerson.how.grant':
    'Bekleme süresi içinde reddetmediniz mi? O zaman güvendiğiniz kişi sizin için yeni bir kurtarma kodu oluşturur. Bununla "Parola cümlenizi mi unuttunuz?" üzerinden kendiniz yeni bir parola cümlesi seçersiniz.',
  'trustedPerson.how.trust':
    'Güvendiğiniz kişi günlüğünüzü okuyamaz. Ama bekleme süresinden sonra hesabınıza girebilir. Bu yüzden gerçekten güvendiğiniz birini seçin.',
  'trustedPerson.mine.title': 'Güvendiğiniz kişi',
  'trustedPerson.mine.none': 'Henüz güvendiğiniz bir kişi seçmediniz.',
  'trustedPerson.mine.named':
    'Güvendiğiniz kişi: {name}, {date, date, long} tarihinden beri. Bekleme süresi {days} gün.',
  'trustedPerson.mine.renewNeeded':
    '{name} adlı kişinin anahtarları yenilendi. {name} adlı kişiyi yeniden onaylayın, yoksa size yardım edemez.',
  'trustedPerson.mine.renew': 'Yeniden onayla',
  'trustedPerson.mine.waiting':
    '{name}, {date, date, long} tarihinde hesabınıza erişim istedi. Reddetmezseniz, {name} {until, date, long} tarihinden itibaren sizin için yeni bir kurtarma kodu oluşturabilir.',
  'trustedPerson.mine.granted':
    'Bekleme süresi bitti. {name} artık sizin için yeni bir kurtarma kodu oluşturabilir. Bunu istemiyor musunuz? O zaman şimdi reddedin.',
  'trustedPerson.mine.refused': '{name} adlı kişinin isteğini {date, date, long} tarihinde reddettiniz.',
  'trustedPerson.mine.used':
    '{name}, {date, date, long} tarihinde sizin için yeni bir kurtarma kodu oluşturdu. Bu konuda anlaşmamış mıydınız? O zaman anahtarlarınızı yenileyin ve güvendiğiniz başka bir kişi seçin.',
  'trustedPerson.mine.rotate': 'Anahtarları yenile',
  'trustedPerson.mine.refuse': 'İsteği reddet',
  'trustedPerson.mine.remove': 'Güvendiğiniz kişiyi kaldır',
  'trustedPerson.mine.removeHint': 'Güvendiğiniz kişiyi her zaman kaldırabilirsiniz. Bu kişiye bundan haber verilmez.',
  'trustedPerson.name.title': 'Güvendiğiniz bir kişi seçin',
  'trustedPerson.name.username': 'Güvendiğiniz kişinin kullanıcı adı',
  'trustedPerson.name.code': 'Eşleştirme kodu',
  'trustedPerson.name.codeHint': 'Bu kodu yüz yüze aldınız. 24 saat boyunca ve bir kez çalışır.',
  'trustedPerson.name.days': 'Gün olarak bekleme süresi',
  'trustedPerson.name.daysHint': '2 ile 30 gün arası. 7 gün öneriyoruz.',
  'trustedPerson.name.passphrase': 'Parola cümleniz',
  'trustedPerson.name.submit': 'Güvendiğiniz kişiyi seçin',
  'trustedPerson.name.usernameMissing': 'Güvendiğiniz kişinin kullanıcı adını yazın.',
  'trustedPerson.name.codeMissing': 'Eşleştirme kodunu yazın.',
  'trustedPerson.name.codeMalformed': 'Bu eşleştirme kodu doğru değil. Doğru yazıp yazmadığınıza bakın.',
  'trustedPerson.name.daysInvalid': '2 ile 30 gün arasında bir bekleme süresi seçin.',
  'trustedPerson.name.mismatch':
    'Kullanıcı adı ve eşleştirme kodu birbirine uymuyor. Güvendiğiniz kişiden yeni bir kod isteyin.',
  'trustedPerson.trustedBy.title': 'Size güvenen kişiler',
  'trustedPerson.trustedBy.named': '{name}, {date, date, long} tarihinden beri sizi güvendiği kişi olarak seçti.',
  'trustedPerson.trustedBy.renewNeeded':
    'Anahtarlarınız yenilendi. Yardım edebilmeniz için {name} sizi yeniden onaylamalı.',
  'trustedPerson.trustedBy.requestHint':
    'Yalnızca {name} sizden isterse erişim isteyin. {name} bundan haberdar edilir ve reddedebilir. {days} gün sonra yardım edebilirsiniz.',
  'trustedPerson.trustedBy.request': 'Erişim iste',
  'trustedPerson.trustedBy.refused': '{name}, isteğinizi {date, date, long} tarihinde reddetti.',
  'trustedPerson.trustedBy.waiting':
    '{date, date, long} tarihinde erişim istediniz. {name} reddetmezse, {until, date, long} tarihinden itibaren yeni bir kurtarma kodu oluşturabilirsiniz.',
  'trustedPerson.trustedBy.granted':
    'Bekleme süresi bitti. {name} için yeni bir kurtarma kodu oluşturun ve onu yüz yüze verin.',
  'trustedPerson.trustedBy.passphrase': 'Kendi parola cümleniz',
  'trustedPerson.trustedBy.makeCode': 'Yeni kurtarma kodu oluştur',
  'trustedPerson.trustedBy.wrong': 'Parola cümleniz doğru değil.',
  'trustedPerson.trustedBy.refusedNow': 'Bu şu anda olmuyor. Belki istek reddedildi. Sayfayı yeniden yükleyin.',
  'trustedPerson.offer.title': 'Biri sizi güvendiği kişi olarak seçmek mi istiyor?',
  'trustedPerson.offer.intro':
    'Bir eşleştirme kodu oluşturun ve onu, kullanıcı adınızla birlikte, o kişiye yüz yüze verin. Kod 24 saat boyunca ve bir kez çalışır.',
  'trustedPerson.offer.open':
    'Bir eşleştirme kodu oluşturdunuz. Kod {date, date, long}, saat {time} tarihine kadar çalışır.',
  'trustedPerson.offer.submit': 'Eşleştirme kodu oluştur',
  'trustedPerson.offer.codeTitle': 'Eşleştirme kodunuz',
  'trustedPerson.offer.codeIntro':
    'Bu kodu ve kullanıcı adınızı ({name}) sizi seçmek isteyen kişiye yüz yüze verin. Kodu yalnızca bir kez görürsünüz.',
  'trustedPerson.code.title': '{name} için yeni kurtarma kodu',
  'trustedPerson.code.intro':
    'Bu kodu {name} adlı kişiye yüz yüze verin. Mesajlaşma uygulamasıyla veya e-postayla göndermeyin. Kodu yalnızca bir kez görürsünüz.',
  'trustedPerson.code.how':
    '{name}, {name} kullanıcı adı ve bu kodla "Parola cümlenizi mi unuttunuz?" sayfasında yeni bir parola cümlesi seçer. {name} adlı kişinin eski kurtarma kodu artık çalışmaz.',
  'trustedPerson.code.recoverLink': '"Parola cümlenizi mi unuttunuz?" sayfasına',
  'trustedPerson.accountNotice':
    'Güvendiğiniz kişiden gelen bir istek yanıtınızı bekliyor. Ne yapmak istediğinize bakın.',
  'trustedPerson.back': 'Hesabınıza geri dönün',

  // journal: the journal (logboek), the diary (dagboek) and the journal's export for the police.
  'journal.nav.export': 'Dışa aktar',
  'journal.export.title': 'Günlüğü polis için dışa aktarın',
  'journal.export.lead':
    'Notlarınızla bir dosya (ZIP) oluşturun: okumak için bir PDF ve polisin hiçbir şeyin değişmediğini kontrol edebileceği bir dosya.',
  'journal.export.honest':
    'Hesabınızın imzası, bir notun hesabınızdan yazıldığını gösterir, onu kimin yazdığını değil. Günlük, bir şeyin ne zaman yazıldığını ve ondan sonra değişmediğini gösterir. Doğru olduğunu kanıtlamaz.',
  'journal.export.diary': 'Kişisel defteriniz asla buna dahil edilmez.',
  'journal.export.empty': 'Günlüğünüz henüz boş. Önce bir not yazın.',
  'journal.export.anchorsTitle': 'Bunu polise yüz yüze verin',
  'journal.export.anchors':
    'Bu bilgilerle soruşturmacı polis, dışa aktarmanın gerçekten sizin hesabınızdan geldiğini ve günlüğünüzden hiçbir şeyin çıkarılmadığını kontrol edebilir. Mümkünse yüz yüze veya kâğıt üzerinde verin.',
  'journal.export.fingerprint': 'Hesabınızın parmak izi',
  'journal.export.checkpoint': 'Günlüğünüzün durumu',
  'journal.export.checkpointSize': '{size, plural, one {1 not} other {# not}}, kontrol değeri:',
  'journal.export.label': 'Bu dışa aktarmada çocuğunuza ne diyorsunuz?',
  'journal.export.labelHint': 'Örneğin bir ad veya baş harf. Bu ad PDF’in her sayfasında yer alır.',
  'journal.export.which': 'Hangi notlar?',
  'journal.export.mode.alles': 'Tüm notlar',
  'journal.export.mode.reeks': '… numaradan … numaraya (dahil) kadar olan notlar',
  'journal.export.mode.deel': 'Yalnızca aşağıda işaretlediğim notlar',
  'journal.export.from': 'Başlangıç numarası',
  'journal.export.to': 'Bitiş numarası (dahil)',
  'journal.export.pick': 'Notları seçin',
  'journal.export.correction': 'düzeltme',
  'journal.export.redactions':
    'Silinmiş notlar her zaman "silindi" olarak, onları silen notla birlikte yer alır. Seçmediğiniz notlar "paylaşılmadı" olarak yer alır.',
  'journal.export.known':
    'Polisin elinde günlüğünüzün bir durumu zaten var mı? O zaman (isterseniz) not sayısını yazın',
  'journal.export.knownHint': 'O zaman polis o zamandan beri hiçbir şeyin değişmediğini kontrol edebilir.',
  'journal.export.passphrase': 'Parola cümleniz',
  'journal.export.passphraseHint': 'Bunu yeniden soruyoruz, çünkü bir dışa aktarma tüm notlarınızı içerebilir.',
  'journal.export.passphraseFresh':
    'Parola cümlenizi 5 dakikadan daha kısa süre önce verdiniz. Bu alanı şimdi boş bırakabilirsiniz.',
  'journal.export.busy': 'Dışa aktarma başlatılıyor. Birazdan ne kadar ilerlediğini göreceksiniz.',
  'journal.export.device':
    'Dikkat: dosya bu cihazın indirilenler klasörüne gelir. Dosyayı polise verin ve bu cihazı başkaları da kullanıyorsa sonra silin.',
  'journal.export.submit': 'Dışa aktarmayı indir',
  'journal.export.verifyLink': 'Bir dışa aktarmayı kontrol edin',
  'journal.upload.unreadable':
    'Formunuz bize düzgün veya eksiksiz ulaşmadı. Hiçbir şey kaydedilmedi. Geri dönün ve yeniden gönderin. Hep olmuyor mu? O zaman daha az veya daha küçük dosyalar gönderin.',
  'journal.upload.tooMuch':
    'Formunuzda bir notun alabileceğinden daha fazla metin veya alan var. Hiçbir şey kaydedilmedi. Metni kısaltın ve tekrar deneyin.',
  'journal.upload.busyAccount':
    'Zaten dosya gönderiyorsunuz, belki başka bir pencereden. Bu not kaydedilmedi. Diğeri bitene kadar bekleyin ve sonra tekrar deneyin.',
  'journal.upload.busyTitle': 'Şu anda çok yoğun',
  'journal.upload.busyEveryone':
    'Şu anda aynı anda çok sayıda dosya gönderiliyor. Notunuz kaydedilmedi. Geri dönün ve bir dakika sonra tekrar deneyin. Tehlikede misiniz? 112’yi arayın.',
  'journal.export.problem.label': 'Bu dışa aktarmada çocuğunuza ne dediğinizi yazın (en fazla 80 karakter).',
  'journal.export.problem.mode': 'Dışa aktarmaya hangi notların gireceğini seçin.',
  'journal.export.problem.range': 'Günlüğünüzde olan iki numara yazın; birincisi ikincisinden büyük olmasın.',
  'journal.export.problem.nothing': 'En az bir notu işaretleyin.',
  'journal.export.problem.known': 'Günlüğünüzün bir zamanlar sahip olduğu bir not sayısı yazın veya boş bırakın.',
  'journal.export.problem.passphrase': 'Bu parola cümlesi doğru değil.',
  'journal.export.problem.throttled': 'Çok kez yanlış parola cümlesi girildi. Daha sonra tekrar deneyin.',
  'journal.export.attachments': 'Hangi fotoğraflar ve dosyalar?',
  'journal.export.attachmentsHint':
    'Vermediğiniz şeyler günlüğünüzde kalır. Dışa aktarma yine de onların var olduğunu gösterir ve polis daha sonra değişmediklerini kontrol edebilir.',
  'journal.export.attachments.alle': 'Bu notlardaki tüm fotoğraflar ve dosyalar',
  'journal.export.attachments.zonder-origineel':
    'Tüm fotoğraflar ve dosyalar, ama bilgileriyle (fotoğrafın çekildiği saat ve yer gibi) birlikte olan asılları olmadan',
  'journal.export.attachments.geen': 'Fotoğraf ve dosya yok',
  'journal.export.attachments.kies': 'Yalnızca aşağıda işaretlediğim fotoğraflar ve dosyalar',
  'journal.export.attachments.pick': 'Fotoğrafları ve dosyaları seçin',
  'journal.export.attachments.item': 'Not {number}, ek {attachment}',
  'journal.export.problem.attachments':
    'En az bir fotoğraf veya dosya işaretleyin ya da "Fotoğraf ve dosya yok"u seçin.',
  'journal.export.problem.attachmentsMode': 'Dışa aktarmaya hangi fotoğrafların ve dosyaların gireceğini seçin.',
  'journal.export.make': 'Dışa aktarma oluştur',
  'journal.export.problem.busy':
    'Sizin için zaten bir dışa aktarma oluşturuluyor. Bitene kadar bekleyin: ne kadar ilerlediğini "Dışa aktarma oluşturuluyor" sayfasında görürsünüz.',
  'journal.export.problem.full':
    'Şu anda aynı anda çok sayıda dışa aktarma oluşturuluyor. Bir dakika sonra tekrar deneyin. Doldurduklarınız hâlâ burada.',
  'journal.export.status.runningTitle': 'Dışa aktarmanız oluşturuluyor',
  'journal.export.status.doneTitle': 'Dışa aktarmanız hazır',
  'journal.export.status.failedTitle': 'Dışa aktarmanız oluşturulamadı',
  'journal.export.status.noneTitle': 'Hazır dışa aktarma yok',
  'journal.export.status.running':
    'Notlarınızı açıyoruz, PDF’i oluşturuyoruz ve her şeyi tek bir dosyaya koyuyoruz. Çok fotoğraflı büyük bir günlükte bu birkaç dakika sürebilir.',
  'journal.export.status.progressLabel': 'Dışa aktarma ne kadar ilerledi',
  'journal.export.status.phase.reading': 'Adım {step} / 3: notlar açılıyor ({done} / {total})',
  'journal.export.status.phase.pdf': 'Adım {step} / 3: PDF oluşturuluyor ({done} / {total} not)',
  'journal.export.status.phase.zip': 'Adım {step} / 3: her şey tek bir dosyaya konuyor',
  'journal.export.status.leave':
    'Bu sayfada bekleyebilirsiniz. Oturumu kapatırsanız veya hızlı çıkışı kullanırsanız, dışa aktarma durur ve hiçbir şey saklanmaz.',
  'journal.export.status.again': 'Yeniden bak',
  'journal.export.status.done': 'Dışa aktarmanız oluşturuldu ({size}). Şimdi indirin.',
  'journal.export.status.kept':
    'Dosya {until} zamanına kadar sizi bekler; yalnızca sizin bu oturumla açabileceğiniz şekilde şifrelenmiştir. İndirdikten, oturumu kapattıktan, hızlı çıkıştan sonra veya bu süre dolunca silinir.',
  'journal.export.status.failed':
    'Dışa aktarmanız oluşturulurken bir sorun oluştu. Hiçbir şey saklanmadı ve günlüğünüz değişmedi. Tekrar deneyin.',
  'journal.export.status.tooLargeTitle': 'Bu dışa aktarma çok büyüyor',
  'journal.export.status.tooLarge':
    'Bu dışa aktarmadaki fotoğraflar ve dosyalar birlikte {max} boyutundan büyük. Hiçbir şey saklanmadı. Dışa aktarmayı yeniden oluşturun ve daha az not seçin, ya da fotoğrafları asılları olmadan verin veya hiç fotoğraf vermeyin. İki küçük dışa aktarma da oluşturabilirsiniz.',
  'journal.export.status.none': 'Şu anda sizin için bir dışa aktarma oluşturulmuyor ve hazır bekleyen de yok.',
  'journal.export.status.gone':
    'Bu dışa aktarma artık yok: ya zaten indirildi, ya da onu almak için süre doldu. Yeni bir dışa aktarma oluşturun.',
  'journal.export.status.start': 'Bir dışa aktarma oluştur',
  'journal.title': 'Günlük',
  'journal.honest':
    'Bir günlük polise yardım edebilir. Tek başına kanıt değildir: sizin ne gördüğünüzü ve duyduğunuzu, ve bunu ne zaman yazdığınızı gösterir.',
  'journal.nav.label': 'Günlük ve kişisel defter',
  'journal.nav.list': 'Günlük',
  'journal.nav.new': 'Yeni not',
  'journal.nav.print': 'Yazdır',
  'journal.nav.diary': 'Kişisel defterim',
  'journal.intro.lead': 'Gördüklerinizi ve duyduklarınızı tarih ve saatiyle yazın. Böylece hiçbir şey kaybolmaz.',
  'journal.intro.private':
    'Günlüğünüz kendi anahtarınızla şifrelenir. Biz onu okuyamayız. Bir hesaba ihtiyacınız var: yalnızca bir kullanıcı adı ve bir parola cümlesi, e-posta gerekmez.',
  'journal.intro.register': 'Hesap oluştur',
  'journal.intro.login': 'Giriş yap',
  'journal.list.lead': 'Notlarınız, en yenisi en üstte. Başka hiç kimse onları okuyamaz.',
  'journal.list.count': '{count, plural, =0 {Henüz not yok.} one {1 not.} other {# not.}}',
  'journal.list.countFiltered': '{size} not içinde {count, plural, one {1 not} other {# not}} bulundu.',
  'journal.saved': 'Not {number} kaydedildi.',
  'journal.filter.legend': 'Notlarınızda arayın',
  'journal.filter.category': 'Tür',
  'journal.filter.all': 'Tüm türler',
  'journal.filter.from': 'Olduğu tarih, başlangıç',
  'journal.filter.to': 'Olduğu tarih, bitiş (dahil)',
  'journal.filter.order': 'Sıralama',
  'journal.filter.byEvent': 'Olayın tarihine göre',
  'journal.filter.byEntry': 'Yazdığınız sıraya göre',
  'journal.filter.submit': 'Notları göster',
  'journal.pages.label': 'Sayfalar',
  'journal.pages.previous': 'Önceki sayfa',
  'journal.pages.next': 'Sonraki sayfa',
  'journal.pages.position': 'Sayfa {page} / {pages}',
  'journal.category.behaviour': 'Davranış',
  'journal.category.absence': 'Evden uzakta veya kayıp',
  'journal.category.contact': 'Şüpheli kişilerle temas',
  'journal.category.online': 'Telefon ve internet',
  'journal.category.money': 'Para ve hediyeler',
  'journal.category.health': 'Sağlık',
  'journal.category.school': 'Okul',
  'journal.category.agencies': 'Kurumlarla temas',
  'journal.category.other': 'Başka bir şey',
  'journal.entry.number': 'Not {number}',
  'journal.entry.approximate': 'yaklaşık',
  'journal.entry.received': 'Yazılma tarihi: {date}',
  'journal.entry.correctionOf': 'Şu notun düzeltmesi:',
  'journal.entry.redactionOf': 'Şu notu siler:',
  'journal.entry.correctedIn': 'Şu notta düzeltildi:',
  'journal.entry.redactedOn': 'Silinme tarihi: {date}',
  'journal.entry.redactedTitle': 'Not {number} (silindi)',

  'journal.entry.redactionTitle': 'Not {number}: bir not silindi',
  'journal.entry.correct': 'Düzelt',
  'journal.entry.redact': 'Sil',
  'journal.entry.related': 'Bununla ilgili',
  'journal.new.title': 'Yeni not',
  'journal.correct.title': 'Not {number} düzeltin',
  'journal.correct.lead':
    'Eski notunuz olduğu gibi kalır. Düzeltmeniz, ona işaret eden yeni bir not olur. Böylece önce ne yazdığınız her zaman görülebilir.',
  'journal.advice.title': 'Nasıl yazmalı',
  'journal.advice.facts':
    'Olguları yazın: ne gördüğünüzü veya duyduğunuzu, ne zaman, nerede ve orada kimin olduğunu. Ne düşündüğünüzü ayrıca yazın.',
  'journal.advice.words':
    'Çocuğunuz kendiliğinden bir şey mi söylüyor? Onun kendi sözlerini kelimesi kelimesine yazın. Hemen öncesinde ne sorulduğunu veya söylendiğini de yazın.',
  'journal.advice.noQuestioning': 'Bu günlüğü doldurmak için çocuğunuzu sorguya çekmeyin.',
  'journal.advice.why':
    'Bir dava açılırsa, çocuğunuzla özel eğitimli kişiler konuşur. Sizin sorularınız çocuğunuzun anlatımını değiştirebilir, ve failin avukatı bu günlüğü okuyabilir.',
  'journal.advice.honest': 'Günlüğünüz polise yardım edebilir. Tek başına kanıt değildir.',
  'journal.form.when': 'Ne zaman oldu?',
  'journal.form.childWords': 'Çocuğunuz kendisi ne dedi?',
  'journal.form.childWordsHint': 'Yalnızca çocuğunuz kendiliğinden bir şey anlattıysa. Öyle değilse boş bırakın.',
  'journal.form.details': 'Ayrıntılar (biliyorsanız)',
  'journal.form.detailsHint': 'Yalnızca emin olduğunuz şeyleri yazın. Her şey boş kalabilir.',
  'journal.form.save': 'Notu kaydet',
  'journal.field.date': 'Tarih',
  'journal.field.time': 'Saat (biliyorsanız)',
  'journal.field.timeHint': 'Örneğin 21:30.',
  'journal.field.approximate': 'Tarih veya saat yaklaşık',
  'journal.field.category': 'Ne hakkında?',
  'journal.field.text': 'Ne oldu?',
  'journal.field.textHint': 'Ne gördüğünüzü ve duyduğunuzu yazın. En fazla {max} karakter.',
  'journal.field.question': 'Hemen öncesinde ne soruldu veya söylendi?',
  'journal.field.questionHint': 'Örneğin: “Günün nasıl geçti?” diye sordum. Kimse bir şey sormadıysa boş bırakın.',
  'journal.field.words': 'Çocuğunuzun sözleri, kelimesi kelimesine',
  'journal.field.wordsHint': 'Çocuğunuzun ne dediğini tam olarak yazın, tuhaf veya yarım gibi gelse bile.',
  'journal.field.people': 'Kişiler',
  'journal.field.personName': 'Kişi {row}: adı veya takma adı',
  'journal.field.personDescription': 'Kişi {row}: nasıl görünüyor?',
  'journal.field.online': 'Kullanıcı adları ve bağlantılar',
  'journal.field.phones': 'Telefon numaraları',
  'journal.field.plates': 'Plakalar',
  'journal.field.platesHint': 'Her satıra bir tane. Yabancı plakalar da olabilir.',
  'journal.field.places': 'Yerler ve adresler',
  'journal.field.linesHint': 'Her satıra bir tane, en fazla {max}.',
  'journal.field.missing': 'Evden uzakta veya kayıp',
  'journal.field.missingFrom': 'başlangıç',
  'journal.field.missingUntil': 'bitiş',
  'journal.field.missingFromLabel': 'Evden uzakta veya kayıp olduğu başlangıç',
  'journal.field.missingUntilLabel': 'Geri döndüğü tarih',
  'journal.field.missingUntilHint':
    'Çocuğunuz henüz dönmediyse boş bırakın. Çocuğunuz şu anda kayıp mı? 112’yi arayın.',
  'journal.field.agencies': 'Kurumlarla temas',
  'journal.field.agencyWho': 'Kurum {row}: kim (örneğin polis, Veilig Thuis)',
  'journal.field.agencyReference': 'Kurum {row}: dosya veya kayıt numarası',
  'journal.field.reference': 'dosya numarası',
  'journal.field.files': 'Dosya ekleyin (isterseniz)',
  'journal.field.filesWarning':
    'Önce üzerinde çıplak bir görüntü olmadığına bakın. Bir sohbetin ekran görüntüsündeki küçük bir resim olarak da, profil fotoğrafı olarak da olmamalı. Varsa dosyayı eklemeyin, saklamayın ve göndermeyin.',
  'journal.field.filesHint': 'Ekran görüntüleri, fotoğraflar (PNG, JPEG, WebP) veya PDF. En fazla 10 MB’lık 5 dosya.',
  'journal.field.ruleConfirm': 'Onaylıyorum: bu dosyalarda bir çocuğun cinsel görüntüsü yok.',
  'journal.field.keepMetadata': 'Fotoğrafın yeri ve saatiyle birlikte asıl dosyayı da sakla',
  'journal.field.keepMetadataHint':
    'Fotoğraflar çoğu zaman çekildikleri yeri içerir. Normalde bunu çıkarırız. Bunu yalnızca bu bilgiler bir şey gösteriyorsa seçin, örneğin çocuğunuzun nerede olduğunu. Asıl dosya şifreli kalır.',
  'journal.flag.phone': 'numara doğru görünmüyor, yazdığınız gibi saklandı',
  'journal.flag.plate': 'Hollanda plakası değil, yazdığınız gibi saklandı',
  'journal.attachments.title': 'Ekler',
  'journal.attachments.count': '{count, plural, one {1 ek} other {# ek}}',
  'journal.attachment.label': 'Ek {number}',
  'journal.attachment.original': 'Yeri ve saatiyle asıl dosya',
  'journal.attachment.sizeKb': '{size} kB',
  'journal.attachment.sizeMb': '{size} MB',
  'journal.attachment.sizeGb': '{size} GB',
  'journal.attachment.type.png': 'PNG resmi',
  'journal.attachment.type.jpeg': 'JPEG fotoğrafı',
  'journal.attachment.type.webp': 'WebP resmi',
  'journal.attachment.type.pdf': 'PDF',
  'journal.rule.title': 'Bir çocuğun cinsel görüntüleri asla',
  'journal.rule.why':
    'Bir çocuğun cinsel bir fotoğrafını veya videosunu asla saklamayın veya göndermeyin; kanıt olarak da, anne baba olarak da. Böyle görüntülere sahip olmak veya onları iletmek suçtur. Ve her kopya çocuğunuzu yeniden incitir.',
  'journal.rule.instead':
    'Bunun yerine şunu yapın: onu nerede gördüğünüzü (hangi uygulama veya site), kullanıcı adını, bağlantıyı ve saati yazın. Polise veya Helpwanted’a bildirin. Onlar görüntülerin kaldırılmasını sağlayabilir.',
  'journal.rule.more': 'Görüntüler ve yasa hakkında daha fazla',
  'journal.problem.dateMissing': 'Olayın olduğu tarihi yazın.',
  'journal.problem.dateInvalid': 'Gerçek bir tarih yazın, örneğin 28-11-2026.',
  'journal.problem.dateTooEarly': '1990 ve sonrasından bir tarih yazın.',
  'journal.problem.dateFuture': 'Bu tarih veya saat gelecekte. Olayın ne zaman olduğunu yazın.',
  'journal.problem.timeInvalid': '21:30 gibi bir saat yazın veya boş bırakın.',
  'journal.problem.categoryMissing': 'Ne hakkında olduğunu seçin.',
  'journal.problem.textMissing': 'Ne olduğunu yazın veya ayrıntılardan birini doldurun.',
  'journal.problem.textTooLong': 'Metniniz çok uzun. Kısaltın veya iki nota bölün.',
  'journal.problem.wordsTooLong': 'Bu metin çok uzun. Kısaltın.',
  'journal.problem.lineTooLong': 'Satırlardan biri çok uzun. Kısaltın.',
  'journal.problem.tooManyLines': 'Bunlar çok fazla satır. İki nota bölün.',
  'journal.problem.momentInvalid': 'Bir tarih ve saat yazın veya boş bırakın.',
  'journal.problem.untilBeforeFrom': 'Dönüş, gidişten önce görünüyor. Tarihlere bir daha bakın.',
  'journal.problem.conflict': 'Bu notla bu yapılamaz: not silinmiş, ya da kendisi bir silme notu.',
  'journal.problem.ruleMissing':
    'Dosyalarda bir çocuğun cinsel görüntüsü olmadığını onaylayın. Önce yukarıdaki kuralı okuyun.',
  'journal.problem.tooManyFiles': 'Bir nota en fazla 5 dosya ekleyin.',
  'journal.problem.fileEmpty': 'Dosyalardan biri boş.',
  'journal.problem.fileTooLarge':
    'Dosyalardan biri 10 MB’tan büyük. Küçültün veya bir ekran görüntüsü alın. Üzerinde küçük bir resim olarak bile çıplak bir görüntü var mı? O zaman eklemeyin.',
  'journal.problem.fileType': 'Dosyalardan biri PNG, JPEG, WebP veya PDF değil. Başka dosya türleri kabul edilmez.',
  'journal.problem.fileCorrupt': 'Dosyalardan biri bozuk ve açılamıyor.',
  'journal.problem.filePixels': 'Resimlerden biri çok büyük (çok fazla piksel). Daha küçük bir sürümünü yapın.',
  'journal.problem.filesAgain': 'Dosyalarınız henüz kaydedilmedi. Onları yeniden seçin.',
  'journal.redact.title': 'Not {number} silin',
  'journal.redact.warning':
    'Silme geri alınamaz. İçerik ve ekler yok edilir. Biz de onları geri getiremeyiz. Günlükte burada bir not olduğu ve onu ne zaman sildiğiniz kalır.',
  'journal.redact.instead':
    'Bir şey doğru değil mi? O zaman notu düzeltmeniz daha iyi olur. Silme, gerçekten gitmesi gereken bir şey içindir.',
  'journal.redact.confirm': 'Evet, bu notu sil',
  'journal.redact.cancel': 'Silme, geri dön',
  'journal.print.title': 'Günlüğü yazdırın',
  'journal.print.warning':
    'Dikkat: kâğıt bulunabilir. Yazdırılmış sayfaları güvenli bir yerde saklayın veya hemen polise ya da yardım veren kişiye verin.',
  'journal.print.how': 'Tarayıcınızın yazdırma düğmesini kullanın. Notlar olayların olduğu sıradadır.',
  'journal.diary.title': 'Kişisel defterim',
  'journal.diary.lead': 'Kendi duygularınız ve düşünceleriniz için bir yer.',
  'journal.diary.private':
    'Bunu yalnızca siz okuyabilirsiniz. Kişisel defteriniz asla paylaşılmaz ve polis için bir dışa aktarmaya asla girmez. Günlüğünüzden ayrı tutulur.',
  'journal.diary.label': 'İçinizi dökmek istediğiniz ne var?',
  'journal.diary.save': 'Kişisel defterime kaydet',
  'journal.diary.notes': 'Daha önce yazılanlar',
  'journal.diary.empty': 'Henüz hiçbir şey yazmadınız.',
  'journal.diary.delete': 'Sil',
  'journal.diary.problem.missing': 'Önce bir şey yazın.',
  'journal.diary.problem.tooLong': 'Metniniz çok uzun. İki parçaya bölün.',
};
