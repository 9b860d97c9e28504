package news.cms.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.article.InvalidSchedule;
import news.cms.core.language.LanguageTag;
import news.cms.core.workflow.ArticleState;
import news.cms.core.workflow.IllegalTransition;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A killed story disappears from every public surface; an embargoed one stays out of search until its time. */
@CmsIntegrationTest
class KillAndEmbargoIT {

    @Autowired
    ArticleService articles;

    @Autowired
    SearchService search;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aKilledStoryIsGoneFromTheIndexAndThePublicViewButItsNoticeRemains() {
        Article published = Newsroom.publishedStory(
                articles,
                Newsroom.story(
                        LanguageTag.ARABIC, "خبر سيسحب لاحقا عن الجسور", "تفاصيل الخبر عن الجسور القديمة.", "الموصل"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !search.search(new SearchQuery("الجسور", LanguageTag.ARABIC, 10))
                        .hits()
                        .isEmpty());

        Article killed = Newsroom.asEditor(
                () -> articles.kill(published.id(), published.version(), "Legal: the story named a minor"));

        assertThat(killed.state()).isEqualTo(ArticleState.KILLED);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> search.search(new SearchQuery("الجسور", LanguageTag.ARABIC, 10))
                        .hits()
                        .isEmpty());
        var view = jdbc.sql("select body, kill_reason, headline from public_article where id = ?")
                .param(published.id().value())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .single();
        assertThat(view[0]).as("no body on any public surface").isNull();
        assertThat(view[1]).isEqualTo("Legal: the story named a minor");
        assertThatThrownBy(() -> Newsroom.asEditor(() -> articles.embargo(
                        killed.id(), killed.version(), clock.instant().plusSeconds(3600))))
                .as("embargo after a kill")
                .isInstanceOf(IllegalTransition.class);
    }

    @Test
    void anEmbargoedStoryIsNotFoundUntilTheEmbargoIsLifted() throws InterruptedException {
        Article approved = Newsroom.approvedStory(
                articles,
                Newsroom.story(
                        LanguageTag.ENGLISH,
                        "Embargoed report on river pollution",
                        "The report on the river comes out tomorrow.",
                        "Zakho"));
        assertThatThrownBy(() -> Newsroom.asEditor(() -> articles.embargo(
                        approved.id(), approved.version(), clock.instant().minusSeconds(5))))
                .isInstanceOf(InvalidSchedule.class);
        Article embargoed = Newsroom.asEditor(() -> articles.embargo(
                approved.id(), approved.version(), clock.instant().plus(Duration.ofHours(6))));
        Article published = Newsroom.asEditor(() -> articles.publish(embargoed.id(), embargoed.version()));
        assertThat(published.isReadableAt(clock.instant())).isFalse();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null")
                                .query(Integer.class)
                                .single()
                        == 0);
        Thread.sleep(1_500); // the index refreshes every second
        assertThat(search.search(new SearchQuery("pollution", LanguageTag.ENGLISH, 10))
                        .hits())
                .as("indexed, but hidden from readers while embargoed")
                .isEmpty();

        Article lifted = Newsroom.asEditor(() -> articles.embargo(published.id(), published.version(), null));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(search.search(new SearchQuery("pollution", LanguageTag.ENGLISH, 10))
                                .hits())
                        .extracting(SearchHit::id)
                        .containsExactly(lifted.id()));
    }
}
