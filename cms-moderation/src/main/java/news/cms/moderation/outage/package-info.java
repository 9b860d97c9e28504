/**
 * What a moderator sees when the database is not answering: a notice in the UI language over the
 * page they are on (their choices and typed text stay), or a notice page when a page cannot be opened.
 */
@NullMarked
package news.cms.moderation.outage;

import org.jspecify.annotations.NullMarked;
