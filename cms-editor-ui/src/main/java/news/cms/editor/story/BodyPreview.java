package news.cms.editor.story;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import news.cms.core.body.BodyRenderer;
import news.cms.core.body.RenderedBody;
import news.cms.core.language.InvalidText;
import news.cms.core.language.LanguageTag;
import news.cms.core.media.InlineImageSyntax;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * The body preview: the Markdown as readers will see it, through the same sanitising renderer the
 * public surfaces use (so the HTML set here has passed its allow-list), in the story's direction.
 * The story's own pictures placed in the body show as figures; the renderer keeps only their alt
 * text, so each is swapped for a marker word before rendering and the marker for the figure after.
 */
final class BodyPreview {

    private static final BodyRenderer BODIES = new BodyRenderer();

    private BodyPreview() {}

    static Component render(String markdown, LanguageTag language) {
        return render(markdown, language, id -> Optional.empty());
    }

    static Component render(
            String markdown, LanguageTag language, Function<UUID, Optional<PicturePreviews.Shown>> pictures) {
        Div preview = new Div();
        preview.addClassName("body-preview");
        preview.getElement().setAttribute("lang", language.value());
        preview.getElement().setAttribute("dir", language.direction().htmlValue());
        try {
            List<InlineImageSyntax.Placed> placed = InlineImageSyntax.locate(markdown);
            // A marker no one types: letters and digits only, so Markdown leaves it as it is.
            String marker = "cmspicture"
                    + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + "n";
            StringBuilder source = new StringBuilder();
            int from = 0;
            for (int i = 0; i < placed.size(); i++) {
                source.append(markdown, from, placed.get(i).start())
                        .append(marker)
                        .append(i)
                        .append('x');
                from = placed.get(i).end();
            }
            source.append(markdown.substring(from));
            RenderedBody body = BODIES.render(source.toString(), language);
            String html = placed.isEmpty() ? body.html() : withFigures(body.html(), marker, placed, pictures, language);
            preview.getElement().setProperty("innerHTML", html);
        } catch (InvalidText e) {
            preview.setText(e.getMessage()); // too long or broken text: the form shows why at the field
        }
        return preview;
    }

    /** The body's text as readers will see it, for counting; Markdown that cannot render counts as typed. */
    static String plainText(String markdown, LanguageTag language) {
        try {
            return BODIES.render(markdown == null ? "" : markdown, language).plainText();
        } catch (InvalidText e) {
            return markdown == null ? "" : markdown;
        }
    }

    private static String withFigures(
            String html,
            String marker,
            List<InlineImageSyntax.Placed> placed,
            Function<UUID, Optional<PicturePreviews.Shown>> pictures,
            LanguageTag language) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        for (int i = 0; i < placed.size(); i++) {
            String token = marker + i + "x";
            InlineImageSyntax.Placed image = placed.get(i);
            List<TextNode> holding = doc.body().getAllElements().stream()
                    .flatMap(e -> e.textNodes().stream())
                    .filter(t -> t.getWholeText().contains(token))
                    .toList();
            for (TextNode text : holding) {
                Element figure =
                        figure(image, pictures.apply(image.reference().media().value()), language);
                Element parent = text.parent() instanceof Element e ? e : null;
                if (parent != null
                        && parent.tagName().equals("p")
                        && parent.text().strip().equals(token)) {
                    parent.replaceWith(figure); // a picture on its own line: a figure between paragraphs
                } else {
                    // Within a line of text: the picture inline, where it was placed.
                    TextNode placedHere = text.splitText(text.getWholeText().indexOf(token));
                    placedHere.splitText(token.length());
                    placedHere.replaceWith(figure.tagName("span"));
                }
            }
        }
        return doc.body().html();
    }

    private static Element figure(
            InlineImageSyntax.Placed image, Optional<PicturePreviews.Shown> shown, LanguageTag language) {
        Element figure = new Element("figure")
                .addClass("inline-picture")
                .attr("data-media", image.reference().media().value().toString());
        if (shown.isEmpty()) {
            // Not one of this story's pictures (or its renditions are not made yet): its alt text only.
            figure.addClass("inline-picture-missing")
                    .appendElement("span")
                    .text(image.reference().altText());
            return figure;
        }
        PicturePreviews.Shown s = shown.get();
        String alt = s.alt() != null ? s.alt() : image.reference().altText();
        figure.appendElement("img").attr("src", s.src()).attr("alt", alt);
        if (s.caption() != null) {
            figure.appendElement("figcaption")
                    .attr("dir", "auto")
                    .attr("lang", language.value())
                    .text(s.caption());
        }
        return figure;
    }
}
