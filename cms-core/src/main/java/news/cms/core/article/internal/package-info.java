/** Persistence of articles: not used from outside the article module. */
@NullMarked
package news.cms.core.article.internal;

import org.jspecify.annotations.NullMarked;
