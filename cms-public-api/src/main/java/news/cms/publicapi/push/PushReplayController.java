package news.cms.publicapi.push;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import news.cms.core.partnerkey.PartnerKey;
import news.cms.core.push.PartnerReplay;
import news.cms.core.push.PushSubscriptions;
import news.cms.publicapi.access.PartnerAuthentication;
import news.cms.publicapi.config.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partner's replay of its own push subscription (the one linked to its key): every entry from a
 * feed position on, or from a time, is delivered again with its {@code webhook-id}. 202: queued, sent
 * by the worker. Needs the FEED scope (SecurityConfiguration).
 */
@RestController
class PushReplayController {

    static final String PATH = "/v1/push/replay";

    private final PushSubscriptions push;
    private final JsonMapper json;

    PushReplayController(PushSubscriptions push, JsonMapper json) {
        this.push = push;
        this.json = json;
    }

    @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> replay(@RequestBody(required = false) @Nullable String body) {
        PartnerKey key = PartnerAuthentication.current()
                .orElseThrow(() -> new IllegalStateException("the security chain lets only keyed requests here"));
        JsonNode request;
        try {
            request = json.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            throw InvalidInput.body("The body is not JSON: send {\"fromSequence\": N} or {\"since\": \"<RFC 3339>\"}.");
        }
        if (request == null || !request.isObject()) {
            throw InvalidInput.body("Send a JSON object: {\"fromSequence\": N} or {\"since\": \"<RFC 3339 time>\"}.");
        }
        JsonNode from = request.get("fromSequence");
        JsonNode since = request.get("since");
        if ((from == null) == (since == null) || request.size() != 1) {
            throw InvalidInput.body("Give exactly one of fromSequence and since, and nothing else.");
        }
        Long position = null;
        Instant time = null;
        if (from != null) {
            if (!from.isIntegralNumber() || !from.canConvertToLong() || from.asLong() < 1) {
                throw InvalidInput.body("fromSequence is a feed position: a whole number, 1 or more.");
            }
            position = from.asLong();
        } else {
            try {
                time = OffsetDateTime.parse(since.isString() ? since.asString() : "")
                        .toInstant();
            } catch (DateTimeParseException e) {
                throw InvalidInput.body("since is an RFC 3339 time such as 2026-12-05T08:00:00Z.");
            }
        }
        PartnerReplay replay = push.replayForPartner(key.id(), position, time);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("subscription", replay.subscription().toString());
        answer.put("fromSequence", replay.afterSequence() + 1);
        answer.put("queued", replay.queued());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
    }
}
