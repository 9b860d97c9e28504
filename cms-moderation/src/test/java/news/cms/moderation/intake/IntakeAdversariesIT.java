package news.cms.moderation.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.comment.BanBy;
import news.cms.core.comment.BanReason;
import news.cms.core.comment.BanTerm;
import news.cms.core.comment.Comment;
import news.cms.core.comment.CommentService;
import news.cms.core.comment.ReceiptId;
import news.cms.core.language.LanguageTag;
import news.cms.moderation.ThisContextsSecurity;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The intake against a reader who tries its edges, over HTTP on real PostgreSQL: somebody else's
 * idempotency key, invisible and reordering text, forged X-Forwarded-For, a new identity after a ban.
 * Only 127.0.0.1 is a trusted proxy (as in {@link IntakeIT}, whose context this shares); a connection
 * from 127.0.0.2 is a client that sends the header itself.
 */
@CmsIntegrationTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"cms.moderation.intake.auto-reject-hard-spam=true", "cms.trusted-proxies=127.0.0.1/32"})
@ExtendWith(ThisContextsSecurity.class)
class IntakeAdversariesIT {

    private static final AtomicInteger CLIENTS = new AtomicInteger(1);

    private final HttpClient viaProxy = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    CommentService comments;

    @Autowired
    JdbcClient jdbc;

    Article sorani;
    Article arabic;

    @BeforeEach
    void publish() {
        sorani = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.SORANI, "باران لە دهۆک", "بارانێکی زۆر باری.", "دهۆک"));
        arabic = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.ARABIC, "معرض الكتاب في أربيل", "افتتح المعرض اليوم.", "أربيل"));
    }

    @Test
    void anotherClientReusingAKeyGetsItsOwnCommentNeverTheFirstOnesReceipt() throws Exception {
        Client victim = client(null);
        Client adversary = client(null);
        HttpResponse<String> first = victim.post(sorani, "k-1", body("Hêvî", "زۆر باشە", null));
        assertThat(first.statusCode()).isEqualTo(201);

        // Same key, same text even: another client is another comment, with a receipt of its own.
        HttpResponse<String> copy = adversary.post(sorani, "k-1", body("Hêvî", "زۆر باشە", null));
        assertThat(copy.statusCode()).isEqualTo(201);
        assertThat(receipt(copy)).isNotEqualTo(receipt(first));
        HttpResponse<String> other = adversary.post(sorani, "k-1", body("Bêrîvan", "من هاوڕا نیم", null));
        assertProblem(other, 422, "idempotency-key-reused");
        assertThat(commentsOn(sorani)).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherCommentIs422AndARetryGetsTheFirstReceipt() throws Exception {
        Client reader = client("app-7d2e");
        HttpResponse<String> first = reader.post(arabic, "once", body("سلمى", "معرض رائع", "salma@example.org"));
        assertThat(first.statusCode()).isEqualTo(201);

        HttpResponse<String> retry = reader.post(arabic, "once", body("سلمى", "معرض رائع", "salma@example.org"));
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(receipt(retry)).isEqualTo(receipt(first));

        assertProblem(
                reader.post(arabic, "once", body("سلمى", "معرض سيئ", "salma@example.org")),
                422,
                "idempotency-key-reused");
        assertProblem(
                reader.post(arabic, "once", body("سلمى", "معرض رائع", "other@example.org")),
                422,
                "idempotency-key-reused");
        assertProblem(
                reader.post(arabic, "once", body("Salma", "معرض رائع", "salma@example.org")),
                422,
                "idempotency-key-reused");
        assertThat(commentsOn(arabic)).isOne();
    }

    @Test
    void aCommentThatShowsNothingIs422InEveryDisguise() throws Exception {
        Client reader = client(null);
        int key = 0;
        for (String blank : List.of(
                "\u00A0\u00A0",
                "\u200B",
                "\u200C\u200C \u200C",
                "\u3164\u3164\u3164",
                "\u2800\u2800",
                "\u202E\u2066")) {
            HttpResponse<String> response = reader.post(arabic, "blank-" + key++, body("Rana", blank, null));
            assertProblem(response, 422, "invalid-comment");
            assertThat(json.readTree(response.body()).get("field").asString()).isEqualTo("comment text");
        }
        assertProblem(reader.post(arabic, "blank-name", body("\u3164", "جميل", null)), 422, "invalid-comment");
        assertThat(commentsOn(arabic)).isZero();
    }

    @Test
    void bidiControlsCannotReorderWhatAModeratorReadsAndZwnjStaysInSoraniWords() throws Exception {
        Client reader = client(null);
        HttpResponse<String> response = reader.post(
                sorani, "bidi-1", body("Karwan\u202Egnp.exe", "\u202Bبه\u200Cڵام\u202C \u2067ده\u200Cکات\u2069", null));

        Comment stored =
                comments.findByReceipt(new ReceiptId(receipt(response))).orElseThrow();
        assertThat(stored.displayName().value()).isEqualTo("Karwangnp.exe");
        assertThat(stored.text().value()).isEqualTo("به\u200Cڵام ده\u200Cکات");
        String row = jdbc.sql("select display_name || text from comment where id = ?")
                .param(stored.id().value())
                .query(String.class)
                .single();
        assertThat(row).doesNotContain("\u202E", "\u202B", "\u202C", "\u2067", "\u2069");
    }

    @Test
    void xForwardedForFromAnUntrustedConnectionIsIgnoredSoRotatingItDoesNotEscapeTheLimit() throws Exception {
        HttpClient direct = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName("127.0.0.2"))
                .build();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            HttpRequest request = request(arabic, "rotate-" + i, body("x", "تعليق رقم " + i, null))
                    .header("X-Forwarded-For", "203.0.113." + (i + 1))
                    .build();
            statuses.add(
                    direct.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        assertThat(statuses.subList(0, 10)).containsOnly(201);
        assertThat(statuses.subList(10, 12)).containsOnly(429);
        assertThat(jdbc.sql("select count(distinct client_fingerprint) from comment where article_id = ?")
                        .param(arabic.id().value())
                        .query(Long.class)
                        .single())
                .as("every comment is the connection's, whatever the header said")
                .isOne();
    }

    @Test
    void aBanByClientIdCatchesTheAppOnANewNetworkAndABanByNetworkTheNeighbouringAddress() throws Exception {
        Client app = client("install-ckb-1");
        Comment abusive = stored(app.post(sorani, "ban-1", body("Azad", "تۆ گەمژەیت", null)));
        Newsroom.as(
                "mona",
                () -> comments.banCommenterOf(
                        abusive.id(),
                        BanTerm.of(Duration.ofDays(7)),
                        new BanReason("جنێو"),
                        EnumSet.of(BanBy.CLIENT_ID, BanBy.NETWORK)),
                Role.MODERATOR);

        // A new header value from the same address walked past the old ban; now the network catches it.
        Client sameNetwork = new Client(neighbourOf(app.address), "install-ckb-2");
        assertProblem(sameNetwork.post(sorani, "ban-2", body("Azad", "دیسان", null)), 403, "commenter-banned");
        // The same app from another network: the client id catches it.
        Client elsewhere = new Client("2001:db8:ab:" + CLIENTS.getAndIncrement() + "::1", "install-ckb-1");
        assertProblem(elsewhere.post(sorani, "ban-3", body("Azad", "دیسان", null)), 403, "commenter-banned");
        // Somebody else entirely comments as before.
        assertThat(client(null)
                        .post(sorani, "ban-4", body("Shirin", "سوپاس", null))
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void aBanByAddressCoversAnIpv6Slash64() throws Exception {
        int n = CLIENTS.getAndIncrement();
        Client first = new Client("2001:db8:" + n + ":1::10", null);
        Comment abusive = stored(first.post(arabic, "v6-1", body("زائر", "أنت حقير", null)));
        Newsroom.as(
                "mona",
                () -> comments.banCommenterOf(abusive.id(), BanTerm.PERMANENT, new BanReason("شتائم")),
                Role.MODERATOR);

        Client sameSlash64 = new Client("2001:db8:" + n + ":1:9a3f:1:2:3", null);
        assertProblem(sameSlash64.post(arabic, "v6-2", body("زائر", "مرة أخرى", null)), 403, "commenter-banned");
        Client nextSlash64 = new Client("2001:db8:" + n + ":2::10", null);
        assertThat(nextSlash64
                        .post(arabic, "v6-3", body("جار", "خبر جميل", null))
                        .statusCode())
                .isEqualTo(201);
    }

    /** A reader behind the trusted proxy, known by the address it forwards and an optional app id. */
    private final class Client {

        final String address;
        final @Nullable String clientId;

        Client(String address, @Nullable String clientId) {
            this.address = address;
            this.clientId = clientId;
        }

        HttpResponse<String> post(Article article, String key, Map<String, Object> body) throws Exception {
            HttpRequest.Builder request = request(article, key, body).header("X-Forwarded-For", address);
            if (clientId != null) {
                request.header("X-Client-Id", clientId);
            }
            return viaProxy.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    private Client client(@Nullable String clientId) {
        int n = CLIENTS.getAndIncrement();
        return new Client("198.18." + n + ".10", clientId);
    }

    private static String neighbourOf(String ipv4) {
        return ipv4.substring(0, ipv4.lastIndexOf('.')) + ".77";
    }

    private HttpRequest.Builder request(Article article, String key, Map<String, Object> body) {
        return HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/v1/articles/" + article.id() + "/comments"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
    }

    private static Map<String, Object> body(String name, String text, @Nullable String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("displayName", name);
        body.put("text", text);
        if (email != null) {
            body.put("email", email);
        }
        return body;
    }

    private String receipt(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        return json.readTree(response.body()).get("receipt").asString();
    }

    private Comment stored(HttpResponse<String> response) {
        return comments.findByReceipt(new ReceiptId(receipt(response))).orElseThrow();
    }

    private long commentsOn(Article article) {
        return jdbc.sql("select count(*) from comment where article_id = ?")
                .param(article.id().value())
                .query(Long.class)
                .single();
    }

    private void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://cms.example/problems/" + type);
    }
}
