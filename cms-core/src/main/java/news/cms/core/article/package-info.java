/**
 * Articles: the story aggregate, its content rules and the service through which every change goes.
 */
@NullMarked
package news.cms.core.article;

import org.jspecify.annotations.NullMarked;
