package news.cms.editor.layout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import news.cms.core.language.Refusal;

/**
 * cms-core's coded refusals in the UI language: the message is the bundle's {@code refusal.<code>}
 * with the refusal's parameters in their order, field names from {@code refusal.field.<field>}.
 * A code or a field this UI has no words for gives nothing, and the caller falls back to the domain's
 * English sentence.
 */
public final class Refusals {

    /** Codes with a message under {@code refusal.<code>} in every bundle. */
    public static final Set<String> CODES = Set.of(
            "text.required",
            "text.blank",
            "text.too-long",
            "text.too-many",
            "text.broken-unicode",
            "text.country-code",
            "language.required",
            "language.invalid",
            "note.required",
            "note.quote-not-found",
            "schedule.publishing-not-in-future",
            "schedule.embargo-not-in-future",
            "translation.source-not-translatable",
            "translation.same-language",
            "translation.language-in-group",
            "translation.unknown-language",
            "budget.slug",
            "budget.planned-words",
            "budget.assignee",
            "budget.language-not-planned",
            "budget.not-assignee",
            "budget.already-started",
            "budget.cancelled",
            "budget.changed",
            "text.media-topic",
            "text.urgency",
            "media.empty",
            "media.unsupported-type",
            "media.type-mismatch",
            "media.too-many-pixels",
            "media.undecodable",
            "media.too-slow",
            "media.busy",
            "media.renditions-pending",
            "media.inline-unknown",
            "media.inline-not-ready",
            "media.inline-other-story",
            "media.featured-unknown",
            "media.featured-other-story");

    /** Fields of the story form and its dialogs, named under {@code refusal.field.<key>} in every bundle. */
    public static final Set<String> FIELDS = Set.of(
            "headline",
            "standfirst",
            "body",
            "section",
            "tag",
            "tags",
            "bylines",
            "byline-name",
            "byline-role",
            "language",
            "dateline",
            "dateline-place",
            "dateline-region",
            "dateline-country",
            "dateline-date",
            "note",
            "quote",
            "note-for-the-reporter",
            "public-correction-note",
            "reason-for-the-kill",
            "slug",
            "assignee",
            "due",
            "planned-length",
            "languages",
            "notes",
            "subjects",
            "urgency",
            "copyright-holder",
            "copyright-notice",
            "usage-terms");

    /** Looks a key up in the UI language, as {@code getTranslation} does. */
    @FunctionalInterface
    public interface Translator {
        String translate(String key, Object... params);
    }

    private Refusals() {}

    /**
     * The refusal in the UI language, or empty when its code or one of its fields is not one we know.
     *
     * @param when writes an instant for the user (locale and time zone)
     */
    public static Optional<String> message(Refusal refusal, Translator t, Function<Instant, String> when) {
        if (!CODES.contains(refusal.code())) {
            return Optional.empty();
        }
        List<Object> args = new ArrayList<>();
        for (Map.Entry<String, Object> p : refusal.params().entrySet()) {
            Object value = p.getValue();
            if (p.getKey().equals("field")) {
                String field = fieldKey(value.toString());
                if (!FIELDS.contains(field)) {
                    return Optional.empty();
                }
                args.add(t.translate("refusal.field." + field));
            } else if (value instanceof Instant at) {
                args.add(when.apply(at));
            } else {
                args.add(value);
            }
        }
        return Optional.of(t.translate("refusal." + refusal.code(), args.toArray()));
    }

    /** {@code dateline place} → {@code dateline-place}. */
    static String fieldKey(String field) {
        return field.strip().toLowerCase(Locale.ROOT).replace(' ', '-');
    }
}
