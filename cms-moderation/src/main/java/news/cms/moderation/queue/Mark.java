package news.cms.moderation.queue;

import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.Tag;

/** An HTML {@code <mark>}: highlighted evidence. Its content is set as text, never as markup. */
@Tag("mark")
class Mark extends HtmlContainer {

    Mark(String text, String title) {
        setText(text);
        setTitle(title);
    }
}
