package news.cms.core.screening;

/**
 * One rule that matched: its category, the rule (a listed term or a pattern name), the matched text
 * as the reader wrote it, and where: {@code [start, end)} are UTF-16 offsets into the original text,
 * so {@code text.substring(start, end)} is what a moderator sees highlighted.
 */
public record Evidence(ScreeningCategory category, String rule, String matched, int start, int end) {

    public Evidence {
        if (category == null || rule == null || matched == null) {
            throw new IllegalArgumentException("evidence needs a category, a rule and the matched text");
        }
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("evidence needs a non-empty range, not [" + start + ", " + end + ")");
        }
    }
}
