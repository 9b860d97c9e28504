package news.cms.core.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleService;
import news.cms.core.article.StaleVersion;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which commands write feed entries, and that refused or rolled-back ones leave neither entry nor
 * hole. The scheduler runs here (it is off in other tests); the context is closed afterwards so that
 * it cannot put other classes' scheduled stories live.
 */
@CmsIntegrationTest(properties = "cms.articles.scheduler-enabled=true")
@DirtiesContext
class ChangeFeedIT {

    @Autowired
    ArticleService articles;

    @Autowired
    ChangeFeed feed;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    @Test
    void newsroomStepsWriteNothingAndTheSchedulerWritesGoLive() {
        ArticleContent content = Newsroom.story(
                LanguageTag.TURKISH, "Erzurum'da kayak sezonu açıldı", "Pistler bu sabah açıldı.", "Erzurum");
        Article approved = Newsroom.approvedStory(articles, content);
        Article embargoed = Newsroom.asEditor(() -> articles.embargo(
                approved.id(), approved.version(), clock.instant().plus(Duration.ofMinutes(5))));
        Article lifted = Newsroom.asEditor(() -> articles.embargo(embargoed.id(), embargoed.version(), null));
        assertThat(entriesOf(approved.id()))
                .as("create, submit, approve, embargo before publishing")
                .isEmpty();

        Instant at = clock.instant().plusSeconds(1);
        Newsroom.asEditor(() -> articles.schedule(lifted.id(), lifted.version(), at));
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> !entriesOf(approved.id()).isEmpty());

        assertThat(entriesOf(approved.id())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(FeedAction.GO_LIVE);
            assertThat(e.publicVersion()).isEqualTo(1);
            assertThat(e.language()).isEqualTo(LanguageTag.TURKISH);
            assertThat(e.notice()).isNull();
        });
    }

    @Test
    void theEndOfAnEmbargoIsAnEntryOfItsOwnWrittenOnce() throws InterruptedException {
        ArticleContent content = Newsroom.story(
                LanguageTag.ARABIC, "افتتاح معرض الكتاب في أربيل", "يفتح المعرض أبوابه صباح الغد.", "أربيل");
        Article approved = Newsroom.approvedStory(articles, content);
        Article embargoed = Newsroom.asEditor(() -> articles.embargo(
                approved.id(), approved.version(), clock.instant().plus(Duration.ofSeconds(2))));
        Newsroom.asEditor(() -> articles.publish(embargoed.id(), embargoed.version()));
        assertThat(entriesOf(approved.id())).extracting(FeedEntry::action).containsExactly(FeedAction.PUBLISH);

        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> entriesOf(approved.id()).size() == 2);
        Thread.sleep(2_500); // more scheduler rounds: the lift must not be written again

        List<FeedEntry> entries = entriesOf(approved.id());
        assertThat(entries)
                .extracting(FeedEntry::action)
                .containsExactly(FeedAction.PUBLISH, FeedAction.EMBARGO_LIFTED);
        assertThat(entries.getLast().at()).isAfterOrEqualTo(embargoed.embargoUntil());
        assertThat(entries.getLast().publicVersion()).isEqualTo(1);
    }

    @Test
    void refusedAndRolledBackCommandsLeaveNoEntryAndNoHole() {
        ArticleContent content =
                Newsroom.story(LanguageTag.ARABIC, "افتتاح جسر جديد في أربيل", "افتتح الجسر صباح اليوم.", "أربيل");
        Article live = Newsroom.publishedStory(articles, content);
        long published = last();

        assertThatThrownBy(() -> Newsroom.asEditor(() -> articles.update(live.id(), live.version() - 1, content)))
                .isInstanceOf(StaleVersion.class);
        transactions.executeWithoutResult(tx -> {
            Newsroom.asEditor(() -> articles.update(live.id(), live.version(), content));
            assertThat(last()).as("written in the command's transaction").isEqualTo(published + 1);
            tx.setRollbackOnly();
        });
        assertThat(last()).isEqualTo(published);

        Article updated = Newsroom.asEditor(() -> articles.update(live.id(), live.version(), content));
        Newsroom.asEditor(() -> articles.kill(updated.id(), updated.version(), "خطأ في المصدر"));

        List<FeedEntry> mine = entriesOf(live.id());
        assertThat(mine)
                .extracting(FeedEntry::action)
                .containsExactly(FeedAction.PUBLISH, FeedAction.UPDATE, FeedAction.KILL);
        assertThat(mine).extracting(FeedEntry::sequence).containsExactly(published, published + 1, published + 2);
        assertThat(mine.getLast().notice()).isEqualTo("خطأ في المصدر");
    }

    private long last() {
        List<FeedEntry> all = feed.after(0, ChangeFeed.MAX_PAGE);
        return all.isEmpty() ? 0 : all.getLast().sequence();
    }

    private List<FeedEntry> entriesOf(ArticleId id) {
        return feed.after(0, ChangeFeed.MAX_PAGE).stream()
                .filter(e -> e.articleId().equals(id))
                .toList();
    }
}
