package news.cms.core.body.internal;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The words of a sanitised body without markup: blocks separated by a blank line, list items and
 * line breaks by a line break, white space collapsed except inside code blocks.
 */
public final class PlainText {

    private static final Set<String> BLOCKS =
            Set.of("p", "h2", "h3", "h4", "blockquote", "pre", "ul", "ol", "hr", "figure");
    private static final Set<String> LINES = Set.of("li", "br");

    private PlainText() {}

    public static String of(Element root) {
        Writer out = new Writer();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode text) {
                            out.text(insideCode(text) ? text.getWholeText().stripTrailing() : text.text());
                        } else if (node instanceof Element e) {
                            out.separate(e.normalName());
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element e) {
                            out.separate(e.normalName());
                        }
                    }
                },
                root);
        return out.toString();
    }

    private static boolean insideCode(TextNode text) {
        for (Element e = text.parent() instanceof Element p ? p : null; e != null; e = e.parent()) {
            if (e.normalName().equals("pre")) {
                return true;
            }
        }
        return false;
    }

    private static final class Writer {
        private final StringBuilder out = new StringBuilder();
        private int pendingBreaks;

        void separate(String element) {
            if (BLOCKS.contains(element)) {
                pendingBreaks = 2;
            } else if (LINES.contains(element)) {
                pendingBreaks = Math.max(pendingBreaks, 1);
            }
        }

        void text(String text) {
            boolean lineStart = out.isEmpty() || pendingBreaks > 0 || out.charAt(out.length() - 1) == '\n';
            String t = lineStart ? text.stripLeading() : text;
            if (t.isEmpty()) {
                return;
            }
            if (pendingBreaks > 0 && !out.isEmpty()) {
                trimTrailingSpaces();
                out.append("\n".repeat(pendingBreaks));
            }
            pendingBreaks = 0;
            out.append(t);
        }

        private void trimTrailingSpaces() {
            int end = out.length();
            while (end > 0 && out.charAt(end - 1) == ' ') {
                end--;
            }
            out.setLength(end);
        }

        @Override
        public String toString() {
            return out.toString().strip();
        }
    }
}
