package news.cms.publicapi.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import news.cms.core.body.BodyRenderer;
import news.cms.core.body.InlineFigures;
import news.cms.core.body.RenderedBody;
import news.cms.core.language.LanguageTag;
import org.junit.jupiter.api.Test;

class RenderedBodiesTest {

    static final UUID PICTURE = UUID.fromString("3f2c1e0a-6b7d-4c2e-9a1f-0d4e5b6c7a8f");

    final RenderedBodies bodies = new RenderedBodies(new BodyRenderer());

    /** Figures the picture desk can change between two renderings: the caption, or none at all. */
    final AtomicReference<String> caption = new AtomicReference<>("پردێکی نوێ لە سلێمانی");

    final AtomicInteger asked = new AtomicInteger();

    final InlineFigures desk = (media, alt) -> {
        asked.incrementAndGet();
        String c = caption.get();
        return c == null
                ? Optional.empty()
                : Optional.of(new InlineFigures.Figure(
                        "https://news.example/v1/media/" + media + "/view", 640, 400, null, alt, c, "Shar Press"));
    };

    @Test
    void aBodyWithoutPicturesOfOursIsRenderedOncePerLanguageAndText() {
        String sorani = "پردەکە **ئەمڕۆ** کرایەوە، ٤٠٬٠٠٠ کەس پێیدا تێپەڕین.";
        RenderedBody first = bodies.render(sorani, LanguageTag.SORANI, desk);
        assertThat(bodies.render(sorani, LanguageTag.SORANI, desk)).isSameAs(first);
        assertThat(first.html()).contains("<strong>ئەمڕۆ</strong>");
        assertThat(first.wordCount()).isEqualTo(7);
        // Another language is another rendering (its word count follows that language's rules).
        assertThat(bodies.render(sorani, LanguageTag.ARABIC, desk)).isNotSameAs(first);
        assertThat(asked).hasValue(0);
    }

    @Test
    void aBodyThatPlacesAPictureOfOursFollowsThePictureDeskEveryTime() {
        String arabic = "افتُتح الجسر اليوم.\n\n![الجسر عند الفجر](media:" + PICTURE + ")\n\nوعبره آلاف الناس.";
        assertThat(bodies.render(arabic, LanguageTag.ARABIC, desk).html()).contains("پردێکی نوێ لە سلێمانی");
        caption.set("الجسر الجديد في السليمانية");
        assertThat(bodies.render(arabic, LanguageTag.ARABIC, desk).html())
                .contains("الجسر الجديد في السليمانية")
                .doesNotContain("پردێکی نوێ");
        // Withdrawn with its story: the picture leaves the body at once.
        caption.set(null);
        assertThat(bodies.render(arabic, LanguageTag.ARABIC, desk).html()).doesNotContain("<figure", "<img");
        assertThat(asked).hasValue(3);
    }

    @Test
    void aPictureWhoseTargetIsWrittenWithCharacterReferencesIsNotKept() {
        // "media:" spelt with character references: the Markdown does not show it, the rendering does.
        String english = "The bridge opened today.\n\n![The bridge at dawn](&#109;&#101;dia&#58;" + PICTURE + ")";
        bodies.render(english, LanguageTag.ENGLISH, desk);
        caption.set(null);
        assertThat(bodies.render(english, LanguageTag.ENGLISH, desk).html()).doesNotContain("<figure");
        assertThat(asked).hasValue(2);
    }

    @Test
    void altTextsAndFiguresAreKeptApart() {
        String turkish = "Köprü bugün açıldı.\n\n![Şafakta köprü](media:" + PICTURE + ")";
        RenderedBody asText = bodies.render(turkish, LanguageTag.TURKISH, InlineFigures.AS_TEXT);
        assertThat(asText.html()).contains("Şafakta köprü").doesNotContain("<figure");
        assertThat(bodies.render(turkish, LanguageTag.TURKISH, InlineFigures.AS_TEXT))
                .isSameAs(asText);
        assertThat(bodies.render(turkish, LanguageTag.TURKISH, desk).html()).contains("<figure");
    }
}
