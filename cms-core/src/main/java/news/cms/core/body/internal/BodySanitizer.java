package news.cms.core.body.internal;

import java.util.Set;
import news.cms.core.body.InlineFigures;
import news.cms.core.language.LanguageTag;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * The last gate before HTML reaches a reader: an allow-list of elements and attributes, link checks,
 * and the direction attributes every block element gets. It does not trust its input, even though
 * the Markdown step already escapes raw HTML.
 */
public final class BodySanitizer {

    /** Block elements whose direction the browser takes from their own first strong character. */
    private static final String AUTO_DIRECTION_BLOCKS = "p, h2, h3, h4, li, blockquote";

    private static final Set<String> DIRECTIONS = Set.of("ltr", "rtl", "auto");

    private final Safelist safelist = Safelist.none()
            .addTags(
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
                    "hr",
                    "img")
            .addAttributes(":all", "dir", "lang")
            .addAttributes("a", "href")
            .addAttributes("ol", "start")
            // Only the placeholder of one of our pictures: no src, so nothing is fetched from anywhere.
            .addAttributes("img", "data-media", "alt")
            .addProtocols("a", "href", "http", "https", "mailto");

    private final LinkPolicy links;

    public BodySanitizer(LinkPolicy links) {
        this.links = links;
    }

    /** The cleaned fragment, as the children of the returned element. */
    public Element clean(String html) {
        Document dirty = Jsoup.parseBodyFragment(html, "");
        Document clean = new Cleaner(safelist).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        Element body = clean.body();
        checkLinks(body);
        checkAttributeValues(body);
        body.select(AUTO_DIRECTION_BLOCKS).attr("dir", "auto");
        // Code reads left to right even inside a right-to-left article.
        body.select("pre").attr("dir", "ltr");
        return body;
    }

    private void checkLinks(Element body) {
        for (Element a : body.select("a")) {
            String href = a.attr("href");
            if (!links.allows(href)) {
                a.unwrap(); // the words stay, the link goes
            } else if (links.isExternal(href)) {
                a.attr("rel", "nofollow noopener");
            }
        }
    }

    private static void checkAttributeValues(Element body) {
        for (Element e : body.getAllElements()) {
            if (e.hasAttr("dir") && !DIRECTIONS.contains(e.attr("dir"))) {
                e.removeAttr("dir");
            }
            if (e.hasAttr("lang")) {
                try {
                    e.attr("lang", LanguageTag.of(e.attr("lang")).value());
                } catch (IllegalArgumentException notATag) {
                    e.removeAttr("lang");
                }
            }
            if (e.normalName().equals("img")
                    && !InlineFigures.TARGET
                            .matcher("media:" + e.attr("data-media"))
                            .matches()) {
                e.remove();
                continue;
            }
            if (e.hasAttr("start") && !e.attr("start").matches("[0-9]{1,9}")) {
                e.removeAttr("start");
            }
        }
    }
}
