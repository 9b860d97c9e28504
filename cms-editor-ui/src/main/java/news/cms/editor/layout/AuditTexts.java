package news.cms.editor.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.function.ValueProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import news.cms.core.audit.AuditEvent;
import news.cms.core.workflow.Action;
import org.jspecify.annotations.Nullable;

/**
 * Audit events in the UI language. A story's workflow actions reuse the action buttons' words; the
 * other actions and the kinds of target have their own keys ({@code audit.action.<code>},
 * {@code audit.type.<type>}). A code this list does not know is shown as it is stored.
 */
public final class AuditTexts {

    /** What cms-core records besides {@code article.<workflow action>}. */
    public static final List<String> OTHER_ACTIONS = List.of(
            "article.lock-break",
            "account.create",
            "account.roles",
            "account.enable",
            "account.disable",
            "account.sign-in",
            "account.sign-in-failed",
            "partner-key.issue",
            "partner-key.revoke",
            "comment.approve",
            "comment.reject",
            "comment.ban",
            "comment.ban-lift",
            "comments.close",
            "comments.reopen");

    /** The kinds of target audit events name. */
    public static final List<String> TARGET_TYPES =
            List.of("article", "account", "partner-key", "comment", "comment-ban");

    private static final String ARTICLE = "article.";

    private AuditTexts() {}

    /** Every action code the trail can hold: the story workflow's first, then the others. */
    public static List<String> actions() {
        List<String> all = new ArrayList<>();
        for (Action a : Action.values()) {
            all.add(ARTICLE + Notices.key(a.name()));
        }
        all.addAll(OTHER_ACTIONS);
        return Collections.unmodifiableList(all);
    }

    /** The action in the UI language. */
    public static String action(String code) {
        if (OTHER_ACTIONS.contains(code)) {
            return Notices.t("audit.action." + code);
        }
        if (code.startsWith(ARTICLE)) {
            String workflow = code.substring(ARTICLE.length());
            for (Action a : Action.values()) {
                if (Notices.key(a.name()).equals(workflow)) {
                    return Notices.t("action." + workflow);
                }
            }
        }
        return code;
    }

    /**
     * The trail's columns: when, who, what, then the target where the grid shows many targets, then
     * the details.
     */
    public static void columns(Grid<AuditEvent> grid, @Nullable ValueProvider<AuditEvent, Component> target) {
        grid.addColumn(e -> Notices.when(e.at()))
                .setHeader(Notices.t("history.when"))
                .setAutoWidth(true);
        grid.addColumn(AuditEvent::actor).setHeader(Notices.t("history.who")).setAutoWidth(true);
        grid.addColumn(e -> action(e.action()))
                .setHeader(Notices.t("history.what"))
                .setAutoWidth(true);
        if (target != null) {
            grid.addComponentColumn(target).setHeader(Notices.t("audit.target")).setAutoWidth(true);
        }
        grid.addComponentColumn(AuditTexts::details)
                .setHeader(Notices.t("history.details"))
                .setFlexGrow(3);
    }

    /** Each detail on its own, in its own direction: a note may be Arabic in an English UI. */
    static Component details(AuditEvent event) {
        Span all = new Span();
        event.details().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(d -> {
            Span one = new Span(d.getKey() + ": " + d.getValue());
            one.getElement().setAttribute("dir", "auto");
            one.addClassName("audit-detail");
            one.getStyle().set("margin-inline-end", "0.75em");
            all.add(one);
        });
        return all;
    }

    /** The kind of target in the UI language. */
    public static String targetType(String type) {
        return TARGET_TYPES.contains(type) ? Notices.t("audit.type." + type) : type;
    }
}
