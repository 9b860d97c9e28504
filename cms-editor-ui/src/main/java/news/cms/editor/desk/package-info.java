/** The desk: queues of stories as lazy, keyset-paged grids, filtered by language and section. */
@NullMarked
package news.cms.editor.desk;

import org.jspecify.annotations.NullMarked;
