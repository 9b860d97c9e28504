package news.cms.infra.engines;

import java.net.URI;

/**
 * Connection facts of a running PostgreSQL and Elasticsearch pair.
 *
 * @param kind how they run, e.g. "embedded" or "testcontainers", for logs and tests
 */
public record Engines(String kind, String jdbcUrl, String username, String password, URI searchUri) {}
