package news.cms.core.search;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the search engine is and what the articles index is called.
 *
 * @param uri the Elasticsearch HTTP endpoint
 * @param index the alias readers and writers use; the concrete index carries a version suffix
 * @param timeout how long one request of the indexer or the index's upkeep may take
 * @param connectTimeout how long connecting to the engine may take
 * @param queryTimeout how long a search for a reader or an editor may wait for its answer: short,
 *     so that a frozen engine costs a request under a second before its 503 (ADR 0013)
 */
@ConfigurationProperties("cms.search")
public record SearchProperties(
        @DefaultValue("http://127.0.0.1:9200") URI uri,
        @DefaultValue("cms-articles") String index,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("800ms") Duration connectTimeout,
        @DefaultValue("800ms") Duration queryTimeout) {}
