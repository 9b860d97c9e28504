package news.cms.infra.engines;

import java.net.URI;
import news.cms.infra.postgres.DatabaseRoles;

/**
 * Connection facts of a running PostgreSQL and Elasticsearch pair.
 *
 * @param kind how they run, e.g. "embedded" or "testcontainers", for logs and tests
 * @param roles the database's owner (for migrations and emptying tables between tests) and the
 *     least-privilege role the apps connect as
 */
public record Engines(String kind, String jdbcUrl, DatabaseRoles roles, URI searchUri) {}
