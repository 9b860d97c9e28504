package news.cms.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import news.cms.core.article.ArticleContent;
import news.cms.core.byline.Byline;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.LanguageTag;

/**
 * For benchmarks only: story {@code n} of a made-up newsroom, in English, Arabic, Sorani or Turkish
 * in turn, built from our own sentence patterns filled with words drawn at random (common words
 * often, rare ones seldom, as in real text), places and people's names. The same {@code n} always
 * gives the same story, so that a benchmark can know which words match many stories and which few.
 */
public final class BenchTexts {

    /** One language's words and patterns; {a} {b} {c} are nouns, {place}, {person} and {num}. */
    record Language(
            LanguageTag tag,
            List<String> nouns,
            List<Place> places,
            List<String> firstNames,
            List<String> lastNames,
            List<String> headlines,
            List<String> sentences,
            String rare,
            String role) {}

    record Place(String name, String region, String country) {}

    static final List<String> SECTIONS = List.of("news", "economy", "culture", "city", "sport", "politics");

    static final Language ENGLISH = new Language(
            LanguageTag.ENGLISH,
            words("water bridge school hospital market election budget farmers teachers students museum library"
                    + " festival road railway airport river dam harvest wheat oil gas electricity prices rent"
                    + " housing factory workers strike court parliament minister council police fire flood"
                    + " drought earthquake snow heat stadium team concert film theatre poetry book bakery tea"
                    + " bread tomatoes pomegranates olives bus taxi bicycle park mosque church castle bazaar"),
            List.of(
                    new Place("Erbil", "Kurdistan Region", "IQ"),
                    new Place("Sulaymaniyah", "Kurdistan Region", "IQ"),
                    new Place("Duhok", "Kurdistan Region", "IQ"),
                    new Place("Halabja", "Kurdistan Region", "IQ"),
                    new Place("Kirkuk", null, "IQ"),
                    new Place("Mosul", null, "IQ"),
                    new Place("Baghdad", null, "IQ"),
                    new Place("Basra", null, "IQ"),
                    new Place("Diyarbakir", null, "TR"),
                    new Place("Van", null, "TR"),
                    new Place("Istanbul", null, "TR"),
                    new Place("Amman", null, "JO")),
            words("Aram Dilan Hana Omar Sara Karim Nora Yusuf Leyla Samir Rojin Daniel Maya Hassan Zara Ali"),
            words("Mahmoud Rashid Salih Osman Qadir Amin Hamid Rauf Faraj Nuri Saeed Baban Shwani Hawrami Jaff Doski"),
            List.of(
                    "{place}: {a} and {b} on the council's table",
                    "{person} on the future of the {a} in {place}",
                    "Why the {a} matters in {place} this year",
                    "{num} days without {a} in {place}",
                    "{place} argues over {a}, {b} and {c}"),
            List.of(
                    "{person} says the {a} in {place} will need more {b} before winter.",
                    "Residents of {place} waited {num} days for news about the {a}.",
                    "The {a} and the {b} were the main topics at the meeting in {place}.",
                    "Officials promised to settle the question of the {a} and the {b} by the end of the month.",
                    "{num} families in {place} depend on the {a} for their living.",
                    "According to {person}, the cost of the {a} rose while the {b} stayed cheap.",
                    "A new report on the {a} and the {c} will be published next week.",
                    "In {place}, people talk about the {a} more than about the {b}.",
                    "The {c} was closed for {num} hours, and the {a} opened late.",
                    "{person} asked why nobody had mentioned the {b} at all."),
            "The {rare} cooperative says it will answer questions about the {a} next week.",
            "Staff reporter");

    static final Language ARABIC = new Language(
            LanguageTag.ARABIC,
            words("الماء الجسر المدرسة المستشفى السوق الانتخابات الميزانية المزارعون المعلمون الطلاب المتحف"
                    + " المكتبة المهرجان الطريق القطار المطار النهر السد الحصاد القمح النفط الغاز الكهرباء"
                    + " الأسعار الإيجار السكن المصنع العمال الإضراب المحكمة البرلمان الوزير المجلس الشرطة"
                    + " الحريق الفيضان الجفاف الزلزال الثلج الحر الملعب الفريق الحفل الفيلم المسرح الشعر"
                    + " الكتاب المخبز الشاي الخبز الطماطم الرمان الزيتون الحافلة التاكسي الدراجة الحديقة"
                    + " المسجد الكنيسة القلعة القيصرية"),
            List.of(
                    new Place("أربيل", "إقليم كوردستان", "IQ"),
                    new Place("السليمانية", "إقليم كوردستان", "IQ"),
                    new Place("دهوك", "إقليم كوردستان", "IQ"),
                    new Place("كركوك", null, "IQ"),
                    new Place("الموصل", null, "IQ"),
                    new Place("بغداد", null, "IQ"),
                    new Place("البصرة", null, "IQ"),
                    new Place("النجف", null, "IQ"),
                    new Place("كربلاء", null, "IQ"),
                    new Place("الحلة", null, "IQ"),
                    new Place("عمّان", null, "JO"),
                    new Place("بيروت", null, "LB")),
            words("آرام ديلان هناء عمر سارة كريم نورا يوسف ليلى سمير زينب حسن مريم علي فاطمة خالد"),
            words("محمود رشيد صالح عثمان قادر أمين حميد رؤوف فرج نوري سعيد جبار كاظم مهدي عباس طه"),
            List.of(
                    "{place}: {a} و{b} على طاولة المجلس",
                    "{person} يتحدث عن مستقبل {a} في {place}",
                    "لماذا يهم {a} في {place} هذا العام",
                    "{num} يوما بلا {a} في {place}",
                    "جدل في {place} حول {a} و{b} و{c}"),
            List.of(
                    "قال {person} إن {a} في {place} يحتاج إلى مزيد من {b} قبل الشتاء.",
                    "انتظر سكان {place} {num} يوما لمعرفة أخبار {a}.",
                    "كان {a} إلى جانب {b} أهم موضوعات الاجتماع في {place}.",
                    "وعد المسؤولون بحسم مسألة {a} و{b} قبل نهاية الشهر.",
                    "تعتمد {num} عائلة في {place} على {a} في معيشتها.",
                    "بحسب {person}، ارتفعت كلفة {a} بينما بقي {b} رخيصا.",
                    "سيصدر الأسبوع المقبل تقرير جديد عن {a} و{c}.",
                    "يتحدث الناس في {place} عن {a} أكثر من {b}.",
                    "أغلق {c} مدة {num} ساعة، وتأخر افتتاح {a}.",
                    "تساءل {person} لماذا لم يذكر أحد {b} على الإطلاق."),
            "قالت جمعية {rare} التعاونية إنها ستجيب عن الأسئلة حول {a} الأسبوع المقبل.",
            "مراسل");

    static final Language SORANI = new Language(
            LanguageTag.SORANI,
            words("ئاو پرد قوتابخانە نەخۆشخانە بازاڕ هەڵبژاردن بودجە جووتیاران مامۆستایان قوتابیان مۆزەخانە"
                    + " کتێبخانە فێستیڤاڵ ڕێگا شەمەندەفەر فڕۆکەخانە ڕووبار بەنداو دروێنە گەنم نەوت گاز کارەبا"
                    + " نرخ کرێ نیشتەجێبوون کارگە کرێکاران مانگرتن دادگا پەرلەمان وەزیر ئەنجومەن پۆلیس ئاگر"
                    + " لافاو وشکەساڵی بوومەلەرزە بەفر گەرما یاریگا تیپ ئاهەنگ فیلم شانۆ شیعر کتێب"
                    + " نانەواخانە چا نان تەماتە هەنار زەیتوون پاس تەکسی پایسکیل پارک مزگەوت کڵێسا قەڵا"
                    + " قەیسەری"),
            List.of(
                    new Place("هەولێر", "هەرێمی کوردستان", "IQ"),
                    new Place("سلێمانی", "هەرێمی کوردستان", "IQ"),
                    new Place("دهۆک", "هەرێمی کوردستان", "IQ"),
                    new Place("هەڵەبجە", "هەرێمی کوردستان", "IQ"),
                    new Place("زاخۆ", "هەرێمی کوردستان", "IQ"),
                    new Place("ڕانیە", "هەرێمی کوردستان", "IQ"),
                    new Place("کۆیە", "هەرێمی کوردستان", "IQ"),
                    new Place("چەمچەماڵ", "هەرێمی کوردستان", "IQ"),
                    new Place("ئاکرێ", "هەرێمی کوردستان", "IQ"),
                    new Place("کەرکووک", null, "IQ"),
                    new Place("خانەقین", null, "IQ"),
                    new Place("پێنجوێن", "هەرێمی کوردستان", "IQ")),
            words("ئارام دیلان هانا عومەر سارا کەریم نۆرا یووسف لەیلا سەمیر ڕۆژین هیوا شیلان حەسەن ژیان عەلی"),
            words("مەحموود ڕەشید ساڵح عوسمان قادر ئەمین حەمید ڕەئووف فەرەج نووری سەعید بابان شوانی هەورامی جاف دۆسکی"),
            List.of(
                    "{place}: {a} و {b} لەسەر مێزی ئەنجومەن",
                    "{person} باسی داهاتووی {a} لە {place} دەکات",
                    "بۆچی {a} ئەمساڵ لە {place} گرنگە",
                    "{num} ڕۆژ بەبێ {a} لە {place}",
                    "مشتومڕ لە {place} لەسەر {a} و {b} و {c}"),
            List.of(
                    "{person} دەڵێت {a} لە {place} پێش زستان پێویستی بە {b} زیاتر هەیە.",
                    "خەڵکی {place} {num} ڕۆژ چاوەڕێی هەواڵی {a} بوون.",
                    "{a} و {b} گرنگترین بابەتی کۆبوونەوەکە بوون لە {place}.",
                    "بەرپرسان بەڵێنیان دا کە تا کۆتایی مانگ کێشەی {a} و {b} چارەسەر بکەن.",
                    "{num} خێزان لە {place} بژێوییان بە {a} بەندە.",
                    "بە گوتەی {person}، نرخی {a} بەرز بووەوە بەڵام {b} هەرزان مایەوە.",
                    "ڕاپۆرتێکی نوێ دەربارەی {a} و {c} هەفتەی داهاتوو بڵاو دەکرێتەوە.",
                    "لە {place} خەڵک زیاتر باسی {a} دەکەن نەک {b}.",
                    "{c} بۆ ماوەی {num} کاتژمێر داخرا و {a} درەنگ کرایەوە.",
                    "{person} پرسی بۆچی کەس باسی {b} ناکات."),
            "کۆمەڵەی هاوکاری {rare} دەڵێت هەفتەی داهاتوو وەڵامی پرسیارەکان دەربارەی {a} دەداتەوە.",
            "پەیامنێر");

    static final Language TURKISH = new Language(
            LanguageTag.TURKISH,
            words("su köprü okul hastane pazar seçim bütçe çiftçiler öğretmenler öğrenciler müze kütüphane"
                    + " festival yol tren havalimanı nehir baraj hasat buğday petrol doğalgaz elektrik fiyatlar"
                    + " kira konut fabrika işçiler grev mahkeme meclis bakan belediye polis yangın sel kuraklık"
                    + " deprem kar sıcaklık stadyum takım konser film tiyatro şiir kitap fırın çay ekmek"
                    + " domates nar zeytin otobüs taksi bisiklet park cami kilise kale çarşı"),
            List.of(
                    new Place("Diyarbakır", null, "TR"),
                    new Place("Van", null, "TR"),
                    new Place("Mardin", null, "TR"),
                    new Place("Batman", null, "TR"),
                    new Place("Hakkari", null, "TR"),
                    new Place("Siirt", null, "TR"),
                    new Place("Bitlis", null, "TR"),
                    new Place("Muş", null, "TR"),
                    new Place("Gaziantep", null, "TR"),
                    new Place("İstanbul", null, "TR"),
                    new Place("Ankara", null, "TR"),
                    new Place("Trabzon", null, "TR")),
            words("Aram Dilan Elif Mehmet Zeynep Kerem Ayşe Yusuf Leyla Emre Rojin Deniz Hatice Hasan Berfin Ali"),
            words("Yılmaz Kaya Demir Şahin Çelik Yıldız Aydın Öztürk Arslan Doğan Kılıç Aslan Koç Kurt Özdemir Polat"),
            List.of(
                    "{place}: {a} ve {b} meclis gündeminde",
                    "{person}, {place} için {a} konusunu anlattı",
                    "{place} için bu yıl {a} neden önemli",
                    "{place} {num} gündür {a} bekliyor",
                    "{place} {a}, {b} ve {c} konusunu tartışıyor"),
            List.of(
                    "{person}, {place} için kıştan önce {a} ve {b} gerektiğini söylüyor.",
                    "{place} sakinleri {a} haberini {num} gün bekledi.",
                    "{place} toplantısında en çok {a} ve {b} konuşuldu.",
                    "Yetkililer ay sonuna kadar {a} ve {b} sorununu çözeceklerini söyledi.",
                    "{place} ilinde {num} aile geçimini {a} ile sağlıyor.",
                    "{person} şöyle diyor: {a} pahalandı, {b} ise ucuz kaldı.",
                    "{a} ve {c} hakkında yeni bir rapor gelecek hafta yayımlanacak.",
                    "{place} halkı {b} yerine daha çok {a} konuşuyor.",
                    "{c} {num} saat kapalı kaldı, {a} geç açıldı.",
                    "{person}, neden kimsenin {b} konusundan söz etmediğini sordu."),
            "{rare} kooperatifi {a} hakkındaki soruları gelecek hafta yanıtlayacağını söyledi.",
            "Muhabir");

    static final List<Language> LANGUAGES = List.of(ENGLISH, ARABIC, SORANI, TURKISH);

    private BenchTexts() {}

    /** Story {@code n}: its language is the {@code n mod 4}th of English, Arabic, Sorani, Turkish. */
    public static ArticleContent story(long n) {
        return story(n, null);
    }

    /**
     * Story {@code n}, with {@code word} (if given) in its headline and first sentence, so that one
     * search can find exactly this story.
     */
    public static ArticleContent story(long n, String word) {
        Language l = LANGUAGES.get((int) Math.floorMod(n, LANGUAGES.size()));
        SplittableRandom random = new SplittableRandom(n * 0x9E3779B97F4A7C15L + 17);
        Place place = pick(random, l.places());
        String person = person(random, l);
        String headline = fill(pick(random, l.headlines()), l, random, place, person);
        if (word != null) {
            headline = headline + " · " + word;
        }
        String standfirst = fill(pick(random, l.sentences()), l, random, place, person);
        StringBuilder body = new StringBuilder();
        if (word != null) {
            body.append(word).append(". ");
        }
        int paragraphs = 3 + random.nextInt(3);
        for (int p = 0; p < paragraphs; p++) {
            if (p > 0) {
                body.append("\n\n");
            }
            int sentences = 2 + random.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                if (s > 0) {
                    body.append(' ');
                }
                // Now and then another person or place of the same language, as in real reports.
                Place here = random.nextInt(4) == 0 ? pick(random, l.places()) : place;
                String who = random.nextInt(3) == 0 ? person(random, l) : person;
                body.append(fill(pick(random, l.sentences()), l, random, here, who));
            }
        }
        // A name few stories share (those of one group of RARE_GROUP in a row), for searches that
        // match a handful of stories among thousands.
        body.append(' ')
                .append(fill(l.rare(), l, random, place, person).replace("{rare}", rareName(l.tag(), n / RARE_GROUP)));
        String section = SECTIONS.get(random.nextInt(SECTIONS.size()));
        LocalDate date = LocalDate.of(2026, 1, 1).plusDays(Math.floorMod(n / 40, 330));
        return new ArticleContent(
                l.tag(),
                section,
                headline,
                standfirst,
                body.toString(),
                List.of(new Byline(person(random, l), l.role())),
                new Dateline(place.name(), place.region(), place.country(), date));
    }

    /** Stories {@code n} with the same {@code n / RARE_GROUP} share a rare name (one per language among them). */
    public static final int RARE_GROUP = 16;

    /**
     * The made-up name (of a cooperative) that the stories of group {@code group} mention, in the
     * script of {@code language}: Latin for English and Turkish, Arabic letters for Arabic and Sorani.
     */
    public static String rareName(LanguageTag language, long group) {
        boolean arabicScript = language.equals(LanguageTag.ARABIC) || language.equals(LanguageTag.SORANI);
        String consonants = arabicScript ? "بتدرزسفكلمنه" : "bdfgklmnprstvz";
        String vowels = arabicScript ? "اوي" : "aeiou";
        if (language.equals(LanguageTag.SORANI)) {
            consonants = "بپتجچدرزژسشفڤکگلمنه";
            vowels = "اوۆێی";
        }
        StringBuilder w = new StringBuilder();
        long v = Math.floorMod(group, Long.MAX_VALUE / 2) + 1000;
        do {
            w.append(consonants.charAt((int) (v % consonants.length())));
            v /= consonants.length();
            w.append(vowels.charAt((int) (v % vowels.length())));
            v /= vowels.length();
        } while (v > 0);
        if (!arabicScript) {
            w.setCharAt(0, Character.toUpperCase(w.charAt(0)));
        }
        return w.toString();
    }

    /** A made-up word (letters a-z, eight of them or more) that no other story uses. */
    public static String uniqueWord(long n) {
        String consonants = "bdfgklmnprstvz";
        String vowels = "aeiou";
        StringBuilder w = new StringBuilder("q");
        long v = Math.floorMod(n, Long.MAX_VALUE / 2) + 100_000; // one word per n, at least eight letters
        do {
            w.append(consonants.charAt((int) (v % consonants.length())));
            v /= consonants.length();
            w.append(vowels.charAt((int) (v % vowels.length())));
            v /= vowels.length();
        } while (v > 0 || w.length() < 8);
        return w.append('x').toString();
    }

    /**
     * The noun of rank {@code rank} (0 is the most common) of a language's list: a benchmark picks
     * low ranks for queries that match many stories, high ranks for ones that match few.
     */
    public static String noun(LanguageTag language, int rank) {
        return LANGUAGES.stream()
                .filter(l -> l.tag().equals(language))
                .findFirst()
                .orElseThrow()
                .nouns()
                .get(rank);
    }

    private static String fill(String pattern, Language l, SplittableRandom random, Place place, String person) {
        String a = noun(random, l);
        String b = noun(random, l);
        while (b.equals(a)) {
            b = noun(random, l);
        }
        String c = noun(random, l);
        while (c.equals(a) || c.equals(b)) {
            c = noun(random, l);
        }
        return pattern.replace("{a}", a)
                .replace("{b}", b)
                .replace("{c}", c)
                .replace("{place}", place.name())
                .replace("{person}", person)
                .replace("{num}", Integer.toString(2 + random.nextInt(60)));
    }

    /** Zipf-like: the word of rank k is drawn about 1/(k+1) as often as the first. */
    private static String noun(SplittableRandom random, Language l) {
        List<String> nouns = l.nouns();
        double h = HARMONIC[nouns.size()];
        double u = random.nextDouble() * h;
        for (int k = 0; k < nouns.size(); k++) {
            u -= 1.0 / (k + 1);
            if (u <= 0) {
                return nouns.get(k);
            }
        }
        return nouns.getLast();
    }

    private static final double[] HARMONIC = new double[200];

    static {
        for (int i = 1; i < HARMONIC.length; i++) {
            HARMONIC[i] = HARMONIC[i - 1] + 1.0 / i;
        }
    }

    private static String person(SplittableRandom random, Language l) {
        return pick(random, l.firstNames()) + " " + pick(random, l.lastNames());
    }

    private static <T> T pick(SplittableRandom random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static List<String> words(String spaced) {
        List<String> out = new ArrayList<>();
        for (String w : spaced.split(" +")) {
            if (!w.isBlank()) {
                out.add(w);
            }
        }
        return List.copyOf(out);
    }
}
