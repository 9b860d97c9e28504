/** Persistence of accounts and the password encoder. */
@NullMarked
package news.cms.core.account.internal;

import org.jspecify.annotations.NullMarked;
