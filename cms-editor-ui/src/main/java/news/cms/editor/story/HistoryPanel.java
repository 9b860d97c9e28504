package news.cms.editor.story;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleService;
import news.cms.core.article.Revision;
import news.cms.core.audit.AuditEvent;
import news.cms.core.audit.AuditLog;
import news.cms.core.audit.AuditQuery;
import news.cms.core.language.LanguageTag;
import news.cms.core.revision.RevisionService;
import news.cms.editor.layout.AuditTexts;
import news.cms.editor.layout.Notices;

/** The story's revisions (each command's snapshot) and its audit trail, newest first. */
class HistoryPanel extends VerticalLayout {

    private final ArticleService articles;
    private final AuditLog audit;
    private final Grid<Revision> revisions = new Grid<>(Revision.class, false);
    private final Grid<AuditEvent> trail = new Grid<>(AuditEvent.class, false);

    private final RevisionCompare compare;

    HistoryPanel(ArticleService articles, AuditLog audit, RevisionService revisionService) {
        this.articles = articles;
        this.audit = audit;
        this.compare = new RevisionCompare(revisionService);
        revisions.setId("revisions");
        revisions
                .addColumn(Revision::version)
                .setHeader(getTranslation("history.version"))
                .setAutoWidth(true);
        revisions
                .addColumn(
                        r -> getTranslation("action." + Notices.key(r.action().name())))
                .setHeader(getTranslation("history.action"))
                .setAutoWidth(true);
        revisions
                .addColumn(r -> getTranslation("state." + Notices.key(r.state().name())))
                .setHeader(getTranslation("history.state"))
                .setAutoWidth(true);
        revisions
                .addColumn(Revision::actor)
                .setHeader(getTranslation("history.by"))
                .setAutoWidth(true);
        revisions
                .addColumn(r -> Notices.when(r.at()))
                .setHeader(getTranslation("history.when"))
                .setAutoWidth(true);
        revisions
                .addColumn(r -> r.publicVersion() == null ? "" : "v" + r.publicVersion())
                .setHeader(getTranslation("history.public"))
                .setAutoWidth(true);
        revisions
                .addColumn(r -> r.note() == null ? "" : r.note())
                .setHeader(getTranslation("history.note"))
                .setFlexGrow(3);
        revisions.setAllRowsVisible(true);

        trail.setId("audit-trail");
        AuditTexts.columns(trail, null);
        trail.setAllRowsVisible(true);

        add(
                new H4(getTranslation("history.revisions")),
                revisions,
                new H4(getTranslation("history.compare")),
                compare,
                new H4(getTranslation("history.audit")),
                trail);
    }

    void show(ArticleId id, LanguageTag language) {
        List<Revision> history = articles.history(id);
        revisions.setItems(history.reversed());
        compare.show(id, language, history);
        trail.setItems(audit.find(AuditQuery.forTarget("article", id.toString())));
    }
}
