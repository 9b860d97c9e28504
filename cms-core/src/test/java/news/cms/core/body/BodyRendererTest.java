package news.cms.core.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import news.cms.core.article.ArticleContent;
import news.cms.core.language.InvalidText;
import news.cms.core.language.LanguageTag;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BodyRendererTest {

    private final BodyRenderer renderer = new BodyRenderer(Set.of("www.example.news"));

    @Test
    void rendersAnEnglishStory() {
        RenderedBody body = renderer.render("""
                ## Erbil library opens at night

                The library on **60 Metre Street** opens on *Saturday* with 40,000 books.
                Read the [council's notice](https://www.example.news/notices/42) or the \
                [ministry page](https://gov.example.org/libraries?city=erbil&lang=en).

                - Kurdish
                - Arabic
                """, LanguageTag.ENGLISH);

        assertThat(body.html()).isEqualTo("""
                        <h2 dir="auto">Erbil library opens at night</h2>
                        <p dir="auto">The library on <strong>60 Metre Street</strong> opens on <em>Saturday</em> \
                        with 40,000 books.
                        Read the <a href="https://www.example.news/notices/42">council's notice</a> or the \
                        <a href="https://gov.example.org/libraries?city=erbil&amp;lang=en" rel="nofollow noopener">\
                        ministry page</a>.</p>
                        <ul>
                        <li dir="auto">Kurdish</li>
                        <li dir="auto">Arabic</li>
                        </ul>""");
        assertThat(body.plainText()).isEqualTo("""
                        Erbil library opens at night

                        The library on 60 Metre Street opens on Saturday with 40,000 books. Read the council's \
                        notice or the ministry page.

                        Kurdish
                        Arabic""");
        assertThat(body.wordCount()).isEqualTo(27);
        assertThat(body.language()).isEqualTo(LanguageTag.ENGLISH);
    }

    @Test
    void rendersAnArabicStoryWithALatinAcronymAndAQuote() {
        RenderedBody body = renderer.render("""
                افتتحت **مكتبة أربيل** العامة أبوابها يوم السبت، وتضم 40,000 كتاب.

                > قال مدير المكتبة إن حكومة KRG ستدعم المشروع.
                """, LanguageTag.ARABIC);

        assertThat(body.html()).isEqualTo("""
                        <p dir="auto">افتتحت <strong>مكتبة أربيل</strong> العامة أبوابها يوم السبت، وتضم 40,000 كتاب.</p>
                        <blockquote dir="auto">
                        <p dir="auto">قال مدير المكتبة إن حكومة KRG ستدعم المشروع.</p>
                        </blockquote>""");
        assertThat(body.plainText()).isEqualTo("""
                        افتتحت مكتبة أربيل العامة أبوابها يوم السبت، وتضم 40,000 كتاب.

                        قال مدير المكتبة إن حكومة KRG ستدعم المشروع.""");
        assertThat(body.wordCount()).isEqualTo(18);
        assertThat(body.wrappedHtml()).startsWith("<div lang=\"ar\" dir=\"rtl\"><p dir=\"auto\">افتتحت");
        assertThat(body.wrappedHtml()).endsWith("</blockquote></div>");
    }

    @Test
    void rendersASoraniStoryKeepingZeroWidthNonJoinersAndDigits() {
        RenderedBody body = renderer.render("""
                ### کتێبخانەی گشتی

                نووسەر\u200Cەکان لە شەقامی *٦٠ مەتری* کۆدەبنەوە.

                1. کوردی
                2. عەرەبی
                """, LanguageTag.SORANI);

        assertThat(body.html()).isEqualTo("""
                        <h3 dir="auto">کتێبخانەی گشتی</h3>
                        <p dir="auto">نووسەر\u200Cەکان لە شەقامی <em>٦٠ مەتری</em> کۆدەبنەوە.</p>
                        <ol>
                        <li dir="auto">کوردی</li>
                        <li dir="auto">عەرەبی</li>
                        </ol>""");
        assertThat(body.plainText())
                .isEqualTo("کتێبخانەی گشتی\n\nنووسەر\u200Cەکان لە شەقامی ٦٠ مەتری کۆدەبنەوە.\n\nکوردی\nعەرەبی");
        assertThat(body.wordCount()).isEqualTo(10);
        assertThat(body.wrappedHtml()).startsWith("<div lang=\"ckb\" dir=\"rtl\"><h3 dir=\"auto\">");
    }

    @Test
    void rendersATurkishStoryAndBringsHeadingsIntoRange() {
        RenderedBody body = renderer.render("""
                # İzmir'de yeni kütüphane

                Diyarbakır ve Iğdır'dan **ışıklı** kitaplar geldi.

                ###### Kısa not
                """, LanguageTag.TURKISH);

        assertThat(body.html()).isEqualTo("""
                        <h2 dir="auto">İzmir'de yeni kütüphane</h2>
                        <p dir="auto">Diyarbakır ve Iğdır'dan <strong>ışıklı</strong> kitaplar geldi.</p>
                        <h4 dir="auto">Kısa not</h4>""");
        assertThat(body.plainText())
                .isEqualTo("İzmir'de yeni kütüphane\n\nDiyarbakır ve Iğdır'dan ışıklı kitaplar geldi.\n\nKısa not");
        assertThat(body.wrappedHtml()).startsWith("<div lang=\"tr\" dir=\"ltr\">");
    }

    @Test
    void givesEachParagraphItsOwnDirectionInAMixedStory() {
        RenderedBody body =
                renderer.render("The minister said:\n\n> لن نتراجع عن القرار\n\nHe left at 5 pm.", LanguageTag.ENGLISH);

        assertThat(body.html()).isEqualTo("""
                        <p dir="auto">The minister said:</p>
                        <blockquote dir="auto">
                        <p dir="auto">لن نتراجع عن القرار</p>
                        </blockquote>
                        <p dir="auto">He left at 5 pm.</p>""");
    }

    @Test
    void keepsCodeLeftToRightAndShowsItsMarkupAsText() {
        RenderedBody body = renderer.render("```\n<b>curl</b> -s \"$URL\"\n  done\n```", LanguageTag.ARABIC);

        assertThat(body.html())
                .isEqualTo("<pre dir=\"ltr\"><code>&lt;b&gt;curl&lt;/b&gt; -s \"$URL\"\n  done\n</code></pre>");
        assertThat(body.plainText()).isEqualTo("<b>curl</b> -s \"$URL\"\n  done");
    }

    @Test
    void keepsListNumberingRulesAndLineBreaks() {
        RenderedBody body = renderer.render("3. three\n4. four\n\n---\n\nline  \nbreak", LanguageTag.ENGLISH);

        assertThat(body.html()).isEqualTo("""
                        <ol start="3">
                        <li dir="auto">three</li>
                        <li dir="auto">four</li>
                        </ol>
                        <hr>
                        <p dir="auto">line<br>
                        break</p>""");
        assertThat(body.plainText()).isEqualTo("three\nfour\n\nline\nbreak");
    }

    @Test
    void replacesImagesByTheirDescription() {
        RenderedBody body = renderer.render(
                "![Crowd at the *citadel*](https://example.org/citadel.jpg) and ![](https://example.org/x.png) end",
                LanguageTag.ENGLISH);

        assertThat(body.html()).isEqualTo("<p dir=\"auto\">Crowd at the citadel and  end</p>");
        assertThat(body.plainText()).isEqualTo("Crowd at the citadel and end");
    }

    @Test
    void percentEncodesNonAsciiLinkTargets() {
        RenderedBody body = renderer.render("[أربيل](https://ar.wikipedia.org/wiki/أربيل)", LanguageTag.ARABIC);

        assertThat(body.html())
                .isEqualTo("<p dir=\"auto\"><a href=\"https://ar.wikipedia.org/wiki/%D8%A3%D8%B1%D8%A8%D9%8A%D9%84\""
                        + " rel=\"nofollow noopener\">أربيل</a></p>");
    }

    @Test
    void keepsMailtoLinksWithoutNofollowAndDropsRelativeLinks() {
        RenderedBody body = renderer.render(
                "[desk](mailto:desk@example.news), [archive](/archive/2026) and [top](#top)", LanguageTag.ENGLISH);

        assertThat(body.html())
                .isEqualTo("<p dir=\"auto\"><a href=\"mailto:desk@example.news\">desk</a>, archive and top</p>");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            [x](javascript:alert(1))                               | <p dir="auto">x</p>
            [x](JaVaScRiPt:alert(1))                               | <p dir="auto">x</p>
            [x](jav&#x09;ascript:alert(1))                         | <p dir="auto">x</p>
            [x](&#106;avascript:alert(1))                          | <p dir="auto">x</p>
            [x](&#x6A;&#x61;&#x76;&#x61;script:alert(1))           | <p dir="auto">x</p>
            [x](   javascript:alert(1))                            | <p dir="auto">x</p>
            [x](<  javascript:alert(1)>)                           | <p dir="auto">x</p>
            [x](java%0ascript:alert(1))                            | <p dir="auto">x</p>
            [x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) | <p dir="auto">x</p>
            [x](DATA:text/html,<script>alert(1)</script>)           | <p dir="auto">x</p>
            [x](vbscript:msgbox(1))                                | <p dir="auto">x</p>
            [x](file:///etc/passwd)                                | <p dir="auto">x</p>
            [x](https:alert(1))                                    | <p dir="auto">x</p>
            <javascript:alert(1)>                                  | <p dir="auto">javascript:alert(1)</p>
            ![x](javascript:alert(1))                              | <p dir="auto">x</p>
            <script>alert(1)</script>                              | <p dir="auto">&lt;script&gt;alert(1)&lt;/script&gt;</p>
            `<img src=x onerror=alert(1)>`                         | <p dir="auto">&lt;img src=x onerror=alert(1)&gt;</p>
            `<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>`   | <p dir="auto">&lt;a href="data:text/html;base64,PHNjcmlwdD4="&gt;x&lt;/a&gt;</p>
            <svg onload=alert(1)>                                  | <p dir="auto">&lt;svg onload=alert(1)&gt;</p>
            `<iframe src="https://evil.example/"></iframe>`        | <p dir="auto">&lt;iframe src="https://evil.example/"&gt;&lt;/iframe&gt;</p>
            <style>p{color:red}</style>                            | <p dir="auto">&lt;style&gt;p{color:red}&lt;/style&gt;</p>
            <div><p>unclosed <b>bold                               | <p dir="auto">&lt;div&gt;&lt;p&gt;unclosed &lt;b&gt;bold</p>
            `Text <span style="x" onclick="y()">z</span>`          | <p dir="auto">Text &lt;span style="x" onclick="y()"&gt;z&lt;/span&gt;</p>
            """)
    void neutralisesHostileMarkdown(String markdown, String expectedHtml) {
        RenderedBody body = renderer.render(markdown, LanguageTag.ENGLISH);

        assertThat(body.html()).isEqualTo(expectedHtml);
        assertOnlyAllowedMarkup(body.html());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>",
                "<div onclick=\"alert(1)\">\n\n*a*\n\n</div>",
                "[a](https://example.org/\"onmouseover=\"alert(1))",
                "[a](https://example.org/'><script>alert(1)</script>)",
                "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
                "> <script>\n> alert(1)\n> </script>",
                "- [x](javascript:alert(1))\n  - <svg/onload=alert(1)>",
                "[link]\n\n[link]: javascript:alert(1)",
                "[link]\n\n[link]: https://example.org \"t\\\" onclick=\\\"x\""
            })
    void leavesNothingButAllowedMarkup(String markdown) {
        assertOnlyAllowedMarkup(renderer.render(markdown, LanguageTag.ENGLISH).html());
    }

    @Test
    void rendersTheLongestBodyAllowed() {
        String paragraph = "The *council* met in [Erbil](https://example.org/erbil) on **Monday**. "
                + "قال المتحدث إن الاجتماع استمر ثلاث ساعات. کۆبوونەوەکە سێ کاتژمێری خایاند.\n\n";
        String markdown = paragraph.repeat(BodyRenderer.MAX_MARKDOWN / paragraph.length());

        RenderedBody body = renderer.render(markdown, LanguageTag.ENGLISH);

        int paragraphs = BodyRenderer.MAX_MARKDOWN / paragraph.length();
        assertThat(Jsoup.parseBodyFragment(body.html()).select("p")).hasSize(paragraphs);
        assertThat(body.wordCount()).isEqualTo(paragraphs * 18);
    }

    @Test
    void flattensHostileNestingInsteadOfFailing() {
        RenderedBody quotes = renderer.render(">".repeat(100_000) + " deep", LanguageTag.ENGLISH);
        assertThat(quotes.plainText()).isEqualTo("deep");
        assertThat(Jsoup.parseBodyFragment(quotes.html()).select("blockquote").size())
                .isLessThan(40);

        RenderedBody emphasis = renderer.render("*".repeat(50_000) + "deep" + "*".repeat(50_000), LanguageTag.ENGLISH);
        assertThat(emphasis.plainText()).contains("deep");
        assertOnlyAllowedMarkup(emphasis.html());
    }

    @Test
    void refusesBodiesOverTheLimit() {
        assertThatThrownBy(() -> renderer.render("a".repeat(BodyRenderer.MAX_MARKDOWN + 1), LanguageTag.ENGLISH))
                .isInstanceOf(InvalidText.class)
                .hasMessage("body is longer than 200000 characters");
        assertThat(BodyRenderer.MAX_MARKDOWN).isEqualTo(ArticleContent.MAX_BODY);
    }

    @Test
    void rendersAnEmptyBody() {
        RenderedBody body = renderer.render(" \n\n", LanguageTag.ENGLISH);

        assertThat(body.html()).isEmpty();
        assertThat(body.plainText()).isEmpty();
        assertThat(body.wordCount()).isZero();
    }

    @Test
    void marksEveryWebLinkExternalWhenNoOwnHostIsKnown() {
        assertThat(new BodyRenderer()
                        .render("[home](https://www.example.news/)", LanguageTag.ENGLISH)
                        .html())
                .isEqualTo(
                        "<p dir=\"auto\"><a href=\"https://www.example.news/\" rel=\"nofollow noopener\">home</a></p>");
    }

    private static final Set<String> ALLOWED_ELEMENTS = Set.of(
            "p", "h2", "h3", "h4", "em", "strong", "ul", "ol", "li", "blockquote", "code", "pre", "a", "br", "hr");
    private static final Set<String> ALLOWED_ATTRIBUTES = Set.of("dir", "lang", "href", "rel", "start");

    /** What any output must satisfy, whatever went in. */
    private static void assertOnlyAllowedMarkup(String html) {
        Element root = Jsoup.parseBodyFragment(html).body();
        for (Element e : root.getAllElements()) {
            if (e == root) {
                continue;
            }
            assertThat(ALLOWED_ELEMENTS).as("element in %s", html).contains(e.normalName());
            for (Attribute attribute : e.attributes()) {
                assertThat(ALLOWED_ATTRIBUTES).as("attribute in %s", html).contains(attribute.getKey());
            }
            if (e.hasAttr("href")) {
                assertThat(e.attr("href")).matches("(https?://|mailto:)[\\x21-\\x7E]+");
            }
        }
    }
}
