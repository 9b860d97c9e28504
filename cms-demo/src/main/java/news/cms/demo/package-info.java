/**
 * Demo users and stories in four languages for the one-command dev stack, and the benchmarks' corpus.
 * A jar of its own, so that no production jar carries demo accounts or their passwords (ADR 0009).
 */
@NullMarked
package news.cms.demo;

import org.jspecify.annotations.NullMarked;
