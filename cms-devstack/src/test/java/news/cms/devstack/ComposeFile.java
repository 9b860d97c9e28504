package news.cms.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/compose.yaml as the tests read it (no Docker engine runs here): its services, their
 * environments with compose's {@code ${VARIABLE:?message}} substituted, and the apps' own
 * configuration (each module's application.properties) the file must satisfy.
 */
final class ComposeFile {

    static final Path ROOT =
            Path.of(System.getProperty("cms.root", "..")).toAbsolutePath().normalize();

    /** Compose's interpolation: {@code ${NAME}}, {@code ${NAME:?message}}, {@code ${NAME:-default}}… */
    static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)}");

    private final String text;
    private final Map<String, Object> yaml;

    private ComposeFile(String text) {
        this.text = text;
        this.yaml = new Yaml().load(text);
    }

    static ComposeFile read() {
        return new ComposeFile(read(ROOT.resolve("docker/compose.yaml")));
    }

    String text() {
        return text;
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) yaml.get("services");
    }

    Map<String, Object> service(String name) {
        Map<String, Object> service = services().get(name);
        if (service == null) {
            throw new IllegalArgumentException("compose.yaml has no service " + name);
        }
        return service;
    }

    /** The service's environment as written, merge keys resolved. */
    @SuppressWarnings("unchecked")
    Map<String, String> environment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service(service).get("environment");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (raw instanceof List<?> list) {
            for (Object entry : list) {
                String[] pair = String.valueOf(entry).split("=", 2);
                env.put(pair[0], pair.length == 2 ? pair[1] : "");
            }
        }
        return env;
    }

    /** Services built from docker/app.Dockerfile, by the module each runs (its APP build argument). */
    @SuppressWarnings("unchecked")
    Map<String, String> apps() {
        Map<String, String> apps = new LinkedHashMap<>();
        services().forEach((name, service) -> {
            if (service.get("build") instanceof Map<?, ?> build
                    && "docker/app.Dockerfile".equals(build.get("dockerfile"))
                    && build.get("args") instanceof Map<?, ?> args) {
                apps.put(name, String.valueOf(args.get("APP")));
            }
        });
        return apps;
    }

    /** Every variable the file interpolates, in order of first use. */
    Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The value with every {@code ${NAME…}} replaced by {@code variables}' value; a missing one fails. */
    static String substitute(String value, Map<String, String> variables) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = variables.get(m.group(1));
            if (v == null) {
                throw new IllegalArgumentException("no value for ${" + m.group(1) + "} in " + value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A module's own application.properties over cms-core's defaults: what the app runs with. */
    static Properties appConfiguration(String module) {
        Properties properties = new Properties();
        load(properties, ROOT.resolve("cms-core/src/main/resources/cms-core.properties"));
        load(properties, ROOT.resolve(module).resolve("src/main/resources/application.properties"));
        return properties;
    }

    /** The secrets an app refuses to start without (cms.secrets.required, ADR 0009). */
    static List<String> requiredSecrets(String module) {
        return List.of(appConfiguration(module)
                        .getProperty("cms.secrets.required", "")
                        .split(","))
                .stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** Spring Boot's environment-variable form of a property: {@code cms.public-api.cursor-secret} → {@code CMS_PUBLICAPI_CURSORSECRET}. */
    static String environmentVariable(String property) {
        return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void load(Properties properties, Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
