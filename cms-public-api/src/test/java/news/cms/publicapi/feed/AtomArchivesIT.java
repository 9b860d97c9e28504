package news.cms.publicapi.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.publicapi.Api;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code /v1/feed.atom} as a feed reader walks it (docs/adr/0030): RFC 5005 archive pages three
 * stories long, followed by their {@code next} / {@code prev-archive} links, reach every live story
 * once; {@code ?lang=ar} holds Arabic stories only; a kill is an RFC 6721 deleted entry on the
 * subscription document; entries link to the public site's page; bad parameters are 400 problems.
 */
@CmsIntegrationTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "cms.public-api.latest=3",
            "cms.public-api.page-url-template=https://haber.example.net/{lang}/story/{id}"
        })
class AtomArchivesIT {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String FH = "http://purl.org/syndication/history/1.0";
    static final String TOMBSTONES = "http://purl.org/atompub/tombstones/1.0";
    static final String XML = "http://www.w3.org/XML/1998/namespace";

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    JdbcClient jdbc;

    @Value("${cms.public-api.cursor-secret}")
    String cursorSecret;

    @Test
    void archiveLinksWalkEveryLiveStoryOnceAndALanguageFeedHoldsOnlyThatLanguage() throws Exception {
        List<Article> arabic = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            arabic.add(publish(LanguageTag.ARABIC, "أخبار الموصل رقم " + i, "نص الخبر رقم " + i + "."));
            publish(LanguageTag.TURKISH, "Van'dan haber " + i, "Haberin metni " + i + ".");
            publish(LanguageTag.SORANI, "هەواڵی هەولێر ژمارە " + i, "دەقی هەواڵ " + i + ".");
        }
        publish(LanguageTag.ENGLISH, "Erbil's citadel reopens to visitors", "The gates opened at nine.");

        List<Document> pages = walk("/v1/feed.atom");
        assertThat(pages.size()).as("13+ stories, three a page").isGreaterThanOrEqualTo(5);
        List<String> ids = entryIds(pages);
        assertThat(new HashSet<>(ids)).as("no story twice").hasSize(ids.size());
        assertThat(ids).as("every live story, none skipped").containsExactlyInAnyOrderElementsOf(liveUris(null));

        Element current = pages.getFirst().getDocumentElement();
        assertThat(current.getElementsByTagNameNS(FH, "archive").getLength())
                .as("the subscription document is not an archive")
                .isZero();
        for (Document archive : pages.subList(1, pages.size())) {
            Element feed = archive.getDocumentElement();
            assertThat(feed.getElementsByTagNameNS(FH, "archive").getLength()).isOne();
            assertThat(path(link(feed, "current"))).isEqualTo("/v1/feed.atom");
            assertThat(link(feed, "self")).contains("before=");
            assertThat(feed.getElementsByTagNameNS(TOMBSTONES, "deleted-entry").getLength())
                    .as("tombstones are on the subscription document only")
                    .isZero();
        }
        assertThat(link(pages.getLast().getDocumentElement(), "next"))
                .as("the oldest page links nothing older")
                .isNull();

        List<Document> arabicPages = walk("/v1/feed.atom?lang=ar");
        List<String> arabicIds = entryIds(arabicPages);
        assertThat(arabicIds).containsExactlyInAnyOrderElementsOf(liveUris("ar"));
        assertThat(arabicIds)
                .containsAll(arabic.stream().map(AtomArchivesIT::uri).toList());
        for (Document page : arabicPages) {
            Element feed = page.getDocumentElement();
            assertThat(feed.getAttributeNS(XML, "lang")).isEqualTo("ar");
            NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
            for (int i = 0; i < entries.getLength(); i++) {
                Element entry = (Element) entries.item(i);
                assertThat(entry.getAttributeNS(XML, "lang")).isEqualTo("ar");
                Element title =
                        (Element) entry.getElementsByTagNameNS(ATOM, "title").item(0);
                assertThat(title.getAttribute("type"))
                        .as("a right-to-left headline")
                        .isEqualTo("xhtml");
            }
            String next = link(feed, "next");
            if (next != null) {
                assertThat(next).contains("lang=ar");
                assertThat(link(feed, "prev-archive")).isEqualTo(next);
            }
        }

        // Entries lead readers to the public site's page (page-url-template), never to the keyed API.
        Article first = arabic.getFirst();
        Element entry = entryOf(arabicPages, uri(first));
        assertThat(alternate(entry)).isEqualTo("https://haber.example.net/ar/story/" + first.id());
    }

    @Test
    void aKilledStoryIsADeletedEntryOfItsLanguageAndLeavesTheEntries() throws Exception {
        Article killed = publish(LanguageTag.ARABIC, "خبر سحب لاحقا", "نص لن يبقى منشورا.");
        Article kept = publish(LanguageTag.TURKISH, "Kalan haber", "Bu haber yayında kalır.");
        Newsroom.asEditor(() -> articles.kill(killed.id(), killed.version(), "المصدر تراجع عن روايته"));

        for (String path : List.of("/v1/feed.atom", "/v1/feed.atom?lang=ar")) {
            Element feed = fetch(path).getDocumentElement();
            Element tombstone = deletedEntry(feed, uri(killed));
            assertThat(tombstone).as(path).isNotNull();
            assertThat(tombstone.getAttribute("when")).isNotBlank();
            Element comment = (Element)
                    tombstone.getElementsByTagNameNS(TOMBSTONES, "comment").item(0);
            assertThat(comment.getAttributeNS(XML, "lang")).isEqualTo("ar");
            assertThat(comment.getTextContent()).contains("المصدر تراجع عن روايته");
            assertThat(entryIds(List.of(feed.getOwnerDocument()))).doesNotContain(uri(killed));
        }
        assertThat(entryIds(walk("/v1/feed.atom")))
                .as("on no archive page either")
                .doesNotContain(uri(killed));
        Element turkish = fetch("/v1/feed.atom?lang=tr").getDocumentElement();
        assertThat(deletedEntry(turkish, uri(killed)))
                .as("an Arabic kill is not a Turkish feed's business")
                .isNull();
        assertThat(entryIds(List.of(turkish.getOwnerDocument()))).contains(uri(kept));
    }

    @Test
    void badParametersAreProblems() throws Exception {
        Api api = new Api(port);
        Api.assertProblem(api.get("/v1/feed.atom?lang=xx-invalid"), 400, "invalid-parameter");
        Api.assertProblem(api.get("/v1/feed.atom?lang=ar,ckb"), 400, "invalid-parameter");
        Api.assertProblem(api.get("/v1/feed.atom?lang=%20"), 400, "invalid-parameter");
        Api.assertProblem(api.get("/v1/feed.atom?before=garbage"), 400, "invalid-cursor");
        // A change-feed cursor is signed with the same secret but is no archive position.
        String feedCursor = new FeedCursor(cursorSecret).encode(5);
        HttpResponse<String> other = api.get("/v1/feed.atom?before=" + feedCursor);
        assertThat(other.statusCode()).as(other.body()).isEqualTo(400);
        // A real archive token with one character changed.
        publish(LanguageTag.SORANI, "باران لە سلێمانی", "باران بارى.");
        for (int i = 0; i < 3; i++) {
            publish(LanguageTag.ENGLISH, "Rain in Sulaymaniyah " + i, "It rained.");
        }
        String next = link(fetch("/v1/feed.atom").getDocumentElement(), "next");
        assertThat(next).isNotNull();
        String token = next.substring(next.indexOf("before=") + "before=".length());
        // Mid-token, where every bit of a base64 character counts (the last may carry padding bits only).
        int mid = token.length() / 2;
        String tampered = token.substring(0, mid) + (token.charAt(mid) == 'A' ? 'B' : 'A') + token.substring(mid + 1);
        Api.assertProblem(api.get("/v1/feed.atom?before=" + tampered), 400, "invalid-cursor");
        assertThat(api.get("/v1/feed.atom?before=" + token).statusCode()).isEqualTo(200);
    }

    /** Every page from {@code path} on, following {@code next} links, each checked against its {@code prev-archive}. */
    private List<Document> walk(String path) throws Exception {
        List<Document> pages = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String next = path;
        while (next != null) {
            assertThat(seen.add(next)).as("a loop at " + next).isTrue();
            Document page = fetch(next);
            pages.add(page);
            Element feed = page.getDocumentElement();
            String older = link(feed, "next");
            assertThat(link(feed, "prev-archive")).isEqualTo(older);
            next = older == null ? null : path(older);
            assertThat(pages).as("the walk ends").hasSizeLessThan(500);
        }
        return pages;
    }

    private Document fetch(String path) throws Exception {
        HttpResponse<String> r = new Api(port).get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/atom+xml"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> entryIds(List<Document> pages) {
        List<String> ids = new ArrayList<>();
        for (Document page : pages) {
            NodeList entries = page.getDocumentElement().getElementsByTagNameNS(ATOM, "entry");
            for (int i = 0; i < entries.getLength(); i++) {
                ids.add(((Element) entries.item(i))
                        .getElementsByTagNameNS(ATOM, "id")
                        .item(0)
                        .getTextContent());
            }
        }
        return ids;
    }

    private static List<String> entryIds(Document page) {
        return entryIds(List.of(page));
    }

    private static Element entryOf(List<Document> pages, String id) {
        for (Document page : pages) {
            NodeList entries = page.getDocumentElement().getElementsByTagNameNS(ATOM, "entry");
            for (int i = 0; i < entries.getLength(); i++) {
                Element e = (Element) entries.item(i);
                if (e.getElementsByTagNameNS(ATOM, "id")
                        .item(0)
                        .getTextContent()
                        .equals(id)) {
                    return e;
                }
            }
        }
        throw new AssertionError("no entry " + id);
    }

    private static @Nullable Element deletedEntry(Element feed, String ref) {
        NodeList deleted = feed.getElementsByTagNameNS(TOMBSTONES, "deleted-entry");
        for (int i = 0; i < deleted.getLength(); i++) {
            Element d = (Element) deleted.item(i);
            if (d.getAttribute("ref").equals(ref)) {
                return d;
            }
        }
        return null;
    }

    /** The feed's own link with this rel (not an entry's), or null. */
    private static @Nullable String link(Element feed, String rel) {
        NodeList children = feed.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e
                    && ATOM.equals(e.getNamespaceURI())
                    && e.getLocalName().equals("link")
                    && e.getAttribute("rel").equals(rel)) {
                return e.getAttribute("href");
            }
        }
        return null;
    }

    /** The entry's own alternate link (no hreflang: not a translation's). */
    private static String alternate(Element entry) {
        NodeList links = entry.getElementsByTagNameNS(ATOM, "link");
        for (int i = 0; i < links.getLength(); i++) {
            Element l = (Element) links.item(i);
            if (l.getAttribute("rel").equals("alternate") && !l.hasAttribute("hreflang")) {
                return l.getAttribute("href");
            }
        }
        throw new AssertionError("no alternate link");
    }

    /** The path and query of a link, to follow it on this test's port. */
    private static String path(String href) {
        URI u = URI.create(href);
        return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    private List<String> liveUris(@Nullable String language) {
        return jdbc
                .sql("select id from article where state = 'PUBLISHED'"
                        + " and (embargo_until is null or embargo_until <= now())"
                        + (language == null ? "" : " and language = :lang"))
                .params(language == null ? java.util.Map.of() : java.util.Map.of("lang", language))
                .query(java.util.UUID.class)
                .list()
                .stream()
                .map(id -> "urn:newsroom-cms:article:" + id)
                .toList();
    }

    private Article publish(LanguageTag language, String headline, String body) {
        return Newsroom.publishedStory(articles, Newsroom.story(language, headline, body, place(language)));
    }

    private static String place(LanguageTag language) {
        return switch (language.value()) {
            case "ar" -> "الموصل";
            case "ckb" -> "هەولێر";
            case "tr" -> "Van";
            default -> "Erbil";
        };
    }

    private static String uri(Article a) {
        return "urn:newsroom-cms:article:" + a.id();
    }
}
