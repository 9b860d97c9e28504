/** A partner's replay of its push subscription through the public API (docs/adr/0029). */
@NullMarked
package news.cms.publicapi.push;

import org.jspecify.annotations.NullMarked;
