package news.cms.moderation.queue;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/** The keyboard keys of the comment panel, opened with {@code ?}. */
class KeysDialog extends Dialog {

    KeysDialog() {
        setId("keys-dialog");
        setHeaderTitle(getTranslation("keys.title"));
        Paragraph where = new Paragraph(getTranslation("keys.where"));
        DescriptionList keys = new DescriptionList();
        keys.setId("keys-list");
        add("J", "keys.next", keys);
        add("K", "keys.previous", keys);
        add("A", "keys.approve", keys);
        add("R", "keys.reject", keys);
        add("1–8", "keys.reason", keys);
        add("B", "keys.ban", keys);
        add("U", "keys.undo", keys);
        add("?", "keys.help", keys);
        add(where, keys);
        Button close = new Button(getTranslation("dialog.close"), e -> close());
        close.setId("keys-close");
        getFooter().add(close);
    }

    private void add(String key, String what, DescriptionList list) {
        // Keys read left to right in every UI language ("1–8" must not turn into "8–1"), in an isolate
        // so that the term still lines up with the page.
        Span keys = new Span(key);
        keys.getElement().setAttribute("dir", "ltr");
        list.add(new DescriptionList.Term(keys), new DescriptionList.Description(getTranslation(what)));
    }
}
