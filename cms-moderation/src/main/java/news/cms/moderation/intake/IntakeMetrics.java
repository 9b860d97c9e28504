package news.cms.moderation.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumSet;
import java.util.Set;
import news.cms.core.observability.Meters;
import news.cms.core.screening.Evidence;
import news.cms.core.screening.ScreeningCategory;
import news.cms.core.screening.ScreeningResult;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The intake's meters (docs/adr/0017): comments accepted, answered again (a retry) or refused by the
 * problem type of the refusal; what screening flagged, by category; refusals by the rate limit. Every
 * tag value is one the code names, never anything a reader sent.
 */
@Component
class IntakeMetrics {

    private final MeterRegistry meters;

    IntakeMetrics(ObjectProvider<MeterRegistry> meters) {
        this.meters = Meters.registry(meters);
        comments("accepted", "none");
        comments("refused", "rate-limited");
        for (ScreeningCategory category : ScreeningCategory.values()) {
            flags(category);
        }
        screened("clean");
        screened("flagged");
        rateLimited();
    }

    /** A new comment stored ({@code accepted}) or a retry answered with its receipt ({@code repeat}). */
    void accepted(boolean isNew) {
        comments(isNew ? "accepted" : "repeat", "none").increment();
    }

    /** @param reason the problem type the reader got, e.g. {@code rate-limited}, {@code invalid-comment} */
    void refused(String reason) {
        comments("refused", reason).increment();
        if ("rate-limited".equals(reason)) {
            rateLimited().increment();
        }
    }

    /** A new comment's screening: each category it was flagged for counts once. */
    void screened(ScreeningResult result) {
        Set<ScreeningCategory> categories = EnumSet.noneOf(ScreeningCategory.class);
        for (Evidence evidence : result.evidence()) {
            categories.add(evidence.category());
        }
        categories.forEach(category -> flags(category).increment());
        screened(categories.isEmpty() ? "clean" : "flagged").increment();
    }

    private Counter comments(String outcome, String reason) {
        return Counter.builder("cms.intake.comments")
                .description("Comment submissions by outcome and refusal reason")
                .tags("outcome", outcome, "reason", reason)
                .register(meters);
    }

    private Counter flags(ScreeningCategory category) {
        return Counter.builder("cms.screening.flags")
                .description("New comments screening flagged, by guideline category")
                .tag("category", Meters.tag(category))
                .register(meters);
    }

    private Counter screened(String outcome) {
        return Counter.builder("cms.screening.comments")
                .description("New comments screened, clean or flagged")
                .tag("outcome", outcome)
                .register(meters);
    }

    private Counter rateLimited() {
        return Counter.builder("cms.ratelimit.refusals")
                .description("Requests refused by a rate limit, by limit")
                .tag("limit", "comment-intake")
                .register(meters);
    }
}
