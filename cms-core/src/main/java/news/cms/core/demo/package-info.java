/** Demo users and stories in four languages for the one-command dev stack. */
@NullMarked
package news.cms.core.demo;

import org.jspecify.annotations.NullMarked;
