package news.cms.editor.budget;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import news.cms.core.budget.Assignee;
import news.cms.core.budget.BudgetRefused;
import news.cms.core.budget.BudgetService;
import news.cms.core.budget.Plan;
import news.cms.core.budget.PlannedItem;
import news.cms.core.language.InvalidLanguageTag;
import news.cms.core.language.InvalidText;
import news.cms.core.language.LanguageTag;
import news.cms.editor.layout.DatePickers;
import news.cms.editor.layout.Notices;
import news.cms.editor.layout.TextDirections;
import org.jspecify.annotations.Nullable;

/**
 * Plans a new item or edits one. The rules live in {@link Plan} and {@link BudgetService}: a refusal
 * is shown on the field it names, in the UI language, and nothing is stored.
 */
class PlanDialog extends Dialog {

    /** The story languages an item can be planned in, in the order offered. */
    static final List<String> LANGUAGES = List.of("en", "ar", "ckb", "tr");

    private final BudgetService budget;
    private final @Nullable PlannedItem item;
    private final Consumer<PlannedItem> onSaved;

    final TextField slug = new TextField();
    final TextField section = new TextField();
    final ComboBox<Assignee> assignee = new ComboBox<>();
    final DateTimePicker due = new DateTimePicker();
    final IntegerField words = new IntegerField();
    final MultiSelectComboBox<String> languages = new MultiSelectComboBox<>();
    final TextArea notes = new TextArea();
    final Button save = new Button();

    /** Refusals' field names → the field that shows them. */
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    PlanDialog(
            BudgetService budget, @Nullable PlannedItem item, java.time.LocalDate day, Consumer<PlannedItem> onSaved) {
        this.budget = budget;
        this.item = item;
        this.onSaved = onSaved;
        setId("plan-dialog");
        setHeaderTitle(Notices.t(item == null ? "budget.dialog.new" : "budget.dialog.edit"));

        field(slug, "plan-slug", "budget.field.slug", "slug");
        TextDirections.onInputOfAnyLanguage(slug);
        field(section, "plan-section", "budget.field.section", "section");
        field(assignee, "plan-assignee", "budget.field.assignee", "assignee");
        List<Assignee> people = budget.assignees();
        assignee.setItems(people);
        assignee.setItemLabelGenerator(a -> a.displayName() + " (" + a.username() + ")");
        field(due, "plan-due", "budget.field.due", "due");
        DatePickers.localise(due);
        field(words, "plan-words", "budget.field.words", "planned length");
        words.setMin(1);
        words.setStepButtonsVisible(true);
        field(languages, "plan-languages", "budget.field.languages", "languages");
        languages.setItems(LANGUAGES);
        languages.setItemLabelGenerator(Notices::languageName);
        field(notes, "plan-notes", "budget.field.notes", "notes");
        TextDirections.onInputOfAnyLanguage(notes);
        notes.setMaxLength(Plan.MAX_NOTES);

        if (item == null) {
            section.setValue("news");
            // Late afternoon of the day shown; past that already, the next whole hour (never due on arrival).
            LocalDateTime now = LocalDateTime.now(Notices.zone()).withSecond(0).withNano(0);
            LocalDateTime evening = day.atTime(17, 0);
            due.setValue(evening.isAfter(now) ? evening : now.withMinute(0).plusHours(1));
            words.setValue(500);
            // The UI language is the likeliest story language; the editor adds others.
            String ui = Notices.locale().getLanguage();
            if (LANGUAGES.contains(ui)) {
                languages.setValue(ui);
            }
        } else {
            Plan p = item.plan();
            slug.setValue(p.slug());
            section.setValue(p.section());
            people.stream()
                    .filter(a -> a.username().equals(p.assignee()))
                    .findFirst()
                    .ifPresent(assignee::setValue);
            due.setValue(LocalDateTime.ofInstant(p.due(), Notices.zone()));
            words.setValue(p.plannedWords());
            languages.setValue(p.languages().stream().map(LanguageTag::value).toList());
            notes.setValue(p.notes());
        }

        FormLayout form = new FormLayout(slug, section, assignee, due, words, languages, notes);
        form.setColspan(notes, 2);
        add(form);

        save.setText(Notices.t("budget.save"));
        save.setId("plan-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        Button close = new Button(Notices.t("budget.close"), e -> close());
        close.setId("plan-close");
        getFooter().add(close, save);
        setWidth("min(48em, 95vw)");
    }

    private void field(com.vaadin.flow.component.Component c, String id, String label, String refusalField) {
        c.setId(id);
        c.getElement().setProperty("label", Notices.t(label));
        fields.put(refusalField, (HasValidation) c);
    }

    private @Nullable Instant dueInstant() {
        return due.getValue() == null
                ? null
                : due.getValue().atZone(Notices.zone()).toInstant();
    }

    private void save() {
        fields.values().forEach(f -> f.setInvalid(false));
        try {
            Plan plan = new Plan(
                    slug.getValue(),
                    section.getValue(),
                    assignee.getValue() == null ? null : assignee.getValue().username(),
                    dueInstant(),
                    words.getValue() == null ? 0 : words.getValue(),
                    LANGUAGES.stream()
                            .filter(languages.getValue()::contains)
                            .map(LanguageTag::of)
                            .toList(),
                    notes.getValue());
            PlannedItem saved = item == null ? budget.create(plan) : budget.update(item.id(), item.version(), plan);
            close();
            Notices.done(Notices.t("budget.saved"));
            onSaved.accept(saved);
        } catch (InvalidText e) {
            show(e.field(), e);
        } catch (InvalidLanguageTag e) {
            show("languages", e);
        } catch (BudgetRefused e) {
            show(e.field(), e);
        }
    }

    private void show(@Nullable String field, IllegalArgumentException refusal) {
        HasValidation target = field == null ? null : fields.get(field);
        if (target == null) {
            Notices.refused(Notices.explain(refusal));
            return;
        }
        target.setErrorMessage(Notices.explainField(refusal));
        target.setInvalid(true);
    }
}
