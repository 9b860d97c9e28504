/** Browser tests of the moderation app in headless Chromium. */
@NullMarked
package news.cms.moderation.browser;

import org.jspecify.annotations.NullMarked;
