package news.cms.editor.story;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import news.cms.core.language.LanguageTag;

/**
 * The body preview, in one place so that the sanitising Markdown renderer of {@code
 * news.cms.core.body} can replace it. For now: plain text (escaped by being set as text, never as
 * HTML), a paragraph per blank-line-separated block, each finding its own direction.
 */
final class BodyPreview {

    private BodyPreview() {}

    static Component render(String markdown, LanguageTag language) {
        Div preview = new Div();
        preview.addClassName("body-preview");
        preview.getElement().setAttribute("lang", language.value());
        preview.getElement().setAttribute("dir", language.direction().htmlValue());
        for (String block : markdown.strip().split("\\n\\s*\\n")) {
            if (!block.isBlank()) {
                Paragraph p = new Paragraph(block.strip());
                p.getElement().setAttribute("dir", "auto");
                preview.add(p);
            }
        }
        return preview;
    }
}
