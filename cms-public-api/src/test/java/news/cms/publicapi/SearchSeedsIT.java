package news.cms.publicapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every committed seed of cms-core's {@code SearchRequestFuzzTest} (and every finding Jazzer wrote
 * beside them) sent through the real {@code /v1/search} to the real Elasticsearch: the fuzz target
 * only checks the request it builds, this checks what the engine makes of it. Each answer is a 200
 * search page or a 4xx problem+json, never a 5xx and never slow.
 *
 * <p>A seed is seven lines, as the fuzz target reads them: {@code q}, {@code lang}, {@code
 * section}, {@code from}, {@code to}, {@code cursor}, {@code limit}. Each line's raw bytes are
 * percent-encoded byte by byte, so invalid UTF-8 in a seed reaches the server as such; an empty line
 * leaves the parameter out.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SearchSeedsIT {

    /** The committed corpus, where Jazzer also writes its findings (docs/adr/0012). */
    static final Path SEEDS = Path.of(
            "..",
            "cms-core",
            "src",
            "test",
            "resources",
            "news",
            "cms",
            "core",
            "search",
            "internal",
            "SearchRequestFuzzTestInputs");

    private static final List<String> PARAMETERS = List.of("q", "lang", "section", "from", "to", "cursor", "limit");
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(ANSWER_WITHIN).build();

    private void somethingToFind() {
        // A few stories so that filters, sorting and search_after run on real hits, not an empty index.
        Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.ENGLISH, "Water shortage in x town", "x marks it.", "Hull"));
        Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.ARABIC, "انقطاع المياه في x", "نص الخبر x.", "الموصل"));
        Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.SORANI, "بڕینی ئاو لە x", "دەقی هەواڵ x.", "هەولێر"));
        Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.TURKISH, "İstanbul'da su kesintisi x", "Metin x.", "İstanbul"));
    }

    @TestFactory
    Stream<DynamicTest> everySeedAnswers200OrA4xxProblemInTime() throws IOException {
        assertThat(SEEDS).as("the committed seed corpus").isDirectory();
        somethingToFind();
        List<Path> seeds;
        try (Stream<Path> files = Files.list(SEEDS)) {
            seeds = files.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(seeds).as("committed seeds").hasSizeGreaterThanOrEqualTo(20);
        return seeds.stream()
                .map(seed -> DynamicTest.dynamicTest(seed.getFileName().toString(), () -> replay(seed)));
    }

    private void replay(Path seed) throws Exception {
        String path = "/v1/search" + query(Files.readAllBytes(seed));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(ANSWER_WITHIN)
                .GET()
                .build();
        HttpResponse<String> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new AssertionError("no answer within " + ANSWER_WITHIN + " to " + path, e);
        }
        String what = seed.getFileName() + " → " + path + " → " + r.statusCode() + " " + r.body();
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (r.statusCode() == 200) {
            assertThat(type).as(what).startsWith("application/json");
            JsonNode page = Api.JSON.readTree(r.body());
            assertThat(page.path("items").isArray()).as(what).isTrue();
        } else {
            assertThat(r.statusCode()).as(what).isBetween(400, 499);
            assertThat(type).as(what).startsWith("application/problem+json");
            JsonNode problem = Api.JSON.readTree(r.body());
            assertThat(problem.path("status").asInt()).as(what).isEqualTo(r.statusCode());
            assertThat(problem.path("type").asString()).as(what).startsWith(Api.PROBLEMS);
        }
    }

    /** {@code ?name=value&…} from the seed's lines, every byte outside the unreserved set as %XX. */
    static String query(byte[] seed) {
        List<String> pairs = new ArrayList<>();
        int line = 0;
        int start = 0;
        for (int i = 0; i <= seed.length && line < PARAMETERS.size(); i++) {
            if (i == seed.length || seed[i] == '\n') {
                if (i > start) {
                    pairs.add(PARAMETERS.get(line) + "=" + percentEncode(seed, start, i));
                }
                line++;
                start = i + 1;
            }
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static String percentEncode(byte[] bytes, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xff;
            if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || "-._~".indexOf(b) >= 0) {
                out.write(b);
            } else {
                out.writeBytes(String.format("%%%02X", b).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
        }
        return out.toString(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
