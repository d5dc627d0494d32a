import type { LanguageSpec } from './language-spec.js';

interface Subject {
  nom: string;
  plural: boolean;
}
interface Topic {
  nom: string;
  /** Accusative (definite object): "vergi islahatını". */
  acc: string;
}
interface Place {
  name: string;
  /** Locative: "Bakıda". */
  in: string;
}
interface Person {
  name: string;
  role: string;
}
export interface AzerbaijaniLexicon {
  subject: Subject;
  topic: Topic;
  /** Third-person evidential past, the usual news tense: "təsdiqləyib". */
  verb: string;
  place: Place;
  person: Person;
  weekday: string;
}

const one = (nom: string): Subject => ({ nom, plural: false });
const many = (nom: string): Subject => ({ nom, plural: true });
const t = (nom: string, acc: string): Topic => ({ nom, acc });
const p = (name: string, inside: string): Place => ({ name, in: inside });
const cap = (text: string) => text.charAt(0).toLocaleUpperCase('az') + text.slice(1);

/** Plural agreement: -lar after a back vowel, -lər after a front one (vowel harmony). */
function agree(verb: string, subject: Subject): string {
  if (!subject.plural) return verb;
  const vowels = verb.match(/[aıoueəiöü]/g);
  const last = vowels?.[vowels.length - 1] ?? 'e';
  return verb + ('aıou'.includes(last) ? 'lar' : 'lər');
}

export const az: LanguageSpec<AzerbaijaniLexicon> = {
  sectionNames: {
    world: 'Dünya',
    politics: 'Siyasət',
    economy: 'İqtisadiyyat',
    society: 'Cəmiyyət',
    sport: 'İdman',
    analytics: 'Analitika',
    interview: 'Müsahibə',
    region: 'Region',
    culture: 'Mədəniyyət',
    science: 'Elm',
    tech: 'Texnologiya',
  },
  subjects: {
    world: [
      one('BMT Təhlükəsizlik Şurası'),
      many('Aİ ölkələrinin xarici işlər nazirləri'),
      one('Avropa Komissiyası'),
      many('G20 liderləri'),
      one('Xarici İşlər Nazirliyi'),
      one('ATƏT'),
    ],
    politics: [
      one('parlament'),
      one('hökumət'),
      many('müxalifət partiyaları'),
      one('Mərkəzi Seçki Komissiyası'),
      one('Nazirlər Kabineti'),
      many('deputatlar'),
    ],
    economy: [
      one('Mərkəzi Bank'),
      one('Maliyyə Nazirliyi'),
      one('dövlət neft şirkəti'),
      many('ixracatçılar'),
      one('Statistika Komitəsi'),
      many('banklar'),
    ],
    society: [
      one('Səhiyyə Nazirliyi'),
      one('Təhsil Nazirliyi'),
      one('şəhər rəhbərliyi'),
      many('valideyn assosiasiyaları'),
      many('könüllülər'),
      one('Əmək Nazirliyi'),
    ],
    sport: [
      one('Futbol Federasiyası'),
      one('milli komanda'),
      one('Milli Olimpiya Komitəsi'),
      many('Premyer Liqa klubları'),
      one('baş məşqçi'),
      one('Güləş Federasiyası'),
    ],
    analytics: [
      many('analitiklər'),
      one('tədqiqat mərkəzi'),
      many('reytinq agentlikləri'),
      many('iqtisadçılar'),
      one('Dünya Bankı'),
      one('Beynəlxalq Valyuta Fondu'),
    ],
    interview: [
      one('nazir'),
      one('səfir'),
      one('şəhər meri'),
      one('şirkətin rəhbəri'),
      one('festivalın direktoru'),
      one('rektor'),
    ],
    region: [
      one('yerli icra hakimiyyəti'),
      many('fermerlər'),
      one('Regional İnkişaf Agentliyi'),
      many('sakinlər'),
      one('Yol Agentliyi'),
      one('bələdiyyə'),
    ],
    culture: [
      one('Mədəniyyət Nazirliyi'),
      one('milli teatr'),
      many('muzey kuratorları'),
      many('kinofestivalın təşkilatçıları'),
      one('filarmoniya'),
      many('naşirlər'),
    ],
    science: [
      one('Elmlər Akademiyası'),
      many('tədqiqatçılar'),
      one('kosmik agentlik'),
      many('universitet alimləri'),
      many('geoloqlar'),
    ],
    tech: [
      one('Rəqəmsal İnkişaf Nazirliyi'),
      many('mobil operatorlar'),
      many('startaplar'),
      one('İnnovasiya Agentliyi'),
      many('fintex şirkətləri'),
    ],
  },
  topics: {
    world: [
      t('yeni sanksiya paketi', 'yeni sanksiya paketini'),
      t('atəşkəs planı', 'atəşkəs planını'),
      t('humanitar dəhliz', 'humanitar dəhlizi'),
      t('iqlim maliyyəsi sazişi', 'iqlim maliyyəsi sazişini'),
      t('viza rejiminin liberallaşdırılması üzrə danışıqlar', 'viza rejiminin liberallaşdırılması üzrə danışıqları'),
      t('sülh sammiti', 'sülh sammitini'),
      t('qaçqınların köçürülməsi planı', 'qaçqınların köçürülməsi planını'),
      t('silahlara nəzarət müqaviləsi', 'silahlara nəzarət müqaviləsini'),
    ],
    politics: [
      t('büdcə layihəsi', 'büdcə layihəsini'),
      t('Seçki Məcəlləsinə dəyişikliklər', 'Seçki Məcəlləsinə dəyişiklikləri'),
      t('dövlət qulluğu islahatı', 'dövlət qulluğu islahatını'),
      t('bələdiyyə seçkilərinin tarixi', 'bələdiyyə seçkilərinin tarixini'),
      t('korrupsiyaya qarşı tədbirlər paketi', 'korrupsiyaya qarşı tədbirlər paketini'),
      t('media haqqında qanun', 'media haqqında qanunu'),
      t('mərkəzsizləşdirmə planı', 'mərkəzsizləşdirmə planını'),
      t('yeni kadr təyinatları', 'yeni kadr təyinatlarını'),
    ],
    economy: [
      t('uçot dərəcəsi', 'uçot dərəcəsini'),
      t('inflyasiya proqnozu', 'inflyasiya proqnozunu'),
      t('yeni vergi islahatı', 'yeni vergi islahatını'),
      t('qaz ixracı müqaviləsi', 'qaz ixracı müqaviləsini'),
      t('kiçik biznesin kreditləşdirilməsi proqramı', 'kiçik biznesin kreditləşdirilməsi proqramını'),
      t('ÜDM üzrə rüblük göstəricilər', 'ÜDM üzrə rüblük göstəriciləri'),
      t('büdcə kəsiri üzrə hədəf', 'büdcə kəsiri üzrə hədəfi'),
      t('qeyri-neft ixracı strategiyası', 'qeyri-neft ixracı strategiyasını'),
      t('yanacaq qiymətləri', 'yanacaq qiymətlərini'),
    ],
    society: [
      t('məktəbli qidalanması proqramı', 'məktəbli qidalanması proqramını'),
      t('yeni pensiya qaydaları', 'yeni pensiya qaydalarını'),
      t('ictimai nəqliyyatda gediş haqları', 'ictimai nəqliyyatda gediş haqlarını'),
      t('peyvənd kampaniyası', 'peyvənd kampaniyasını'),
      t('əlverişli mənzil proqramı', 'əlverişli mənzil proqramını'),
      t('minimum əmək haqqının artırılması', 'minimum əmək haqqının artırılmasını'),
      t('ali məktəblərə qəbul qaydaları', 'ali məktəblərə qəbul qaydalarını'),
      t('yol təhlükəsizliyi kampaniyası', 'yol təhlükəsizliyi kampaniyasını'),
    ],
    sport: [
      t('yeni məşqçi heyəti', 'yeni məşqçi heyətini'),
      t('Avropa çempionatının seçmə oyunu üçün heyət', 'Avropa çempionatının seçmə oyunu üçün heyəti'),
      t('stadionun yenidən qurulması', 'stadionun yenidən qurulmasını'),
      t('gənclər akademiyasının proqramı', 'gənclər akademiyasının proqramını'),
      t('Olimpiya oyunlarına hazırlıq planı', 'Olimpiya oyunlarına hazırlıq planını'),
      t('çempionatın yeni təqvimi', 'çempionatın yeni təqvimini'),
      t('hakim təyinatları', 'hakim təyinatlarını'),
      t('transfer qaydaları', 'transfer qaydalarını'),
    ],
    analytics: [
      t('regionun enerji balansı', 'regionun enerji balansını'),
      t('Orta Dəhlizin perspektivləri', 'Orta Dəhlizin perspektivlərini'),
      t('iqtisadi artım proqnozu', 'iqtisadi artım proqnozunu'),
      t('neft qiymətləri üzrə ssenarilər', 'neft qiymətləri üzrə ssenariləri'),
      t('əmək bazarındakı meyillər', 'əmək bazarındakı meyilləri'),
      t('suveren kredit reytinqi', 'suveren kredit reytinqini'),
      t('qlobal yavaşlama riskləri', 'qlobal yavaşlama risklərini'),
      t('yaşıl enerjiyə keçid', 'yaşıl enerjiyə keçidi'),
    ],
    interview: [
      t('gələn il üçün planlar', 'gələn il üçün planları'),
      t('qonşu ölkələrlə münasibətlər', 'qonşu ölkələrlə münasibətləri'),
      t('islahatların nəticələri', 'islahatların nəticələrini'),
      t('investisiya mühiti', 'investisiya mühitini'),
      t('yeni komandanın prioritetləri', 'yeni komandanın prioritetlərini'),
      t('böhranın dərsləri', 'böhranın dərslərini'),
      t('şəhərin gələcəyi', 'şəhərin gələcəyini'),
    ],
    region: [
      t('yeni suvarma kanalı', 'yeni suvarma kanalını'),
      t('kənd yollarının təmiri', 'kənd yollarının təmirini'),
      t('məhsul yığımının nəticələri', 'məhsul yığımının nəticələrini'),
      t('yeni məktəb binası', 'yeni məktəb binasını'),
      t('kəndlərin qazlaşdırılması', 'kəndlərin qazlaşdırılmasını'),
      t('turizm mövsümü üçün planlar', 'turizm mövsümü üçün planları'),
      t('rayon xəstəxanasının yenilənməsi', 'rayon xəstəxanasının yenilənməsini'),
      t('içməli su layihəsi', 'içməli su layihəsini'),
    ],
    culture: [
      t('yeni mövsümün proqramı', 'yeni mövsümün proqramını'),
      t('xalça sərgisi', 'xalça sərgisini'),
      t('muğam festivalı', 'muğam festivalını'),
      t('köhnə şəhərin bərpası', 'köhnə şəhərin bərpasını'),
      t('kitab sərgi-yarmarkası', 'kitab sərgi-yarmarkasını'),
      t('kinofestivalın proqramı', 'kinofestivalın proqramını'),
      t('caz konsertləri silsiləsi', 'caz konsertləri silsiləsini'),
      t('gənc rəssamlar üçün qrantlar', 'gənc rəssamlar üçün qrantları'),
    ],
    science: [
      t('Xəzər dənizinin səviyyəsinə dair tədqiqat', 'Xəzər dənizinin səviyyəsinə dair tədqiqatı'),
      t('yeni peykin buraxılması', 'yeni peykin buraxılmasını'),
      t('seysmik monitorinq şəbəkəsi', 'seysmik monitorinq şəbəkəsini'),
      t('palçıq vulkanlarının tədqiqi', 'palçıq vulkanlarının tədqiqini'),
      t('iqlim tədqiqatları üzrə məlumatlar', 'iqlim tədqiqatları üzrə məlumatları'),
      t('yeni peyvəndin sınaqları', 'yeni peyvəndin sınaqlarını'),
      t('alimlər üçün qrant proqramı', 'alimlər üçün qrant proqramını'),
    ],
    tech: [
      t('5G şəbəkəsinin qurulması', '5G şəbəkəsinin qurulmasını'),
      t('elektron hökumət xidmətləri', 'elektron hökumət xidmətlərini'),
      t('məlumatların qorunması qaydaları', 'məlumatların qorunması qaydalarını'),
      t('süni intellekt strategiyası', 'süni intellekt strategiyasını'),
      t('kibertəhlükəsizlik təlimi', 'kibertəhlükəsizlik təlimini'),
      t('rəqəmsal ödənişlər haqqında qanun', 'rəqəmsal ödənişlər haqqında qanunu'),
      t('startap akseleratoru', 'startap akseleratorunu'),
    ],
  },
  verbs: {
    announce: 'elan edib',
    approve: 'təsdiqləyib',
    discuss: 'müzakirə edib',
    present: 'təqdim edib',
    criticise: 'tənqid edib',
    support: 'dəstəkləyib',
    postpone: 'təxirə salıb',
    review: 'yenidən nəzərdən keçirib',
    launch: 'işə salıb',
    reject: 'rədd edib',
    publish: 'dərc edib',
    welcome: 'alqışlayıb',
  },
  places: {
    baku: p('Bakı', 'Bakıda'),
    ganja: p('Gəncə', 'Gəncədə'),
    sumgait: p('Sumqayıt', 'Sumqayıtda'),
    lankaran: p('Lənkəran', 'Lənkəranda'),
    shaki: p('Şəki', 'Şəkidə'),
    nakhchivan: p('Naxçıvan', 'Naxçıvanda'),
    shusha: p('Şuşa', 'Şuşada'),
    quba: p('Quba', 'Qubada'),
    mingachevir: p('Mingəçevir', 'Mingəçevirdə'),
    tbilisi: p('Tbilisi', 'Tbilisidə'),
    ankara: p('Ankara', 'Ankarada'),
    istanbul: p('İstanbul', 'İstanbulda'),
    moscow: p('Moskva', 'Moskvada'),
    brussels: p('Brüssel', 'Brüsseldə'),
    berlin: p('Berlin', 'Berlində'),
    paris: p('Paris', 'Parisdə'),
    london: p('London', 'Londonda'),
    washington: p('Vaşinqton', 'Vaşinqtonda'),
    geneva: p('Cenevrə', 'Cenevrədə'),
    vienna: p('Vyana', 'Vyanada'),
    beijing: p('Pekin', 'Pekində'),
    tokyo: p('Tokio', 'Tokioda'),
    astana: p('Astana', 'Astanada'),
    tashkent: p('Daşkənd', 'Daşkənddə'),
    dubai: p('Dubay', 'Dubayda'),
    newYork: p('Nyu-York', 'Nyu-Yorkda'),
  },
  people: [
    { name: 'Elnur Həsənov', role: 'müstəqil iqtisadçı' },
    { name: 'Leyla Quliyeva', role: 'politoloq' },
    { name: 'Rəşad Məmmədov', role: 'nazirliyin mətbuat katibi' },
    { name: 'Anna Petrova', role: 'baş elmi işçi' },
    { name: 'Tural İsmayılov', role: 'parlament komitəsinin sədri' },
    { name: 'Səbinə Rzayeva', role: 'hüquqşünas' },
    { name: 'Maykl Terner', role: 'bank sektoru üzrə analitik' },
    { name: 'Günel Abbasova', role: 'məktəb direktoru' },
    { name: 'İqor Smirnov', role: 'idman şərhçisi' },
    { name: 'Nigar Hüseynova', role: 'festival kuratoru' },
    { name: 'Emin Cəfərov', role: 'yerli fermer' },
    { name: 'Sara Kollinz', role: 'iqlimşünas' },
  ],
  quotes: [
    'İlin sonuna qədər konkret nəticələr gözləyirik',
    'Bu, vacib addımdır, amma hələ görüləsi çox iş var',
    'Bu qərar çoxdan gözlənilirdi',
    'İnsanların nə dediyinə qulaq asmalıyıq',
    'Rəqəmlər özü hər şeyi deyir',
    'Nəticə çıxarmaq hələ tezdir',
    'Biz bütün tərəflərlə dialoqa açığıq',
    'İndi əsas məsələ tempi itirməməkdir',
    'Belə nəticəni heç kim gözləmirdi',
    'Risklər var və onlar barədə açıq danışmalıyıq',
    'Bu, minlərlə ailənin vəziyyətini dəyişəcək',
    'Biz yaxşı hazırlaşmışıq',
  ],
  weekdays: [
    'bazar ertəsi',
    'çərşənbə axşamı',
    'çərşənbə günü',
    'cümə axşamı',
    'cümə günü',
    'şənbə günü',
    'bazar günü',
  ],
  headlines: {
    action: (w) => `${cap(w.subject.nom)} ${w.topic.acc} ${agree(w.verb, w.subject)}`,
    actionIn: (w) => `${cap(w.subject.nom)} ${w.place.in} ${w.topic.acc} ${agree(w.verb, w.subject)}`,
    explainer: (w) => `${cap(w.topic.nom)} barədə nə məlumdur?`,
    scheduled: (w) => `${cap(w.topic.nom)} ${w.nextWeekday} ${w.place.in} müzakirə ediləcək`,
    survey: (w) => `Sorğu: respondentlərin ${w.figure}%-i ${w.topic.acc} dəstəkləyir`,
    quote: (w) => `${w.person.name}: “${w.quote}”`,
    guestQuote: (w) => `${cap(w.subject.nom)}: “${w.quote}”`,
    interview: (w) => `${cap(w.subject.nom)} ${w.topic.nom} barədə danışır`,
  },
  leads: {
    reported: (w) =>
      `${cap(w.subject.nom)} ${w.weekday} ${w.topic.acc} ${agree(w.verb, w.subject)}, ${w.outlet} xəbər verir.`,
    meeting: (w) => `${cap(w.weekday)} ${w.place.in} keçirilən görüşdə ${w.topic.nom} müzakirə olunub.`,
    interview: (w) =>
      `${cap(w.subject.nom)} Byline saytına verdiyi müsahibədə ${w.topic.nom} barədə ${agree('danışıb', w.subject)}.`,
  },
  sentences: {
    attribution: (w) =>
      `${cap(w.subject.nom)} ${w.weekday} ${w.topic.acc} ${agree(w.verb, w.subject)}, ${w.outlet} yazır.`,
    quote: (w) => `“${w.quote}”, – deyə ${w.person.role} ${w.person.name} bildirib.`,
    figure: (w) => `${w.outlet} məlumatına görə, bu göstərici ötən illə müqayisədə ${w.figure}% yüksəkdir.`,
    agenda: (w) => `Bu məsələ artıq bir neçə aydır ki, ${w.place.in} müzakirə olunur.`,
    outlook: () => 'Analitiklər bu mövzunun yaxın həftələrdə də gündəmdə qalacağını gözləyirlər.',
    affected: (w) => `Bu, ${w.place.in} təxminən ${w.figure} min nəfərə təsir göstərə bilər.`,
    noComment: (w) => `${cap(w.subject.nom)} hələlik bu məlumatları şərh ${agree('etməyib', w.subject)}.`,
    earlier: (w) => `Bu ayın əvvəlində ${w.otherPlace.in} oxşar danışıqlar aparılıb.`,
    nextRound: (w) => `Növbəti məsləhətləşmələrin ${w.nextWeekday} keçirilməsi planlaşdırılır.`,
    precedent: (w) => `Ekspertlər qeyd edirlər ki, oxşar tədbirlər ötən il ${w.otherPlace.in} tətbiq olunub.`,
    called: (w) => `${cap(w.person.role)} ${w.person.name} bu addımı “çoxdan gözlənilən” adlandırıb.`,
    document: () => 'Sənədin tam mətninin yaxın günlərdə dərc olunacağı gözlənilir.',
    reaction: () => 'Təşəbbüs sosial şəbəkələrdə birmənalı qarşılanmayıb.',
    cost: (w) => `Ümumi xərclərin ${w.figure} milyon manat olacağı təxmin edilir.`,
    background: (w) =>
      `${cap(w.subject.nom)} ${w.topic.nom} məsələsini ilk dəfə ötən il ${agree('qaldırıb', w.subject)}.`,
    sources: (w) => `${w.outlet} mənbələrə istinadən yazır ki, yekun qərar ${w.nextWeekday} qəbul oluna bilər.`,
    consulted: (w) =>
      `${cap(w.subject.nom)} ekspertlərlə məsləhətləşmələrdən sonra ${w.topic.acc} ${agree(w.verb, w.subject)}.`,
    context: () => 'Bu addım rəsmilər və ekspertlər arasında həftələrlə davam edən müzakirələrdən sonra atılıb.',
    critics: () => 'Tənqidçilər hesab edir ki, planda konkretlik çatışmır.',
    supporters: () => 'Tərəfdarlar iddia edirlər ki, dəyişikliklər iki il ərzində öz bəhrəsini verəcək.',
    residents: (w) => `${w.place.in} yaşayan sakinlər Byline-a tezliklə dəyişiklik gözlədiklərini deyiblər.`,
    deadline: () => 'Rəsmilər işi ilin sonunadək başa çatdırmağı planlaşdırırlar.',
    poll: (w) =>
      `${w.outlet} tərəfindən keçirilən son sorğuya görə, respondentlərin ${w.figure}%-i bu ideyanı dəstəkləyir.`,
    partners: () => 'Beynəlxalq tərəfdaşlar prosesi diqqətlə izləyirlər.',
    yearAgo: () => 'Bir il əvvəl oxşar təklif rədd edilmişdi.',
    workingGroup: () => 'Detalların hazırlanması üçün işçi qrup yaradılıb.',
    hearings: (w) => `Məsələ ilə bağlı ictimai dinləmələr ${w.nextWeekday} ${w.place.in} keçiriləcək.`,
    priority: (w) =>
      `${cap(w.subject.nom)} yaydığı bəyanatda ${w.topic.acc} prioritet ${agree('adlandırıb', w.subject)}.`,
    guestQuote: (w) => `“${w.quote}”, – deyə ${w.subject.nom} ${agree('bildirib', w.subject)}.`,
    followUp: () => 'Byline hadisələrin gedişatını izləməyə davam edəcək.',
  },
  captions: {
    view: (w) => `${w.place.name}: şəhər mərkəzinin görünüşü`,
    illustrative: () => 'İllüstrativ foto',
    archive: (w) => `Arxiv fotosu: ${w.place.name}`,
  },
};
