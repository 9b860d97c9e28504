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
 * Turkish typed in capitals without dots or without its letters finds the story, and a hit only in
 * the standfirst still shows a passage, in each language, on the real search node.
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

    private void awaitFound(String query, Article expected) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(search.search(new SearchQuery(query, LanguageTag.TURKISH, 10))
                                .hits())
                        .as(query)
                        .extracting(SearchHit::id)
                        .contains(expected.id()));
    }

    private void awaitPassage(String query, Article expected) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            SearchHit hit = search.search(new SearchQuery(query, expected.language(), 10)).hits().stream()
                    .filter(h -> h.id().equals(expected.id()))
                    .findFirst()
                    // An AssertionError, so that Awaitility waits for the index rather than failing at once.
                    .orElseThrow(() -> new AssertionError(query + ": not found yet"));
            assertThat(hit.snippet())
                    .as(query)
                    .contains("<mark>")
                    .contains(expected.standfirst().substring(0, 4));
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
