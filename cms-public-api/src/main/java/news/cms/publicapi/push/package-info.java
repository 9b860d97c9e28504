/**
 * A partner's replay of its push subscription through the public API (docs/adr/0029), and the ninjs
 * items of full-ninjs push deliveries (docs/adr/0034).
 */
@NullMarked
package news.cms.publicapi.push;

import org.jspecify.annotations.NullMarked;
