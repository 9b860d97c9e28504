/**
 * The moderators' UI languages: which are offered, the one chosen for this session, and the page's
 * {@code <html lang dir>} that follows it on every page, the sign-in page too.
 */
@NullMarked
package news.cms.moderation.language;

import org.jspecify.annotations.NullMarked;
