/** Revisions: diffs of any two revisions (field by field, a line diff of the body) and public versions. */
@NullMarked
package news.cms.core.revision;

import org.jspecify.annotations.NullMarked;
