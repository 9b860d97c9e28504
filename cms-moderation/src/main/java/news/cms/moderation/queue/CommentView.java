package news.cms.moderation.queue;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleService;
import news.cms.core.comment.AbuseKind;
import news.cms.core.comment.Comment;
import news.cms.core.comment.CommentId;
import news.cms.core.comment.CommentService;
import news.cms.core.comment.CommentThreads;
import news.cms.core.comment.RejectionReason;
import news.cms.core.screening.ScreeningResult;
import news.cms.moderation.language.LanguageSwitch;
import org.jspecify.annotations.Nullable;

/**
 * One comment on its own page ({@code comment/<id>}), to link to from elsewhere or to read without
 * the queue: the same panel, keys and undo window as the queue.
 */
@Route("comment/:id")
@RolesAllowed("MODERATOR")
class CommentView extends Div implements BeforeEnterObserver, HasDynamicTitle, CommentPanel.Owner {

    private final CommentService comments;
    private final ArticleService articles;
    private final DecisionWindow window;
    private final CommentPanel panel;
    private @Nullable Comment comment;
    private DecisionWindow.@Nullable Held held;

    CommentView(
            AuthenticationContext auth,
            CommentService comments,
            CommentThreads threads,
            ArticleService articles,
            DecisionWindow window,
            Clock clock) {
        this.comments = comments;
        this.articles = articles;
        this.window = window;
        this.panel = new CommentPanel(comments, threads, clock, this);
        setId("comment-view");
        addClassName("queue-view");
        Anchor back = new Anchor("", getTranslation("single.back"));
        back.setId("back-to-queue");
        back.getElement().setAttribute("router-link", true);
        Button signOut = new Button(getTranslation("nav.sign-out"), e -> auth.logout());
        signOut.setId("sign-out");
        HorizontalLayout bar = new HorizontalLayout(back, new LanguageSwitch(), signOut);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setWidthFull();
        bar.expand(back);
        H1 title = new H1(getTranslation("single.title"));
        title.setId("single-title");
        add(new Header(bar), new Main(title, panel));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Comment> found =
                event.getRouteParameters().get("id").flatMap(CommentView::id).flatMap(comments::find);
        comment = found.orElse(null);
        show();
        panel.focusPanel();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("single.page-title");
    }

    private static Optional<CommentId> id(String text) {
        try {
            return Optional.of(CommentId.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void show() {
        if (comment == null) {
            panel.show(null, 0);
            return;
        }
        Optional<Article> article = articles.findPublished(comment.articleId());
        ScreeningResult screening =
                comment.screening() == null ? ScreeningResult.CLEAN : ScreeningResult.fromJson(comment.screening());
        panel.show(
                new QueueView.Item(
                        comment,
                        article.map(Article::headline).orElseGet(() -> getTranslation("queue.story-gone")),
                        article.map(a -> a.content().language()).orElse(null),
                        screening),
                1);
    }

    @Override
    public void approve() {
        decide(Decision.APPROVE);
    }

    @Override
    public void reject(RejectionReason reason, @Nullable AbuseKind kind) {
        decide(Decision.reject(reason, kind));
    }

    private void decide(Decision decision) {
        if (comment == null || !comment.isPending() || held != null) {
            return;
        }
        UI ui = UI.getCurrent();
        CommentId id = comment.id();
        held = window.hold(
                List.of(id),
                decision,
                stored -> ui.access(() -> {
                    held = null;
                    comment = comments.find(id).orElse(comment);
                    show();
                }),
                failed -> ui.access(() -> {
                    held = null;
                    Notification.show(getTranslation("decision.failed"));
                }));
        Notification notice =
                Notification.show(getTranslation(decision.approves() ? "single.held.approve" : "single.held.reject"));
        notice.setId("decision-notice");
    }

    @Override
    public void move(int step) {}

    @Override
    public void undo() {
        if (held != null && held.undo()) {
            held = null;
            Notification.show(getTranslation("decision.undone"));
        }
    }

    @Override
    public void onlyStory(ArticleId article) {}

    @Override
    public boolean hasQueue() {
        return false;
    }
}
