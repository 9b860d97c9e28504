/** Bylines: who is credited on a story and in what role. */
@NullMarked
package news.cms.core.byline;

import org.jspecify.annotations.NullMarked;
