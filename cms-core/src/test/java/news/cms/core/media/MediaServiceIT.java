package news.cms.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.language.Refusal;
import news.cms.core.workflow.ArticleState;
import news.cms.core.workflow.NotPermitted;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.DatabaseOwner;
import news.cms.testsupport.Newsroom;
import news.cms.testsupport.TestPictures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Upload to renditions through the outbox, on real PostgreSQL and the filesystem store; the
 * publishing rule for featured images; which renditions the public may fetch.
 */
@CmsIntegrationTest(properties = "cms.media.filesystem-root=target/media-it")
class MediaServiceIT {

    @Autowired
    MediaService media;

    @Autowired
    ArticleService articles;

    @Autowired
    MediaStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    Environment environment;

    @Test
    void anUploadGetsItsRenditionsAsynchronouslyWithoutExifOrGps() {
        MediaItem item = upload(MediaMother.lakeAtDawn());

        assertThat(item.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(item.width()).isEqualTo(1600);
        assertThat(item.height()).isEqualTo(900);
        assertThat(item.sha256()).hasSize(64);
        assertThat(store.get("originals/" + item.id() + "/original")).isPresent();
        MediaItem ready = awaitRenditions(item.id());
        assertThat(ready.text(LanguageTag.SORANI)).isEqualTo(MediaMother.SORANI);
        assertThat(ready.currentRenditions())
                .extracting(Rendition::name, Rendition::width, Rendition::height)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("thumbnail", 220, 124),
                        org.assertj.core.groups.Tuple.tuple("view", 640, 360),
                        org.assertj.core.groups.Tuple.tuple("wide", 1280, 720),
                        org.assertj.core.groups.Tuple.tuple("base", 1400, 788));
        for (Rendition r : ready.currentRenditions()) {
            byte[] bytes = store.get(r.storageKey()).orElseThrow();
            assertThat(bytes.length).isEqualTo(r.bytes());
            assertThat(r.contentType()).isEqualTo("image/jpeg");
            assertThat(TestPictures.hasApp1(bytes))
                    .as("no EXIF/GPS in " + r.name())
                    .isFalse();
            assertThat(TestPictures.read(bytes).getWidth()).isEqualTo(r.width());
        }
    }

    @Test
    void publishingIsRefusedUntilTheFeaturedImageSpeaksTheStorysLanguage() {
        MediaItem item = upload(MediaMother.englishOnly());
        awaitRenditions(item.id());
        Article approved = Newsroom.approvedStory(
                articles,
                Newsroom.story(
                        LanguageTag.SORANI, "ڕاوەماسی لە دووکان", "ڕاوچییەکان بەیانیان زوو دەچنە سەر ئاو.", "دووکان"));
        Newsroom.asEditor(() -> {
            media.setFeaturedImage(approved.id(), item.id());
            return approved;
        });

        assertThatThrownBy(() -> Newsroom.asEditor(() -> articles.publish(approved.id(), approved.version())))
                .isInstanceOf(FeaturedImageRefused.TextsMissing.class)
                .hasMessageContaining("caption and alt text in ckb")
                .satisfies(e -> {
                    Refusal r = (Refusal) e;
                    assertThat(r.code()).isEqualTo("media.featured-texts-missing");
                    assertThat(r.params())
                            .containsEntry("language", "ckb")
                            .containsEntry("missing", "caption,alt text");
                });
        assertThat(Newsroom.asEditor(() -> articles.find(approved.id()).orElseThrow())
                        .state())
                .isEqualTo(ArticleState.APPROVED);

        Newsroom.asEditor(() -> {
            media.describe(item.id(), LanguageTag.SORANI, new MediaText("بەلەمەکان", null, null));
            return approved;
        });
        assertThatThrownBy(() -> Newsroom.asEditor(() -> articles.publish(approved.id(), approved.version())))
                .isInstanceOf(FeaturedImageRefused.TextsMissing.class)
                .hasMessageContaining("alt text in ckb");

        Newsroom.asEditor(() -> {
            media.describe(item.id(), LanguageTag.SORANI, MediaMother.SORANI);
            return approved;
        });
        Article published = Newsroom.asEditor(() -> articles.publish(approved.id(), approved.version()));
        assertThat(published.state()).isEqualTo(ArticleState.PUBLISHED);
        assertThat(media.publishedFeaturedImage(published.id()))
                .hasValueSatisfying(m -> assertThat(m.id()).isEqualTo(item.id()));

        // A public story's picture cannot lose the texts its story needs.
        assertThatThrownBy(() -> Newsroom.asEditor(() -> {
                    media.describe(item.id(), LanguageTag.SORANI, MediaText.EMPTY);
                    return published;
                }))
                .isInstanceOf(FeaturedImageRefused.TextsMissing.class);
        assertThat(Newsroom.as(
                                Newsroom.EDITOR,
                                () -> media.find(item.id()).orElseThrow(),
                                news.cms.core.account.Role.EDITOR)
                        .text(LanguageTag.SORANI))
                .isEqualTo(MediaMother.SORANI);
    }

    @Test
    void renditionsArePublicOnlyWhileALiveStoryShowsThem() throws Exception {
        MediaItem item = upload(MediaMother.lakeAtDawn());
        awaitRenditions(item.id());
        assertThat(media.publicRendition(item.id(), "view", true))
                .as("a draft's picture")
                .isEmpty();

        Article approved = Newsroom.approvedStory(
                articles,
                Newsroom.story(LanguageTag.TURKISH, "Dukan'da şafak", "Balıkçılar erkenden göle açıldı.", "Dukan"));
        Newsroom.asEditor(() -> {
            media.setFeaturedImage(approved.id(), item.id());
            return approved;
        });
        Article embargoed = Newsroom.asEditor(() -> articles.embargo(
                approved.id(), approved.version(), clock.instant().plus(Duration.ofHours(2))));
        Article published = Newsroom.asEditor(() -> articles.publish(embargoed.id(), embargoed.version()));

        assertThat(media.publicRendition(item.id(), "view", false))
                .as("under embargo, for readers")
                .isEmpty();
        assertThat(media.publicRendition(item.id(), "view", true))
                .hasValueSatisfying(r -> assertThat(r.embargoed()).isTrue());

        Article lifted = Newsroom.asEditor(() -> articles.embargo(published.id(), published.version(), null));
        PublicRendition view = media.publicRendition(item.id(), "view", false).orElseThrow();
        assertThat(view.embargoed()).isFalse();
        assertThat(view.rendition().width()).isEqualTo(640);
        assertThat(MediaDigestOf.sha256(view.bytes()))
                .isEqualTo(view.rendition().sha256());
        assertThat(media.publicRendition(item.id(), "original", false))
                .as("originals are never public")
                .isEmpty();
        assertThat(media.publicRendition(item.id(), "poster", false)).isEmpty();

        Newsroom.asEditor(() -> articles.kill(lifted.id(), lifted.version(), "Wrong picture of the wrong lake"));
        assertThat(media.publicRendition(item.id(), "view", true))
                .as("gone with the killed story")
                .isEmpty();
    }

    @Test
    void aNewFocalPointMakesANewWideCropAndHoldsPublishingUntilThen() {
        // 4:3, so the 16:9 crop is a band that follows the focal point up and down.
        MediaItem item = upload(MediaMother.englishOnly());
        MediaItem first = awaitRenditions(item.id());
        String wide = first.rendition("wide").orElseThrow().sha256();

        MediaItem moved = Newsroom.as(
                Newsroom.REPORTER,
                () -> media.setFocalPoint(item.id(), new FocalPoint(0.1, 0.02)),
                news.cms.core.account.Role.REPORTER);
        assertThat(moved.generation()).isEqualTo(2);

        MediaItem again = awaitRenditions(item.id());
        assertThat(again.generation()).isEqualTo(2);
        assertThat(again.rendition("wide").orElseThrow().sha256()).isNotEqualTo(wide);
        List<String> keys = jdbc.sql("select storage_key from media_rendition where media_id = ?")
                .param(item.id().value())
                .query(String.class)
                .list();
        assertThat(keys).hasSize(4);
        String replaced = first.rendition("wide").orElseThrow().storageKey();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(store.get(replaced))
                        .as("the replaced crop is deleted")
                        .isEmpty());
    }

    @Test
    void aRefusedUploadStoresNothing() {
        long rows = count();
        assertThatThrownBy(() -> upload(NewMedia.of(TestPictures.pngClaiming(100_000, 100_000), "image/png", "x.png")))
                .isInstanceOf(UploadRefused.TooManyPixels.class);
        assertThatThrownBy(() -> upload(NewMedia.of(TestPictures.png(10, 10), "image/png", "x.gif")))
                .isInstanceOf(UploadRefused.TypeMismatch.class);
        assertThat(count()).isEqualTo(rows);
    }

    @Test
    void whenTheRowCannotBeStoredTheOriginalsBytesAreDeletedAgain() throws Exception {
        JdbcTemplate owner = new JdbcTemplate(DatabaseOwner.dataSource(environment));
        String appRole = environment.getRequiredProperty("spring.datasource.username");
        Set<Path> before = files(Path.of("target/media-it/originals"));
        long rows = count();
        // The database refuses the row (as an outage or a constraint would) after the bytes were stored.
        owner.execute("revoke insert on media_item from " + appRole);
        try {
            assertThatThrownBy(() -> upload(MediaMother.englishOnly())).isInstanceOf(DataAccessException.class);
        } finally {
            owner.execute("grant insert on media_item to " + appRole);
        }
        assertThat(count()).isEqualTo(rows);
        assertThat(files(Path.of("target/media-it/originals")))
                .as("no orphan bytes")
                .isEqualTo(before);
    }

    @Test
    void onlyWhoMayEditTheStoryChangesItsPictures() {
        Role reporter = Role.REPORTER;
        Article draft = Newsroom.asReporter(() -> articles.createDraft(
                Newsroom.story(LanguageTag.ARABIC, "قوارب الصيد في دوكان", "خرج الصيادون قبل الفجر.", "دوكان")));
        MediaItem mine =
                Newsroom.as(Newsroom.REPORTER, () -> media.uploadTo(draft.id(), MediaMother.englishOnly()), reporter);
        assertThat(Newsroom.as(Newsroom.REPORTER, () -> media.pictures(draft.id()), reporter))
                .extracting(MediaItem::id)
                .containsExactly(mine.id());
        assertThat(Newsroom.as(Newsroom.REPORTER, () -> media.mayChangePictures(draft), reporter))
                .isTrue();

        // Another reporter may read the draft but not change its pictures; nothing is stored.
        long rows = count();
        assertThat(Newsroom.as("aylin", () -> media.mayChangePictures(draft), reporter))
                .isFalse();
        assertThatThrownBy(() ->
                        Newsroom.as("aylin", () -> media.uploadTo(draft.id(), MediaMother.lakeAtDawn()), reporter))
                .isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> Newsroom.as(
                        "aylin", () -> media.describe(mine.id(), LanguageTag.ARABIC, MediaMother.ARABIC), reporter))
                .isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() ->
                        Newsroom.as("aylin", () -> media.setFocalPoint(mine.id(), new FocalPoint(0.9, 0.9)), reporter))
                .isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> Newsroom.as(
                        "aylin",
                        () -> {
                            media.setFeaturedImage(draft.id(), mine.id());
                            return draft;
                        },
                        reporter))
                .isInstanceOf(NotPermitted.class);
        assertThat(count()).isEqualTo(rows);
        MediaItem unchanged =
                Newsroom.as(Newsroom.EDITOR, () -> media.find(mine.id()).orElseThrow(), Role.EDITOR);
        assertThat(unchanged.focalPoint()).isEqualTo(new FocalPoint(0.25, 0.5));
        assertThat(unchanged.text(LanguageTag.ARABIC)).isEqualTo(MediaText.EMPTY);
        assertThat(Newsroom.as(Newsroom.EDITOR, () -> media.featuredImage(draft.id()), Role.EDITOR))
                .isEmpty();

        // Once submitted, the author no longer edits it: only an editor changes its pictures.
        Article submitted = Newsroom.asReporter(() -> articles.submit(draft.id(), draft.version()));
        assertThatThrownBy(() -> Newsroom.as(
                        Newsroom.REPORTER,
                        () -> media.describe(mine.id(), LanguageTag.ARABIC, MediaMother.ARABIC),
                        reporter))
                .isInstanceOf(NotPermitted.class);
        Newsroom.asEditor(() -> {
            media.describe(mine.id(), LanguageTag.ARABIC, MediaMother.ARABIC);
            media.setFeaturedImage(submitted.id(), mine.id());
            return submitted;
        });
        assertThat(Newsroom.as(Newsroom.REPORTER, () -> media.featuredImage(submitted.id()), reporter))
                .hasValueSatisfying(m -> assertThat(m.text(LanguageTag.ARABIC)).isEqualTo(MediaMother.ARABIC));
    }

    @Test
    void aFeaturedPictureIsOneOfItsStorysPicturesAndTheEditorSeesItsRenditions() {
        MediaItem item = upload(MediaMother.englishOnly());
        awaitRenditions(item.id());
        Article draft = Newsroom.asReporter(() -> articles.createDraft(
                Newsroom.story(LanguageTag.TURKISH, "Dukan'da tekneler", "Balıkçılar göle açıldı.", "Dukan")));
        Newsroom.asReporter(() -> {
            media.setFeaturedImage(draft.id(), item.id());
            return draft;
        });
        assertThat(Newsroom.as(Newsroom.EDITOR, () -> media.pictures(draft.id()), Role.EDITOR))
                .extracting(MediaItem::id)
                .containsExactly(item.id());
        byte[] view = Newsroom.as(Newsroom.EDITOR, () -> media.preview(item.id(), "view"), Role.EDITOR)
                .orElseThrow();
        assertThat(TestPictures.read(view).getWidth()).isEqualTo(640);
        assertThat(Newsroom.as(Newsroom.EDITOR, () -> media.preview(item.id(), "original"), Role.EDITOR))
                .as("never the original")
                .isEmpty();
    }

    private static Set<Path> files(Path root) throws java.io.IOException {
        if (!Files.isDirectory(root)) {
            return Set.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).collect(Collectors.toSet());
        }
    }

    @Test
    void aFeaturedPictureMustExistAndMayNotBeAnotherStorys() {
        MediaItem item = upload(MediaMother.englishOnly());
        Article boats = Newsroom.asReporter(() -> articles.createDraft(Newsroom.story(
                LanguageTag.TURKISH, "Dukan'da sabah tekneleri", "Balıkçılar erkenden çıktı.", "Dukan")));
        Article market = Newsroom.asReporter(() -> articles.createDraft(
                Newsroom.story(LanguageTag.SORANI, "بازاڕی ماسی لە هەولێر", "بازاڕەکە زوو کرایەوە.", "هەولێر")));
        Newsroom.asReporter(() -> {
            media.setFeaturedImage(boats.id(), item.id());
            return boats;
        });

        long rows = count();
        assertThatThrownBy(() -> Newsroom.asReporter(() -> {
                    media.setFeaturedImage(market.id(), item.id());
                    return market;
                }))
                .isInstanceOfSatisfying(PictureRefused.OtherStory.class, r -> {
                    assertThat(r.code()).isEqualTo("media.featured-other-story");
                    assertThat(r.owner()).isEqualTo(boats.id());
                });
        MediaId missing = new MediaId(java.util.UUID.fromString("5e1f0c2a-7b3d-4e8f-9a6b-2c4d6e8f0a1b"));
        assertThatThrownBy(() -> Newsroom.asReporter(() -> {
                    media.setFeaturedImage(market.id(), missing);
                    return market;
                }))
                .isInstanceOfSatisfying(
                        PictureRefused.Unknown.class, r -> assertThat(r.code()).isEqualTo("media.featured-unknown"));
        assertThat(count()).isEqualTo(rows);
        assertThat(Newsroom.as(Newsroom.EDITOR, () -> media.featuredImage(market.id()), Role.EDITOR))
                .as("nothing stored")
                .isEmpty();
        // The story that shows it may set it again.
        Newsroom.asReporter(() -> {
            media.setFeaturedImage(boats.id(), item.id());
            return boats;
        });
    }

    private long count() {
        return jdbc.sql("select count(*) from media_item").query(Long.class).single();
    }

    private MediaItem upload(NewMedia upload) {
        return Newsroom.as(Newsroom.REPORTER, () -> media.upload(upload), news.cms.core.account.Role.REPORTER);
    }

    private MediaItem awaitRenditions(MediaId id) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> Newsroom.as(
                                Newsroom.EDITOR, () -> media.find(id).orElseThrow(), news.cms.core.account.Role.EDITOR),
                        m -> m.currentRenditions().size() == MediaProperties.DEFAULT_RENDITIONS.size());
    }

    /** The digest as the tests compute it, independently of the code under test. */
    static final class MediaDigestOf {
        static String sha256(byte[] bytes) throws Exception {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        }
    }
}
