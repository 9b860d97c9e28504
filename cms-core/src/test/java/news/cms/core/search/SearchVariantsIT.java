package news.cms.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleService;
import news.cms.core.byline.Byline;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Turkish typed in capitals without dots or without its letters, Sorani typed on an Arabic keyboard
 * and Arabic with its hamza on another seat find the story (ADR 0022), and a hit only in the
 * standfirst still shows a passage, in each language, on the real search node.
 */
@CmsIntegrationTest
class SearchVariantsIT {

    @Autowired
    ArticleService articles;

    @Autowired
    SearchService search;

    @Test
    void turkishWithoutDotsOrItsLettersFindsTheStory() {
        Article izmir = publish(LanguageTag.TURKISH, "İzmir'de yeni tramvay hattı açıldı", "", "Sefer sayısı arttı.");
        Article diyarbakir =
                publish(LanguageTag.TURKISH, "Diyarbakır surlarında restorasyon", "", "Çalışmalar sürüyor.");
        Article igdir = publish(LanguageTag.TURKISH, "Iğdır ovasında kayısı hasadı", "", "Üreticiler memnun.");

        for (String query : List.of("IZMIR", "izmir", "İZMİR")) {
            awaitFound(query, izmir);
        }
        for (String query : List.of("DIYARBAKIR", "diyarbakir", "Diyarbakır")) {
            awaitFound(query, diyarbakir);
        }
        for (String query : List.of("igdir", "IGDIR", "Iğdır")) {
            awaitFound(query, igdir);
        }
    }

    @Test
    void aHitOnlyInTheStandfirstShowsAPassageInEveryLanguage() {
        Article en = publish(
                LanguageTag.ENGLISH, "Council meets", "Lighthouse keepers return to Sinop", "The vote was close.");
        Article ar =
                publish(LanguageTag.ARABIC, "اجتماع المجلس", "عودة حراس المنارة إلى البصرة", "كان التصويت متقاربا.");
        Article ckb =
                publish(LanguageTag.SORANI, "کۆبوونەوەی ئەنجومەن", "پاسەوانانی فانۆس گەڕانەوە", "دەنگدان نزیک بوو.");
        Article tr = publish(
                LanguageTag.TURKISH, "Meclis toplandı", "Deniz feneri bekçileri Sinop'a döndü", "Oylama yakındı.");

        awaitPassage("lighthouse", en);
        awaitPassage("المنارة", ar);
        awaitPassage("فانۆس", ckb);
        awaitPassage("feneri", tr);
    }

    @Test
    void soraniTypedOnAnArabicKeyboardFindsTheStoryAndNothingElse() {
        // "The Zê river rose in spring" / "The farmers of the Erbil plain are glad" / "The river's water
        // reached the fields; the director says the dam is safe."
        Article river = publish(
                LanguageTag.SORANI,
                "ڕووباری زێ لە بەهاردا بەرز بۆوە",
                "جووتیارانی دەشتی هەولێر دڵخۆشن",
                "ئاوی ڕووبارەکە گەیشتە کێڵگەکان و بەڕێوەبەر دەڵێت بەنداوەکە سەلامەتە.");
        // "Sulaymaniyah's book fair opens" – shares no word with the river story
        Article fair = publish(
                LanguageTag.SORANI,
                "پێشانگای کتێبی سلێمانی دەکرێتەوە",
                "سەدان نووسەر بەشداری دەکەن",
                "پێشانگاکە دە ڕۆژ دەخایەنێت.");
        awaitFound("پێشانگای", LanguageTag.SORANI, fair);

        // ڕ as ر mid-word, ێ as ي, ڵ as ل, ۆ as و, ە as ه, ک as ك: alone and together
        List<String> variants = List.of(
                "بهريوهبهر", // بەڕێوەبەر "director" (body)
                "ههولير", // هەولێر "Erbil" (standfirst only)
                "دلخوشن", // دڵخۆشن "glad" (standfirst only)
                "كيلگهكان", // کێڵگەکان "the fields" (body)
                "بووه", // بۆوە "rose" (headline)
                "زي", // زێ "Zê" (headline)
                "دهليت"); // دەڵێت "says" (body)
        for (String query : variants) {
            awaitFound(query, LanguageTag.SORANI, river);
            assertNotFound(query, LanguageTag.SORANI, fair);
        }
        // a search across every language reaches the folded sub-fields through the wildcard too
        awaitFound("ههولير", null, river);
    }

    @Test
    void arabicWithItsHamzaOnAnotherSeatFindsTheStoryAndNothingElse() {
        // "The official in charge of the port announces a new quay" / "The ministry of maritime affairs
        // expects the ships in spring" / "The port's director said work will end before summer."
        Article port = publish(
                LanguageTag.ARABIC,
                "المسؤول عن الميناء يعلن افتتاح رصيف جديد",
                "وزارة الشؤون البحرية تتوقع وصول السفن في الربيع",
                "قال مدير الميناء إن العمل سينتهي قبل الصيف.");
        // "The local team wins the cup after a hard match"
        Article cup = publish(
                LanguageTag.ARABIC,
                "الفريق المحلي يفوز بالكأس بعد مباراة صعبة",
                "الجمهور احتفل حتى الفجر",
                "سجل اللاعبون ثلاثة أهداف.");
        awaitFound("بالكأس", LanguageTag.ARABIC, cup);

        List<String> variants = List.of(
                "المسئول", // hamza on yeh, as often written in Egypt (headline)
                "المسوول", // hamza left out (headline)
                "الشئون", // standfirst only
                "الشوون", // standfirst only
                "مسـؤول", // with a tatweel
                "إفتتاح", // hamza under alef, a common slip (headline)
                "جدید", // Persian yeh (headline)
                "البحریة"); // Persian yeh (standfirst only)
        for (String query : variants) {
            awaitFound(query, LanguageTag.ARABIC, port);
            assertNotFound(query, LanguageTag.ARABIC, cup);
        }
        awaitFound("المسئول", null, port);
    }

    @Test
    void aTypingVariantMatchingOnlyTheStandfirstShowsAPassage() {
        Article ckb = publish(
                LanguageTag.SORANI,
                "کۆبوونەوەی شارەوانی",
                "باخچەی گشتیی نوێ لە ڕانیە دەکرێتەوە",
                "ئەندامان دەنگیان دا.");
        Article ar = publish(
                LanguageTag.ARABIC,
                "جلسة المجلس البلدي",
                "مسؤولو البلدية يزورون الحديقة الجديدة",
                "صوت الأعضاء بالإجماع.");

        awaitPassage("رانيه", ckb, "باخچەی"); // ڕانیە "Ranya" typed on an Arabic keyboard
        awaitPassage("نوي", ckb, "باخچەی"); // نوێ "new"
        awaitPassage("مسئولو", ar, "مسؤولو");
    }

    private void assertNotFound(String query, LanguageTag language, Article unrelated) {
        assertThat(search.search(new SearchQuery(query, language, 10)).hits())
                .as(query)
                .extracting(SearchHit::id)
                .doesNotContain(unrelated.id());
    }

    private void awaitFound(String query, LanguageTag language, Article expected) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(search.search(new SearchQuery(query, language, 10))
                                .hits())
                        .as(query)
                        .extracting(SearchHit::id)
                        .contains(expected.id()));
    }

    private void awaitFound(String query, Article expected) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(search.search(new SearchQuery(query, LanguageTag.TURKISH, 10))
                                .hits())
                        .as(query)
                        .extracting(SearchHit::id)
                        .contains(expected.id()));
    }

    private void awaitPassage(String query, Article expected) {
        awaitPassage(query, expected, expected.standfirst().substring(0, 4));
    }

    private void awaitPassage(String query, Article expected, String passage) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            SearchHit hit = search.search(new SearchQuery(query, expected.language(), 10)).hits().stream()
                    .filter(h -> h.id().equals(expected.id()))
                    .findFirst()
                    // An AssertionError, so that Awaitility waits for the index rather than failing at once.
                    .orElseThrow(() -> new AssertionError(query + ": not found yet"));
            assertThat(hit.snippet()).as(query).contains("<mark>").contains(passage);
        });
    }

    private Article publish(LanguageTag language, String headline, String standfirst, String body) {
        return Newsroom.publishedStory(
                articles,
                new ArticleContent(
                        language,
                        "news",
                        headline,
                        standfirst,
                        body,
                        List.of(new Byline("Rezan Ahmed", "Staff reporter")),
                        new Dateline("Sinop", null, null, LocalDate.of(2026, 11, 25))));
    }
}
