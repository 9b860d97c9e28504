package news.cms.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import news.cms.testsupport.CmsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The app boots on real engines, serves its login page and keeps the desk behind sign-in. */
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
        assertThat(get("/login", "ckb-IQ,ckb;q=0.9,ar;q=0.5").body())
                .containsPattern("<html[^>]* lang=\"ckb\"")
                .containsPattern("<html[^>]* dir=\"rtl\"");
        assertThat(get("/login", "ar-IQ,ar;q=0.9").body())
                .containsPattern("<html[^>]* lang=\"ar\"")
                .containsPattern("<html[^>]* dir=\"rtl\"");
        assertThat(get("/login", "tr-TR,tr;q=0.9,en;q=0.5").body())
                .containsPattern("<html[^>]* lang=\"tr\"")
                .containsPattern("<html[^>]* dir=\"ltr\"");
        // A language without a bundle gets the English page, said to be English.
        assertThat(get("/login", "fr-FR").body())
                .containsPattern("<html[^>]* lang=\"en\"")
                .containsPattern("<html[^>]* dir=\"ltr\"");
    }

    private HttpResponse<String> get(String path, String languages) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Accept-Language", languages)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
