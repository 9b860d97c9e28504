/** Admin pages: staff accounts and roles, partner API keys. Views for ADMIN only; the services check again. */
@NullMarked
package news.cms.editor.admin;

import org.jspecify.annotations.NullMarked;
