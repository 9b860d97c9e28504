package news.cms.core.media;

import java.util.Map;
import news.cms.core.language.LanguageTag;
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
}
