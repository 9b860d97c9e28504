package news.cms.core.push.internal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import news.cms.core.language.LanguageTag;
import news.cms.core.push.PayloadForm;
import news.cms.core.push.PushItems;
import news.cms.core.push.PushProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notice a delivery carries, in the Standard Webhooks shape {@code {type, timestamp, data}}:
 * the entry's sequence (a partner resumes {@code /v1/feed} from it), the story's ninjs {@code uri},
 * the public version, language and a link to the story. Made from the delivery alone, so every
 * attempt sends the same bytes; it holds no text, so a killed story's old notice leaks nothing.
 * A full-ninjs subscription's body also has {@code data.item}, the ninjs of the announced version as
 * it is when sent ({@link PushItems}: without text once the story left or moved on).
 */
@Component
class NoticePayload {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI publicBase;

    private final @Nullable PushItems items;

    NoticePayload(PushProperties properties, ObjectProvider<PushItems> items) {
        String base = properties.publicBaseUrl().toString();
        this.publicBase = URI.create(base.endsWith("/") ? base : base + "/");
        this.items = items.getIfAvailable();
    }

    /** Whether this instance can make full-ninjs bodies (the public API's can). */
    boolean makesNinjs() {
        return items != null;
    }

    String body(DeliveryRepository.Claimed delivery) {
        return body(delivery, PayloadForm.NOTICE);
    }

    String body(DeliveryRepository.Claimed delivery, PayloadForm form) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("sequence", delivery.sequence());
        // The public API's ninjs uri form (NinjsMapper.uri), so a partner can match its items.
        data.put("uri", "urn:newsroom-cms:article:" + delivery.articleId().value());
        data.put("version", delivery.publicVersion());
        data.put("language", delivery.language());
        data.put(
                "href",
                publicBase
                        .resolve("v1/articles/" + delivery.articleId().value())
                        .toString());
        if (delivery.notice() != null) {
            data.put("notice", delivery.notice());
        }
        if (form != PayloadForm.NOTICE) {
            if (items == null) {
                throw new IllegalStateException("this instance makes no ninjs; it must not claim " + form);
            }
            data.put(
                    "item",
                    JSON.readTree(items.item(
                            new PushItems.Entry(
                                    delivery.articleId(),
                                    delivery.event(),
                                    delivery.publicVersion(),
                                    LanguageTag.of(delivery.language()),
                                    delivery.entryAt(),
                                    delivery.notice()),
                            form)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", delivery.event().type());
        body.put("timestamp", delivery.entryAt().toString());
        body.put("data", data);
        return JSON.writeValueAsString(body);
    }
}
