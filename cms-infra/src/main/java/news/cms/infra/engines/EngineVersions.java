package news.cms.infra.engines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The pinned engine versions and image tags, written into the jar by the build from the root pom. */
public record EngineVersions(String postgresImage, String elasticsearchImage, String elasticsearchVersion) {

    public static EngineVersions pinned() {
        Properties p = new Properties();
        try (InputStream in = EngineVersions.class.getResourceAsStream("/news/cms/infra/engines.properties")) {
            if (in == null) {
                throw new IllegalStateException("engines.properties is missing from cms-infra");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EngineVersions(
                p.getProperty("postgres.image"),
                p.getProperty("elasticsearch.image"),
                p.getProperty("elasticsearch.version"));
    }
}
