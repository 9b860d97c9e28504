/**
 * In-app notifications: one per event and recipient, never to whoever acted, made from the outbox's
 * domain events (story returned, approved, published, corrected, killed; a mention; a broken lock;
 * a stale translation), read and unread per user, and live to open screens (docs/adr/0023).
 */
@NullMarked
package news.cms.core.notification;

import org.jspecify.annotations.NullMarked;
