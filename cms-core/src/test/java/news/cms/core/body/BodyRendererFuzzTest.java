package news.cms.core.body;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import news.cms.core.language.InvalidText;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.FuzzText;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Whatever Markdown a reporter (or an attacker with a reporter's account) writes, the rendered body
 * parsed as a browser would holds no script, no event handler and no script-running URL. Seeds in
 * {@code BodyRendererFuzzTestInputs}; fuzzing: docs/adr/0012.
 */
class BodyRendererFuzzTest {

    private static final BodyRenderer RENDERER = new BodyRenderer(Set.of("www.example.news"));
    private static final List<LanguageTag> LANGUAGES =
            List.of(LanguageTag.ENGLISH, LanguageTag.ARABIC, LanguageTag.SORANI, LanguageTag.TURKISH);
    private static final Set<String> ELEMENTS = Set.of(
            "#root",
            "html",
            "head",
            "body",
            "div",
            "p",
            "h2",
            "h3",
            "h4",
            "em",
            "strong",
            "ul",
            "ol",
            "li",
            "blockquote",
            "code",
            "pre",
            "a",
            "br",
            "hr");
    private static final Set<String> ATTRIBUTES = Set.of("dir", "lang", "href", "start", "rel");

    @FuzzTest(maxDuration = "90s")
    void theRenderedBodyCarriesNoScript(byte[] data) {
        String markdown = FuzzText.of(data);
        RenderedBody body;
        try {
            body = RENDERER.render(markdown, LANGUAGES.get(data.length % LANGUAGES.size()));
        } catch (InvalidText refused) {
            return; // broken Unicode or too long: the one documented refusal
        }
        assertHarmless(body.html());
        assertHarmless(body.wrappedHtml());
        assertThat(body.wordCount()).isNotNegative();
    }

    static void assertHarmless(String html) {
        for (Element e : Jsoup.parse(html).getAllElements()) {
            assertThat(ELEMENTS).as("element in %s", html).contains(e.normalName());
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).as("attribute in %s", html).doesNotStartWith("on");
                assertThat(ATTRIBUTES).as("attribute in %s", html).contains(name);
                if (name.equals("href") || name.equals("src")) {
                    assertThat(scheme(a.getValue())).as("URL in %s", html).isIn("http", "https", "mailto");
                }
            }
        }
    }

    /** The scheme as a browser reads it: leading controls and spaces, tabs and newlines ignored. */
    private static String scheme(String url) {
        StringBuilder s = new StringBuilder();
        for (char c : url.toCharArray()) {
            if (c == ':') {
                return s.toString().toLowerCase(Locale.ROOT);
            }
            if (c > 0x20) {
                s.append(c);
            }
        }
        return ""; // relative: never allowed in a body
    }
}
