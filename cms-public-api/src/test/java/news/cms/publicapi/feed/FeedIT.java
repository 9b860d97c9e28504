package news.cms.publicapi.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import javax.xml.parsers.DocumentBuilderFactory;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleService;
import news.cms.core.feed.internal.EmbargoLifts;
import news.cms.core.language.LanguageTag;
import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.core.partnerkey.PartnerScope;
import news.cms.publicapi.Api;
import news.cms.publicapi.article.NinjsSchemas;
import news.cms.publicapi.article.NinjsVersion;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /v1/feed}, {@code /v1/feed.atom} and {@code /v1/feed.json} on real PostgreSQL and search.
 * Tests share the class's data, so each reads the feed from the position where it started.
 */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FeedIT {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final String PROBLEMS = "https://cms.example/problems/";
    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PartnerKeyService keys;

    @Autowired
    EmbargoLifts lifts;

    private String key;

    @Test
    void everyPublicChangeIsAnEntryInOrderAndAKillCarriesNoText() throws Exception {
        String start = head();
        Article published = Newsroom.publishedStory(
                articles, story(LanguageTag.ENGLISH, "Ferry service resumes on the lake", "The first ferry left."));
        Article updated = Newsroom.asEditor(() -> articles.update(
                published.id(),
                published.version(),
                story(LanguageTag.ENGLISH, "Ferry service resumes on the lake", "Two ferries have left.")));
        Article corrected = Newsroom.asEditor(() -> articles.correct(
                updated.id(),
                updated.version(),
                story(LanguageTag.ENGLISH, "Ferry service resumes on the lake", "Three ferries have left."),
                "An earlier version gave the wrong number of ferries."));
        Article unpublished = Newsroom.asEditor(() -> articles.unpublish(corrected.id(), corrected.version()));
        Newsroom.asEditor(() -> articles.kill(unpublished.id(), unpublished.version(), "The ferry company denied it"));

        Polled all = pollAll(start, 50);
        List<JsonNode> mine = all.entries().stream()
                .filter(e -> e.path("uri").asString().endsWith(published.id().toString()))
                .toList();
        assertThat(mine)
                .extracting(e -> e.path("action").asString())
                .containsExactly("publish", "update", "correct", "unpublish", "kill");
        assertThat(mine).extracting(e -> e.path("version").asInt()).containsExactly(1, 2, 3, 3, 3);
        assertThat(mine).allSatisfy(e -> {
            assertThat(e.path("language").asString()).isEqualTo("en");
            assertThat(Instant.parse(e.path("time").asString())).isBeforeOrEqualTo(Instant.now());
            assertThat(e.path("item").path("version").asString())
                    .as("the item is the version the entry announces")
                    .isEqualTo(e.path("version").asString());
            assertThat(e.path("item").path("representationtype").asString())
                    .as("the story is killed now, so no entry shows its text")
                    .isEqualTo("partial");
            assertThat(e.path("item").has("bodies")).isFalse();
        });
        assertThat(mine)
                .extracting(e -> e.path("item").path("pubstatus").asString())
                .containsExactly("usable", "usable", "usable", "withheld", "canceled");
        JsonNode kill = mine.getLast();
        assertThat(kill.path("killNotice").asString()).isEqualTo("The ferry company denied it");
        assertThat(kill.path("item").path("ednote").asString()).isEqualTo("Kill: The ferry company denied it");
        assertThat(kill.toString()).doesNotContain("ferries have left", "first ferry");
        assertThat(all.entries()).extracting(e -> e.path("sequence").asLong()).isSorted();
    }

    @Test
    void liveEntriesCarryTheStoryAndAnEmbargoOnALiveStoryIsAnEntryWithoutIt() throws Exception {
        String start = head();
        Article live = Newsroom.publishedStory(
                articles,
                story(LanguageTag.SORANI, "پردی نوێ لە سلێمانی کرایەوە", "پردەکە دوو ساڵ دروستکردنی خایاند."));
        Polled afterPublish = pollAll(start, 50);
        JsonNode entry = afterPublish.entries().getFirst();
        assertThat(entry.path("action").asString()).isEqualTo("publish");
        assertThat(entry.path("item").path("uri").asString())
                .isEqualTo(entry.path("uri").asString());
        assertThat(entry.path("item").path("language").asString()).isEqualTo("ckb");
        assertThat(entry.path("item").path("headlines").get(0).path("value").asString())
                .isEqualTo("پردی نوێ لە سلێمانی کرایەوە");
        JsonNode v31 = json.readTree(get("/v1/feed?ninjs=3.1&cursor=" + start).body());
        assertThat(v31.path("entries")
                        .get(0)
                        .path("item")
                        .path("standard")
                        .path("version")
                        .asString())
                .isEqualTo("3.1");
        assertThat(get("/v1/feed?ninjs=9.9").statusCode()).isEqualTo(400);

        Newsroom.asEditor(
                () -> articles.embargo(live.id(), live.version(), Instant.now().plus(Duration.ofHours(3))));
        Polled afterEmbargo = pollAll(afterPublish.next(), 50);
        assertThat(afterEmbargo.entries()).singleElement().satisfies(e -> {
            assertThat(e.path("action").asString()).isEqualTo("embargo");
            assertThat(e.path("item").path("embargoed").asString()).isNotEmpty();
            assertThat(e.path("item").has("bodies"))
                    .as("held back from readers until the embargo passes")
                    .isFalse();
        });
    }

    /**
     * Every kind of entry, in every language we publish in, validates against the official ninjs
     * 2.2 and 3.1 schemas, and each carries the version it announces, not the story's current one.
     */
    @Test
    void everyEntryIsValidNinjsOfTheVersionItAnnounces() throws Exception {
        String start = head();
        Article ar = Newsroom.publishedStory(
                articles, story(LanguageTag.ARABIC, "افتتاح جسر جديد فوق دجلة", "عبرت أول سيارة الجسر صباحاً."));
        Article arUpdated = Newsroom.asEditor(() -> articles.update(
                ar.id(),
                ar.version(),
                story(LanguageTag.ARABIC, "افتتاح جسر جديد فوق دجلة", "عبرت مئة سيارة الجسر حتى الظهر.")));
        Article arCorrected = Newsroom.asEditor(() -> articles.correct(
                arUpdated.id(),
                arUpdated.version(),
                story(LanguageTag.ARABIC, "افتتاح جسر جديد فوق دجلة", "عبرت مئتا سيارة الجسر حتى الظهر."),
                "ذكرت نسخة سابقة عدداً خاطئاً من السيارات."));
        Article ckb = Newsroom.publishedStory(
                articles, story(LanguageTag.SORANI, "قوتابخانەیەکی نوێ لە هەولێر", "قوتابیان ئەمڕۆ گەیشتن."));
        Article ckbUnpublished = Newsroom.asEditor(() -> articles.unpublish(ckb.id(), ckb.version()));
        Newsroom.asEditor(
                () -> articles.kill(ckbUnpublished.id(), ckbUnpublished.version(), "سەرچاوەکە پشتڕاست نەکرایەوە"));
        Article tr = Newsroom.publishedStory(
                articles, story(LanguageTag.TURKISH, "Ankara'da yeni metro hattı açıldı", "İlk sefer sabah yapıldı."));
        Instant release = Instant.now().plusSeconds(1);
        Newsroom.asEditor(() -> articles.embargo(tr.id(), tr.version(), release));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            lifts.recordAllDue();
            return pollAll(start, 50).entries().stream()
                    .anyMatch(e -> e.path("action").asString().equals("embargo-lifted")
                            && e.path("uri").asString().equals(uri(tr)));
        });

        for (String ninjs : List.of("2.2", "3.1")) {
            NinjsVersion version = NinjsVersion.of(ninjs);
            String representation = version == NinjsVersion.V2_2 ? "representationtype" : "representationType";
            String pubstatus = version == NinjsVersion.V2_2 ? "pubstatus" : "pubStatus";
            String versionCreated = version == NinjsVersion.V2_2 ? "versioncreated" : "versionCreated";
            Polled all = pollAll(start, 4, "&ninjs=" + ninjs);
            assertThat(all.entries())
                    .extracting(e -> e.path("action").asString())
                    .contains("publish", "update", "correct", "unpublish", "kill", "embargo", "embargo-lifted");
            assertThat(all.entries()).allSatisfy(e -> {
                assertThat(NinjsSchemas.errors(version, e.path("item").toString()))
                        .as("%s entry %s in ninjs %s", e.path("action"), e.path("sequence"), ninjs)
                        .isEmpty();
                assertThat(e.path("item").path("uri").asString())
                        .isEqualTo(e.path("uri").asString());
                assertThat(e.path("item").path("version").asString())
                        .isEqualTo(e.path("version").asString());
                assertThat(e.path("item").path("language").asString())
                        .isEqualTo(e.path("language").asString());
            });
            List<JsonNode> arabic = entriesOf(all, ar);
            assertThat(arabic)
                    .extracting(e -> e.path("item").path(representation).asString())
                    .as("only the live version is shown in full; superseded texts are not served again")
                    .containsExactly("partial", "partial", "full");
            assertThat(arabic.getLast().path("item").toString())
                    .contains("مئتا سيارة")
                    .doesNotContain("مئة سيارة");
            assertThat(arabic.getLast().path("item").path("version").asString())
                    .isEqualTo(Integer.toString(arCorrected.publicVersion()));
            assertThat(entriesOf(all, ckb))
                    .extracting(e -> e.path("item").path(pubstatus).asString())
                    .containsExactly("usable", "withheld", "canceled");
            JsonNode lifted = entriesOf(all, tr).getLast();
            assertThat(lifted.path("action").asString()).isEqualTo("embargo-lifted");
            assertThat(lifted.path("item").path(representation).asString()).isEqualTo("full");
            assertThat(lifted.path("item").has("embargoed"))
                    .as("the embargo is over")
                    .isFalse();
            assertThat(Instant.parse(lifted.path("item").path(versionCreated).asString()))
                    .as("the version reached the public at its release")
                    .isAfterOrEqualTo(release.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        }
    }

    /** A new partner starts at the head with {@code cursor=now}, or at a time with {@code since}. */
    @Test
    void aNewPartnerStartsNowOrAtATime() throws Exception {
        Article before = Newsroom.publishedStory(
                articles, story(LanguageTag.TURKISH, "İzmir'de liman genişletildi", "Yeni rıhtım açıldı."));
        long headBefore = lastSequence();
        Polled fromNow = pollAll(NOW_CURSOR, 50);
        assertThat(fromNow.entries()).as("nothing from before now").isEmpty();
        Instant between = Instant.now();
        Article after =
                Newsroom.publishedStory(articles, story(LanguageTag.ARABIC, "توسيع ميناء البصرة", "افتتح رصيف جديد."));

        Polled continued = pollAll(fromNow.next(), 50);
        assertThat(continued.entries())
                .extracting(e -> e.path("uri").asString())
                .containsExactly(uri(after));
        assertThat(continued.entries().getFirst().path("sequence").asLong()).isEqualTo(headBefore + 1);

        HttpResponse<String> since = get("/v1/feed?since=" + between);
        assertThat(since.statusCode()).isEqualTo(200);
        JsonNode page = json.readTree(since.body());
        assertThat(page.path("entries").get(0).path("uri").asString())
                .as("the first change at or after the time, nothing before it")
                .isEqualTo(uri(after));
        assertThat(page.path("entries").toString()).doesNotContain(uri(before));
        HttpResponse<String> sinceOffset = get("/v1/feed?since="
                + between.atOffset(java.time.ZoneOffset.ofHours(3)).toString().replace("+", "%2B"));
        assertThat(json.readTree(sinceOffset.body()).path("entries").get(0).path("sequence"))
                .isEqualTo(page.path("entries").get(0).path("sequence"));

        for (String bad : List.of("yesterday", "2026-12-05", "2026-12-05T08:00:00", "2026-13-05T08:00:00Z")) {
            HttpResponse<String> r = get("/v1/feed?since=" + bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertProblem(r, "invalid-since");
        }
        HttpResponse<String> both = get("/v1/feed?since=" + between + "&cursor=" + fromNow.next());
        assertThat(both.statusCode()).isEqualTo(400);
        assertProblem(both, "invalid-since");
        assertProblem(get("/v1/feed?cursor=NOW"), "invalid-cursor");
    }

    private static final String NOW_CURSOR = "now";

    /**
     * Filters by language (one or several, as BCP 47 tags) and section: paging a filtered walk gives
     * exactly the matching entries in the database, each once, in order.
     */
    @Test
    void filtersByLanguageAndSectionWithoutSkippingOrRepeating() throws Exception {
        String start = head();
        long before = lastSequence();
        LanguageTag[] languages = {LanguageTag.ENGLISH, LanguageTag.ARABIC, LanguageTag.SORANI, LanguageTag.TURKISH};
        String[] sections = {"sport", "economy"};
        for (int i = 0; i < 12; i++) {
            LanguageTag language = languages[i % 4];
            ArticleContent c = story(language, headline(language, 100 + i), "نص. Metin. Text. دەق.");
            Newsroom.publishedStory(
                    articles,
                    new ArticleContent(
                            c.language(),
                            sections[(i / 4) % 2],
                            c.headline(),
                            c.standfirst(),
                            c.body(),
                            c.bylines(),
                            c.dateline()));
        }
        assertThat(pollAll(start, 2, "&lang=ar").entries())
                .extracting(e -> e.path("sequence").asLong())
                .containsExactlyElementsOf(matching(before, List.of("ar"), null))
                .hasSize(3)
                .doesNotHaveDuplicates();
        Polled arCkbSport = pollAll(start, 1, "&lang=ar-IQ,ckb&section=sport");
        assertThat(arCkbSport.entries())
                .extracting(e -> e.path("sequence").asLong())
                .containsExactlyElementsOf(matching(before, List.of("ar", "ckb"), "sport"))
                .hasSize(4);
        assertThat(arCkbSport.entries())
                .extracting(e -> e.path("language").asString())
                .containsOnly("ar", "ckb");
        assertThat(pollAll(start, 3, "&lang=tr&lang=en&section=economy").entries())
                .extracting(e -> e.path("sequence").asLong())
                .containsExactlyElementsOf(matching(before, List.of("tr", "en"), "economy"))
                .hasSize(2);

        for (String bad :
                List.of("lang=ar;ckb", "lang=english!", "lang=a,b,c", "section=%20", "section=" + "x".repeat(101))) {
            HttpResponse<String> r = get("/v1/feed?" + bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertProblem(r, "invalid-parameter");
            assertThat(json.readTree(r.body()).path("parameter").asString())
                    .isEqualTo(bad.substring(0, bad.indexOf('=')));
        }
    }

    private List<Long> matching(long after, List<String> languages, String section) {
        return jdbc.sql("select f.sequence from feed_entry f join article a on a.id = f.article_id"
                        + " where f.sequence > ? and f.language = any(string_to_array(?, ','))"
                        + " and (cast(? as text) is null or a.section = ?) order by f.sequence")
                .params(after, String.join(",", languages), section, section)
                .query(Long.class)
                .list();
    }

    private static List<JsonNode> entriesOf(Polled polled, Article article) {
        return polled.entries().stream()
                .filter(e -> e.path("uri").asString().equals(uri(article)))
                .toList();
    }

    @Test
    void pagingWithTheCursorReturnsEachEntryExactlyOnce() throws Exception {
        String start = head();
        long before = lastSequence();
        LanguageTag[] languages = {LanguageTag.ARABIC, LanguageTag.SORANI, LanguageTag.TURKISH, LanguageTag.ENGLISH};
        for (int i = 0; i < 7; i++) {
            Newsroom.publishedStory(
                    articles, story(languages[i % 4], headline(languages[i % 4], i), "نص. Metin. Text."));
        }
        Polled paged = pollAll(start, 3);
        assertThat(paged.pages()).isGreaterThanOrEqualTo(3);
        assertThat(paged.entries())
                .extracting(e -> e.path("sequence").asLong())
                .containsExactlyElementsOf(sequencesAfter(before))
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(before + 1, before + 7).boxed().toList());

        HttpResponse<String> empty = get("/v1/feed?cursor=" + paged.next());
        assertThat(empty.statusCode()).isEqualTo(200);
        JsonNode page = json.readTree(empty.body());
        assertThat(page.path("entries").size()).isZero();
        assertThat(page.path("next").asString())
                .as("an empty page keeps the position")
                .isEqualTo(paged.next());
        assertThat(page.path("limit").asInt()).isEqualTo(FeedController.DEFAULT_LIMIT);
    }

    @Test
    void forgedCursorsAndLimitsOutOfRangeAreProblems() throws Exception {
        String cursor = head();
        // The first character: every bit of it counts (the last base64 character may hold padding bits).
        char first = cursor.charAt(0);
        String tampered = (first == 'A' ? 'B' : 'A') + cursor.substring(1);
        String foreign = new FeedCursor("somebody else's secret, long enough to pass").encode(1);
        for (String bad : List.of(tampered, foreign, "not-a-cursor", "AAAA")) {
            HttpResponse<String> r = get("/v1/feed?cursor=" + bad);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertProblem(r, "invalid-cursor");
        }
        for (String limit : List.of("0", "201", "-1", "ten")) {
            HttpResponse<String> r = get("/v1/feed?limit=" + limit);
            assertThat(r.statusCode()).as(limit).isEqualTo(400);
            assertProblem(r, "invalid-limit");
        }
        assertThat(get("/v1/feed?limit=200").statusCode()).isEqualTo(200);
        assertThat(get("/v1/feed?limit=1").statusCode()).isEqualTo(200);
    }

    /**
     * The proof that matters: editors publish and update on several threads while a partner polls
     * with its last cursor; the partner ends up with exactly the entries in the database, in order,
     * with no gap and no repeat.
     */
    @Test
    void aPollerMissesNothingWhilePublishesRunConcurrently() throws Exception {
        String start = head();
        long before = lastSequence();
        int writers = 4;
        int storiesEach = 5;
        LanguageTag[] languages = {LanguageTag.ENGLISH, LanguageTag.ARABIC, LanguageTag.SORANI, LanguageTag.TURKISH};
        ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<Long> collected = new ConcurrentLinkedQueue<>();
        try {
            Future<Integer> poller = pool.submit(() -> {
                String cursor = start;
                int polls = 0;
                go.await();
                while (true) {
                    boolean finalRound = !writing.get(); // read before polling: one full poll after the writers end
                    Page page = pollAsPartnersDo(cursor, 4);
                    polls++;
                    page.entries().forEach(e -> collected.add(e.path("sequence").asLong()));
                    cursor = page.next();
                    if (finalRound && page.entries().isEmpty()) {
                        return polls;
                    }
                }
            });
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                LanguageTag language = languages[w];
                int writer = w;
                work.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < storiesEach; i++) {
                        String headline = headline(language, writer * 10 + i);
                        Article a = Newsroom.publishedStory(articles, story(language, headline, "..."));
                        Newsroom.asEditor(() -> articles.update(a.id(), a.version(), story(language, headline, "+")));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : work) {
                f.get(3, TimeUnit.MINUTES);
            }
            writing.set(false);
            assertThat(poller.get(1, TimeUnit.MINUTES)).isGreaterThan(1);
        } finally {
            pool.shutdownNow();
        }
        List<Long> inDatabase = sequencesAfter(before);
        assertThat(inDatabase).hasSize(writers * storiesEach * 2);
        assertThat(List.copyOf(collected))
                .as("the poller's sequence is the database's, without gaps or repeats")
                .containsExactlyElementsOf(inDatabase)
                .containsExactlyElementsOf(LongStream.rangeClosed(before + 1, before + inDatabase.size())
                        .boxed()
                        .toList());
    }

    @Test
    void atomHasOneEntryPerLiveStoryWithItsLanguage() throws Exception {
        Article ar = Newsroom.publishedStory(
                articles, story(LanguageTag.ARABIC, "افتتاح مكتبة في الموصل", "فتحت المكتبة أبوابها."));
        Article ckb = Newsroom.publishedStory(articles, story(LanguageTag.SORANI, "بەفر لە پێنجوێن", "بەفر بارى."));
        Article tr = Newsroom.publishedStory(
                articles, story(LanguageTag.TURKISH, "Kars'ta kar yağışı", "Kar yağdı & yollar kapandı."));
        Article killed =
                Newsroom.publishedStory(articles, story(LanguageTag.ENGLISH, "A story that was killed", "Secret."));
        Newsroom.asEditor(() -> articles.kill(killed.id(), killed.version(), "Not true"));

        HttpResponse<String> r = get("/v1/feed.atom");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/atom+xml"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
        Element feed = doc.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM_NS);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        for (String required : List.of("id", "title", "updated")) {
            assertThat(feed.getElementsByTagNameNS(ATOM_NS, required).getLength())
                    .as(required)
                    .isPositive();
        }
        NodeList entries = feed.getElementsByTagNameNS(ATOM_NS, "entry");
        assertThat(entries.getLength()).isEqualTo(liveStories());
        List<String> langs = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            Element e = (Element) entries.item(i);
            langs.add(e.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));
            ids.add(e.getElementsByTagNameNS(ATOM_NS, "id").item(0).getTextContent());
            assertThat(e.getElementsByTagNameNS(ATOM_NS, "updated").getLength()).isOne();
        }
        assertThat(langs).doesNotContain("");
        assertThat(ids).contains(uri(ar), uri(ckb), uri(tr)).doesNotContain(uri(killed));
        Element arabic = (Element) entries.item(ids.indexOf(uri(ar)));
        assertThat(arabic.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"))
                .isEqualTo("ar");
        assertThat(arabic.getElementsByTagNameNS(ATOM_NS, "content").item(0).getTextContent())
                .contains("dir=\"rtl\"", "فتحت المكتبة أبوابها.");
        Element turkish = (Element) entries.item(ids.indexOf(uri(tr)));
        assertThat(turkish.getElementsByTagNameNS(ATOM_NS, "content").item(0).getTextContent())
                .contains("yollar");
        assertThat(r.body()).doesNotContain("Secret.");
    }

    @Test
    void jsonFeedIsVersion11WithLanguages() throws Exception {
        Article ar =
                Newsroom.publishedStory(articles, story(LanguageTag.ARABIC, "أمطار في البصرة", "هطلت أمطار غزيرة."));
        Article embargoed =
                Newsroom.approvedStory(articles, story(LanguageTag.TURKISH, "Ambargolu haber", "Henüz değil."));
        Article held = Newsroom.asEditor(() -> articles.embargo(
                embargoed.id(), embargoed.version(), Instant.now().plus(Duration.ofDays(1))));
        Newsroom.asEditor(() -> articles.publish(held.id(), held.version()));

        HttpResponse<String> r = get("/v1/feed.json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/feed+json"));
        JsonNode feed = json.readTree(r.body());
        assertThat(feed.path("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.path("title").asString()).isNotBlank();
        assertThat(feed.path("home_page_url").asString()).startsWith("http");
        assertThat(feed.path("feed_url").asString()).endsWith("/v1/feed.json");
        assertThat(feed.path("items").size()).isEqualTo(liveStories());
        JsonNode item = null;
        for (JsonNode i : feed.path("items")) {
            assertThat(i.path("id").asString()).isNotEqualTo(uri(embargoed));
            if (i.path("id").asString().equals(uri(ar))) {
                item = i;
            }
        }
        assertThat(item).isNotNull();
        assertThat(item.path("language").asString()).isEqualTo("ar");
        assertThat(item.path("title").asString()).isEqualTo("أمطار في البصرة");
        assertThat(item.path("url").asString())
                .as("the public page from cms.public-api.page-url-template, not the keyed JSON API")
                .startsWith("https://news.example.org/ar/")
                .doesNotContain("/v1/");
        assertThat(feed.path("home_page_url").asString()).isEqualTo("https://news.example.org/");
        assertThat(item.path("content_html").asString()).contains("هطلت أمطار غزيرة.");
        assertThat(Instant.parse(item.path("date_published").asString())).isNotNull();
        assertThat(Instant.parse(item.path("date_modified").asString())).isNotNull();

        String etag = r.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = get("/v1/feed.json", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    record Page(List<JsonNode> entries, String next) {}

    record Polled(List<JsonNode> entries, String next, int pages) {}

    private Page poll(String cursor) throws Exception {
        return poll(cursor, 50);
    }

    private Page poll(String cursor, int limit) throws Exception {
        return poll(cursor, limit, "");
    }

    /** A page, with {@code query} (such as {@code &lang=ar}) added to the request. */
    private Page poll(String cursor, int limit, String query) throws Exception {
        return page(get("/v1/feed?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor) + query));
    }

    private Page page(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode page = json.readTree(r.body());
        List<JsonNode> entries = new ArrayList<>();
        page.path("entries").forEach(entries::add);
        return new Page(entries, page.path("next").asString());
    }

    /**
     * A page as a partner's poller gets it: a 503 (the database breaker open on a loaded machine)
     * is answered with its {@code Retry-After} and the same cursor, a few times at most; the walk's
     * guarantee must hold across such retries.
     */
    private Page pollAsPartnersDo(String cursor, int limit) throws Exception {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> r = get("/v1/feed?limit=" + limit + "&cursor=" + cursor);
            if (r.statusCode() == 503 && attempt < 5) {
                assertThat(r.headers().firstValue("Retry-After")).as(r.body()).isPresent();
                Thread.sleep(Duration.ofSeconds(
                        Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow())));
                continue;
            }
            return page(r);
        }
    }

    /** Polls page by page until a page comes back empty. */
    private Polled pollAll(String cursor, int limit) throws Exception {
        return pollAll(cursor, limit, "");
    }

    private Polled pollAll(String cursor, int limit, String query) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        int pages = 0;
        while (true) {
            Page page = poll(cursor, limit, query);
            pages++;
            all.addAll(page.entries());
            cursor = page.next();
            if (page.entries().isEmpty()) {
                return new Polled(all, cursor, pages);
            }
        }
    }

    /** The cursor after every entry there is now. */
    private String head() throws Exception {
        return pollAll(null, FeedController.MAX_LIMIT).next();
    }

    private long lastSequence() {
        return jdbc.sql("select coalesce(max(sequence), 0) from feed_entry")
                .query(Long.class)
                .single();
    }

    private List<Long> sequencesAfter(long sequence) {
        return jdbc.sql("select sequence from feed_entry where sequence > ? order by sequence")
                .param(sequence)
                .query(Long.class)
                .list();
    }

    private int liveStories() {
        return jdbc.sql("select count(*) from article where state = 'PUBLISHED'"
                        + " and (embargo_until is null or embargo_until <= now())")
                .query(Integer.class)
                .single();
    }

    private static String uri(Article a) {
        return "urn:newsroom-cms:article:" + a.id();
    }

    private static ArticleContent story(LanguageTag language, String headline, String body) {
        return Newsroom.story(
                language,
                headline,
                body,
                switch (language.value()) {
                    case "ar" -> "بغداد";
                    case "ckb" -> "هەولێر";
                    case "tr" -> "Ankara";
                    default -> "Erbil";
                });
    }

    private static String headline(LanguageTag language, int n) {
        return switch (language.value()) {
            case "ar" -> "خبر عاجل رقم " + n;
            case "ckb" -> "هەواڵی ژمارە " + n;
            case "tr" -> "Son dakika haberi " + n;
            default -> "Breaking story number " + n;
        };
    }

    /** As a partner with the feed scope: the change feed needs it, the others accept it. */
    private HttpResponse<String> get(String path, String... headers) throws Exception {
        if (key == null) {
            key = Api.partnerKey(keys, 100_000, PartnerScope.FEED);
        }
        String[] withKey = Arrays.copyOf(headers, headers.length + 2);
        withKey[headers.length] = "X-API-Key";
        withKey[headers.length + 1] = key;
        return new Api(port).get(path, withKey);
    }

    private static void assertProblem(HttpResponse<String> r, String type) throws Exception {
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json.readTree(r.body()).path("type").asString()).isEqualTo(PROBLEMS + type);
    }
}
