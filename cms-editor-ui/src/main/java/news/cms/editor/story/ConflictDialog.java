package news.cms.editor.story;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import news.cms.core.article.Article;

/**
 * Someone saved the story after it was opened here: nothing was overwritten. Offers to reload their
 * version (dropping the edits here), to compare both, or to go on editing (e.g. to copy text out).
 */
class ConflictDialog extends Dialog {

    ConflictDialog(StoryDraft mine, Article theirs, Runnable reload) {
        setId("conflict-dialog");
        setHeaderTitle(getTranslation("conflict.title"));
        Paragraph what = new Paragraph(getTranslation("conflict.text", theirs.updatedBy(), theirs.version()));
        VerticalLayout content = new VerticalLayout(what);
        content.setPadding(false);
        add(content);

        Button compare = new Button(getTranslation("conflict.compare"));
        compare.setId("conflict-compare");
        compare.addClickListener(e -> {
            String dir = theirs.language().direction().htmlValue();
            content.add(new HorizontalLayout(
                    side(
                            getTranslation("conflict.yours"),
                            mine.getHeadline(),
                            mine.getStandfirst(),
                            mine.getBody(),
                            dir),
                    side(
                            getTranslation("conflict.theirs", theirs.version()),
                            theirs.headline(),
                            theirs.standfirst(),
                            theirs.body(),
                            dir)));
            compare.setEnabled(false);
            setWidth("80vw");
        });
        Button keep = new Button(getTranslation("conflict.keep"), e -> close());
        keep.setId("conflict-keep");
        Button reloadButton = new Button(getTranslation("conflict.reload"), e -> {
            close();
            reload.run();
        });
        reloadButton.setId("conflict-reload");
        reloadButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(compare, keep, reloadButton);
    }

    private VerticalLayout side(String title, String headline, String standfirst, String body, String dir) {
        VerticalLayout side = new VerticalLayout(new H4(title));
        side.setPadding(false);
        for (String[] f : new String[][] {
            {getTranslation("field.headline"), headline},
            {getTranslation("field.standfirst"), standfirst},
            {getTranslation("field.body"), body}
        }) {
            TextArea text = new TextArea(f[0]);
            text.setValue(f[1]);
            text.setReadOnly(true);
            text.setWidthFull();
            text.getElement().setAttribute("dir", dir);
            side.add(text);
        }
        return side;
    }
}
