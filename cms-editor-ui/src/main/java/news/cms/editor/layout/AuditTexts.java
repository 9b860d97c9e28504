package news.cms.editor.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.function.ValueProvider;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import news.cms.core.audit.AuditEvent;
import news.cms.core.workflow.Action;
import news.cms.core.workflow.ArticleState;
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
            "account.sign-in-throttled",
            "account.bootstrap",
            "partner-key.issue",
            "partner-key.revoke",
            "comment.approve",
            "comment.reject",
            "comment.ban",
            "comment.ban-lift",
            "comments.close",
            "comments.reopen",
            "translation.create",
            "translation.stale",
            "translation.cleared",
            "translation.source-corrected",
            "translation.source-killed",
            "note.add",
            "note.resolve",
            "note.reopen",
            "desk.join",
            "desk.leave",
            "article.featured-image",
            "push-subscription.create",
            "push-subscription.update",
            "push-subscription.rotate-secret",
            "push-subscription.pause",
            "push-subscription.resume",
            "push-subscription.delete",
            "push-subscription.replay",
            "push-subscription.disable",
            "budget.create",
            "budget.update",
            "budget.cancel",
            "budget.start");

    /** The kinds of target audit events name. */
    public static final List<String> TARGET_TYPES = List.of(
            "article", "account", "partner-key", "comment", "comment-ban", "desk", "push-subscription", "planned-item");

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

    /** The details cms-core records, by name; any other name is shown as it is stored. */
    public static final List<String> DETAILS = List.of(
            "version",
            "state",
            "holder",
            "since",
            "note",
            "reason",
            "name",
            "prefix",
            "scopes",
            "requestsPerMinute",
            "expiresAt",
            "roles",
            "enabled",
            "from",
            "to",
            "article",
            "comment",
            "rule",
            "expires",
            "byEmail",
            "abuseKind");

    /**
     * Each detail on its own: its name in the UI language, and a value that is a state, a time or a
     * yes/no said in the UI language (times in the user's zone); free text such as a note in its own
     * direction, since it may be Arabic in an English UI.
     */
    static Component details(AuditEvent event) {
        Span all = new Span();
        event.details().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(d -> {
            Span name = new Span(detailName(d.getKey()) + ": ");
            Span value = new Span(detailValue(d.getKey(), d.getValue()));
            value.getElement().setAttribute("dir", "auto");
            Span one = new Span(name, value);
            one.addClassName("audit-detail");
            one.getStyle().set("margin-inline-end", "0.75em");
            all.add(one);
        });
        return all;
    }

    /** A detail's name in the UI language. */
    public static String detailName(String name) {
        return DETAILS.contains(name) ? Notices.t("audit.detail." + name) : name;
    }

    /** A detail's value in the UI language where it is one of ours: a state, a time, yes or no. */
    public static String detailValue(String name, String value) {
        if ("state".equals(name)) {
            for (ArticleState state : ArticleState.values()) {
                if (state.name().equals(value)) {
                    return Notices.t("state." + Notices.key(value));
                }
            }
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Notices.t("audit.value." + value);
        }
        if ("never".equals(value)) {
            return Notices.t("audit.value.never");
        }
        if (value.length() >= 20 && Character.isDigit(value.charAt(0)) && value.endsWith("Z")) {
            try {
                return Notices.when(Instant.parse(value));
            } catch (DateTimeParseException notATime) {
                return value;
            }
        }
        return value;
    }

    /** The kind of target in the UI language. */
    public static String targetType(String type) {
        return TARGET_TYPES.contains(type) ? Notices.t("audit.type." + type) : type;
    }
}
