package news.cms.moderation.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.audit.AuditEvent;
import news.cms.core.audit.AuditLog;
import news.cms.core.audit.AuditQuery;
import news.cms.core.comment.Ban;
import news.cms.core.comment.BanReason;
import news.cms.core.comment.BanTerm;
import news.cms.core.comment.Comment;
import news.cms.core.comment.CommentService;
import news.cms.core.comment.CommentThreads;
import news.cms.core.comment.ReceiptId;
import news.cms.core.comment.RejectionReason;
import news.cms.core.language.LanguageTag;
import news.cms.core.screening.Screener;
import news.cms.core.screening.ScreeningCategory;
import news.cms.core.screening.ScreeningResult;
import news.cms.moderation.ThisContextsSecurity;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The comment API over HTTP on real PostgreSQL. Each test poses as its own client through
 * X-Forwarded-For (the loopback is configured as a trusted proxy), so that rate limits of one test do
 * not touch another.
 */
@CmsIntegrationTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"cms.moderation.intake.auto-reject-hard-spam=true", "cms.trusted-proxies=127.0.0.1/32"})
@ExtendWith(ThisContextsSecurity.class)
class IntakeIT {

    private static final AtomicInteger CLIENTS = new AtomicInteger(1);

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    CommentService comments;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CommentThreads threads;

    @Autowired
    AuditLog audit;

    @Autowired
    Clock clock;

    Article arabic;
    Article sorani;
    String client;

    @BeforeEach
    void publish() {
        arabic = Newsroom.publishedStory(
                articles,
                Newsroom.story(LanguageTag.ARABIC, "افتتاح جسر جديد في الموصل", "افتُتح الجسر صباح اليوم.", "الموصل"));
        sorani = Newsroom.publishedStory(
                articles,
                Newsroom.story(LanguageTag.SORANI, "پردێکی نوێ لە هەولێر", "پردەکە ئەمڕۆ کرایەوە.", "هەولێر"));
        client = "198.51.100." + CLIENTS.getAndIncrement();
    }

    @Test
    void anArabicCommentIsStoredPendingWithItsScreeningAndAReceipt() throws Exception {
        HttpResponse<String> response = post(arabic, "k-ar-1", body("سلمى", "مبروك لأهل الموصل، خبر جميل.", "ar"));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode receipt = json.readTree(response.body());
        assertThat(receipt.get("status").asString()).isEqualTo("pending");
        assertThat(response.headers().firstValue("Location"))
                .hasValue("/v1/comments/" + receipt.get("receipt").asString());
        Comment stored = comments.findByReceipt(
                        new ReceiptId(receipt.get("receipt").asString()))
                .orElseThrow();
        assertThat(stored.language()).isEqualTo(LanguageTag.ARABIC);
        assertThat(stored.text().value()).isEqualTo("مبروك لأهل الموصل، خبر جميل.");
        assertThat(ScreeningResult.fromJson(stored.screening()).flagged()).isFalse();
    }

    @Test
    void aSoraniCommentTakesTheArticlesLanguageAndItsFlagsAreStored() throws Exception {
        Map<String, Object> sent = body("ئارام", "تۆ گەمژەیت، ئەم پردە بێکەڵکە", null);
        HttpResponse<String> response = post(sorani, "k-ckb-1", sent);

        assertThat(response.statusCode()).isEqualTo(201);
        Comment stored = comments.findByReceipt(receiptOf(response)).orElseThrow();
        assertThat(stored.language()).isEqualTo(LanguageTag.SORANI);
        ScreeningResult screening = ScreeningResult.fromJson(stored.screening());
        assertThat(screening.suggestedReason()).isEqualTo(RejectionReason.PERSONAL_ATTACKS);
        assertThat(screening.evidence())
                .singleElement()
                .satisfies(e -> assertThat(e.matched()).isEqualTo("گەمژەیت"));
        assertThat(stored.isPending()).as("screening never decides").isTrue();
    }

    @Test
    void theSameKeyTwentyTimesAtOnceMakesOneComment() throws Exception {
        int n = 20;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return post(arabic, "retry-me", body("سلمى", "تعليق واحد فقط", "ar"));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            List<String> receipts = new ArrayList<>();
            for (Future<HttpResponse<String>> call : calls) {
                HttpResponse<String> response = call.get();
                statuses.add(response.statusCode());
                receipts.add(json.readTree(response.body()).get("receipt").asString());
            }
            assertThat(statuses).containsOnly(200, 201);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(receipts).containsOnly(receipts.getFirst());
        } finally {
            pool.shutdownNow();
        }
        assertThat(commentsOn(arabic)).isEqualTo(1L);
    }

    @Test
    void aFloodFromOneClientGets429WithRetryAfterWhileRetriesStillAnswer() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 12; i++) {
            last = post(arabic, "flood-" + i, body("x", "تعليق رقم " + i, "ar"));
            statuses.add(last.statusCode());
        }
        assertThat(statuses.subList(0, 10)).containsOnly(201);
        assertThat(statuses.subList(10, 12)).containsOnly(429);
        assertThat(last.headers().firstValue("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        assertProblem(last, 429, "rate-limited");
        // A retry of an accepted comment is answered from the database, not counted.
        assertThat(post(arabic, "flood-0", body("x", "تعليق رقم 0", "ar")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void embargoedUnknownAndUnpublishedArticlesTakeNoComments() throws Exception {
        Article approved = Newsroom.approvedStory(
                articles, Newsroom.story(LanguageTag.ENGLISH, "Budget leak", "Tomorrow's budget.", "Erbil"));
        Article embargoed = Newsroom.asEditor(() -> articles.embargo(
                approved.id(), approved.version(), clock.instant().plus(Duration.ofHours(6))));
        Article publishedEmbargoed = Newsroom.asEditor(() -> articles.publish(embargoed.id(), embargoed.version()));
        Article draft = Newsroom.asReporter(() ->
                articles.createDraft(Newsroom.story(LanguageTag.TURKISH, "Taslak", "Henüz yayımlanmadı.", "Ankara")));

        for (String path : List.of(
                "/v1/articles/" + publishedEmbargoed.id() + "/comments",
                "/v1/articles/" + draft.id() + "/comments",
                "/v1/articles/" + java.util.UUID.randomUUID() + "/comments",
                "/v1/articles/not-a-uuid/comments")) {
            HttpResponse<String> response = send(path, "k1", "application/json", bytes(body("a", "hello", "en")));
            assertProblem(response, 404, "article-not-found");
        }
        assertThat(commentsOn(publishedEmbargoed) + commentsOn(draft)).isZero();
    }

    @Test
    void badInputGetsA4xxProblemAndStoresNothing() throws Exception {
        String path = "/v1/articles/" + arabic.id() + "/comments";
        byte[] ok = bytes(body("a", "hello", "en"));
        assertProblem(send(path, null, "application/json", ok), 400, "idempotency-key-missing");
        assertProblem(send(path, "has spaces!", "application/json", ok), 400, "idempotency-key-malformed");
        assertProblem(
                send(path, "k", "application/json", "{\"text\": ".getBytes(StandardCharsets.UTF_8)),
                400,
                "invalid-json");
        assertProblem(
                send(path, "k", "application/json", "[1,2]".getBytes(StandardCharsets.UTF_8)), 400, "invalid-json");
        byte[] brokenUtf8 = "{\"displayName\":\"a\",\"text\":\"\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertProblem(send(path, "k", "application/json", brokenUtf8), 400, "invalid-utf8");
        assertProblem(send(path, "k", "text/plain", ok), 415, "unsupported-media-type");
        assertProblem(
                send(path, "k", "application/json", bytes(body("a", "x".repeat(2001), "en"))), 422, "invalid-comment");
        assertProblem(send(path, "k", "application/json", bytes(body("a", "   ", "en"))), 422, "invalid-comment");
        assertProblem(
                send(path, "k", "application/json", bytes(body("a", "ok", "xx-not-a-tag"))), 422, "invalid-comment");
        assertProblem(
                send(
                        path,
                        "k",
                        "application/json",
                        "{\"displayName\":\"a\",\"text\":\"\\ud800\"}".getBytes(StandardCharsets.UTF_8)),
                422,
                "invalid-comment");
        assertProblem(
                send(
                        path,
                        "k",
                        "application/json",
                        "{\"displayName\":7,\"text\":\"x\"}".getBytes(StandardCharsets.UTF_8)),
                422,
                "invalid-comment");
        assertProblem(
                send(path, "k", "application/json", bytes(body("a", "x", "en", "not-an-address"))),
                422,
                "invalid-comment");
        assertProblem(send(path, "k", "application/json", new byte[20_000]), 413, "body-too-large");
        assertThat(commentsOn(arabic)).isZero();
    }

    @Test
    void markupIsStoredAsTheTextItIs() throws Exception {
        String text = "<script>alert('x')</script> <b>bold</b> & done";
        HttpResponse<String> response = post(arabic, "html-1", body("<i>Eve</i>", text, "en"));
        assertThat(response.statusCode()).isEqualTo(201);
        Comment stored = comments.findByReceipt(receiptOf(response)).orElseThrow();
        assertThat(stored.text().value()).isEqualTo(text);
        assertThat(stored.displayName().value()).isEqualTo("<i>Eve</i>");
    }

    @Test
    void theStatusShowsTheReasonInArabicAfterARejection() throws Exception {
        HttpResponse<String> response = post(arabic, "k-reject", body("سلمى", "انت غبي يا كاتب المقال", "ar"));
        ReceiptId receipt = receiptOf(response);

        JsonNode pending = json.readTree(get("/v1/comments/" + receipt.value()).body());
        assertThat(pending.get("status").asString()).isEqualTo("pending");
        assertThat(pending.get("reason").isNull()).isTrue();

        Comment stored = comments.findByReceipt(receipt).orElseThrow();
        Newsroom.as("mona", () -> comments.reject(stored.id(), RejectionReason.PERSONAL_ATTACKS), Role.MODERATOR);

        HttpResponse<String> status = get("/v1/comments/" + receipt.value());
        assertThat(status.statusCode()).isEqualTo(200);
        JsonNode rejected = json.readTree(status.body());
        assertThat(rejected.get("status").asString()).isEqualTo("rejected");
        assertThat(rejected.at("/reason/code").asString()).isEqualTo("personal-attacks");
        assertThat(rejected.at("/reason/language").asString()).isEqualTo("ar");
        assertThat(rejected.at("/reason/message").asString()).isEqualTo("لم يُنشر تعليقك لأنه يتضمن هجومًا شخصيًا.");

        assertProblem(get("/v1/comments/AAAAAAAAAAAAAAAAAAAAAAAA"), 404, "receipt-not-found");
        assertProblem(get("/v1/comments/short"), 404, "receipt-not-found");
    }

    @Test
    void aBannedCommenterGets403AndNothingIsStoredUntilTheBanIsLifted() throws Exception {
        HttpResponse<String> first = post(arabic, "ban-1", body("سلمى", "انت حقير", "ar", "salma@example.com"));
        Comment stored = comments.findByReceipt(receiptOf(first)).orElseThrow();
        Ban ban = Newsroom.as(
                "mona",
                () -> comments.banCommenterOf(stored.id(), BanTerm.of(Duration.ofDays(7)), new BanReason("إهانات")),
                Role.MODERATOR);
        long before = commentsOn(arabic);

        HttpResponse<String> refused = post(arabic, "ban-2", body("سلمى", "تعليق آخر", "ar"));
        assertProblem(refused, 403, "commenter-banned");
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("bannedUntil").asString())
                .isEqualTo(ban.expiresAt().toString());
        assertThat(problem.toString()).doesNotContain("إهانات");
        // Another device (another address) with the same e-mail is the same commenter.
        client = "203.0.113." + CLIENTS.getAndIncrement();
        assertProblem(post(sorani, "ban-3", body("S", "سڵاو", "ckb", "SALMA@example.com")), 403, "commenter-banned");
        assertThat(commentsOn(arabic) + commentsOn(sorani)).isEqualTo(before);
        // Without the e-mail, this new address is somebody else.
        assertThat(post(sorani, "ban-4", body("S", "سڵاو", "ckb")).statusCode()).isEqualTo(201);

        Newsroom.as("mona", () -> comments.liftBan(ban.id()), Role.MODERATOR);
        assertThat(post(sorani, "ban-5", body("S", "سڵاو دیسان", "ckb", "salma@example.com"))
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void theSameTextPostedAgainByTheSameClientIsFlaggedAsSpam() throws Exception {
        String text = "Kanalıma abone olun, harika videolar!";
        HttpResponse<String> first = post(sorani, "rep-1", body("Bot", text, "tr"));
        HttpResponse<String> again = post(arabic, "rep-2", body("Bot", "kanalima ABONE olun... harika videolar", "tr"));

        ScreeningResult once = ScreeningResult.fromJson(
                comments.findByReceipt(receiptOf(first)).orElseThrow().screening());
        ScreeningResult twice = ScreeningResult.fromJson(
                comments.findByReceipt(receiptOf(again)).orElseThrow().screening());
        assertThat(once.evidence()).noneMatch(e -> e.rule().equals(Screener.REPEATED_BY_CLIENT));
        assertThat(twice.evidence()).anySatisfy(e -> {
            assertThat(e.rule()).isEqualTo(Screener.REPEATED_BY_CLIENT);
            assertThat(e.category()).isEqualTo(ScreeningCategory.SPAM);
        });
        assertThat(twice.risk()).isGreaterThan(once.risk());
    }

    @Test
    void copyPastedPromotionIsRejectedAtOnceWhenConfiguredAndNothingElseIs() throws Exception {
        String promo = "Bedava takipçi için hemen tıklayın: https://takipci-bedava.example/kampanya";
        HttpResponse<String> first = post(arabic, "promo-1", body("Reklam", promo, "tr"));
        HttpResponse<String> plainRepeat =
                post(sorani, "plain-1", body("Reklam", "Harika bir haber, teşekkürler", "tr"));
        HttpResponse<String> plainAgain =
                post(arabic, "plain-2", body("Reklam", "Harika bir haber, teşekkürler", "tr"));
        HttpResponse<String> again = post(sorani, "promo-2", body("Reklam", promo, "tr"));

        assertThat(comments.findByReceipt(receiptOf(first)).orElseThrow().isPending())
                .as("promotion posted once waits for a moderator")
                .isTrue();
        assertThat(comments.findByReceipt(receiptOf(plainAgain)).orElseThrow().isPending())
                .as("a repeat without promotion waits for a moderator")
                .isTrue();
        assertThat(plainRepeat.statusCode()).isEqualTo(201);
        Comment rejected = comments.findByReceipt(receiptOf(again)).orElseThrow();
        assertThat(rejected.rejectionReason()).isEqualTo(RejectionReason.SPAM);
        assertThat(rejected.decidedBy()).isEqualTo(CommentService.SCREENING);
        JsonNode status =
                json.readTree(get("/v1/comments/" + rejected.receipt().value()).body());
        assertThat(status.get("status").asString()).isEqualTo("rejected");
        assertThat(status.at("/reason/code").asString()).isEqualTo("spam");
        List<AuditEvent> trail = Newsroom.as(
                "mona",
                () -> audit.find(AuditQuery.forTarget("comment", rejected.id().toString())),
                Role.MODERATOR);
        assertThat(trail).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("comment.reject");
            assertThat(e.actor()).isEqualTo("screening");
            assertThat(e.details()).containsEntry("rule", "repeated-promotion");
        });
    }

    @Test
    void aClosedStoryTakesNoNewCommentsUntilReopenedAndRetriesStillAnswer() throws Exception {
        HttpResponse<String> before = post(sorani, "open-1", body("Hêvî", "زۆر باشە", "ckb"));
        assertThat(before.statusCode()).isEqualTo(201);
        assertThatThrownBy(() -> Newsroom.as("rezan", () -> threads.close(sorani.id(), ""), Role.REPORTER))
                .isInstanceOf(AccessDeniedException.class);

        Newsroom.as("layla", () -> threads.close(sorani.id(), "Too many personal attacks tonight"), Role.EDITOR);
        long stored = commentsOn(sorani);

        assertProblem(post(sorani, "closed-1", body("Hêvî", "دیسان", "ckb")), 403, "comments-closed");
        assertThat(commentsOn(sorani)).isEqualTo(stored);
        assertThat(post(sorani, "open-1", body("Hêvî", "زۆر باشە", "ckb")).statusCode())
                .as("a retry of a comment sent before closing still gets its receipt")
                .isEqualTo(200);
        assertThat(post(arabic, "other-story", body("Hêvî", "جميل", "ar")).statusCode())
                .isEqualTo(201);

        Newsroom.as(
                "mona",
                () -> {
                    threads.reopen(sorani.id());
                    return null;
                },
                Role.MODERATOR);
        assertThat(post(sorani, "reopened-1", body("Hêvî", "سوپاس", "ckb")).statusCode())
                .isEqualTo(201);
        List<AuditEvent> trail = Newsroom.as(
                "mona",
                () -> audit.find(AuditQuery.forTarget("article", sorani.id().toString())),
                Role.MODERATOR);
        assertThat(trail).extracting(AuditEvent::action).contains("comments.close", "comments.reopen");

        // Closed from another app (the editor's): the database's change notice reaches this one.
        jdbc.sql("insert into comment_closure (article_id, closed_at, closed_by, note) values (?, now(), 'layla', '')")
                .param(sorani.id().value())
                .update();
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertProblem(
                        post(sorani, "elsewhere-" + System.nanoTime(), body("Hêvî", "دیسان", "ckb")),
                        403,
                        "comments-closed"));
    }

    @Test
    void aStoryUnpublishedInTheEditorsAppTakesNoMoreComments() throws Exception {
        assertThat(post(arabic, "before-unpublish", body("Rana", "خبر جميل", "ar"))
                        .statusCode())
                .isEqualTo(201);

        // The editor's JVM unpublishes it: only the database's change notice tells this app.
        jdbc.sql("update article set state = 'UNPUBLISHED', version = version + 1 where id = ?")
                .param(arabic.id().value())
                .update();

        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertProblem(
                        post(arabic, "after-" + System.nanoTime(), body("Rana", "مرة أخرى", "ar")),
                        404,
                        "article-not-found"));
    }

    @Test
    void theApiNeedsNoCsrfTokenOrSessionButTheUiStillDoes() throws Exception {
        HttpResponse<String> response = post(arabic, "no-csrf", body("a", "hello", "en"));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        HttpResponse<String> ui = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ui.statusCode()).isEqualTo(302);
    }

    private long commentsOn(Article article) {
        return jdbc.sql("select count(*) from comment where article_id = ?")
                .param(article.id().value())
                .query(Long.class)
                .single();
    }

    private ReceiptId receiptOf(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        return new ReceiptId(json.readTree(response.body()).get("receipt").asString());
    }

    private void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://cms.example/problems/" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
    }

    private static Map<String, Object> body(String name, String text, String language) {
        return body(name, text, language, null);
    }

    private static Map<String, Object> body(String name, String text, String language, String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("displayName", name);
        body.put("text", text);
        if (language != null) {
            body.put("language", language);
        }
        if (email != null) {
            body.put("email", email);
        }
        return body;
    }

    private byte[] bytes(Map<String, Object> body) {
        return json.writeValueAsBytes(body);
    }

    private HttpResponse<String> post(Article article, String key, Map<String, Object> body) throws Exception {
        return send("/v1/articles/" + article.id() + "/comments", key, "application/json", bytes(body));
    }

    private HttpResponse<String> send(String path, String key, String type, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", type)
                .header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
