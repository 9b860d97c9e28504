/**
 * The change feed: every public change to an article (publish, go-live, update, correction,
 * unpublish, kill, embargo of a live story) as one entry, numbered in commit order without gaps,
 * written in the command's own transaction. Partners read it through {@link news.cms.core.feed.ChangeFeed}.
 */
@NullMarked
package news.cms.core.feed;

import org.jspecify.annotations.NullMarked;
