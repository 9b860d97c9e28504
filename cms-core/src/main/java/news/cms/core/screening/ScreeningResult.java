package news.cms.core.screening;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import news.cms.core.comment.RejectionReason;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * What screening found in one comment. There is deliberately no "approve" here: an empty result only
 * means no rule matched, and the comment still waits for a moderator.
 *
 * @param risk 0 (nothing matched) to 100, for sorting the queue
 * @param suggestedReason the reason a moderator is offered first; null when nothing matched
 * @param evidence every match, in text order
 */
public record ScreeningResult(int risk, @Nullable RejectionReason suggestedReason, List<Evidence> evidence) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ScreeningResult {
        if (risk < 0 || risk > 100) {
            throw new IllegalArgumentException("risk is 0 to 100, not " + risk);
        }
        evidence = List.copyOf(evidence);
        if (evidence.isEmpty() != (suggestedReason == null)) {
            throw new IllegalArgumentException("a reason is suggested exactly when there is evidence");
        }
    }

    public static final ScreeningResult CLEAN = new ScreeningResult(0, null, List.of());

    /** Scores the evidence: each category counts its weight once, and 10 more per further match. */
    public static ScreeningResult of(List<Evidence> evidence) {
        if (evidence.isEmpty()) {
            return CLEAN;
        }
        Map<ScreeningCategory, Integer> scores = new EnumMap<>(ScreeningCategory.class);
        for (Evidence e : evidence) {
            scores.merge(e.category(), e.category().weight(), (a, b) -> a + 10);
        }
        int risk = Math.min(
                100, scores.values().stream().mapToInt(Integer::intValue).sum());
        // Highest score wins; on a tie the more serious category (declared first) does.
        ScreeningCategory top = scores.entrySet().stream()
                .max(Comparator.<Map.Entry<ScreeningCategory, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(en -> -en.getKey().ordinal()))
                .orElseThrow()
                .getKey();
        List<Evidence> ordered = evidence.stream()
                .sorted(Comparator.comparingInt(Evidence::start).thenComparingInt(Evidence::end))
                .toList();
        return new ScreeningResult(risk, top.reason(), ordered);
    }

    public boolean flagged() {
        return !evidence.isEmpty();
    }

    /**
     * Copy-pasted promotion: text posted again (by the same client, or on the same story) that
     * carries a link, a phone number or a messaging handle. The one result an app may be configured
     * to reject without a moderator; everything else waits for a person.
     */
    public boolean hardSpam() {
        boolean repeated = evidence.stream()
                .anyMatch(e ->
                        e.rule().equals(Screener.REPEATED_BY_CLIENT) || e.rule().equals(Screener.REPEATED_ON_ARTICLE));
        return repeated && evidence.stream().anyMatch(e -> e.category() == ScreeningCategory.PROMOTION);
    }

    /** The JSON object stored in the comment's {@code screening} column. */
    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    /**
     * @throws IllegalArgumentException when the JSON is not a screening result
     */
    public static ScreeningResult fromJson(String json) {
        try {
            return JSON.readValue(json, ScreeningResult.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a screening result: " + e.getMessage(), e);
        }
    }
}
