/** The listening connection. */
@NullMarked
package news.cms.core.notice.internal;

import org.jspecify.annotations.NullMarked;
