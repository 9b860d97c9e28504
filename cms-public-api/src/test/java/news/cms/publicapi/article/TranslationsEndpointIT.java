package news.cms.publicapi.article;

import static news.cms.testsupport.Newsroom.asEditor;
import static news.cms.testsupport.Newsroom.asReporter;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.translation.TranslationService;
import news.cms.publicapi.Api;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A story's published translations over real HTTP: the translations route and the ninjs
 * associations list the same live siblings, valid in 2.2 and 3.1, and follow publishes at once.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TranslationsEndpointIT {

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    TranslationService translations;

    @Test
    void publishedSiblingsAreListedAndADraftTranslationIsNot() throws Exception {
        Api api = new Api(port);
        Article turkish = Newsroom.publishedStory(
                articles,
                Newsroom.story(
                        LanguageTag.TURKISH, "Van Gölü kıyısında yeni sahil yolu", "Yol cumartesi açılıyor.", "Van"));
        Article arabic = publish(translated(turkish, LanguageTag.ARABIC, "طريق ساحلي جديد على بحيرة وان"));
        Article sorani = asReporter(() -> translations.translate(turkish.id(), "ckb")); // a draft: not listed

        JsonNode list = Api.JSON.readTree(
                api.get("/v1/articles/" + turkish.id() + "/translations").body());
        assertThat(list.path("translations").findValuesAsString("language")).containsExactly("ar");
        assertThat(list.path("translations").get(0).path("headline").asString())
                .isEqualTo("طريق ساحلي جديد على بحيرة وان");
        assertThat(list.path("translations").get(0).path("rel").asString()).isEqualTo("alternate");
        assertThat(list.path("translations").get(0).path("href").asString()).isEqualTo("/v1/articles/" + arabic.id());

        HttpResponse<String> v31 = api.get("/v1/articles/" + arabic.id() + "?ninjs=3.1");
        assertThat(NinjsSchemas.errors(NinjsVersion.V3_1, v31.body())).isEmpty();
        JsonNode associations = Api.JSON.readTree(v31.body()).path("associations");
        assertThat(associations.findValuesAsString("uri")).containsExactly("urn:newsroom-cms:article:" + turkish.id());
        assertThat(associations.findValuesAsString("rel")).containsExactly("alternate");
        HttpResponse<String> v22 = api.get("/v1/articles/" + arabic.id());
        assertThat(NinjsSchemas.errors(NinjsVersion.V2_2, v22.body())).isEmpty();
        assertThat(Api.JSON.readTree(v22.body()).path("associations").findValuesAsString("language"))
                .containsExactly("tr");

        // The cached Turkish item learns of its Sorani sibling when that one is published.
        String etag = api.get("/v1/articles/" + turkish.id())
                .headers()
                .firstValue("ETag")
                .orElseThrow();
        publish(asReporter(() -> articles.save(
                sorani.id(),
                sorani.version(),
                content(sorani, LanguageTag.SORANI, "ڕێگای کەناری نوێ لە دەوروبەری دەریاچەی وان"))));
        HttpResponse<String> after = api.get("/v1/articles/" + turkish.id(), "If-None-Match", etag);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(Api.JSON.readTree(after.body()).path("associations").findValuesAsString("language"))
                .containsExactly("ar", "ckb");

        // Atom: the Turkish entry links its siblings as alternates with hreflang.
        var doc = javax.xml.parsers.DocumentBuilderFactory.newNSInstance()
                .newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(
                        api.get("/v1/feed.atom").body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        var entries = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        java.util.Map<String, String> hreflangs = new java.util.TreeMap<>();
        for (int i = 0; i < entries.getLength(); i++) {
            var entry = (org.w3c.dom.Element) entries.item(i);
            if (!entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "id")
                    .item(0)
                    .getTextContent()
                    .equals("urn:newsroom-cms:article:" + turkish.id())) {
                continue;
            }
            var links = entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link");
            for (int j = 0; j < links.getLength(); j++) {
                var link = (org.w3c.dom.Element) links.item(j);
                if (link.hasAttribute("hreflang")) {
                    assertThat(link.getAttribute("rel")).isEqualTo("alternate");
                    hreflangs.put(link.getAttribute("hreflang"), link.getAttribute("href"));
                }
            }
        }
        assertThat(hreflangs.keySet()).containsExactly("ar", "ckb");
        // Atom links readers to the public site's page of each version (cms.public-api.page-url-template).
        assertThat(hreflangs.get("ar"))
                .isEqualTo("https://news.example.org/ar/"
                        + org.springframework.web.util.UriUtils.encodePathSegment(
                                arabic.slug().value(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void theRouteAnswersLikeTheArticle() throws Exception {
        Api api = new Api(port);
        Article english = Newsroom.publishedStory(
                articles,
                Newsroom.story(LanguageTag.ENGLISH, "Ferry timetable changes", "Two more crossings.", "Hull"));
        Article withdrawn = asEditor(() -> articles.unpublish(english.id(), english.version()));

        Api.assertProblem(api.get("/v1/articles/" + withdrawn.id() + "/translations"), 404, "article-not-found");
        Api.assertProblem(api.get("/v1/articles/" + "ABC" + "/translations"), 400, "invalid-article-id");
        HttpResponse<String> none = api.get("/v1/articles/"
                + Newsroom.publishedStory(
                                articles,
                                Newsroom.story(LanguageTag.SORANI, "خشتەی کەشتی گۆڕا", "دوو گەشتی زیاتر.", "هەولێر"))
                        .id()
                + "/translations");
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(Api.JSON.readTree(none.body()).path("translations").isEmpty())
                .isTrue();
        assertThat(none.headers().firstValue("ETag")).isPresent();
    }

    private Article translated(Article source, LanguageTag language, String headline) {
        Article draft = asReporter(() -> translations.translate(source.id(), language.value()));
        return asReporter(() -> articles.save(draft.id(), draft.version(), content(draft, language, headline)));
    }

    private Article publish(Article draft) {
        Article submitted = asReporter(() -> articles.submit(draft.id(), draft.version()));
        Article approved = asEditor(() -> articles.approve(submitted.id(), submitted.version()));
        return asEditor(() -> articles.publish(approved.id(), approved.version()));
    }

    private static ArticleContent content(Article a, LanguageTag language, String headline) {
        ArticleContent c = a.content();
        return new ArticleContent(
                language,
                c.section(),
                headline,
                c.standfirst(),
                headline + ".",
                c.bylines(),
                c.dateline(),
                c.tags(),
                c.directions());
    }
}
