package news.cms.moderation.intake;

import java.time.Duration;
import news.cms.core.article.ArticleId;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** Per-client and per-article token buckets of the intake; a flood gets 429 with Retry-After. */
@Component
@EnableConfigurationProperties(IntakeProperties.class)
class RateLimits {

    private final TokenBuckets clients;
    private final TokenBuckets perArticle;

    RateLimits(IntakeProperties properties) {
        this.clients = new TokenBuckets(properties.clientBurst(), properties.clientPerMinute(), System::nanoTime);
        this.perArticle = new TokenBuckets(properties.articleBurst(), properties.articlePerMinute(), System::nanoTime);
    }

    /**
     * @throws IntakeRefused (429) when the client or the article is over its limit
     */
    void check(String client, ArticleId article) {
        Duration wait = clients.take(client);
        if (!wait.isZero()) {
            throw IntakeRefused.tooMany("you are posting comments too fast; try again later", wait);
        }
        wait = perArticle.take(article.toString());
        if (!wait.isZero()) {
            throw IntakeRefused.tooMany("this article is taking too many comments right now; try again later", wait);
        }
    }
}
