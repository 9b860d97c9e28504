/**
 * Availability of the engines the apps depend on (PostgreSQL, Elasticsearch): a small circuit
 * breaker per engine that fails requests fast after repeated failures, and {@link
 * news.cms.core.availability.Outages}, which tells an engine's failure from a bug so that the apps
 * answer 503 with {@code Retry-After} (or a notice in the UI language) instead of a 500 (ADR 0013).
 */
@NullMarked
package news.cms.core.availability;

import org.jspecify.annotations.NullMarked;
