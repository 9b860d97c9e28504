/**
 * The start-up check of the secrets an app needs (ADR 0009): none may be missing or a value published
 * in this repository.
 */
@NullMarked
package news.cms.core.secrets;

import org.jspecify.annotations.NullMarked;
