/** The transactional outbox's delivery guarantee: failed event publications are delivered again. */
@NullMarked
package news.cms.core.outbox;

import org.jspecify.annotations.NullMarked;
