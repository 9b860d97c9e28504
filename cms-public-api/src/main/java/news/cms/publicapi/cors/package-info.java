/** Which web pages may read the readers' endpoints from a browser (CORS). */
@NullMarked
package news.cms.publicapi.cors;

import org.jspecify.annotations.NullMarked;
