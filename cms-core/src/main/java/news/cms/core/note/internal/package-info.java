/** Notes, mentions and desk members in PostgreSQL. */
@NullMarked
package news.cms.core.note.internal;

import org.jspecify.annotations.NullMarked;
