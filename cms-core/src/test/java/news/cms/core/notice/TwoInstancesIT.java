package news.cms.core.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import news.cms.core.CoreTestApplication;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.comment.CommentThreads;
import news.cms.core.language.LanguageTag;
import news.cms.core.partnerkey.IssuedPartnerKey;
import news.cms.core.partnerkey.KeyCheck;
import news.cms.core.partnerkey.NewPartnerKey;
import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.core.partnerkey.PartnerScope;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.EnginesInitializer;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of one app on one database: this test's context and a second one started beside
 * it, each with its own caches and its own LISTEN connection. A change committed through either
 * instance empties the other's cache, through PostgreSQL's change notices alone.
 */
@CmsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIT {

    @Autowired
    ArticleService articles;

    @Autowired
    CommentThreads threads;

    @Autowired
    PartnerKeyService keys;

    ConfigurableApplicationContext second;

    @BeforeAll
    void startTheSecondInstance() {
        second = new SpringApplicationBuilder(CoreTestApplication.class)
                .initializers(new EnginesInitializer())
                .web(WebApplicationType.NONE)
                .run();
    }

    @AfterAll
    void stopTheSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void closingAStoryThroughOneInstanceIsSeenByTheOtherAndReopeningTheOtherWayRound() {
        Article story = Newsroom.publishedStory(
                articles,
                Newsroom.story(LanguageTag.TURKISH, "Van'da deprem tatbikatı", "Tatbikat sabah yapıldı.", "Van"));
        CommentThreads otherThreads = second.getBean(CommentThreads.class);
        assertThat(threads).isNotSameAs(otherThreads);
        // Both instances read "open" and keep it in their caches.
        assertThat(threads.closure(story.id())).isEmpty();
        assertThat(otherThreads.closure(story.id())).isEmpty();

        Newsroom.as("layla", () -> threads.close(story.id(), "Yorumlar bu gece kapalı"), Role.EDITOR);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () -> assertThat(otherThreads.closure(story.id())).isPresent());

        Newsroom.as(
                "mona",
                () -> {
                    otherThreads.reopen(story.id());
                    return null;
                },
                Role.MODERATOR);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(threads.closure(story.id())).isEmpty());
    }

    @Test
    void aKeyRevokedThroughOneInstanceIsRefusedByTheOther() {
        IssuedPartnerKey issued = Newsroom.as(
                "admin",
                () -> keys.issue(new NewPartnerKey("وكالة الأنباء", Set.of(PartnerScope.FEED), null, 600)),
                Role.ADMIN);
        PartnerKeyService otherKeys = second.getBean(PartnerKeyService.class);
        assertThat(otherKeys.verify(issued.secret())).isInstanceOf(KeyCheck.Valid.class); // now cached there

        Newsroom.as("admin", () -> keys.revoke(issued.key().id()), Role.ADMIN);

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () -> assertThat(otherKeys.verify(issued.secret())).isInstanceOf(KeyCheck.Revoked.class));
    }
}
