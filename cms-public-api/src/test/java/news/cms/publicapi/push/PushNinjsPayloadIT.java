package news.cms.publicapi.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.core.push.IssuedSecret;
import news.cms.core.push.PayloadForm;
import news.cms.core.push.PushEvent;
import news.cms.core.push.PushSubscriptions;
import news.cms.core.push.Receiver;
import news.cms.core.push.SubscriptionSettings;
import news.cms.publicapi.article.NinjsSchemas;
import news.cms.publicapi.article.NinjsVersion;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Full-ninjs push payloads on real loopback receivers: a subscription asking for ninjs 2.2 and one
 * asking for 3.1 get, beside the notice, the item of the version each entry announces; every item
 * validates against IPTC's schema of its version, every delivery verifies with the Standard Webhooks
 * library, and a kill's item is {@code canceled} with its notice and no text.
 */
@CmsIntegrationTest(
        properties = {
            "cms.push.worker-enabled=true",
            "cms.push.allow-http=true",
            "cms.push.allowed-networks=127.0.0.0/8,::1/128",
            "cms.push.poll-interval=100ms"
        })
class PushNinjsPayloadIT {

    static final Duration PROMPTLY = Duration.ofSeconds(20);

    @Autowired
    PushSubscriptions push;

    @Autowired
    ArticleService articles;

    @Test
    void fullNinjsSubscriptionsGetTheAnnouncedVersionValidInTheirSchema() throws Exception {
        try (Receiver r22 = Receiver.ok();
                Receiver r31 = Receiver.ok()) {
            IssuedSecret s22 = subscribe("Wire 2.2", r22, PayloadForm.NINJS_2_2);
            IssuedSecret s31 = subscribe("Wire 3.1", r31, PayloadForm.NINJS_3_1);
            Article ar = Newsroom.publishedStory(
                    articles,
                    Newsroom.story(
                            LanguageTag.ARABIC, "افتتاح متحف في أربيل", "افتتح المتحف أبوابه صباح اليوم.", "أربيل"));
            Article tr = Newsroom.publishedStory(
                    articles,
                    Newsroom.story(LanguageTag.TURKISH, "Erbil'de müze açıldı", "Müze bu sabah açıldı.", "Erbil"));
            Article ckb = Newsroom.publishedStory(
                    articles,
                    Newsroom.story(LanguageTag.SORANI, "هەواڵێک کە کوژرایەوە", "ئەم دەقە نابێت بمێنێت.", "هەولێر"));
            Awaitility.await()
                    .atMost(PROMPTLY)
                    .until(() -> r22.requests().size() >= 3 && r31.requests().size() >= 3);
            Newsroom.asEditor(() -> articles.kill(ckb.id(), ckb.version(), "سەرچاوەکە پاشگەز بووەوە"));
            Awaitility.await()
                    .atMost(PROMPTLY)
                    .until(() -> r22.requests().size() >= 4 && r31.requests().size() >= 4);

            check(r22, s22, NinjsVersion.V2_2, ar, tr, ckb);
            check(r31, s31, NinjsVersion.V3_1, ar, tr, ckb);
        }
    }

    private void check(
            Receiver receiver, IssuedSecret secret, NinjsVersion version, Article ar, Article tr, Article killed)
            throws Exception {
        Webhook partner = new Webhook(secret.secret());
        for (Receiver.Request request : receiver.requests()) {
            partner.verify(request.body(), request.headers()); // throws if the signature or time is wrong
            JsonNode data = request.json().path("data");
            JsonNode item = data.path("item");
            assertThat(item.isObject()).as(request.body()).isTrue();
            assertThat(NinjsSchemas.errors(version, item.toString()))
                    .as(version + ": " + item)
                    .isEmpty();
            assertThat(item.path("uri").asString()).isEqualTo(data.path("uri").asString());
            assertThat(item.path("version").asString())
                    .isEqualTo(data.path("version").asString());
            assertThat(item.path("language").asString())
                    .isEqualTo(data.path("language").asString());
        }
        JsonNode arabic = itemOf(receiver, ar, "article.published");
        assertThat(arabic.path("headlines").get(0).path("value").asString()).isEqualTo("افتتاح متحف في أربيل");
        assertThat(arabic.toString()).contains("افتتح المتحف أبوابه صباح اليوم.");
        JsonNode turkish = itemOf(receiver, tr, "article.published");
        assertThat(turkish.toString()).contains("Müze bu sabah açıldı.");
        if (version == NinjsVersion.V3_1) {
            assertThat(turkish.path("standard").path("version").asString()).isEqualTo("3.1");
        }
        JsonNode kill = itemOf(receiver, killed, "article.killed");
        // ninjs 3 writes its members in camelCase.
        assertThat(kill.path(version == NinjsVersion.V3_1 ? "pubStatus" : "pubstatus")
                        .asString())
                .isEqualTo("canceled");
        assertThat(kill.toString()).contains("سەرچاوەکە پاشگەز بووەوە").doesNotContain("ئەم دەقە نابێت بمێنێت");
    }

    private static JsonNode itemOf(Receiver receiver, Article story, String type) {
        return receiver.requests().stream()
                .map(Receiver.Request::json)
                .filter(j -> j.path("type").asString().equals(type)
                        && j.path("data")
                                .path("uri")
                                .asString()
                                .endsWith(story.id().toString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " of " + story.id()))
                .path("data")
                .path("item");
    }

    private IssuedSecret subscribe(String name, Receiver receiver, PayloadForm form) {
        return Newsroom.as(
                "hevi",
                () -> push.create(new SubscriptionSettings(
                        name, receiver.uri(), EnumSet.allOf(PushEvent.class), Set.of(), Set.of(), form)),
                Role.ADMIN);
    }
}
