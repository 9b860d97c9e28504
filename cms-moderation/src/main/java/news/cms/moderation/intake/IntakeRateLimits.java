package news.cms.moderation.intake;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.LongSupplier;
import news.cms.core.article.ArticleId;
import news.cms.core.comment.IdempotencyKey;
import news.cms.core.ratelimit.RateLimiter;
import news.cms.core.ratelimit.RateLimiter.Rate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The intake's rate limits (a burst, then a steady rate; a flood gets 429 with Retry-After), in two
 * layers. Every request first passes a per-client request limit, before the intake reads anything
 * from the database, so that one client cannot make it look up article after unknown article. A
 * submission that gets as far as being stored is then charged to its client's and its article's
 * comment quotas. All of it in bounded memory (Caffeine), per app instance (ADR 0015).
 */
@Component
@EnableConfigurationProperties(IntakeProperties.class)
class IntakeRateLimits {

    private static final Duration CHARGE_MEMORY = Duration.ofMinutes(1);
    private static final int MAX_CHARGES = 100_000;

    private final LongSupplier nanoTime;
    private final RateLimiter requests;
    private final Rate requestRate;
    private final RateLimiter clients;
    private final Rate clientRate;
    private final RateLimiter perArticle;
    private final Rate articleRate;
    /** Submissions (client, article, idempotency key) charged in the last minute, by when. */
    private final Cache<String, Long> charged;

    @Autowired
    IntakeRateLimits(IntakeProperties properties) {
        this(properties, System::nanoTime);
    }

    IntakeRateLimits(IntakeProperties properties, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.requests = new RateLimiter(nanoTime);
        this.requestRate = new Rate(properties.requestBurst(), properties.requestPerMinute());
        this.clients = new RateLimiter(nanoTime);
        this.clientRate = new Rate(properties.clientBurst(), properties.clientPerMinute());
        this.perArticle = new RateLimiter(nanoTime);
        this.articleRate = new Rate(properties.articleBurst(), properties.articlePerMinute());
        this.charged = Caffeine.newBuilder()
                .maximumSize(MAX_CHARGES)
                .expireAfterWrite(CHARGE_MEMORY)
                .ticker(nanoTime::getAsLong)
                .build();
    }

    /**
     * Counts one request of the client, whatever it asks for; the first check, made before any
     * database work.
     *
     * @param client the client's bucket ({@link RateLimiter#addressBucket})
     * @throws IntakeRefused (429) when the client sends more requests than any reader posts comments
     */
    void admit(String client) {
        RateLimiter.Decision decision = requests.take(client, requestRate);
        if (!decision.allowed()) {
            throw IntakeRefused.tooManyRequests(
                    "you are sending too many requests; try again later", decision.retryAfter());
        }
    }

    /**
     * Charges one submission. Its retries, also those sent while the first is still being stored,
     * are not charged again within a minute: retrying never costs a client its quota.
     *
     * @throws IntakeRefused (429) when the client or the article is over its limit
     */
    void check(String client, ArticleId article, IdempotencyKey key) {
        long now = nanoTime.getAsLong();
        String submission = client + "\n" + article + "\n" + key.value();
        Long earlier = charged.asMap().putIfAbsent(submission, now);
        if (earlier != null && now - earlier <= CHARGE_MEMORY.toNanos()) {
            return;
        }
        if (earlier != null) {
            charged.put(submission, now); // charged longer ago than remembered: a new charge
        }
        RateLimiter.Decision decision = clients.take(client, clientRate);
        if (decision.allowed()) {
            decision = perArticle.take(article.toString(), articleRate);
            if (!decision.allowed()) {
                charged.asMap().remove(submission, now);
                throw IntakeRefused.tooMany(
                        "this article is taking too many comments right now; try again later", decision.retryAfter());
            }
            return;
        }
        charged.asMap().remove(submission, now);
        throw IntakeRefused.tooMany("you are posting comments too fast; try again later", decision.retryAfter());
    }

    /** Submissions remembered as charged, once expired and surplus ones are gone (for tests). */
    long chargesHeld() {
        charged.cleanUp();
        return charged.estimatedSize();
    }
}
