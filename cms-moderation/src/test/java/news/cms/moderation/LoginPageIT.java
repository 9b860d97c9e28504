package news.cms.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import news.cms.testsupport.CmsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The app boots on real engines, serves its login page and keeps the queue behind sign-in. */
@CmsIntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LoginPageIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void theLoginPageLoads() throws Exception {
        HttpResponse<String> login = get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(login.body()).contains("<html");
    }

    @Test
    void signedOutVisitorsAreSentToTheLoginPage() throws Exception {
        HttpResponse<String> root = get("/");
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void theFirstHtmlAnswerCarriesTheBrowsersLanguageAndDirection() throws Exception {
        HttpResponse<String> arabic = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("Accept-Language", "ar-IQ,ar;q=0.9")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(arabic.body()).containsPattern("<html[^>]* lang=\"ar\"").containsPattern("<html[^>]* dir=\"rtl\"");
        HttpResponse<String> turkish = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("Accept-Language", "tr")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(turkish.body()).containsPattern("<html[^>]* lang=\"tr\"").containsPattern("<html[^>]* dir=\"ltr\"");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
