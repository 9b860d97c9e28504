/** Normalisation with an offset map back to the original text, and the rule lists loaded from resources. */
@NullMarked
package news.cms.core.screening.internal;

import org.jspecify.annotations.NullMarked;
