package news.cms.publicapi.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.note.Anchor;
import news.cms.core.note.NoteService;
import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.core.partnerkey.PartnerScope;
import news.cms.publicapi.Api;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Editorial notes stay in the newsroom: stories published with notes (on passages and on the whole
 * story, before and after publishing) serve no note text through any public endpoint, in any of
 * the four languages, and a search for a note's words finds nothing.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class NotesNeverPublicIT {

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    NoteService notes;

    @Autowired
    PartnerKeyService keys;

    /** A story and notes on it whose words appear nowhere in the story. */
    record Case(
            LanguageTag language, String headline, String body, String quote, List<String> notes, String searchable) {}

    static final List<Case> CASES = List.of(
            new Case(
                    LanguageTag.ENGLISH,
                    "Halabja orchard harvest doubles",
                    "Farmers picked pomegranates for a week.\n\nPrices at the market fell by a third.",
                    "fell by a third",
                    List.of("Zephyrquill: confirm the price drop with the chamber", "Zephyrquill lede needs a name"),
                    "pomegranates"),
            new Case(
                    LanguageTag.ARABIC,
                    "حصاد الرمان في حلبجة يتضاعف",
                    "قطف المزارعون الرمان طوال أسبوع.\n\nانخفضت الأسعار في السوق بمقدار الثلث.",
                    "بمقدار الثلث",
                    List.of("زنبقسري: تحقق من الرقم مع الغرفة التجارية", "زنبقسري العنوان طويل"),
                    "الرمان"),
            new Case(
                    LanguageTag.SORANI,
                    "دروێنەی هەنار لە هەڵەبجە دوو هێندە بوو",
                    "جووتیاران هەفتەیەک هەناریان چنی.\n\nنرخەکان لە بازاڕ سێیەکێک دابەزین.",
                    "سێیەکێک دابەزین",
                    List.of("گوڵپەڕەسوور: ئەم ژمارەیە لە ژووری بازرگانی بپرسە", "گوڵپەڕەسوور ناونیشان درێژە"),
                    "هەناریان"),
            new Case(
                    LanguageTag.TURKISH,
                    "Halepçe'de nar hasadı ikiye katlandı",
                    "Çiftçiler bir hafta boyunca nar topladı.\n\nPazardaki fiyatlar üçte bir düştü.",
                    "üçte bir düştü",
                    List.of("Mırıldakçıl: fiyat düşüşünü odayla teyit et", "Mırıldakçıl başlık uzun"),
                    "topladı"));

    @Test
    void noPublicSurfaceCarriesANotesText() throws Exception {
        String key = Api.partnerKey(keys, 100_000, PartnerScope.FEED);
        Api api = new Api(port);
        List<Article> published = new ArrayList<>();
        for (Case c : CASES) {
            Article approved =
                    Newsroom.approvedStory(articles, Newsroom.story(c.language(), c.headline(), c.body(), "Halabja"));
            Newsroom.as(
                    Newsroom.EDITOR,
                    () -> notes.add(approved.id(), c.notes().get(0), new Anchor(1, c.quote())),
                    Role.EDITOR);
            Article live = Newsroom.asEditor(() -> articles.publish(approved.id(), approved.version()));
            Newsroom.as(Newsroom.REPORTER, () -> notes.add(live.id(), c.notes().get(1), null), Role.REPORTER);
            published.add(live);
        }
        for (int i = 0; i < CASES.size(); i++) {
            String word = CASES.get(i).searchable();
            String id = published.get(i).id().toString();
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(
                                    api.get("/v1/search?q=" + encode(word)).body())
                            .contains(id));
        }

        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Article a : published) {
            responses.add(api.get("/v1/articles/" + a.id()));
            responses.add(api.get("/v1/articles/" + a.id() + "?ninjs=3.1"));
            responses.add(api.get("/v1/articles/" + a.id() + "/translations"));
        }
        responses.add(api.get("/v1/feed?limit=100", "X-API-Key", key));
        responses.add(api.get("/v1/feed.atom"));
        responses.add(api.get("/v1/feed.json"));
        for (Case c : CASES) {
            responses.add(api.get("/v1/search?q=" + encode(c.searchable())));
            for (String note : c.notes()) {
                String firstWord = note.split("[: ]")[0];
                HttpResponse<String> search = api.get("/v1/search?q=" + encode(firstWord));
                assertThat(search.statusCode()).as(firstWord).isEqualTo(200);
                for (Article a : published) {
                    assertThat(search.body()).as("a search for a note's word").doesNotContain(a.id().toString());
                }
            }
        }

        for (HttpResponse<String> r : responses) {
            assertThat(r.statusCode()).as(r.uri().toString()).isEqualTo(200);
            for (Case c : CASES) {
                for (String note : c.notes()) {
                    assertThat(r.body())
                            .as("%s carries no note text", r.uri())
                            .doesNotContain(note.split("[: ]")[0])
                            .doesNotContain(note.substring(note.indexOf(' ') + 1));
                }
            }
        }
        // The stories themselves are there: the check above looked at real content.
        assertThat(responses.get(0).body()).contains(CASES.get(0).headline());
        assertThat(responses.get(responses.size() - 1).statusCode()).isEqualTo(200);
    }

    private static String encode(String q) {
        return URLEncoder.encode(q, StandardCharsets.UTF_8);
    }
}
