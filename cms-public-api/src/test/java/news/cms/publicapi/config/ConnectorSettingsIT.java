package news.cms.publicapi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.http.HttpResponse;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.publicapi.Api;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.util.unit.DataSize;

/** Tomcat's socket write buffer and its connection bound, as application.properties sets them. */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConnectorSettingsIT {

    @LocalServerPort
    int port;

    @Autowired
    WebServerApplicationContext context;

    @Autowired
    ArticleService articles;

    @Test
    void aConnectionWritesThroughA64KBBufferAndTheirNumberIsBounded() throws Exception {
        Connector connector =
                ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(String.valueOf(connector.getProperty("socket.appWriteBufSize")))
                .isEqualTo("65536");
        assertThat(String.valueOf(connector.getProperty("maxConnections"))).isEqualTo("2048");

        // A story longer than the buffer arrives whole.
        String body = "هەواڵێکی درێژ دەربارەی بازاڕی هەولێر. ".repeat(3000);
        var story =
                Newsroom.publishedStory(articles, Newsroom.story(LanguageTag.SORANI, "بازاڕی هەولێر", body, "هەولێر"));
        HttpResponse<String> article = new Api(port).get("/v1/articles/" + story.id());
        assertThat(article.statusCode()).isEqualTo(200);
        assertThat(article.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isGreaterThan(65536 * 2);
        assertThat(article.body()).contains("بازاڕی هەولێر").endsWith("}");
    }

    @Test
    void aWriteBufferOutOfRangeStopsTheStart() {
        HttpEdgeConfiguration edge = new HttpEdgeConfiguration();
        assertThatIllegalArgumentException().isThrownBy(() -> edge.socketWriteBuffer(DataSize.ofBytes(512)));
        assertThatIllegalArgumentException().isThrownBy(() -> edge.socketWriteBuffer(DataSize.ofMegabytes(8)));
    }
}
