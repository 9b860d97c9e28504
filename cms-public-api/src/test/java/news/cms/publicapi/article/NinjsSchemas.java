package news.cms.publicapi.article;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The official IPTC ninjs schemas (copied unchanged into test resources from
 * shared/standards/ninjs), validated as draft 2020-12 with format assertions on, so that a bad
 * {@code uri} or {@code date-time} fails too.
 */
public final class NinjsSchemas {

    private static final Map<NinjsVersion, Schema> SCHEMAS = load();

    private NinjsSchemas() {}

    /** Every validation error of the document; empty when it is valid. */
    public static List<String> errors(NinjsVersion version, String json) {
        return SCHEMAS.get(version).validate(json, InputFormat.JSON).stream()
                .map(Error::toString)
                .toList();
    }

    private static Map<NinjsVersion, Schema> load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true)
                        .build()));
        Map<NinjsVersion, Schema> schemas = new EnumMap<>(NinjsVersion.class);
        for (NinjsVersion v : NinjsVersion.values()) {
            String file = "/ninjs/ninjs-schema_" + v.number() + ".json";
            try (InputStream in = NinjsSchemas.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("missing test resource " + file);
                }
                schemas.put(v, registry.getSchema(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schemas;
    }
}
