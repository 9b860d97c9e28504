/** Storage of feed entries and the listener that appends them. */
@NullMarked
package news.cms.core.feed.internal;

import org.jspecify.annotations.NullMarked;
