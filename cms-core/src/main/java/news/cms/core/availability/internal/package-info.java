/** The guarded data source: the database's breaker in front of the connection pool. */
@NullMarked
package news.cms.core.availability.internal;

import org.jspecify.annotations.NullMarked;
