package news.cms.publicapi.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Accept-Encoding as RFC 9110 section 12.5.3 reads it, and the gzip form made once. */
class ContentCodingTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "gzip",
                "gzip, deflate, br, zstd",
                "GZIP",
                "x-gzip",
                "*",
                "gzip;q=0.001",
                "br;q=1.0, gzip;q=0.8",
                "identity;q=0.5, gzip",
                "identity;q=0, gzip;q=0.1",
                "*;q=0.3, identity;q=0.2",
                "gzip ; q=1"
            })
    void gzipWhenAskedFor(String acceptEncoding) {
        assertThat(ContentCoding.gzip(acceptEncoding)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                " ",
                "identity",
                "br",
                "deflate, zstd",
                "gzip;q=0",
                "gzip;q=0.000",
                "identity;q=1, gzip;q=0.5",
                "*;q=0",
                "gzip;q=2",
                "gzip;q=abc",
                "gzip;q=0.5, *;q=1",
                "x-gzip;q=0, *"
            })
    void identityOtherwise(String acceptEncoding) {
        assertThat(ContentCoding.gzip(acceptEncoding)).isFalse();
    }

    @Test
    void theGzipFormIsMadeOnceAndHasAnETagOfItsOwn() throws Exception {
        byte[] body = "{\"headline\":\"پێشانگای کتێب لە هەولێر\"}".repeat(50).getBytes(StandardCharsets.UTF_8);
        Encoded encoded = Encoded.of(body);
        assertThat(encoded.gzipMade()).isFalse();
        byte[] gzip = encoded.gzip();
        assertThat(encoded.gzip()).isSameAs(gzip);
        assertThat(encoded.gzipMade()).isTrue();
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            assertThat(in.readAllBytes()).isEqualTo(body);
        }
        assertThat(gzip.length).isLessThan(body.length / 5);
        assertThat(encoded.etag()).isEqualTo(ETags.strong(body));
        assertThat(encoded.gzipEtag())
                .isNotEqualTo(encoded.etag())
                .startsWith("\"")
                .endsWith("-gzip\"");
        assertThat(encoded.size()).isEqualTo(body.length + gzip.length);
    }
}
