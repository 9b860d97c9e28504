package news.cms.core.body.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sanitiser on its own, fed raw HTML that the Markdown step would never produce. */
class BodySanitizerTest {

    private final BodySanitizer sanitizer = new BodySanitizer(new LinkPolicy(Set.of("www.example.news")));

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `<p onclick="x()">a</p><script>alert(1)</script>`                        | <p dir="auto">a</p>
            `<img src=x onerror=alert(1)>b`                                          | b
            `<img src="https://example.org/a.png" alt="a">`                          | ``
            `<a href="javascript:alert(1)">x</a>`                                    | x
            `<a href="JaVaScRiPt:alert(1)">x</a>`                                    | x
            `<a href="jav&#x09;ascript:alert(1)">x</a>`                              | x
            `<a href="jav&#x0A;ascript:alert(1)">x</a>`                              | x
            `<a href="  javascript:alert(1)">x</a>`                                  | x
            `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1)">x</a>` | x
            `<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>`                     | x
            `<a href="vbscript:msgbox(1)">x</a>`                                     | x
            `<a href="/relative">x</a>`                                              | x
            `<a>x</a>`                                                               | x
            `<a href="https://example.org/" onclick="x()" target="_blank" style="color:red" rel="opener">x</a>` | <a href="https://example.org/" rel="nofollow noopener">x</a>
            `<a href="https://www.example.news/a">own</a>`                           | <a href="https://www.example.news/a">own</a>
            `<svg onload=alert(1)><circle r="1"/></svg>t`                            | t
            `<iframe src="https://evil.example/"></iframe>f`                         | f
            `<style>p{color:red}</style><p style="color:red">a</p>`                  | <p dir="auto">a</p>
            `<p dir="rtl" lang="CKB-iq">a</p>`                                       | <p dir="auto" lang="ckb-IQ">a</p>
            `<em dir="sideways" lang="not a tag">a</em>`                             | <em>a</em>
            `<pre dir="rtl"><code class="language-js">x</code></pre>`                | <pre dir="ltr"><code>x</code></pre>
            `<ol start="2;x" type="a"><li>a</li></ol>`                               | <ol><li dir="auto">a</li></ol>
            `<h1>a</h1><h4 id="x">b</h4><h5>c</h5>`                                  | a<h4 dir="auto">b</h4>c
            `<div><p>unclosed <b>bold`                                               | <p dir="auto">unclosed bold</p>
            `<noscript><p title="</noscript><img src=x onerror=alert(1)>">`          | <p dir="auto"></p>
            `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`        | ``
            `<form action="https://evil.example/"><input name="q"><button>go</button></form>` | go
            """)
    void keepsOnlyTheAllowList(String html, String expected) {
        assertThat(sanitizer.clean(html).html()).isEqualTo(expected);
    }
}
