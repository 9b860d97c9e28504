/**
 * Partners' API keys: issued by an admin with scopes, an expiry and a request rate; the secret is
 * shown once and kept only as a hash; revocation takes effect in every app at once.
 */
@NullMarked
package news.cms.core.partnerkey;

import org.jspecify.annotations.NullMarked;
