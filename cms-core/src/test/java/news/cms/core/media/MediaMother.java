package news.cms.core.media;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.Newsroom;
import news.cms.testsupport.TestPictures;

/** Pictures of a test newsroom, with texts of our own in four languages. */
public final class MediaMother {

    private MediaMother() {}

    public static final MediaText ENGLISH = new MediaText(
            "Fishing boats at dawn on Lake Dukan", "Three wooden boats on still water under a pale sky", "Rezan Ahmed");
    public static final MediaText ARABIC = new MediaText(
            "قوارب صيد عند الفجر في بحيرة دوكان", "ثلاثة قوارب خشبية على ماء ساكن تحت سماء شاحبة", "ريزان أحمد");
    public static final MediaText SORANI = new MediaText(
            "بەلەمی ڕاوەماسی لە بەرەبەیاندا لە دەریاچەی دووکان", "سێ بەلەمی دار لەسەر ئاوی هێمن", "ڕێزان ئەحمەد");
    public static final MediaText TURKISH = new MediaText(
            "Dukan Gölü'nde şafakta balıkçı tekneleri",
            "Soluk bir gökyüzü altında durgun suda üç ahşap tekne",
            "Rezan Ahmed");

    /** A 1600 × 900 JPEG with texts in all four languages. */
    public static NewMedia lakeAtDawn() {
        return new NewMedia(
                TestPictures.jpegWithExif(1600, 900, 1),
                "image/jpeg",
                "dukan.jpg",
                "Newsroom CMS",
                "Editorial use only",
                Map.of(
                        LanguageTag.ENGLISH, ENGLISH,
                        LanguageTag.ARABIC, ARABIC,
                        LanguageTag.SORANI, SORANI,
                        LanguageTag.TURKISH, TURKISH),
                FocalPoint.CENTRE);
    }

    /** The same picture with texts only in English. */
    public static NewMedia englishOnly() {
        return new NewMedia(
                TestPictures.jpeg(800, 600),
                "image/jpeg",
                "boats.jpeg",
                null,
                null,
                Map.of(LanguageTag.ENGLISH, ENGLISH),
                new FocalPoint(0.25, 0.5));
    }

    /** {@link #lakeAtDawn()} uploaded by a reporter, once all its renditions are made. */
    public static MediaItem readyPicture(MediaService media) {
        MediaItem uploaded = Newsroom.as(Newsroom.REPORTER, () -> media.upload(lakeAtDawn()), Role.REPORTER);
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> Newsroom.as(
                                Newsroom.EDITOR, () -> media.find(uploaded.id()).orElseThrow(), Role.EDITOR),
                        m -> m.currentRenditions().size() == MediaProperties.DEFAULT_RENDITIONS.size());
    }

    /** A story published with {@code item} as its featured picture. */
    public static Article publishedWith(
            ArticleService articles,
            MediaService media,
            MediaItem item,
            LanguageTag language,
            String headline,
            String body) {
        Article approved = Newsroom.approvedStory(articles, Newsroom.story(language, headline, body, "Dukan"));
        Newsroom.asEditor(() -> {
            media.setFeaturedImage(approved.id(), item.id());
            return approved;
        });
        return Newsroom.asEditor(() -> articles.publish(approved.id(), approved.version()));
    }
}
