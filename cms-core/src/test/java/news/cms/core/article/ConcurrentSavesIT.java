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

/** Fifty people save the same version at once: one wins, 49 get a conflict, nothing is lost silently. */
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
}
