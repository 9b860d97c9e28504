package news.cms.infra.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Objects;

/**
 * The CMS database's two roles (ADR 0009): the owner, which owns the schema and runs the migrations,
 * and the app role the three apps connect as, with the DML the migrations grant it and nothing else.
 * {@link #apply} makes or updates them with docker/postgres/cms-roles.sql, the script the compose
 * file's PostgreSQL runs too.
 */
public record DatabaseRoles(Login owner, Login app) {

    public static final String OWNER = "cms_owner";
    public static final String APP = "cms_app";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A role name and its password; {@link #toString()} leaves the password out. */
    public record Login(String username, String password) {

        public Login {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            if (!username.matches("[a-z_][a-z0-9_]{0,62}")) {
                throw new IllegalArgumentException("not a plain role name: " + username);
            }
            if (password.isBlank()) {
                throw new IllegalArgumentException("the role " + username + " needs a password");
            }
        }

        @Override
        public String toString() {
            return username + " (password hidden)";
        }
    }

    public DatabaseRoles {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(app, "app");
        if (owner.username().equals(app.username())) {
            throw new IllegalArgumentException("the owner and the app role must differ");
        }
    }

    /** The usual role names with the given passwords. */
    public static DatabaseRoles of(String ownerPassword, String appPassword) {
        return new DatabaseRoles(new Login(OWNER, ownerPassword), new Login(APP, appPassword));
    }

    /** The usual role names with fresh random passwords, for engines that live as long as one JVM. */
    public static DatabaseRoles withRandomPasswords() {
        return of(randomSecret(), randomSecret());
    }

    /** 32 random bytes, base64url: for passwords and other secrets the dev stack and tests make. */
    public static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Makes or updates both roles and hands them the database: run on a superuser's connection to the
     * CMS database, before the first migration. Safe to run again (passwords are set anew).
     */
    public void apply(Connection superuser) throws SQLException {
        boolean autoCommit = superuser.getAutoCommit();
        superuser.setAutoCommit(false);
        try (var settings = superuser.prepareStatement("select set_config('cms.owner_role', ?, true),"
                        + " set_config('cms.owner_password', ?, true), set_config('cms.app_role', ?, true),"
                        + " set_config('cms.app_password', ?, true)");
                var script = superuser.createStatement()) {
            settings.setString(1, owner.username());
            settings.setString(2, owner.password());
            settings.setString(3, app.username());
            settings.setString(4, app.password());
            settings.execute();
            script.execute(script());
            superuser.commit();
        } catch (SQLException | RuntimeException e) {
            superuser.rollback();
            throw e;
        } finally {
            superuser.setAutoCommit(autoCommit);
        }
    }

    static String script() {
        try (InputStream in = DatabaseRoles.class.getResourceAsStream("cms-roles.sql")) {
            if (in == null) {
                throw new IllegalStateException(
                        "cms-roles.sql is missing from cms-infra (built from docker/postgres/)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
