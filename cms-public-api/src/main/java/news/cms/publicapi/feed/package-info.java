/**
 * The partner feed: every public change in commit order behind a signed cursor ({@code /v1/feed}),
 * and the latest live stories as Atom 1.0 and JSON Feed 1.1 for simple consumers.
 */
@NullMarked
package news.cms.publicapi.feed;

import org.jspecify.annotations.NullMarked;
