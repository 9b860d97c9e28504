/** Planned items in PostgreSQL, and who may be assigned one. */
@NullMarked
package news.cms.core.budget.internal;

import org.jspecify.annotations.NullMarked;
