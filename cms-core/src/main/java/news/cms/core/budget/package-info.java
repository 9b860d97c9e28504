/**
 * The story budget: planned items (slug, section, assigned reporter, due time, planned length,
 * languages, notes) that editors plan, reporters are told of and start as drafts, once each
 * (docs/adr/0027).
 */
@NullMarked
package news.cms.core.budget;

import org.jspecify.annotations.NullMarked;
