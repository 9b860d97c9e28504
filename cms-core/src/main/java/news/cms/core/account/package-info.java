/** Staff accounts and roles, and the sign-in look-up the apps' form login uses. */
@NullMarked
package news.cms.core.account;

import org.jspecify.annotations.NullMarked;
