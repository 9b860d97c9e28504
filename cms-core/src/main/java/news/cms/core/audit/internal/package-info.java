/** Storage of audit events. */
@NullMarked
package news.cms.core.audit.internal;

import org.jspecify.annotations.NullMarked;
