package news.cms.core.push;

/**
 * What a delivery's body holds: always the notice; for the full forms also the ninjs item of the
 * version the entry announces ({@code data.item}), made by the public API's {@link PushItems}
 * (docs/adr/0024, 0034).
 */
public enum PayloadForm {
    /** The entry's uri, version, sequence, language and the {@code href} of the story. */
    NOTICE,
    /** The notice and the ninjs 2.2 item, as {@code /v1/feed} embeds it. */
    NINJS_2_2,
    /** The notice and the ninjs 3.1 item, as {@code /v1/feed?ninjs=3.1} embeds it. */
    NINJS_3_1
}
