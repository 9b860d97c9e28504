package news.cms.core.body;

import java.util.Set;
import news.cms.core.body.internal.BodySanitizer;
import news.cms.core.body.internal.LinkPolicy;
import news.cms.core.body.internal.MarkdownPipeline;
import news.cms.core.body.internal.PlainText;
import news.cms.core.language.InvalidText;
import news.cms.core.language.LanguageTag;
import news.cms.core.language.Texts;
import news.cms.core.writing.Counter;
import org.jsoup.nodes.Element;

/**
 * Renders an article body from Markdown (CommonMark) to sanitised HTML and plain text. Thread-safe;
 * one instance serves every article.
 *
 * <p>What the HTML may hold: paragraphs, headings {@code h2}–{@code h4} (Markdown levels 1 and 5–6
 * are brought into that range), emphasis, strong, lists, block quotes, code, line breaks, rules, and
 * links to absolute {@code http}, {@code https} and {@code mailto} URLs; links leaving our own hosts
 * carry {@code rel="nofollow noopener"}. Every {@code p}, {@code h2}–{@code h4}, {@code li} and
 * {@code blockquote} gets {@code dir="auto"}, so an Arabic or Sorani paragraph quoted in an English
 * story (or the reverse) runs in its own direction; {@code pre} is always {@code dir="ltr"}.
 *
 * <p>Raw HTML in the source is shown as text, not interpreted. Images are not rendered: a picture
 * needs a credit, a caption and a copy we host, which hot-linked Markdown images cannot give, so an
 * image is replaced by its description. Tables are not supported yet.
 */
public final class BodyRenderer {

    /** The longest Markdown source accepted, in characters; the same limit as an article's body. */
    public static final int MAX_MARKDOWN = 200_000;

    private final MarkdownPipeline markdown;
    private final BodySanitizer sanitizer;

    /** A renderer for which every web link is external. */
    public BodyRenderer() {
        this(Set.of());
    }

    /**
     * @param ownHosts host names of our own sites, e.g. {@code www.example.news}; links to them are
     *     not marked {@code nofollow}
     */
    public BodyRenderer(Set<String> ownHosts) {
        this.markdown = new MarkdownPipeline();
        this.sanitizer = new BodySanitizer(new LinkPolicy(ownHosts));
    }

    /**
     * @throws InvalidText when the source is missing, holds broken Unicode or is longer than {@link
     *     #MAX_MARKDOWN}
     */
    public RenderedBody render(String markdown, LanguageTag language) {
        if (markdown == null) {
            throw InvalidText.required("body");
        }
        if (language == null) {
            throw new IllegalArgumentException("a language is required to render a body");
        }
        String source = Texts.clean(markdown, "body");
        if (source.length() > MAX_MARKDOWN) {
            throw InvalidText.tooLong("body", MAX_MARKDOWN);
        }
        Element html = sanitizer.clean(this.markdown.toHtml(source));
        String text = PlainText.of(html);
        return new RenderedBody(language, html.html().strip(), text, Counter.words(text, language));
    }
}
