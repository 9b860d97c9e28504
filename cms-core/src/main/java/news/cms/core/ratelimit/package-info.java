/**
 * In-memory rate limits for the apps' HTTP ways in: one lock-free limiter, per bucket a burst and a
 * steady rate. Plain Java, no Spring; each app decides what a bucket is and how a refusal looks.
 */
@NullMarked
package news.cms.core.ratelimit;

import org.jspecify.annotations.NullMarked;
