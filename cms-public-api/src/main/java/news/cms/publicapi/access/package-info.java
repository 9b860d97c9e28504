/**
 * Who is calling and how often: partner keys from the {@code X-API-Key} header, their scopes, and
 * per-key (or, without a key, per-address) rate limits.
 */
@NullMarked
package news.cms.publicapi.access;

import org.jspecify.annotations.NullMarked;
