/** Storage, the verified-key cache and last-use bookkeeping. */
@NullMarked
package news.cms.core.partnerkey.internal;

import org.jspecify.annotations.NullMarked;
