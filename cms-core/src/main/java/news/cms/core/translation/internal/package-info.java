/** Translation groups in PostgreSQL and the listener that keeps them in step with their sources. */
@NullMarked
package news.cms.core.translation.internal;

import org.jspecify.annotations.NullMarked;
