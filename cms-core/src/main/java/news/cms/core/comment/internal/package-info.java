/**
 * Persistence of comments, e-mail hashing with the configured pepper and the comment settings: not
 * used from outside the comment module.
 */
@NullMarked
package news.cms.core.comment.internal;

import org.jspecify.annotations.NullMarked;
