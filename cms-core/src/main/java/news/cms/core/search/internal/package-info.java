/** The Elasticsearch client, index mapping and the listener that indexes published articles. */
@NullMarked
package news.cms.core.search.internal;

import org.jspecify.annotations.NullMarked;
