/** Datelines: where and when a story was filed, and how each language prints that. */
@NullMarked
package news.cms.core.dateline;

import org.jspecify.annotations.NullMarked;
