package news.cms.core.availability;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When each engine's breaker opens and for how long (ADR 0013).
 *
 * @param database the breaker in front of the connection pool
 * @param search the breaker in front of search queries
 */
@ConfigurationProperties("cms.fail-fast")
public record FailFastProperties(
        @DefaultValue Breaker database, @DefaultValue Breaker search) {

    /**
     * @param failures failures in a row that open the breaker
     * @param openFor how long it then refuses every call before it lets one probe through
     */
    public record Breaker(
            @DefaultValue("3") int failures,
            @DefaultValue("2s") Duration openFor) {}
}
