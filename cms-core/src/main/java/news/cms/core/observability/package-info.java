/**
 * Shared kernel for operations (docs/adr/0017): meters and the request id. Each feature registers
 * its own meters with {@link news.cms.core.observability.Meters}; tags are low-cardinality only (an
 * action, an outcome, a reason, a category, a language), never an id or an address. Every request
 * to an app carries a {@link news.cms.core.observability.RequestId}, in its log lines, its answer's
 * header and its problem details.
 */
@NullMarked
package news.cms.core.observability;

import org.jspecify.annotations.NullMarked;
