package news.cms.editor.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.dom.Element;
import news.cms.core.language.LanguageTag;

/**
 * The direction and language of what a person types, set on the element that holds the text.
 *
 * <p>Vaadin's text fields keep their native {@code <input>}/{@code <textarea>} in light DOM, slotted
 * into the field's shadow tree, and the field itself follows the page's direction (its label and
 * helper are UI text). So a story's direction goes on the inner element only: an Arabic headline
 * under the English UI edits right to left beneath an English label, and the other way round.
 */
public final class TextDirections {

    /**
     * Sets {@code dir} and {@code lang} on the field's inner input or textarea once it exists, and keeps
     * the wanted values on the host as {@code data-text-dir} / {@code data-text-lang} (editor.css
     * applies them to the inner element too, so the direction holds before the script has run).
     */
    private static final String APPLY = """
            const host = this;
            const apply = () => {
              const inner = host.inputElement
                || host.querySelector(':scope > input, :scope > textarea');
              if (!inner) { return false; }
              inner.setAttribute('dir', $0);
              inner.setAttribute('lang', $1);
              return true;
            };
            if (!apply()) {
              customElements.whenDefined(host.localName).then(() => requestAnimationFrame(apply));
            }
            """;

    private TextDirections() {}

    /** The story's language and direction on a text field's inner element. */
    public static void onInput(HasElement field, String dir, LanguageTag language) {
        onInput(field, dir, language.value());
    }

    /** The story's language and its own direction on a text field's inner element. */
    public static void onInput(HasElement field, LanguageTag language) {
        onInput(field, language.direction().htmlValue(), language.value());
    }

    private static void onInput(HasElement field, String dir, String lang) {
        Element host = field.getElement();
        if (dir.equals(host.getAttribute("data-text-dir")) && lang.equals(host.getAttribute("data-text-lang"))) {
            return;
        }
        host.setAttribute("data-text-dir", dir);
        host.setAttribute("data-text-lang", lang);
        if (field instanceof Component component) {
            if (!host.hasAttribute("data-text-dir-applied")) {
                host.setAttribute("data-text-dir-applied", true);
                // Again after each attach: a dialog's fields are re-created in the overlay.
                component.addAttachListener(e ->
                        host.executeJs(APPLY, host.getAttribute("data-text-dir"), host.getAttribute("data-text-lang")));
            }
            if (component.isAttached()) {
                host.executeJs(APPLY, dir, lang);
            }
        }
    }

    /**
     * A field whose text may be in any language (a note): the inner element takes the direction of
     * what is typed into it ({@code dir="auto"}), the language is left unsaid.
     */
    public static void onInputOfAnyLanguage(HasElement field) {
        onInput(field, "auto", "");
    }

    /**
     * The value bidi-isolated (FSI … PDI) for a message in the UI language: a Latin name or an
     * Arabic headline keeps its own order and does not pull the sentence's punctuation with it.
     */
    public static String isolate(Object value) {
        return "\u2068" + value + "\u2069";
    }

    /** The language and direction of a story on an element that shows its text (a cell, a link). */
    public static void onText(HasElement shown, LanguageTag language) {
        shown.getElement().setAttribute("dir", language.direction().htmlValue());
        shown.getElement().setAttribute("lang", language.value());
    }
}
