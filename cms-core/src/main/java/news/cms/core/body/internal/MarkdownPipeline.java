package news.cms.core.body.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import news.cms.core.body.InlineFigures;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.parser.PostProcessor;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.jsoup.nodes.Entities;

/**
 * CommonMark to HTML: raw HTML in the source is escaped (shown as text, never interpreted), headings
 * are kept between levels 2 and 4 (the page's headline is the level 1), images are replaced by their
 * description unless they place one of our pictures ({@code ![alt](media:<uuid>)}, which becomes an
 * {@code <img data-media="<uuid>" alt="…">} placeholder for the renderer to resolve), and the tree is flattened below {@link #MAX_DEPTH} levels. Link targets are left to
 * the {@link BodySanitizer}, which sees them percent-encoded as a browser would.
 */
public final class MarkdownPipeline {

    /**
     * How deep quotes, lists and inline markup may nest. CommonMark's renderer recurses once per
     * level, so a hostile body of 200,000 {@code >} would otherwise overflow the stack; no story
     * needs more than a handful of levels.
     */
    public static final int MAX_DEPTH = 32;

    private final Parser parser;
    private final HtmlRenderer renderer;

    public MarkdownPipeline() {
        this.parser = Parser.builder().postProcessor(new BodyTreeRules()).build();
        this.renderer = HtmlRenderer.builder()
                .escapeHtml(true)
                // Link targets are judged once, on the encoded HTML, by the sanitiser.
                .percentEncodeUrls(true)
                .nodeRendererFactory(PicturePlaceholder::new)
                .build();
    }

    public String toHtml(String markdown) {
        try {
            return renderer.render(parser.parse(markdown));
        } catch (StackOverflowError tooDeep) {
            // CommonMark's inline parser recurses once per nesting level of emphasis and brackets, and
            // a hostile body can nest them tens of thousands deep. Such a body is printed as plain
            // paragraphs: every word is kept, none of the markup.
            return asPlainParagraphs(markdown);
        }
    }

    static String asPlainParagraphs(String markdown) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : markdown.split("\\n[ \\t]*\\n")) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(Entities.escape(paragraph.strip())).append("</p>\n");
            }
        }
        return html.toString();
    }

    /** Applies the rules with an explicit stack: the tree may be as deep as the source is long. */
    private static final class BodyTreeRules implements PostProcessor {

        private record Visit(Node node, int depth) {}

        @Override
        public Node process(Node document) {
            Deque<Visit> todo = new ArrayDeque<>();
            pushChildren(todo, document, 1);
            while (!todo.isEmpty()) {
                Visit visit = todo.pop();
                Node node = visit.node();
                if (node instanceof Image image && isPicture(image)) {
                    // one of ours: rendered as a placeholder, resolved after sanitising
                } else if (node instanceof Image image) {
                    image.insertBefore(new Text(description(image)));
                    image.unlink();
                } else if (visit.depth() >= MAX_DEPTH && node.getFirstChild() != null) {
                    // Too deep: the node's children take its place; the words stay, the nesting goes.
                    for (Node child = node.getFirstChild(); child != null; ) {
                        Node next = child.getNext();
                        node.insertBefore(child);
                        todo.push(new Visit(child, visit.depth()));
                        child = next;
                    }
                    node.unlink();
                } else {
                    if (node instanceof Heading heading) {
                        heading.setLevel(Math.clamp(heading.getLevel(), 2, 4));
                    }
                    pushChildren(todo, node, visit.depth() + 1);
                }
            }
            return document;
        }

        private static void pushChildren(Deque<Visit> todo, Node parent, int depth) {
            for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
                todo.push(new Visit(child, depth));
            }
        }

        /** The text of an image's description, read without recursion. */
        static String description(Image image) {
            StringBuilder out = new StringBuilder();
            Node node = image.getFirstChild();
            while (node != null) {
                if (node instanceof Text text) {
                    out.append(text.getLiteral());
                } else if (node instanceof Code code) {
                    out.append(code.getLiteral());
                }
                if (node.getFirstChild() != null) {
                    node = node.getFirstChild();
                    continue;
                }
                while (node != image && node.getNext() == null) {
                    node = node.getParent();
                }
                node = node == image ? null : node.getNext();
            }
            return out.toString();
        }
    }

    static boolean isPicture(Image image) {
        return image.getDestination() != null
                && InlineFigures.TARGET.matcher(image.getDestination()).matches();
    }

    /** Writes one of our pictures as {@code <img data-media alt>}, its description as the alt text. */
    private static final class PicturePlaceholder implements NodeRenderer {

        private final HtmlWriter html;

        PicturePlaceholder(HtmlNodeRendererContext context) {
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            Image image = (Image) node;
            var m = InlineFigures.TARGET.matcher(image.getDestination());
            if (!m.matches()) {
                return; // the tree rules removed every other image already
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("data-media", m.group(1));
            attributes.put("alt", BodyTreeRules.description(image));
            html.tag("img", attributes, true);
        }
    }
}
