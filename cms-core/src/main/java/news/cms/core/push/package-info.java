/**
 * Push delivery to partners (Standard Webhooks): admins' subscriptions, one delivery per
 * subscription and feed entry written in the entry's own transaction, signed, retried on a
 * schedule, kept in feed order per story, replayable, and sent only to addresses that pass the SSRF
 * rules at every connection. Read docs/adr/0024-push-delivery.md.
 */
@NullMarked
package news.cms.core.push;

import org.jspecify.annotations.NullMarked;
