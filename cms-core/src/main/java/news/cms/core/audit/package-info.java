/** The append-only audit trail: who did what to which target, when, queryable by target, actor and time. */
@NullMarked
package news.cms.core.audit;

import org.jspecify.annotations.NullMarked;
