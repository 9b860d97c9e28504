package news.cms.editor.story;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Map;
import news.cms.core.article.ArticleId;
import news.cms.core.article.Revision;
import news.cms.core.language.LanguageTag;
import news.cms.core.revision.RevisionDiff;
import news.cms.core.revision.RevisionService;
import news.cms.core.revision.TextDiff;
import news.cms.editor.layout.Notices;
import org.jspecify.annotations.Nullable;

/** Any two revisions compared: the fields that changed, before and after, and an inline line diff of the body. */
class RevisionCompare extends VerticalLayout {

    /** The diff's field names and the bundle keys of their labels. */
    private static final Map<String, String> FIELD_LABELS = Map.ofEntries(
            Map.entry("language", "field.language"),
            Map.entry("section", "field.section"),
            Map.entry("headline", "field.headline"),
            Map.entry("standfirst", "field.standfirst"),
            Map.entry("bylines", "bylines.label"),
            Map.entry("dateline", "history.dateline"),
            Map.entry("tags", "field.tags"),
            Map.entry("directions", "history.directions"),
            Map.entry("state", "history.state"),
            Map.entry("subjects", "history.subjects"),
            Map.entry("urgency", "history.urgency"),
            Map.entry("rights", "history.rights"));

    private final RevisionService revisions;
    private final ComboBox<Long> from = new ComboBox<>();
    private final ComboBox<Long> to = new ComboBox<>();
    private final Div result = new Div();
    private @Nullable ArticleId article;
    private LanguageTag language = LanguageTag.ENGLISH;

    RevisionCompare(RevisionService revisions) {
        this.revisions = revisions;
        setPadding(false);
        from.setId("diff-from");
        from.setLabel(getTranslation("history.from"));
        to.setId("diff-to");
        to.setLabel(getTranslation("history.to"));
        Button compare = new Button(getTranslation("conflict.compare"), e -> compare());
        compare.setId("diff-compare");
        HorizontalLayout pick = new HorizontalLayout(from, to, compare);
        pick.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        result.setId("diff-result");
        add(pick, result);
    }

    void show(ArticleId id, LanguageTag language, List<Revision> history) {
        this.article = id;
        this.language = language;
        List<Long> versions = history.stream().map(Revision::version).sorted().toList();
        from.setItems(versions);
        to.setItems(versions);
        result.removeAll();
        if (versions.size() >= 2) {
            from.setValue(versions.get(versions.size() - 2));
            to.setValue(versions.getLast());
        }
    }

    private void compare() {
        result.removeAll();
        if (article == null || from.getValue() == null || to.getValue() == null) {
            return;
        }
        RevisionDiff diff = revisions.diff(article, from.getValue(), to.getValue());
        if (diff.fields().isEmpty() && !diff.bodyChanged()) {
            result.add(new Span(getTranslation("history.no-changes")));
            return;
        }
        String dir = language.direction().htmlValue();
        for (RevisionDiff.FieldChange change : diff.fields()) {
            Span label = new Span(getTranslation(FIELD_LABELS.getOrDefault(change.field(), "history.details")));
            label.addClassName("diff-field");
            Span before = text(change.before(), "diff-removed", dir);
            Span after = text(change.after(), "diff-added", dir);
            HorizontalLayout row = new HorizontalLayout(label, before, new Span("→"), after);
            row.addClassName("diff-change");
            row.getElement().setAttribute("data-field", change.field());
            result.add(row);
        }
        if (diff.bodyChanged()) {
            Div body = new Div();
            body.addClassName("diff-body");
            body.getElement().setAttribute("dir", dir);
            body.getElement().setAttribute("lang", language.value());
            for (TextDiff.Line line : diff.body()) {
                Div l = new Div();
                l.setText(switch (line.kind()) {
                            case ADDED -> "+ ";
                            case REMOVED -> "− ";
                            case SAME -> "  ";
                        }
                        + line.text());
                l.addClassName("diff-" + Notices.key(line.kind().name()));
                l.getElement().setAttribute("dir", "auto");
                body.add(l);
            }
            result.add(body);
        }
    }

    private static Span text(String value, String className, String dir) {
        Span s = new Span(value);
        s.addClassName(className);
        s.getElement().setAttribute("dir", dir);
        return s;
    }
}
