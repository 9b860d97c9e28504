package news.cms.core.body.internal;

import java.util.Optional;
import java.util.UUID;
import news.cms.core.body.InlineFigures;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Turns the sanitised placeholders of our pictures ({@code <img data-media alt>}) into figures, or
 * leaves them out when they may not be shown, or (for {@link InlineFigures#AS_TEXT}) prints their
 * alt text as any Markdown image's description is printed.
 */
public final class PictureFigures {

    private PictureFigures() {}

    public static void resolve(Element body, InlineFigures figures) {
        for (Element img : body.select("img[data-media]")) {
            String alt = img.attr("alt");
            if (figures == InlineFigures.AS_TEXT) {
                img.replaceWith(new TextNode(alt));
                continue;
            }
            Optional<InlineFigures.Figure> figure = figures.figure(UUID.fromString(img.attr("data-media")), alt);
            Element parent = img.parent();
            if (figure.isEmpty()) {
                img.remove();
            } else if (parent != null && parent.normalName().equals("p")) {
                Element made = figure(figure.get());
                img.remove();
                // A figure cannot sit in a paragraph: it follows the paragraph, which goes if it held only the picture.
                parent.after(made);
            } else {
                img.replaceWith(figure(figure.get()));
            }
            if (parent != null
                    && parent.normalName().equals("p")
                    && parent.childrenSize() == 0
                    && parent.text().isBlank()) {
                parent.remove();
            }
        }
    }

    private static Element figure(InlineFigures.Figure f) {
        Element figure = new Element("figure");
        Element img = figure.appendElement("img")
                .attr("src", f.src())
                .attr("alt", f.alt())
                .attr("width", Integer.toString(f.width()))
                .attr("height", Integer.toString(f.height()));
        if (f.srcset() != null) {
            img.attr("srcset", f.srcset());
            img.attr("sizes", "(max-width: " + f.width() + "px) 100vw, " + f.width() + "px");
        }
        String caption = caption(f);
        if (!caption.isEmpty()) {
            figure.appendElement("figcaption").attr("dir", "auto").text(caption);
        }
        return figure;
    }

    private static String caption(InlineFigures.Figure f) {
        String caption = f.caption() == null ? "" : f.caption().strip();
        String credit = f.credit() == null ? "" : f.credit().strip();
        if (caption.isEmpty()) {
            return credit;
        }
        return credit.isEmpty() ? caption : caption + " — " + credit;
    }
}
