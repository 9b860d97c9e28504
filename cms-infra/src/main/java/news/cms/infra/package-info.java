/**
 * Real engines for tests and the dev stack: PostgreSQL and Elasticsearch, from Testcontainers where a
 * Docker engine answers, otherwise embedded (zonky PostgreSQL, an Elasticsearch child JVM).
 */
package news.cms.infra;
