package news.cms.core.budget;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.SequencedMap;
import org.jspecify.annotations.Nullable;

/**
 * A planning command or a planned item's field was refused: {@link #code()} says which rule
 * ({@code budget.<kind>}), {@link #field()} which form field it is about, if any.
 */
public class BudgetRefused extends IllegalArgumentException implements news.cms.core.language.Refusal {

    public enum Kind {
        /** Not letters and digits joined by single hyphens, or too long. */
        SLUG("slug"),
        /** Planned length out of range. */
        PLANNED_WORDS("planned length"),
        /** Not an enabled reporter or editor. */
        ASSIGNEE("assignee"),
        /** Starting in a language the item was not planned in. */
        LANGUAGE_NOT_PLANNED("language"),
        /** Someone other than the assignee tried to start it. */
        NOT_ASSIGNEE(null),
        /** Started already: a planned item becomes one draft only. */
        ALREADY_STARTED(null),
        CANCELLED(null),
        /** Someone else changed the item since it was read. */
        CHANGED(null);

        private final @Nullable String field;

        Kind(@Nullable String field) {
            this.field = field;
        }
    }

    private final Kind kind;
    private final SequencedMap<String, Object> params;

    public BudgetRefused(Kind kind, String message, SequencedMap<String, Object> params) {
        super(message);
        this.kind = kind;
        this.params = params;
    }

    public BudgetRefused(Kind kind, String message) {
        this(kind, message, new LinkedHashMap<>());
    }

    public Kind kind() {
        return kind;
    }

    /** The form field the refusal is about ({@code slug}, {@code assignee}…), or null for the item as a whole. */
    public @Nullable String field() {
        return kind.field;
    }

    @Override
    public String code() {
        return "budget." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public SequencedMap<String, Object> params() {
        return new LinkedHashMap<>(params);
    }
}
