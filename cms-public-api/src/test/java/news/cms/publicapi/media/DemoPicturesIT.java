package news.cms.publicapi.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import news.cms.core.account.AccountService;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.media.MediaItem;
import news.cms.core.media.MediaProperties;
import news.cms.core.media.MediaService;
import news.cms.core.media.MediaText;
import news.cms.core.translation.TranslationService;
import news.cms.demo.DemoContent;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.TestPictures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo newsroom as the dev stack seeds it: every published demo story, in each of the four
 * languages, shows a picture of our own drawing with caption and alt text in its own language, and
 * every rendition of it answers through the public API.
 */
@CmsIntegrationTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"cms.media.filesystem-root=target/media-it", "cms.public-api.base-url=https://api.example.org"})
class DemoPicturesIT {

    private static final JsonMapper json = JsonMapper.builder().build();
    // Letters Sorani writes and Arabic does not (ە, ێ, ۆ, ڕ, ڵ); Turkish letters English lacks.
    private static final Pattern SORANI_LETTERS = Pattern.compile("[\u06D5\u06CE\u06C6\u0695\u06B5]");
    private static final Pattern ARABIC_SCRIPT = Pattern.compile("\\p{IsArabic}");
    private static final Pattern TURKISH_LETTERS = Pattern.compile("[çğışöüÇĞİŞÖÜ]");

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ArticleService articles;

    @Autowired
    TranslationService translations;

    @Autowired
    MediaService media;

    @Autowired
    MediaProperties mediaProperties;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyPublishedDemoStoryShowsAPictureDescribedInItsLanguage() throws Exception {
        new DemoContent(accounts, articles, translations, media, mediaProperties)
                .run(new DefaultApplicationArguments());

        Map<String, List<UUID>> published = new HashMap<>();
        jdbc.query("select id, language from article where state = 'PUBLISHED' order by language, headline", row -> {
            published
                    .computeIfAbsent(row.getString("language"), l -> new java.util.ArrayList<>())
                    .add(row.getObject("id", UUID.class));
        });
        assertThat(published).containsOnlyKeys("en", "ar", "ckb", "tr");
        assertThat(published.values()).allSatisfy(ids -> assertThat(ids).hasSizeGreaterThanOrEqualTo(2));

        Set<String> pictures = new HashSet<>();
        for (var entry : published.entrySet()) {
            LanguageTag language = new LanguageTag(entry.getKey());
            for (UUID id : entry.getValue()) {
                MediaItem item = media.publishedFeaturedImage(new ArticleId(id)).orElseThrow();
                MediaText text = item.text(language);
                assertThat(text.caption()).as(id + " caption").isNotBlank();
                assertThat(text.altText()).as(id + " alt text").isNotBlank().isNotEqualTo(text.caption());
                assertThat(text.credit()).as(id + " credit").isNotBlank();
                assertInLanguage(language, text.caption());
                assertInLanguage(language, text.altText());
                assertThat(item.copyrightHolder()).isEqualTo("Newsroom CMS");

                // What a partner sees: the story's ninjs names the picture with the same texts.
                HttpResponse<byte[]> story = get("/v1/articles/" + id);
                assertThat(story.statusCode()).isEqualTo(200);
                JsonNode picture = picture(json.readTree(story.body()));
                assertThat(description(picture, "caption")).isEqualTo(text.caption());
                assertThat(description(picture, "alttext")).isEqualTo(text.altText());
                assertThat(picture.path("renditions"))
                        .hasSize(mediaProperties.renditions().size());

                if (pictures.add(item.id().toString())) {
                    for (JsonNode rendition : picture.path("renditions")) {
                        URI href = URI.create(rendition.path("href").asString());
                        HttpResponse<byte[]> bytes = get(href.getRawPath() + "?" + href.getRawQuery());
                        assertThat(bytes.statusCode()).as(href.toString()).isEqualTo(200);
                        assertThat(bytes.headers().firstValue("Content-Type")).hasValue("image/jpeg");
                        BufferedImage image = TestPictures.read(bytes.body());
                        assertThat(image.getWidth())
                                .isEqualTo(rendition.path("width").asInt());
                        assertThat(image.getHeight())
                                .isEqualTo(rendition.path("height").asInt());
                        // A drawn scene, not a flat placeholder.
                        assertThat(colours(image)).as(href.toString()).isGreaterThan(200);
                    }
                }
            }
        }
        // Each language's own story has its own picture; the translated story shares one.
        assertThat(pictures).hasSize(5);
    }

    private static void assertInLanguage(LanguageTag language, String text) {
        switch (language.primary()) {
            case "ar" -> assertThat(text).containsPattern(ARABIC_SCRIPT).doesNotContainPattern(SORANI_LETTERS);
            case "ckb" -> assertThat(text).containsPattern(SORANI_LETTERS);
            case "tr" -> assertThat(text).doesNotContainPattern(ARABIC_SCRIPT).containsPattern(TURKISH_LETTERS);
            default -> assertThat(text).doesNotContainPattern(ARABIC_SCRIPT).doesNotContainPattern(TURKISH_LETTERS);
        }
    }

    private static JsonNode picture(JsonNode ninjs) {
        for (JsonNode association : ninjs.path("associations")) {
            if (association.path("type").asString().equals("picture")) {
                return association;
            }
        }
        throw new AssertionError("no picture association in " + ninjs);
    }

    private static String description(JsonNode picture, String role) {
        for (JsonNode d : picture.path("descriptions")) {
            if (d.path("role").asString().equals(role)) {
                return d.path("value").asString();
            }
        }
        return null;
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
