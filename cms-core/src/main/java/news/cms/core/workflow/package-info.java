/**
 * The editorial workflow: states, actions, and the table of who may move an article from where to
 * where, including the four-eyes rule.
 */
@NullMarked
package news.cms.core.workflow;

import org.jspecify.annotations.NullMarked;
