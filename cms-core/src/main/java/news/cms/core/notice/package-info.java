/**
 * Change notices between the apps' JVMs: PostgreSQL triggers NOTIFY on commit, and each JVM turns
 * them into local {@link news.cms.core.notice.ChangeNotice} events, so caches drop what changed
 * elsewhere at once. Those caches are {@link news.cms.core.notice.NoticedCache}s.
 */
@NullMarked
package news.cms.core.notice;

import org.jspecify.annotations.NullMarked;
