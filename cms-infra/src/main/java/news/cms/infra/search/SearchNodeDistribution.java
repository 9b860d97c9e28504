package news.cms.infra.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import news.cms.infra.InfrastructureException;

/**
 * Finds the search node distribution folder that {@code ./mvnw -pl cms-search-node package} builds:
 * system property {@value #HOME_PROPERTY}, else environment variable {@value #HOME_ENV}, else
 * {@code <cms.root>/cms-search-node/target/search-node}, where {@code cms.root} is a system property
 * (Surefire and Failsafe set it to the reactor root) or the nearest folder above the working
 * directory that holds {@code cms-search-node/}.
 */
public final class SearchNodeDistribution {

    public static final String HOME_PROPERTY = "cms.search-node.home";
    public static final String HOME_ENV = "CMS_SEARCH_NODE_HOME";
    public static final String ROOT_PROPERTY = "cms.root";

    /** The java argument file inside the distribution, relative to it. */
    static final String ARGS_FILE = "config/cms-search-node.args";

    private static final List<String> REQUIRED = List.of(
            ARGS_FILE,
            "launcher/cms-search-node-launcher.jar",
            "lib",
            "modules/transport-netty4/plugin-descriptor.properties",
            "modules/cms-analysis/plugin-descriptor.properties");

    private SearchNodeDistribution() {}

    /**
     * @return the distribution folder, checked to be complete
     * @throws InfrastructureException naming the folder and the build command when it is missing
     */
    public static Path locate() {
        return requireComplete(
                candidate(System::getProperty, System::getenv, Path.of("").toAbsolutePath()));
    }

    /** Where the distribution should be, from properties, environment and working directory. */
    static Path candidate(UnaryOperator<String> properties, UnaryOperator<String> environment, Path workingDir) {
        String home = properties.apply(HOME_PROPERTY);
        if (blank(home)) {
            home = environment.apply(HOME_ENV);
        }
        if (!blank(home)) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        String root = properties.apply(ROOT_PROPERTY);
        Path rootDir = blank(root) ? findRoot(workingDir) : Path.of(root);
        return rootDir.resolve("cms-search-node/target/search-node")
                .toAbsolutePath()
                .normalize();
    }

    /**
     * @throws InfrastructureException when {@code home} is not a complete distribution folder
     */
    public static Path requireComplete(Path home) {
        if (!Files.isDirectory(home)) {
            throw new InfrastructureException("search node distribution folder not found at " + home
                    + ": run ./mvnw -pl cms-search-node package (or set -D" + HOME_PROPERTY + " / "
                    + HOME_ENV + ")");
        }
        for (String part : REQUIRED) {
            if (!Files.exists(home.resolve(part))) {
                throw new InfrastructureException("the search node distribution at " + home + " is incomplete (" + part
                        + " is missing): run ./mvnw -pl cms-search-node package");
            }
        }
        return home;
    }

    private static Path findRoot(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("cms-search-node"))) {
                return dir;
            }
        }
        return start.toAbsolutePath();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
