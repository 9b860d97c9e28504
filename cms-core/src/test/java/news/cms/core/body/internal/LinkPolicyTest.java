package news.cms.core.body.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkPolicyTest {

    private final LinkPolicy links = new LinkPolicy(Set.of("WWW.example.news"));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://example.org/",
                "HTTP://EXAMPLE.ORG/a?b=c#d",
                "https://ar.wikipedia.org/wiki/%D8%A3%D8%B1%D8%A8%D9%8A%D9%84",
                "mailto:desk@example.news"
            })
    void allows(String href) {
        assertThat(links.allows(href)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "JAVASCRIPT:alert(1)",
                " javascript:alert(1)",
                "jav\tascript:alert(1)",
                "java\nscript:alert(1)",
                "\u0000javascript:alert(1)",
                "data:text/html;base64,PHNjcmlwdD4=",
                "vbscript:msgbox(1)",
                "https:alert(1)",
                "https:///nohost",
                "//example.org/protocol-relative",
                "/relative",
                "#top",
                "mailto:",
                "https://example.org/ space",
                "https://exämple.org/",
                ""
            })
    void refuses(String href) {
        assertThat(links.allows(href)).isFalse();
    }

    @Test
    void ourOwnHostsAreNotExternal() {
        assertThat(links.isExternal("https://www.example.news/a")).isFalse();
        assertThat(links.isExternal("https://WWW.EXAMPLE.NEWS/a")).isFalse();
        assertThat(links.isExternal("https://example.news/a")).isTrue();
        assertThat(links.isExternal("https://www.example.news.evil.example/a")).isTrue();
        assertThat(links.isExternal("mailto:desk@example.news")).isFalse();
    }
}
