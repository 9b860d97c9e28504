package news.cms.editor.search;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a search snippet (escaped text with {@code <mark>} around matches, as cms-core's SearchHit
 * promises) into text nodes and {@code mark} elements. No HTML is parsed or set: even if a snippet
 * broke that promise, anything else in it would show as text.
 */
final class Snippets {

    private static final Pattern MARK = Pattern.compile("<mark>(.*?)</mark>", Pattern.DOTALL);

    private Snippets() {}

    static Span render(String snippet) {
        Span span = new Span();
        span.addClassName("search-snippet");
        Matcher m = MARK.matcher(snippet);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                span.getElement().appendChild(Element.createText(unescape(snippet.substring(at, m.start()))));
            }
            span.getElement().appendChild(new Element("mark").setText(unescape(m.group(1))));
            at = m.end();
        }
        if (at < snippet.length()) {
            span.getElement().appendChild(Element.createText(unescape(snippet.substring(at))));
        }
        return span;
    }

    /** Undoes exactly the escaping cms-core applies; {@code &amp;} last, so "&amp;lt;" stays "&lt;". */
    static String unescape(String text) {
        return text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
