package news.cms.editor.story;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import news.cms.core.language.LanguageTag;
import news.cms.editor.layout.TextDirections;
import news.cms.editor.story.StoryDraft.BylineDraft;

/** The credits of a story: add, move up and down, remove; typed in the story's language and direction. */
class BylinesEditor extends CustomField<List<BylineDraft>> {

    private final VerticalLayout rows = new VerticalLayout();
    private final List<Row> entries = new ArrayList<>();
    /** The story's language: names and roles are written in it. */
    private LanguageTag language = LanguageTag.ENGLISH;

    private final Button add = new Button(VaadinIcon.PLUS.create(), e -> addRow(new BylineDraft("", "")));

    private final class Row extends HorizontalLayout {
        final TextField name = new TextField();
        final TextField role = new TextField();

        Row(BylineDraft byline) {
            name.setPlaceholder(getTranslation("bylines.name"));
            name.setAriaLabel(getTranslation("bylines.name"));
            name.addClassName("byline-name");
            role.setPlaceholder(getTranslation("bylines.role.placeholder"));
            role.setAriaLabel(getTranslation("bylines.role"));
            role.addClassName("byline-role");
            name.setValue(byline.name());
            role.setValue(byline.role());
            for (TextField f : List.of(name, role)) {
                TextDirections.onInput(f, language);
                f.setValueChangeMode(ValueChangeMode.LAZY);
                f.addValueChangeListener(e -> updateValue());
            }
            Button up = icon(VaadinIcon.ARROW_UP, getTranslation("bylines.up"), () -> move(this, -1));
            Button down = icon(VaadinIcon.ARROW_DOWN, getTranslation("bylines.down"), () -> move(this, 1));
            Button remove = icon(VaadinIcon.TRASH, getTranslation("bylines.remove"), () -> removeRow(this));
            add(name, role, up, down, remove);
            setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            setPadding(false);
        }

        BylineDraft value() {
            return new BylineDraft(name.getValue(), role.getValue());
        }
    }

    BylinesEditor() {
        setLabel(getTranslation("bylines.label"));
        add.setText(getTranslation("bylines.add"));
        setId("bylines");
        rows.setPadding(false);
        rows.setSpacing(false);
        add.setId("add-byline");
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        VerticalLayout all = new VerticalLayout(rows, add);
        all.setPadding(false);
        add(all);
    }

    @Override
    protected List<BylineDraft> generateModelValue() {
        return entries.stream().map(Row::value).toList();
    }

    @Override
    protected void setPresentationValue(List<BylineDraft> bylines) {
        entries.clear();
        rows.removeAll();
        (bylines == null ? List.<BylineDraft>of() : bylines).forEach(this::appendRow);
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        super.setReadOnly(readOnly);
        add.setVisible(!readOnly);
        entries.forEach(r -> {
            r.name.setReadOnly(readOnly);
            r.role.setReadOnly(readOnly);
            r.getChildren().filter(Button.class::isInstance).forEach(b -> b.setVisible(!readOnly));
        });
    }

    /** Names and roles are typed in the story's language and direction. */
    void setTextLanguage(LanguageTag language) {
        this.language = language;
        entries.forEach(r -> {
            TextDirections.onInput(r.name, language);
            TextDirections.onInput(r.role, language);
        });
    }

    List<TextField> nameFields() {
        return entries.stream().map(r -> r.name).toList();
    }

    List<TextField> roleFields() {
        return entries.stream().map(r -> r.role).toList();
    }

    private void addRow(BylineDraft byline) {
        appendRow(byline);
        updateValue();
    }

    private void appendRow(BylineDraft byline) {
        Row row = new Row(byline);
        entries.add(row);
        rows.add(row);
    }

    private void move(Row row, int by) {
        int from = entries.indexOf(row);
        int to = from + by;
        if (to < 0 || to >= entries.size()) {
            return;
        }
        entries.remove(from);
        entries.add(to, row);
        rows.removeAll();
        entries.forEach(rows::add);
        updateValue();
    }

    private void removeRow(Row row) {
        entries.remove(row);
        rows.remove(row);
        updateValue();
    }

    private static Button icon(VaadinIcon icon, String label, Runnable action) {
        Button b = new Button(icon.create(), e -> action.run());
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        b.setAriaLabel(label);
        b.setTooltipText(label);
        return b;
    }
}
