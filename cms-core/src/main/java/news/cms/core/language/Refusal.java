package news.cms.core.language;

import java.util.SequencedMap;

/**
 * A domain refusal that a UI can say in its own language: a stable, machine-readable code and the
 * values its message needs. The exception's English message stays as it is, for logs and APIs.
 */
public interface Refusal {

    /** Stable across releases, e.g. {@code text.too-long}; UIs key their messages by it. */
    String code();

    /**
     * The values the message needs, by stable name and in a fixed order per code, e.g. {@code
     * field=headline, limit=300}. Values are strings, numbers or instants.
     */
    SequencedMap<String, Object> params();
}
