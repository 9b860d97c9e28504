package news.cms.core.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Many people at once: fifty saves of the same version (one wins, 49 get a conflict, nothing is lost
 * silently), and stories with the same headline created at the same moment (each gets its own slug).
 */
@CmsIntegrationTest
class ConcurrentSavesIT {

    @Autowired
    ArticleService articles;

    @Test
    void exactlyOneOfFiftyConcurrentSavesOfTheSameVersionWins() throws Exception {
        Article draft = Newsroom.asReporter(() -> articles.createDraft(
                Newsroom.story(LanguageTag.ARABIC, "مسودة يحررها الجميع", "النص الأول.", "البصرة")));
        int writers = 50;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (int i = 0; i < writers; i++) {
                String body = "النص رقم " + i;
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        Newsroom.asReporter(() -> articles.save(
                                draft.id(),
                                draft.version(),
                                Newsroom.story(LanguageTag.ARABIC, "مسودة يحررها الجميع", body, "البصرة")));
                        return "won:" + body;
                    } catch (StaleVersion e) {
                        return "conflict";
                    }
                }));
            }
            start.countDown();
        }
        List<String> results = new ArrayList<>();
        for (Future<String> f : outcomes) {
            results.add(f.get());
        }

        List<String> winners =
                results.stream().filter(r -> r.startsWith("won:")).toList();
        assertThat(winners).hasSize(1);
        assertThat(results).filteredOn("conflict"::equals).hasSize(49);
        Article stored = Newsroom.asReporter(() -> articles.find(draft.id()).orElseThrow());
        assertThat(stored.version()).isEqualTo(draft.version() + 1);
        assertThat("won:" + stored.body()).isEqualTo(winners.getFirst());
        assertThat(Newsroom.as(
                        Newsroom.REPORTER, () -> articles.history(draft.id()), news.cms.core.account.Role.REPORTER))
                .hasSize(2);
    }

    @Test
    void storiesWithTheSameHeadlineCreatedAtOnceEachGetTheirOwnSlug() throws Exception {
        int reporters = 16;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Article>> created = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(reporters)) {
            for (int i = 0; i < reporters; i++) {
                boolean turkish = i % 2 == 0;
                LanguageTag language = turkish ? LanguageTag.TURKISH : LanguageTag.SORANI;
                String headline = turkish ? "Köprü açılışı bir kez daha ertelendi" : "کردنەوەی پردەکە دواخرا";
                String body = turkish ? "Aynı anda yazılan haber." : "هەواڵێک کە لە هەمان کاتدا نووسرا.";
                String place = turkish ? "Erbil" : "هەولێر";
                created.add(pool.submit(() -> {
                    start.await();
                    return Newsroom.asReporter(
                            () -> articles.createDraft(Newsroom.story(language, headline, body, place)));
                }));
            }
            start.countDown();
        }
        List<Article> drafts = new ArrayList<>();
        for (Future<Article> f : created) {
            drafts.add(f.get()); // none failed on the unique slug
        }

        assertThat(drafts).extracting(Article::slug).doesNotHaveDuplicates();
        for (Article draft : drafts) {
            Article stored = Newsroom.asReporter(() -> articles.find(draft.id()).orElseThrow());
            assertThat(stored.slug()).isEqualTo(draft.slug());
        }
    }
}
