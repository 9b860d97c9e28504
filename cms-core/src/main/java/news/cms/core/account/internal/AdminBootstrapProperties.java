package news.cms.core.account.internal;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first admin of a production newsroom, created once when no admin exists.
 *
 * @param username the admin's username; nothing happens without it
 * @param passwordFile a file holding the password (e.g. a Docker or Kubernetes secret), never the
 *     password itself in an environment variable
 * @param displayName how the admin is named in the UI and the audit log
 */
@ConfigurationProperties("cms.bootstrap.admin")
record AdminBootstrapProperties(
        @Nullable String username,
        @Nullable Path passwordFile,
        @DefaultValue("Administrator") String displayName) {}
