package news.cms.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import news.cms.infra.InfrastructureException;
import news.cms.infra.postgres.DatabaseRoles;

/**
 * The dev stack's secrets, made at random on its first start and kept with its data in
 * {@code .cms-data/secrets.properties} (readable by its owner only), so that no app ever runs on a
 * value published in the repository (ADR 0009) and cursors and e-mail hashes survive a restart.
 * {@code ./cms reset} deletes them with the data.
 */
record DevSecrets(Map<String, String> values) {

    static final String OWNER_PASSWORD = "SPRING_FLYWAY_PASSWORD";
    static final String APP_PASSWORD = "SPRING_DATASOURCE_PASSWORD";

    /** Environment variables of the apps, in Spring Boot's relaxed form of each property. */
    private static final List<String> NAMES = List.of(
            OWNER_PASSWORD,
            APP_PASSWORD,
            "CMS_PUBLICAPI_CURSORSECRET",
            "CMS_MODERATION_INTAKE_CURSORSECRET",
            "CMS_COMMENTS_EMAILPEPPER",
            "CMS_PUSH_SECRETKEY");

    static DevSecrets loadOrCreate(Path file) {
        Properties stored = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    stored.load(in);
                }
            }
            boolean changed = false;
            for (String name : NAMES) {
                if (stored.getProperty(name, "").isBlank()) {
                    stored.setProperty(name, DatabaseRoles.randomSecret());
                    changed = true;
                }
            }
            if (changed) {
                Files.deleteIfExists(file);
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    stored.store(out, "dev stack secrets, made by ./cms start; ./cms reset deletes them");
                }
            }
        } catch (IOException e) {
            throw new InfrastructureException("cannot read or write the dev stack's secrets " + file + ": " + e, e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        NAMES.forEach(n -> values.put(n, stored.getProperty(n)));
        return new DevSecrets(Map.copyOf(values));
    }

    DatabaseRoles roles() {
        return DatabaseRoles.of(values.get(OWNER_PASSWORD), values.get(APP_PASSWORD));
    }

    /** What each app's process gets: the roles' names and every secret, in its environment (not in ps). */
    Map<String, String> environment() {
        DatabaseRoles roles = roles();
        Map<String, String> env = new LinkedHashMap<>(values);
        env.put("SPRING_DATASOURCE_USERNAME", roles.app().username());
        env.put("SPRING_FLYWAY_USER", roles.owner().username());
        return env;
    }

    @Override
    public String toString() {
        return "DevSecrets" + values.keySet();
    }
}
