package news.cms.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import news.cms.core.account.Role;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import news.cms.testsupport.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 media store against a real S3-compatible server (S3Proxy in a child JVM): objects round
 * trip, uploads and renditions land in the bucket, and a store that is down fails an upload with a
 * clear error and nothing half-stored.
 */
@CmsIntegrationTest(properties = "cms.media.store=s3")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S3MediaStoreIT {

    static final S3ProxyServer SERVER = S3ProxyServer.start();
    static final String BUCKET = "cms-media-it";

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        SERVER.serve(BUCKET, registry);
    }

    @AfterAll
    static void stopServer() {
        SERVER.stop();
    }

    @Autowired
    MediaStore store;

    @Autowired
    MediaService media;

    @Autowired
    JdbcClient jdbc;

    @Test
    @Order(1)
    void objectsRoundTripThroughTheBucket() {
        byte[] bytes = "ڕێزان".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        store.put("originals/round-trip/original", bytes, "image/png");
        assertThat(store.get("originals/round-trip/original"))
                .hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes));
        store.delete("originals/round-trip/original");
        assertThat(store.get("originals/round-trip/original")).isEmpty();
        assertThat(store.get("originals/never-there/original")).isEmpty();
    }

    @Test
    @Order(2)
    void anUploadAndItsRenditionsLandInTheBucket() {
        MediaItem item = Newsroom.as(Newsroom.REPORTER, () -> media.upload(MediaMother.lakeAtDawn()), Role.REPORTER);
        try (S3Client s3 = client()) {
            List<String> keys = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () ->
                                    s3
                                            .listObjectsV2(b -> b.bucket(BUCKET).prefix("renditions/" + item.id()))
                                            .contents()
                                            .stream()
                                            .map(o -> o.key())
                                            .toList(),
                            k -> k.size() == MediaProperties.DEFAULT_RENDITIONS.size());
            assertThat(keys).allMatch(k -> k.endsWith(".jpg"));
            assertThat(s3.headObject(b -> b.bucket(BUCKET).key("originals/" + item.id() + "/original"))
                            .contentLength())
                    .isEqualTo(item.bytes());
        }
    }

    @Test
    @Order(3)
    void whenTheStoreIsDownAnUploadFailsClearlyAndNothingIsHalfStored() {
        long rows =
                jdbc.sql("select count(*) from media_item").query(Long.class).single();
        SERVER.stop();

        assertThatThrownBy(() ->
                        Newsroom.as(Newsroom.REPORTER, () -> media.upload(MediaMother.englishOnly()), Role.REPORTER))
                .isInstanceOf(MediaStoreUnavailable.class)
                .hasMessageContaining("cannot store originals/")
                .hasMessageContaining(BUCKET);
        assertThat(jdbc.sql("select count(*) from media_item").query(Long.class).single())
                .as("no row without bytes")
                .isEqualTo(rows);
    }

    private static S3Client client() {
        return SERVER.client(BUCKET);
    }
}
