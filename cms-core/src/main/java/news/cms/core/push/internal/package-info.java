/** Storage, signing, the SSRF guard and the delivery worker of push subscriptions. */
@NullMarked
package news.cms.core.push.internal;

import org.jspecify.annotations.NullMarked;
