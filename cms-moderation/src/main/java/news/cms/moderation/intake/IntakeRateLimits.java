package news.cms.moderation.intake;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import news.cms.core.article.ArticleId;
import news.cms.core.comment.IdempotencyKey;
import news.cms.core.ratelimit.RateLimiter;
import news.cms.core.ratelimit.RateLimiter.Rate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** Per-client and per-article rate limits of the intake (a burst, then a steady rate); a flood gets 429 with Retry-After. */
@Component
@EnableConfigurationProperties(IntakeProperties.class)
class IntakeRateLimits {

    private static final long CHARGE_MEMORY = Duration.ofMinutes(1).toNanos();
    private static final int MAX_CHARGES = 100_000;

    private final LongSupplier nanoTime;
    private final RateLimiter clients;
    private final Rate clientRate;
    private final RateLimiter perArticle;
    private final Rate articleRate;
    /** Submissions (client, article, idempotency key) charged in the last minute, by when. */
    private final ConcurrentHashMap<String, Long> charged = new ConcurrentHashMap<>();

    @Autowired
    IntakeRateLimits(IntakeProperties properties) {
        this(properties, System::nanoTime);
    }

    IntakeRateLimits(IntakeProperties properties, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.clients = new RateLimiter(nanoTime);
        this.clientRate = new Rate(properties.clientBurst(), properties.clientPerMinute());
        this.perArticle = new RateLimiter(nanoTime);
        this.articleRate = new Rate(properties.articleBurst(), properties.articlePerMinute());
    }

    /**
     * Charges one submission. Its retries, also those sent while the first is still being stored,
     * are not charged again within a minute: retrying never costs a client its quota.
     *
     * @throws IntakeRefused (429) when the client or the article is over its limit
     */
    void check(String client, ArticleId article, IdempotencyKey key) {
        long now = nanoTime.getAsLong();
        if (charged.size() > MAX_CHARGES) {
            charged.values().removeIf(at -> now - at > CHARGE_MEMORY);
        }
        String submission = client + "\n" + article + "\n" + key.value();
        Long earlier = charged.putIfAbsent(submission, now);
        if (earlier != null) {
            if (now - earlier <= CHARGE_MEMORY) {
                return;
            }
            charged.put(submission, now); // charged longer ago than remembered: a new charge
        }
        RateLimiter.Decision decision = clients.take(client, clientRate);
        if (decision.allowed()) {
            decision = perArticle.take(article.toString(), articleRate);
            if (!decision.allowed()) {
                charged.remove(submission, now);
                throw IntakeRefused.tooMany(
                        "this article is taking too many comments right now; try again later", decision.retryAfter());
            }
            return;
        }
        charged.remove(submission, now);
        throw IntakeRefused.tooMany("you are posting comments too fast; try again later", decision.retryAfter());
    }
}
