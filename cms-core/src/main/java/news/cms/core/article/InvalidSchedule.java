package news.cms.core.article;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.SequencedMap;
import news.cms.core.language.Refusal;

/** A schedule or embargo time that cannot be used: one that is not in the future. */
public class InvalidSchedule extends IllegalArgumentException implements Refusal {

    /** Which time was refused. */
    public enum Kind {
        PUBLISHING,
        EMBARGO
    }

    private final Kind kind;
    private final Instant at;

    public InvalidSchedule(Kind kind, Instant at) {
        super("the " + kind.name().toLowerCase(Locale.ROOT) + " time " + at + " is not in the future");
        this.kind = kind;
        this.at = at;
    }

    public Kind kind() {
        return kind;
    }

    public Instant at() {
        return at;
    }

    /** {@code schedule.publishing-not-in-future} or {@code schedule.embargo-not-in-future}. */
    @Override
    public String code() {
        return "schedule." + kind.name().toLowerCase(Locale.ROOT) + "-not-in-future";
    }

    /** {@code at}: the time refused. */
    @Override
    public SequencedMap<String, Object> params() {
        SequencedMap<String, Object> params = new LinkedHashMap<>();
        params.put("at", at);
        return params;
    }
}
