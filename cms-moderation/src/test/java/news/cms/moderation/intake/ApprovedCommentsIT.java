package news.cms.moderation.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.comment.ClientFingerprint;
import news.cms.core.comment.Comment;
import news.cms.core.comment.CommentService;
import news.cms.core.comment.CommentText;
import news.cms.core.comment.DisplayName;
import news.cms.core.comment.EmailAddress;
import news.cms.core.comment.IdempotencyKey;
import news.cms.core.comment.NewComment;
import news.cms.core.comment.RejectionReason;
import news.cms.core.language.LanguageTag;
import news.cms.moderation.ThisContextsSecurity;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Readers' list of approved comments over HTTP on real PostgreSQL: paging, ETags, refusals. */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(ThisContextsSecurity.class)
class ApprovedCommentsIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    CommentService comments;

    @Autowired
    Clock clock;

    Article story;
    int keys;

    @BeforeEach
    void publish() {
        story = Newsroom.publishedStory(
                articles,
                Newsroom.story(LanguageTag.TURKISH, "Van Gölü'nde su seviyesi düştü", "Göl çekiliyor.", "Van"));
    }

    @Test
    void readersSeeOnlyApprovedCommentsOldestFirstPageByPage() throws Exception {
        Comment first = approved("Göl için üzücü bir haber.", LanguageTag.TURKISH);
        rejected("Salak yazar", RejectionReason.PERSONAL_ATTACKS);
        Comment second = approved("<script>alert('x')</script> هذا خبر مهم", LanguageTag.ARABIC);
        submit("Henüz karar verilmedi", LanguageTag.TURKISH);
        Comment third = approved("ئاوی دەریاچەکە کەم بووەتەوە", LanguageTag.SORANI);

        HttpResponse<String> page1 = get(path(story) + "?limit=2");
        assertThat(page1.statusCode()).isEqualTo(200);
        assertThat(page1.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode body1 = json.readTree(page1.body());
        assertThat(ids(body1))
                .containsExactly(first.id().toString(), second.id().toString());
        JsonNode shown = body1.get("comments").get(1);
        assertThat(shown.get("text").asString()).isEqualTo("<script>alert('x')</script> هذا خبر مهم");
        assertThat(shown.get("language").asString()).isEqualTo("ar");
        assertThat(shown.propertyNames())
                .containsExactlyInAnyOrder("id", "displayName", "language", "text", "createdAt");
        assertThat(page1.body()).doesNotContain("receipt", "fingerprint", "email");

        String next = body1.get("next").asString();
        JsonNode body2 = json.readTree(
                get(path(story) + "?limit=2&cursor=" + encode(next)).body());
        assertThat(ids(body2)).containsExactly(third.id().toString());
        assertThat(body2.get("next").isNull()).isTrue();
    }

    @Test
    void aStrongEtagAnswers304UntilAnotherCommentIsApproved() throws Exception {
        approved("Çok güzel bir haber", LanguageTag.TURKISH);
        HttpResponse<String> first = get(path(story));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("\"").doesNotStartWith("W/");

        HttpResponse<String> again = get(path(story), "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(get(path(story), "If-None-Match", "\"something-else\"").statusCode())
                .isEqualTo(200);

        approved("Zweiter Kommentar, bitte", LanguageTag.of("de"));
        HttpResponse<String> changed = get(path(story), "If-None-Match", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
    }

    @Test
    void forgedBorrowedOrMalformedCursorsAndLimitsAre400Problems() throws Exception {
        approved("bir", LanguageTag.TURKISH);
        approved("iki", LanguageTag.TURKISH);
        String next =
                json.readTree(get(path(story) + "?limit=1").body()).get("next").asString();
        Article other = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.ENGLISH, "Another story", "Body.", "Erbil"));
        // The first character: every bit of it counts (the last base64 character may hold padding bits).
        char first = next.charAt(0);
        String tampered = (first == 'A' ? 'B' : 'A') + next.substring(1);

        assertProblem(get(path(story) + "?cursor=" + encode(tampered)), 400, "invalid-cursor");
        assertProblem(get(path(other) + "?cursor=" + encode(next)), 400, "invalid-cursor");
        assertProblem(get(path(story) + "?cursor=not-a-cursor"), 400, "invalid-cursor");
        assertProblem(get(path(story) + "?cursor=" + encode("MjAyNi0xMS0yNVQwOTowMDowMFp8eA")), 400, "invalid-cursor");
        for (String limit : List.of("0", "101", "-3", "ten", "1e2")) {
            assertProblem(get(path(story) + "?limit=" + limit), 400, "invalid-limit");
        }
        assertThat(get(path(story) + "?limit=100").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownEmbargoedAndUnpublishedArticlesShowNoComments() throws Exception {
        Article approved = Newsroom.approvedStory(
                articles, Newsroom.story(LanguageTag.ARABIC, "تسريب الموازنة", "موازنة الغد.", "بغداد"));
        Article embargoed = Newsroom.asEditor(() -> articles.embargo(
                approved.id(), approved.version(), clock.instant().plus(Duration.ofHours(6))));
        Article publishedEmbargoed = Newsroom.asEditor(() -> articles.publish(embargoed.id(), embargoed.version()));
        Article unpublished = Newsroom.asEditor(() -> articles.unpublish(story.id(), story.version()));

        for (String path : List.of(
                path(publishedEmbargoed),
                path(unpublished),
                "/v1/articles/" + UUID.randomUUID() + "/comments",
                "/v1/articles/not-a-uuid/comments")) {
            assertProblem(get(path), 404, "article-not-found");
        }
    }

    private Comment submit(String text, LanguageTag language) {
        NewComment comment = new NewComment(
                story.id(),
                language,
                new DisplayName("Okur " + keys),
                new EmailAddress("reader" + keys + "@example.com"),
                new CommentText(text),
                new ClientFingerprint("fp-" + keys),
                new IdempotencyKey("read-" + keys++));
        return comments.submit(comment);
    }

    private Comment approved(String text, LanguageTag language) {
        Comment c = submit(text, language);
        return Newsroom.as("mona", () -> comments.approve(c.id()), Role.MODERATOR);
    }

    private void rejected(String text, RejectionReason reason) {
        Comment c = submit(text, LanguageTag.TURKISH);
        Newsroom.as("mona", () -> comments.reject(c.id(), reason), Role.MODERATOR);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("comments").forEach(c -> ids.add(c.get("id").asString()));
        return ids;
    }

    private static String path(Article article) {
        return "/v1/articles/" + article.id() + "/comments";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("type").asString())
                .isEqualTo("https://cms.example/problems/" + type);
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
