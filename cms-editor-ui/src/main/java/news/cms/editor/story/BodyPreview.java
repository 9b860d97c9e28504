package news.cms.editor.story;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import news.cms.core.body.BodyRenderer;
import news.cms.core.body.RenderedBody;
import news.cms.core.language.InvalidText;
import news.cms.core.language.LanguageTag;

/**
 * The body preview: the Markdown as readers will see it, through the same sanitising renderer the
 * public surfaces use (so the HTML set here has passed its allow-list), in the story's direction.
 */
final class BodyPreview {

    private static final BodyRenderer BODIES = new BodyRenderer();

    private BodyPreview() {}

    static Component render(String markdown, LanguageTag language) {
        Div preview = new Div();
        preview.addClassName("body-preview");
        preview.getElement().setAttribute("lang", language.value());
        preview.getElement().setAttribute("dir", language.direction().htmlValue());
        try {
            RenderedBody body = BODIES.render(markdown, language);
            preview.getElement().setProperty("innerHTML", body.html());
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
}
