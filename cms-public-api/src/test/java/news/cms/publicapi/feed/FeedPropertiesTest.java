package news.cms.publicapi.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FeedPropertiesTest {

    private static final URI BASE = URI.create("https://api.news.example/");
    private static final URI HOME = URI.create("https://news.example/");
    private static final String PAGE = "https://news.example/{lang}/{slug}";

    @Test
    void aSecretShorterThan32CharactersIsRefused() {
        assertThatThrownBy(() -> new FeedProperties(
                        "31 characters, one too short!!!", BASE, "News", 50, HOME, PAGE, Duration.ofDays(7)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cursor-secret");
    }

    @Test
    void aSecretOf32CharactersIsTakenAndTheBaseUrlLosesItsTrailingSlash() {
        FeedProperties p = new FeedProperties(
                "exactly thirty-two characters!!!", BASE, "News", 50, HOME, PAGE, Duration.ofDays(7));
        assertThat(p.baseUrl()).hasToString("https://api.news.example");
    }

    @Test
    void theLimitsOfThePageSizeAreStated() {
        assertThat(FeedController.limit(null)).isEqualTo(50);
        assertThat(FeedController.limit("200")).isEqualTo(200);
        assertThatThrownBy(() -> FeedController.limit("201")).isInstanceOf(InvalidFeedRequest.class);
        assertThatThrownBy(() -> FeedController.limit("0")).isInstanceOf(InvalidFeedRequest.class);
    }
}
