package news.cms.moderation.intake;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import news.cms.core.article.ArticleId;
import news.cms.core.comment.IdempotencyKey;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** Per-client and per-article token buckets of the intake; a flood gets 429 with Retry-After. */
@Component
@EnableConfigurationProperties(IntakeProperties.class)
class RateLimits {

    private static final long CHARGE_MEMORY = Duration.ofMinutes(1).toNanos();
    private static final int MAX_CHARGES = 100_000;

    private final TokenBuckets clients;
    private final TokenBuckets perArticle;
    /** Submissions (client, article, idempotency key) charged in the last minute, by when. */
    private final ConcurrentHashMap<String, Long> charged = new ConcurrentHashMap<>();

    RateLimits(IntakeProperties properties) {
        this.clients = new TokenBuckets(properties.clientBurst(), properties.clientPerMinute(), System::nanoTime);
        this.perArticle = new TokenBuckets(properties.articleBurst(), properties.articlePerMinute(), System::nanoTime);
    }

    /**
     * Charges one submission. Its retries, also those sent while the first is still being stored,
     * are not charged again within a minute: retrying never costs a client its quota.
     *
     * @throws IntakeRefused (429) when the client or the article is over its limit
     */
    void check(String client, ArticleId article, IdempotencyKey key) {
        long now = System.nanoTime();
        if (charged.size() > MAX_CHARGES) {
            charged.values().removeIf(at -> now - at > CHARGE_MEMORY);
        }
        String submission = client + "\n" + article + "\n" + key.value();
        Long earlier = charged.putIfAbsent(submission, now);
        if (earlier != null && now - earlier <= CHARGE_MEMORY) {
            return;
        }
        charged.put(submission, now);
        Duration wait = clients.take(client);
        if (wait.isZero()) {
            wait = perArticle.take(article.toString());
            if (!wait.isZero()) {
                charged.remove(submission, now);
                throw IntakeRefused.tooMany(
                        "this article is taking too many comments right now; try again later", wait);
            }
            return;
        }
        charged.remove(submission, now);
        throw IntakeRefused.tooMany("you are posting comments too fast; try again later", wait);
    }
}
