package news.cms.core.language;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.SequencedMap;
import org.jspecify.annotations.Nullable;

/** A text field was refused; the message names the field and the rule, the code says which rule. */
public class InvalidText extends IllegalArgumentException implements Refusal {

    /** Which rule the text broke; {@link #OTHER} for rules that have no code of their own yet. */
    public enum Problem {
        REQUIRED,
        BLANK,
        TOO_LONG,
        TOO_MANY,
        BROKEN_UNICODE,
        COUNTRY_CODE,
        MEDIA_TOPIC,
        URGENCY,
        OTHER;

        /** {@code TOO_LONG} → {@code text.too-long}. */
        public String code() {
            return this == OTHER
                    ? "text.invalid"
                    : "text." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final String field;
    private final Problem problem;
    private final @Nullable Integer limit;
    private final @Nullable String value;

    /** A refusal without a code of its own ({@code text.invalid}); the message is field and problem. */
    public InvalidText(String field, String problem) {
        this(field + " " + problem, field, Problem.OTHER, null, null);
    }

    /**
     * @param message the English sentence for logs and APIs
     * @param field the field's stable name, e.g. {@code headline} or {@code dateline place}
     * @param limit the limit broken, for {@link Problem#TOO_LONG} and {@link Problem#TOO_MANY}
     * @param value the value refused, where showing it helps (e.g. a country code)
     */
    public InvalidText(String message, String field, Problem problem, @Nullable Integer limit, @Nullable String value) {
        super(message);
        this.field = field;
        this.problem = problem;
        this.limit = limit;
        this.value = value;
    }

    public static InvalidText required(String field) {
        return new InvalidText(field + " is required", field, Problem.REQUIRED, null, null);
    }

    public static InvalidText blank(String field) {
        return new InvalidText(field + " must not be blank", field, Problem.BLANK, null, null);
    }

    /** Longer than {@code max} characters. */
    public static InvalidText tooLong(String field, int max) {
        return new InvalidText(field + " is longer than " + max + " characters", field, Problem.TOO_LONG, max, null);
    }

    /** More than {@code max} items, e.g. tags. */
    public static InvalidText tooMany(String field, int max) {
        return new InvalidText(field + " are at most " + max, field, Problem.TOO_MANY, max, null);
    }

    public static InvalidText brokenUnicode(String field) {
        return new InvalidText(
                field + " contains an unpaired surrogate (invalid Unicode)", field, Problem.BROKEN_UNICODE, null, null);
    }

    public String field() {
        return field;
    }

    public Problem problem() {
        return problem;
    }

    public @Nullable Integer limit() {
        return limit;
    }

    public @Nullable String value() {
        return value;
    }

    @Override
    public String code() {
        return problem.code();
    }

    /** {@code field}, then {@code limit} and {@code value} where the rule has them. */
    @Override
    public SequencedMap<String, Object> params() {
        SequencedMap<String, Object> params = new LinkedHashMap<>();
        params.put("field", field);
        if (limit != null) {
            params.put("limit", limit);
        }
        if (value != null) {
            params.put("value", value);
        }
        return params;
    }
}
