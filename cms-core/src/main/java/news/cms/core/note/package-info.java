/**
 * Editorial notes: a thread per story, kept apart from the article (no public surface reads it),
 * anchored to a passage or to the whole story, resolved and reopened, naming users and section
 * desks with @mentions; and the desks' members (docs/adr/0023).
 */
@NullMarked
package news.cms.core.note;

import org.jspecify.annotations.NullMarked;
