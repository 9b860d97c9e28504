package news.cms.editor.desk;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;

/** The desk: every story, newest change first, loaded a page at a time. */
@Route("")
@PageTitle("Desk · Newsroom")
@RolesAllowed({"REPORTER", "EDITOR", "ADMIN"})
class DeskView extends VerticalLayout {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault());

    DeskView(ArticleService articles) {
        setSizeFull();
        Grid<Article> grid = new Grid<>(Article.class, false);
        grid.setId("desk-grid");
        grid.addColumn(new ComponentRenderer<>(DeskView::headline))
                .setHeader("Headline")
                .setFlexGrow(4);
        grid.addColumn(a -> a.language().value()).setHeader("Language").setAutoWidth(true);
        grid.addColumn(Article::section).setHeader("Section").setAutoWidth(true);
        grid.addColumn(a -> a.state().name()).setHeader("State").setAutoWidth(true);
        grid.addColumn(a -> WHEN.format(a.updatedAt())).setHeader("Updated").setAutoWidth(true);
        grid.setItems(q -> articles.latest(q.getOffset(), q.getLimit()).stream(), q -> articles.count());
        grid.setSizeFull();
        add(new H2("Desk"), grid);
    }

    /** The headline in its own direction, so that Arabic and Sorani read right to left in the grid. */
    private static Span headline(Article article) {
        Span span = new Span(article.headline());
        span.getElement().setAttribute("dir", article.language().direction().htmlValue());
        span.getElement().setAttribute("lang", article.language().value());
        return span;
    }
}
