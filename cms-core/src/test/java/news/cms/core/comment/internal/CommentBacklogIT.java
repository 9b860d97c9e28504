package news.cms.core.comment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleService;
import news.cms.core.byline.Byline;
import news.cms.core.comment.ClientFingerprint;
import news.cms.core.comment.CommentId;
import news.cms.core.comment.CommentService;
import news.cms.core.comment.CommentText;
import news.cms.core.comment.DisplayName;
import news.cms.core.comment.IdempotencyKey;
import news.cms.core.comment.NewComment;
import news.cms.core.comment.RejectionReason;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.DatabaseOwner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The moderators' backlog gauge on real PostgreSQL. A language that keeps a backlog keeps its very
 * meter from one sample to the next: re-registering it on every sample left a gap in which a scrape
 * found no {@code cms_comments_pending} at all (seen as a red OperationsIT).
 */
@CmsIntegrationTest
@WithMockUser(
        username = "selin",
        roles = {"REPORTER", "MODERATOR"})
class CommentBacklogIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    CommentService comments;

    @Autowired
    ArticleService articles;

    @Autowired
    Environment environment;

    final MeterRegistry registry = new SimpleMeterRegistry();
    CommentBacklog backlog;
    ArticleId article;

    @BeforeEach
    void emptyQueueAndOwnRegistry() {
        new JdbcTemplate(DatabaseOwner.dataSource(environment)).execute("truncate comment cascade");
        backlog = new CommentBacklog(
                jdbc,
                clock,
                new StaticListableBeanFactory(Map.of("meters", registry)).getBeanProvider(MeterRegistry.class));
        article = articles.createDraft(new ArticleContent(
                        LanguageTag.ENGLISH,
                        "culture",
                        "Sulaymaniyah book fair stays open a week longer",
                        "",
                        "Organisers extended the fair after queues reached the bazaar.",
                        List.of(new Byline("Selin Kaya", "Staff reporter")),
                        new Dateline("SULAYMANIYAH", "Kurdistan Region", "IQ", LocalDate.of(2026, 12, 6))))
                .id();
    }

    @Test
    void aLanguageThatStillWaitsKeepsItsMeterAndOneWhoseQueueEmptiedDropsOut() {
        submit(LanguageTag.SORANI, "کاروان", "پێشانگاکە زۆر قەرەباڵغ بوو، باشە کە درێژکرایەوە.", "ckb-1");
        CommentId arabic = submit(LanguageTag.ARABIC, "ليلى", "خبر جميل، أتمنى أن يزور الطلاب المعرض.", "ar-1");
        backlog.sample();
        Gauge sorani = pending("ckb");
        assertThat(sorani.value()).isEqualTo(1.0);
        assertThat(pending("ar").value()).isEqualTo(1.0);
        Gauge other = pending("other");
        assertThat(other.value()).isZero();

        submit(LanguageTag.SORANI, "هێمن", "ساڵی داهاتوو دوو هەفتە بێت.", "ckb-2");
        CommentId turkish = submit(LanguageTag.TURKISH, "İlkay", "Kitap fuarı uzatılmış, güzel haber.", "tr-1");
        backlog.sample();

        assertThat(pending("ckb")).isSameAs(sorani);
        assertThat(sorani.value()).isEqualTo(2.0);
        assertThat(pending("tr").value()).isEqualTo(1.0);
        assertThat(pending("other")).isSameAs(other);

        comments.approve(arabic);
        comments.reject(turkish, RejectionReason.SPAM);
        backlog.sample();

        assertThat(registry.find("cms.comments.pending").tag("language", "ar").gauge())
                .isNull();
        assertThat(registry.find("cms.comments.pending").tag("language", "tr").gauge())
                .isNull();
        assertThat(pending("ckb")).isSameAs(sorani);
        assertThat(registry.find("cms.comments.pending").gauges()).hasSize(2);
    }

    private Gauge pending(String language) {
        Gauge gauge =
                registry.find("cms.comments.pending").tag("language", language).gauge();
        assertThat(gauge).as("cms.comments.pending{language=%s}", language).isNotNull();
        return gauge;
    }

    private CommentId submit(LanguageTag language, String name, String text, String key) {
        return comments.submit(new NewComment(
                        article,
                        language,
                        new DisplayName(name),
                        null,
                        new CommentText(text),
                        new ClientFingerprint("backlog-test:" + key),
                        new IdempotencyKey("backlog-" + key)))
                .id();
    }
}
