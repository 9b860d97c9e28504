package news.cms.editor.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.dom.Element;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Snippets become text nodes and mark elements; nothing in a snippet ever becomes markup of its own. */
class SnippetsTest {

    @Test
    void matchesAreMarkedAndTheRestIsText() {
        Element span = Snippets.render("جسر <mark>الموصل</mark> الجديد &amp; <mark>القديم</mark>")
                .getElement();

        assertThat(children(span)).containsExactly("#text:جسر ", "mark:الموصل", "#text: الجديد & ", "mark:القديم");
        assertThat(span.getProperty("innerHTML")).isNull();
    }

    @Test
    void escapedMarkupFromAStoryStaysText() {
        Element span = Snippets.render(
                        "&lt;script&gt;alert(1)&lt;/script&gt; <mark>&lt;b&gt;bold&lt;/b&gt;</mark> &quot;x&quot; &#39;y&#39; &amp;lt;")
                .getElement();

        assertThat(children(span))
                .containsExactly("#text:<script>alert(1)</script> ", "mark:<b>bold</b>", "#text: \"x\" 'y' &lt;");
        assertThat(span.getChildren().filter(c -> !c.isTextNode()).map(Element::getTag))
                .containsOnly("mark");
    }

    @Test
    void aSnippetWithoutMatchesIsOneTextNode() {
        assertThat(children(Snippets.render("Seçim sonuçları").getElement())).containsExactly("#text:Seçim sonuçları");
        assertThat(children(Snippets.render("").getElement())).isEmpty();
    }

    private static List<String> children(Element e) {
        return e.getChildren()
                .map(c -> c.isTextNode() ? "#text:" + c.getText() : c.getTag() + ":" + c.getText())
                .toList();
    }
}
