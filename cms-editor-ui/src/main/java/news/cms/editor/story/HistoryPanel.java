package news.cms.editor.story;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.stream.Collectors;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleService;
import news.cms.core.article.Revision;
import news.cms.core.audit.AuditEvent;
import news.cms.core.audit.AuditLog;
import news.cms.core.audit.AuditQuery;

/** The story's revisions (each command's snapshot) and its audit trail, newest first. */
class HistoryPanel extends VerticalLayout {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault());

    private final ArticleService articles;
    private final AuditLog audit;
    private final Grid<Revision> revisions = new Grid<>(Revision.class, false);
    private final Grid<AuditEvent> trail = new Grid<>(AuditEvent.class, false);

    HistoryPanel(ArticleService articles, AuditLog audit) {
        this.articles = articles;
        this.audit = audit;
        revisions.setId("revisions");
        revisions.addColumn(Revision::version).setHeader("Version").setAutoWidth(true);
        revisions
                .addColumn(r ->
                        r.action().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .setHeader("Action")
                .setAutoWidth(true);
        revisions.addColumn(r -> r.state().label()).setHeader("State").setAutoWidth(true);
        revisions.addColumn(Revision::actor).setHeader("By").setAutoWidth(true);
        revisions.addColumn(r -> WHEN.format(r.at())).setHeader("When").setAutoWidth(true);
        revisions
                .addColumn(r -> r.publicVersion() == null ? "" : "v" + r.publicVersion())
                .setHeader("Public")
                .setAutoWidth(true);
        revisions
                .addColumn(r -> r.note() == null ? "" : r.note())
                .setHeader("Note")
                .setFlexGrow(3);
        revisions.setAllRowsVisible(true);

        trail.setId("audit-trail");
        trail.addColumn(e -> WHEN.format(e.at())).setHeader("When").setAutoWidth(true);
        trail.addColumn(AuditEvent::actor).setHeader("Who").setAutoWidth(true);
        trail.addColumn(AuditEvent::action).setHeader("What").setAutoWidth(true);
        trail.addColumn(e -> e.details().entrySet().stream()
                        .sorted(java.util.Map.Entry.comparingByKey())
                        .map(d -> d.getKey() + "=" + d.getValue())
                        .collect(Collectors.joining(", ")))
                .setHeader("Details")
                .setFlexGrow(3);
        trail.setAllRowsVisible(true);

        add(new H4("Revisions"), revisions, new H4("Audit trail"), trail);
    }

    void show(ArticleId id) {
        revisions.setItems(articles.history(id).reversed());
        trail.setItems(audit.find(AuditQuery.forTarget("article", id.toString())));
    }
}
