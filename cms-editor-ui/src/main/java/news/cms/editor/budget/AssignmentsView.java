package news.cms.editor.budget;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import news.cms.core.article.Article;
import news.cms.core.budget.BudgetRefused;
import news.cms.core.budget.BudgetService;
import news.cms.core.budget.PlanState;
import news.cms.core.budget.PlannedItem;
import news.cms.core.language.InvalidLanguageTag;
import news.cms.core.language.InvalidText;
import news.cms.core.language.LanguageTag;
import news.cms.editor.layout.Notices;

/**
 * What is assigned to me, earliest due first: "Start story" turns a planned item into my draft (in a
 * language it is planned in, with the dateline place I give) and opens it; a started one links to it.
 */
@Route("assignments")
@RolesAllowed({"REPORTER", "EDITOR"})
class AssignmentsView extends VerticalLayout implements HasDynamicTitle {

    private final BudgetService budget;
    private final Clock clock;
    final Div list = new Div();
    private final Span empty = new Span();

    AssignmentsView(BudgetService budget, Clock clock) {
        this.budget = budget;
        this.clock = clock;
        list.setId("assignments");
        list.setWidthFull();
        empty.setId("assignments-empty");
        empty.getElement().setAttribute("role", "status");
        add(new H2(getTranslation("assignments.page-title")), empty, list);
        reload();
    }

    private void reload() {
        list.removeAll();
        List<PlannedItem> mine = budget.mine();
        Instant now = clock.instant();
        mine.forEach(i -> list.add(row(i, now)));
        empty.setText(mine.isEmpty() ? getTranslation("assignments.empty") : "");
    }

    private Div row(PlannedItem item, Instant now) {
        Span section = new Span(item.plan().section());
        section.getElement().setAttribute("dir", "auto");
        Div row = PlanTexts.card(item, now, section);
        if (item.state() == PlanState.PLANNED) {
            Button start = new Button(getTranslation("assignments.start"), e -> startDialog(item));
            start.addClassName("plan-start");
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            row.add(start);
        } else if (item.articleId() != null) {
            row.add(PlanTexts.storyLink(item));
        }
        return row;
    }

    private void startDialog(PlannedItem item) {
        Dialog dialog = new Dialog();
        dialog.setId("start-dialog");
        dialog.setHeaderTitle(
                getTranslation("assignments.start-title", item.plan().slug()));
        Select<String> language = new Select<>();
        language.setId("start-language");
        language.setLabel(getTranslation("assignments.language"));
        language.setItems(
                item.plan().languages().stream().map(LanguageTag::value).toList());
        language.setItemLabelGenerator(Notices::languageName);
        language.setValue(item.plan().mainLanguage().value());
        TextField place = new TextField(getTranslation("assignments.place"));
        place.setId("start-place");
        place.getElement().setAttribute("dir", "auto");
        dialog.add(new FormLayout(language, place));
        Button start = new Button(getTranslation("assignments.start"), e -> {
            try {
                Article draft = budget.start(item.id(), language.getValue(), place.getValue());
                dialog.close();
                Notices.done(getTranslation("assignments.started"));
                getUI().ifPresent(ui -> ui.navigate("story/" + draft.id()));
            } catch (InvalidText refused) {
                place.setErrorMessage(Notices.explainField(refused));
                place.setInvalid(true);
            } catch (BudgetRefused | InvalidLanguageTag refused) {
                dialog.close();
                Notices.refused(Notices.explain(refused));
                reload();
            }
        });
        start.setId("start-confirm");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button close = new Button(getTranslation("budget.close"), e -> dialog.close());
        dialog.getFooter().add(close, start);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("assignments.page-title");
    }
}
