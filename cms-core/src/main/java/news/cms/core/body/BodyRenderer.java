package news.cms.core.body;

import java.util.Set;
import news.cms.core.body.internal.BodySanitizer;
import news.cms.core.body.internal.LinkPolicy;
import news.cms.core.body.internal.MarkdownPipeline;
import news.cms.core.body.internal.PictureFigures;
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
 * <p>Raw HTML in the source is shown as text, not interpreted. Hot-linked images are not rendered: a
 * picture needs a credit, a caption and a copy we host, which they cannot give, so such an image is
 * replaced by its description. Our own pictures, placed with {@code ![alt text](media:<uuid>)}
 * (docs/adr/0026), become {@code <figure>}s when rendered with {@link InlineFigures} that resolve
 * them, and their alt text otherwise. Tables are not supported yet.
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
        return render(markdown, language, InlineFigures.AS_TEXT);
    }

    /**
     * As {@link #render(String, LanguageTag)}, with our pictures printed as the figures {@code
     * figures} gives, and left out where it gives none.
     */
    public RenderedBody render(String markdown, LanguageTag language, InlineFigures figures) {
        if (figures == null) {
            throw new IllegalArgumentException("figures are required; InlineFigures.AS_TEXT prints alt texts");
        }
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
        PictureFigures.resolve(html, figures);
        String text = PlainText.of(html);
        return new RenderedBody(language, html.html().strip(), text, Counter.words(text, language));
    }
}
