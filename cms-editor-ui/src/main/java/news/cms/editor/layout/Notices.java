package news.cms.editor.layout;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.VaadinSession;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import news.cms.core.article.LockHeld;
import news.cms.core.language.Refusal;
import news.cms.core.media.FeaturedImageRefused;
import news.cms.core.media.UploadRefused;
import news.cms.core.workflow.IllegalTransition;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * Notifications in the UI language. The server's refusals are explained with our own words where we
 * know the failure or its code ({@link Refusals}); otherwise our word for "refused" comes first and
 * the domain's message after it.
 */
public final class Notices {

    private static final String ZONE = "cms.user-zone";

    private Notices() {}

    public static void refused(String text) {
        Notification n = new Notification(text, 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.open();
    }

    public static void done(String text) {
        Notification n = Notification.show(text, 3000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** The refusal in the UI language. */
    public static String explain(RuntimeException refusal) {
        return switch (refusal) {
            case IllegalTransition t ->
                t(
                        "error.illegal-transition",
                        t("action." + key(t.action().name())),
                        t("state." + key(t.state().name())));
            case LockHeld l ->
                t("error.lock-held", l.lock().holder(), when(l.lock().acquiredAt()));
            case AccessDeniedException d -> t("error.not-permitted", detail(d));
            case FeaturedImageRefused.TextsMissing m ->
                t(
                        "refusal.media.featured-texts-missing",
                        languageName(String.valueOf(m.params().get("language"))),
                        pictureParts(m.missing()));
            case UploadRefused.TooLarge big ->
                t("refusal.media.too-large", Math.max(1, (Long) big.params().get("limit") / (1024 * 1024)));
            case Refusal r -> Refusals.message(r, Notices::t, Notices::when).orElseGet(() -> refusedAsIs(refusal));
            default -> refusedAsIs(refusal);
        };
    }

    /**
     * A field's problem in the UI language where cms-core gave it a code we know, else the domain's
     * sentence as it is (the field already says that something was refused).
     */
    public static String explainField(IllegalArgumentException refusal) {
        if (refusal instanceof Refusal r) {
            Optional<String> known = Refusals.message(r, Notices::t, Notices::when);
            if (known.isPresent()) {
                return known.get();
            }
        }
        return detail(refusal);
    }

    /** "caption", "alt text" (the domain's words) in the UI language, joined as a list. */
    private static String pictureParts(java.util.List<String> missing) {
        java.util.List<String> named = missing.stream()
                .map(part -> t("pictures.part." + part.replace(' ', '-')))
                .toList();
        return named.size() == 2 ? t("pictures.part.both", named.get(0), named.get(1)) : String.join(", ", named);
    }

    private static String refusedAsIs(RuntimeException refusal) {
        return t("error.refused", detail(refusal));
    }

    /** A translation in the current UI's language. */
    public static String t(String key, Object... params) {
        UI ui = UI.getCurrent();
        return ui == null ? key : ui.getTranslation(key, params);
    }

    /** An instant as the UI's locale writes it, in the user's time zone. */
    public static String when(java.time.Instant at) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale())
                .withZone(zone())
                .format(at);
    }

    public static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null ? Locale.ENGLISH : ui.getLocale();
    }

    /** The user's time zone as their browser reported it, or the server's until it has. */
    public static ZoneId zone() {
        VaadinSession session = VaadinSession.getCurrent();
        Object zone = session == null ? null : session.getAttribute(ZONE);
        return zone instanceof ZoneId z ? z : ZoneId.systemDefault();
    }

    /** Remembers the browser's time zone for the session; an unknown id keeps the server's. */
    static void rememberZone(@Nullable String zoneId) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null || zoneId == null) {
            return;
        }
        try {
            session.setAttribute(ZONE, ZoneId.of(zoneId));
        } catch (java.time.DateTimeException unknown) {
            // The browser named a zone Java does not know; the server's zone stays.
        }
    }

    /** A story language's name in the UI language, from the JDK's CLDR data (any BCP 47 tag works). */
    public static String languageName(String tag) {
        String name = Locale.forLanguageTag(tag).getDisplayName(locale());
        return name.isBlank() ? tag : name;
    }

    /** Enum names as keys: {@code REQUEST_CHANGES} → {@code request-changes}. */
    public static String key(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String detail(@Nullable RuntimeException e) {
        return e == null || e.getMessage() == null ? "" : e.getMessage();
    }
}
