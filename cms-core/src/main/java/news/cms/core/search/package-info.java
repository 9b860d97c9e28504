/**
 * Search: the articles index in Elasticsearch (per-language analyzers), kept up to date from article
 * events, and the query service the apps use.
 */
@NullMarked
package news.cms.core.search;

import org.jspecify.annotations.NullMarked;
