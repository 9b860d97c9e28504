package news.cms.core.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;
import news.cms.core.language.LanguageTag;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class InlineFiguresTest {

    private static final UUID BOATS = UUID.fromString("0b6f1c3e-8a59-4c1e-9f3a-1d2e3f4a5b6c");
    private static final UUID GONE = UUID.fromString("7c0d4e5f-1a2b-4c3d-8e9f-a0b1c2d3e4f5");

    private final BodyRenderer renderer = new BodyRenderer();

    private final InlineFigures figures = (media, alt) -> media.equals(BOATS)
            ? Optional.of(new InlineFigures.Figure(
                    "https://api.example.news/v1/media/" + media + "/view?v=1",
                    640,
                    360,
                    "https://api.example.news/v1/media/" + media + "/view?v=1 640w, "
                            + "https://api.example.news/v1/media/" + media + "/base?v=2 1400w",
                    alt.isBlank() ? "قوارب على الماء" : alt,
                    "قوارب صيد عند الفجر",
                    "ريزان أحمد"))
            : Optional.empty();

    @Test
    void aPictureOnItsOwnLineBecomesAFigureWithCaptionAndCredit() {
        RenderedBody body = renderer.render(
                "فقرة أولى.\n\n![قوارب الصيد](media:" + BOATS + ")\n\nفقرة ثانية.", LanguageTag.ARABIC, figures);

        Element html = Jsoup.parseBodyFragment(body.html()).body();
        assertThat(html.children().eachAttr("dir")).hasSize(2);
        assertThat(html.child(1).normalName()).isEqualTo("figure");
        Element img = html.selectFirst("figure > img");
        assertThat(img.attr("src")).isEqualTo("https://api.example.news/v1/media/" + BOATS + "/view?v=1");
        assertThat(img.attr("alt")).isEqualTo("قوارب الصيد");
        assertThat(img.attr("width")).isEqualTo("640");
        assertThat(img.attr("height")).isEqualTo("360");
        assertThat(img.attr("srcset")).contains(" 640w, ").endsWith(" 1400w");
        assertThat(html.selectFirst("figure > figcaption").text()).isEqualTo("قوارب صيد عند الفجر — ريزان أحمد");
        assertThat(body.plainText()).contains("قوارب صيد عند الفجر — ريزان أحمد");
    }

    @Test
    void aPictureInsideAParagraphFollowsItAndAnEmptyAltTakesThePicturesOwn() {
        RenderedBody body = renderer.render("Before ![](media:" + BOATS + ") after.", LanguageTag.ENGLISH, figures);

        Element html = Jsoup.parseBodyFragment(body.html()).body();
        assertThat(html.child(0).outerHtml()).isEqualTo("<p dir=\"auto\">Before after.</p>");
        assertThat(html.child(1).selectFirst("img").attr("alt")).isEqualTo("قوارب على الماء");
    }

    @Test
    void aPictureThatMayNotBeShownIsLeftOut() {
        RenderedBody body =
                renderer.render("One.\n\n![Market](media:" + GONE + ")\n\nTwo.", LanguageTag.ENGLISH, figures);

        assertThat(Jsoup.parseBodyFragment(body.html()).body().children().eachText())
                .containsExactly("One.", "Two.");
        assertThat(body.html()).doesNotContain(GONE.toString()).doesNotContain("img");
    }

    @Test
    void withoutFiguresAPictureIsItsAltTextAsBefore() {
        RenderedBody body = renderer.render("See ![the market](media:" + BOATS + ").", LanguageTag.ENGLISH);

        assertThat(body.html()).isEqualTo("<p dir=\"auto\">See the market.</p>");
    }

    @Test
    void rawHtmlCannotForgeAPlaceholder() {
        RenderedBody body = renderer.render(
                "<img data-media=\"" + BOATS + "\" alt=\"x\" src=\"https://evil.example/x.png\">",
                LanguageTag.ENGLISH,
                figures);

        assertThat(body.html()).doesNotContain("<img").doesNotContain("<figure");
    }

    @Test
    void aHotLinkedImageStaysItsDescription() {
        RenderedBody body = renderer.render("![Çarşı](https://example.org/m.jpg)", LanguageTag.TURKISH, figures);

        assertThat(body.html()).isEqualTo("<p dir=\"auto\">Çarşı</p>");
    }
}
