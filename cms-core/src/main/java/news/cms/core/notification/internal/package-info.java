/** Notifications in PostgreSQL and the outbox listeners that make them. */
@NullMarked
package news.cms.core.notification.internal;

import org.jspecify.annotations.NullMarked;
