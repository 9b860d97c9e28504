/**
 * Shared kernel for secrets: HMAC-SHA-256 under a configured secret, for tamper-evident tokens (feed
 * and comment cursors) and keyed hashes (e-mail addresses). One minimum secret length, one versioned
 * token format, constant-time checks (docs/adr/0012).
 */
@NullMarked
package news.cms.core.signing;

import org.jspecify.annotations.NullMarked;
