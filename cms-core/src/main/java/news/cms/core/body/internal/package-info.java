/** The Markdown pipeline, the HTML allow-list and the link rules behind the body renderer. */
@NullMarked
package news.cms.core.body.internal;

import org.jspecify.annotations.NullMarked;
