import type { PartialCatalogue } from '../shared/i18n/messages.js';

/*
 * Turkish, addressing the reader with "siz" as Turkish public information does. Names of Dutch organisations
 * stay in Dutch, with what they are in Turkish, because that is the name a parent hears on the phone. Phone
 * numbers are exactly those of the Dutch messages (translations.test.ts). Not yet reviewed by a native speaker.
 */
export const tr: PartialCatalogue = {
  // The frame: site name, menu, language switch, quick exit, footer, error pages.
  'site.name': 'Niet mijn kind',
  'site.description':
    'Çocuğunun cinsel istismara uğradığından korkan anne babalar ve onlarla çalışan uzmanlar için bilgi ve yardım.',
  'layout.skipLink': 'İçeriğe geç',
  'layout.homeLink': 'Niet mijn kind, ana sayfaya',
  'layout.nav.label': 'Ana menü',
  'layout.nav.home': 'Ana sayfa',
  'layout.nav.information': 'Bilgi',
  'layout.nav.now': 'Hemen yardım',
  'layout.nav.check': 'Kontrol',
  'layout.nav.cases': 'Birlikte çalışma',
  'layout.nav.journal': 'Günlük',
  'layout.nav.help': 'Yardım bul',
  'layout.nav.knowledge': 'Bilgi bankası',
  'layout.nav.search': 'Ara',
  'layout.nav.account': 'Hesap',
  'layout.nav.login': 'Giriş yap',
  'layout.language.label': 'Dil',
  'layout.language.listLabel': 'Bir dil seçin',
  'layout.translation.missing': 'Bu sayfa henüz Türkçeye çevrilmedi. Aşağıda İngilizcesini bulabilirsiniz.',
  'layout.translation.unreviewed':
    'Bu çeviri henüz anadili Türkçe olan biri tarafından kontrol edilmedi. Esas olan Hollandaca metindir.',
  'layout.translation.readDutch': 'Bu sayfayı Hollandaca okuyun',
  'layout.footer.emergencyTitle': 'Hemen yardım mı gerekiyor?',
  'layout.footer.call112': 'Tehlike veya acil durum, arayın',
  'layout.footer.callPolice': 'Polis, acil olmayan durumlar',
  'layout.footer.callVeiligThuis': 'Veilig Thuis (Güvenli Ev), danışma ve bildirim',
  'layout.footer.veiligThuisNote': 'Ücretsiz, gece gündüz. Bir şey kanıtlamanız gerekmez: endişe yeterlidir.',
  'layout.footer.aboutTitle': 'Bu site hakkında',
  'layout.footer.about': 'Bu site hakkında',
  'layout.footer.safeUse': 'Siteyi güvenle kullanma',
  'layout.footer.insights': 'Rakamlar',
  'layout.footer.notEmergency':
    'Bu site bir ihbar noktası veya acil yardım hattı değildir. Tehlikede misiniz? Her zaman 112’yi arayın.',
  'layout.footer.openSource': 'Açık kaynak. Takip yok, başkalarının çerezleri yok.',
  'quickExit.button': 'Hızlı çıkış',
  'quickExit.hiddenLabel': 'Bu siteden hemen çıkın',
  'quickExit.hint': 'Veya Shift tuşuna 3 kez basın',
  'quickExit.pressesLeft':
    '{count, plural, one {Siteden çıkmak için Shift tuşuna # kez daha basın} other {Siteden çıkmak için Shift tuşuna # kez daha basın}}',
  'quickExit.leaving': 'Siteden çıkılıyor',
  'account.idleWarning': 'Bir süredir işlem yapmadınız. Verilerinizi korumak için 2 dakika sonra oturumunuz kapanacak.',
  'account.stayLoggedIn': 'Oturumu açık tut',
  'error.title': 'Bir sorun oluştu',
  'error.400.title': 'Bu istek doğru değil',
  'error.400.text': 'İsteğinizi okuyamadık. Önceki sayfadan tekrar deneyin.',
  'error.403.title': 'Erişim yok',
  'error.403.text': 'Bu sayfaya erişiminiz yok.',
  'error.csrf.title': 'Formun süresi doldu',
  'error.csrf.text':
    'Form çok uzun süre açık kaldı veya çerezleriniz silindi. Geri dönün, sayfayı yeniden yükleyin ve tekrar deneyin. Hiçbir şey kaydedilmedi.',
  'error.404.title': 'Sayfa bulunamadı',
  'error.404.text': 'Bu sayfa yok (artık yok). Adresi kontrol edin veya ana sayfaya gidin.',
  'error.405.title': 'Bu burada yapılamaz',
  'error.405.text': 'Bu sayfa bu şekilde kullanılamaz.',
  'error.409.title': 'Bu zaten değişti',
  'error.409.text': 'Bu arada başka biri bunu değiştirdi. Sayfayı yeniden yükleyin.',
  'error.413.title': 'Çok fazla veri',
  'error.413.text': 'Kabul edebileceğimizden fazla veri gönderdiniz. Kısaltın ve tekrar deneyin.',
  'error.415.title': 'Bu biçimi tanımıyoruz',
  'error.415.text': 'Okuyamadığımız bir biçimde veri gönderdiniz. Sitedeki formu kullanın.',
  'error.429.title': 'Biraz bekleyin',
  'error.429.text': 'Aynı anda çok fazla istek geldi. Biraz bekleyip tekrar deneyin. Tehlikede misiniz? 112’yi arayın.',
  'error.500.title': 'Bizim tarafımızda bir sorun oluştu',
  'error.500.text': 'Bu bizim hatamız, sizin değil. Daha sonra tekrar deneyin.',
  'error.503.title': 'Şu anda ulaşılamıyor',
  'error.503.text':
    'Verilerinizi şu anda okuyamıyor veya kaydedemiyoruz. Daha önce kaydettikleriniz saklı kalır. Birkaç dakika sonra tekrar deneyin. Tehlikede misiniz? 112’yi arayın.',
  'error.id': 'Hata kodu: {id}. Bizimle iletişime geçerseniz bu kodu söyleyin.',
  'error.homeLink': 'Ana sayfaya',

  // /nu: what to do right now.
  'nu.title': 'Şimdi ne yapmalıyım?',
  'nu.lead':
    'Aşağıda çocuğunuzla şu anda ne olduğunu seçin. Her durumun önce arayacağınız kendi numarası var. Hemen bir tehlike mi var? O zaman her zaman 112’yi arayın.',
  'nu.call112': '112’yi arayın',
  'nu.jump.label': 'Ne oluyor?',
  'nu.offline': 'Bu sayfayı daha önce açtıysanız, internet olmadan da çalışır.',
  'nu.sources':
    'Kaynaklar: Nationale Ombudsman (Kind vermist, 2013), Centrum Seksueel Geweld, 113 Zelfmoordpreventie, Helpwanted, polis ve Veilig Thuis. Bilgi sayfalarında daha fazla açıklama ve kaynak bulunur.',
  'nu.missing.title': 'Çocuğunuz şu anda kayıp',
  'nu.missing.call': '112’yi arayın, 0900-8844’ü değil.',
  'nu.missing.why':
    'Çocuğunuzun istismar edildiğini düşündüğünüzü söyleyin. Böylece polis durumun acil olduğunu bilir.',
  'nu.missing.ready': 'Bunları hazır tutun:',
  'nu.missing.ready.photo': 'çocuğunuzun yeni bir fotoğrafı',
  'nu.missing.ready.phone': 'çocuğunuzun telefon numarası',
  'nu.missing.ready.accounts': 'çocuğunuzun sosyal medyadaki ve oyunlardaki hesapları',
  'nu.missing.ready.nicknames': 'çocuğunuzun takma adları ve çocuğunuzun görüştüğü kişilerin adları ve takma adları',
  'nu.missing.ready.plates': 'gördüğünüz araba veya scooterların plakaları',
  'nu.missing.ready.places': 'çocuğunuzun bulunabileceği yerler ve adresler',
  'nu.missing.noPhoto':
    'Kendiniz internete fotoğraf veya çağrı koymayın. İnternete konan şey internette kalır. Bir çağrının yararlı olup olmadığına polis karar verir.',
  'nu.danger.title': 'Çocuğunuz şu anda tehlikede',
  'nu.danger.call': '112’yi arayın. Biliyorsanız çocuğunuzun nerede olduğunu söyleyin.',
  'nu.danger.alone':
    'Oraya tek başınıza gitmeyin. İstismarcıyla yüzleşmeyin ve kimseyi tehdit etmeyin. Bu, çocuğunuz ve sizin için durumu daha tehlikeli yapar. Polise adresi veya plakayı verin.',
  'nu.assault.title': 'Çocuğunuz son 7 gün içinde cinsel istismara veya saldırıya uğradı',
  'nu.assault.call': 'Önce Centrum Seksueel Geweld’i (Cinsel Şiddet Merkezi) arayın:',
  'nu.assault.callNote':
    'Ücretsiz, gece gündüz. Tıbbi bakım, muayene ve destek tek bir yerde. 7 günden daha uzun süre mi geçti? Yine de arayabilirsiniz.',
  'nu.assault.danger': 'Şu anda hâlâ tehlike var mı? O zaman 112’yi arayın.',
  'nu.assault.traces': 'İzler daha sonra yardımcı olabilir. Mümkünse:',
  'nu.assault.traces.wash': 'çocuğunuz henüz yıkanmasın veya duş almasın;',
  'nu.assault.traces.clothes': 'çocuğunuzun giysilerini kâğıt bir torbaya koyun ve saklayın.',
  'nu.assault.traces.force':
    'Çocuğunuzu hiçbir şeye zorlamayın. Çocuğunuz yine de yıkanmak veya üstünü değiştirmek mi istiyor? Bu sorun değil. O zaman da Centrum Seksueel Geweld’i arayın.',
  'nu.suicide.title': 'Çocuğunuz artık yaşamak istemediğinden söz ediyor',
  'nu.suicide.call': '113 Zelfmoordpreventie’yi (intiharı önleme hattı) arayın:',
  'nu.suicide.or': 'veya',
  'nu.suicide.note':
    'Ücretsiz, gece gündüz. 113.nl üzerinden sohbet de edebilirsiniz. Çocuğunuz için endişeleniyorsanız anne baba olarak siz de arayabilirsiniz.',
  'nu.suicide.danger':
    'Çocuğunuz kendine zarar mı verdi, ya da şu an için bir planı mı var? 112’yi arayın ve çocuğunuzun yanında kalın.',
  'nu.suicide.ask':
    'Bunu doğrudan sorabilirsiniz: “Ölmeyi düşünüyor musun?” Bu soru çocuğunuzun aklına bu fikri sokmaz. Dinleyin ve çocuğunuzu yalnız bırakmayın.',
  'nu.blackmail.title': 'Çocuğunuz şu anda çıplak görüntülerle şantaja uğruyor',
  'nu.blackmail.pay': 'Ödeme yapmayın. Yeni görüntü de göndermeyin. Ödemek şantajı durdurmaz.',
  'nu.blackmail.delete': 'Hiçbir şeyi silmeyin. Çocuğunuzun sohbetlerini ve hesabını olduğu gibi bırakın.',
  'nu.blackmail.stop': 'İletişimi kesin. Çocuğunuz artık yanıt vermesin, siz de vermeyin.',
  'nu.blackmail.report': 'Polise bildirin:',
  'nu.blackmail.helpwanted': 'Veya Helpwanted’dan yardım isteyin, görüntülerin kaldırılması için de:',
  'nu.blackmail.noImages':
    'Kendiniz asla çıplak bir görüntü saklamayın veya göndermeyin, kanıt olarak bile. Bunun yerine kullanıcı adını, platformu ve saatleri yazın. Bir tehdit mesajının ekran görüntüsünü mü alıyorsunuz? Üzerinde çıplak görüntü olmadığına bakın, sohbetteki küçük bir resim olarak bile.',
  'nu.blackmail.suicide':
    'Şantaja uğrayan çocuklar o kadar umutsuzluğa düşebilir ki kendilerine zarar vermek isteyebilirler. Bunun olmasından mı korkuyorsunuz? 113’ü arayın:',
  'nu.blackmail.more': 'Sextortion (cinsel şantaj) hakkında daha fazla okuyun',
  'nu.back.title': 'Çocuğunuz az önce geri döndü',
  'nu.back.calm':
    'Ceza yok, sorgu yok. Çocuğunuzun geri döndüğüne sevindiğinizi söyleyin. Yemek, dinlenme ve sıcaklık sağlayın.',
  'nu.back.assault': 'Çocuğunuz cinsel istismara uğramış olabilir mi? Şuraya bakın:',
  'nu.back.write':
    'Çocuğunuzun kendiliğinden anlattıklarını yazın: kelimesi kelimesine, tarih ve saatiyle, ve hemen öncesinde sizin ne sorduğunuzu. Daha fazla soru sormayın: bunu daha sonra özel eğitimli kişiler yapar.',
  'nu.threat.title': 'Siz veya aileniz tehdit ediliyorsunuz, ama şu anda tehlike yok',
  'nu.threat.call': 'Polisi arayın:',
  'nu.threat.now': 'Şu anda mı oluyor, ya da hemen bir tehlike mi var? O zaman 112’yi arayın.',
  'nu.threat.plan':
    'Ailenizle bir güvenlik planı yapın: kim kimi arar, nereye gidebilirsiniz, diğer çocuklar okula nasıl güvenle gider.',
  'nu.threat.more': 'Aileniz tehdit edilirse neler yapabileceğinizi okuyun',
  'nu.advice.title': 'Tavsiye mi gerekiyor, ama hemen bir tehlike yok mu?',
  'nu.advice.text':
    'Veilig Thuis’i (Güvenli Ev) arayın. Ücretsiz, gece gündüz. Bir şey kanıtlamanız gerekmez: endişe yeterlidir.',
  'nu.more': 'Önce endişelerinizi sıraya koymak mı istiyorsunuz?',
  'nu.more.check': 'Kontrolü yapın',
};
