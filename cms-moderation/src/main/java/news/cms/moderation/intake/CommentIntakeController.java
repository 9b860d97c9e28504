package news.cms.moderation.intake;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleId;
import news.cms.core.comment.ClientFingerprint;
import news.cms.core.comment.ClientOrigin;
import news.cms.core.comment.Comment;
import news.cms.core.comment.CommentService;
import news.cms.core.comment.CommentText;
import news.cms.core.comment.CommentThreads;
import news.cms.core.comment.CommenterBanned;
import news.cms.core.comment.DisplayName;
import news.cms.core.comment.EmailAddress;
import news.cms.core.comment.IdempotencyKey;
import news.cms.core.comment.IdempotencyKeyReused;
import news.cms.core.comment.NewComment;
import news.cms.core.comment.ReceiptId;
import news.cms.core.comment.Submission;
import news.cms.core.language.InvalidLanguageTag;
import news.cms.core.language.InvalidText;
import news.cms.core.language.LanguageTag;
import news.cms.core.ratelimit.RateLimiter;
import news.cms.core.screening.Screener;
import news.cms.core.screening.ScreeningResult;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/articles/{id}/comments} and {@code GET /v1/comments/{receipt}}. The order of checks
 * is deliberate: cheap, stateless refusals first, then the client's request limit, before anything
 * is read from the database; a retry (same client, article, Idempotency-Key and comment) is
 * answered from the database before the comment quotas, so retrying never costs a client its
 * quota; the same key with another comment is a 422.
 */
@RestController
class CommentIntakeController {

    private final PublishedArticles published;
    private final CommentService comments;
    private final CommentThreads threads;
    private final Screener screener;
    private final IntakeProperties properties;
    private final IntakeRateLimits limits;
    private final JsonMapper json;
    private final Clock clock;
    private final IntakeMetrics metrics;

    CommentIntakeController(
            PublishedArticles published,
            CommentService comments,
            CommentThreads threads,
            Screener screener,
            IntakeProperties properties,
            IntakeRateLimits limits,
            JsonMapper json,
            Clock clock,
            IntakeMetrics metrics) {
        this.published = published;
        this.comments = comments;
        this.threads = threads;
        this.screener = screener;
        this.properties = properties;
        this.limits = limits;
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
    }

    @PostMapping("/v1/articles/{id}/comments")
    ResponseEntity<Receipt> submit(@PathVariable String id, HttpServletRequest request) throws IOException {
        try {
            ResponseEntity<Receipt> answer = accept(id, request);
            metrics.accepted(answer.getStatusCode() == HttpStatus.CREATED);
            return answer;
        } catch (IntakeRefused e) {
            metrics.refused(e.type());
            throw e;
        } catch (CommenterBanned e) {
            metrics.refused("commenter-banned");
            throw e;
        } catch (IdempotencyKeyReused e) {
            metrics.refused("idempotency-key-reused");
            throw e;
        }
    }

    private ResponseEntity<Receipt> accept(String id, HttpServletRequest request) throws IOException {
        ArticleId articleId = parseArticleId(id);
        IdempotencyKey key = idempotencyKey(request.getHeader("Idempotency-Key"));
        String address = request.getRemoteAddr();
        ClientOrigin origin = origin(address, request);
        // The cheap refusal before any database work: a flood of unknown articles stops here.
        String client = RateLimiter.addressBucket(address);
        limits.admit(client);
        JsonNode body = readJson(request);
        Article article = published
                .find(articleId)
                .filter(a -> a.isReadableAt(clock.instant()))
                .orElseThrow(() -> articleNotFound(id));

        NewComment comment = newComment(article, body, key, fingerprint(address, request), origin);
        // A retry is answered before closures and rate limits: retrying never costs a client anything.
        Optional<Comment> earlier = comments.findSubmission(comment);
        if (earlier.isPresent()) {
            return answer(earlier.get(), HttpStatus.OK);
        }
        if (threads.closure(articleId).isPresent()) {
            throw IntakeRefused.of(
                    HttpStatus.FORBIDDEN,
                    "comments-closed",
                    "Comments closed",
                    "This story no longer takes comments; those already approved stay.");
        }
        limits.check(client, articleId, key);

        ScreeningResult screening = screener.screen(
                comment.text().value(), comment.language(), comments.repeatsOf(comment, properties.repeatWindow()));
        // Screening never approves; configured so, it rejects copy-pasted promotion without a person.
        String spamRule = properties.autoRejectHardSpam() && screening.hardSpam() ? "repeated-promotion" : null;
        Submission stored = comments.submit(comment, screening.toJson(), spamRule);
        if (stored.isNew()) {
            metrics.screened(screening);
        }
        return answer(stored.comment(), stored.isNew() ? HttpStatus.CREATED : HttpStatus.OK);
    }

    @GetMapping("/v1/comments/{receipt}")
    ResponseEntity<Status> status(@PathVariable String receipt) {
        ReceiptId id;
        try {
            id = new ReceiptId(receipt);
        } catch (IllegalArgumentException e) {
            throw receiptNotFound();
        }
        Comment comment = comments.findByReceipt(id).orElseThrow(CommentIntakeController::receiptNotFound);
        Status.Reason reason = comment.rejectionReason() == null
                ? null
                : new Status.Reason(
                        comment.rejectionReason().code(),
                        ReasonTexts.languageFor(comment.language()),
                        ReasonTexts.text(comment.rejectionReason(), comment.language()));
        return ResponseEntity.ok()
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new Status(
                        comment.receipt().value(),
                        comment.state().name().toLowerCase(java.util.Locale.ROOT),
                        comment.language().value(),
                        comment.createdAt().toString(),
                        reason));
    }

    /** What a commenter learns on submission: the receipt to ask about the decision later. */
    record Receipt(String receipt, String status, String statusUrl) {}

    /** A comment's decision as its commenter may see it; the reason in their language. */
    record Status(
            String receipt,
            String status,
            String language,
            String submittedAt,
            @Nullable Reason reason) {

        record Reason(String code, String language, String message) {}
    }

    private static ResponseEntity<Receipt> answer(Comment comment, HttpStatus status) {
        String url = "/v1/comments/" + comment.receipt().value();
        return ResponseEntity.status(status)
                .location(URI.create(url))
                .body(new Receipt(
                        comment.receipt().value(), comment.state().name().toLowerCase(java.util.Locale.ROOT), url));
    }

    private NewComment newComment(
            Article article, JsonNode body, IdempotencyKey key, ClientFingerprint fp, ClientOrigin origin) {
        String languageText = optionalString(body, "language");
        LanguageTag language;
        try {
            language = languageText == null ? article.content().language() : LanguageTag.of(languageText);
        } catch (InvalidLanguageTag e) {
            throw IntakeRefused.invalidField("language", e.getMessage());
        }
        String email = optionalString(body, "email");
        try {
            return new NewComment(
                    article.id(),
                    language,
                    new DisplayName(requiredString(body, "displayName")),
                    email == null || email.isBlank() ? null : new EmailAddress(email),
                    new CommentText(requiredString(body, "text")),
                    fp,
                    key,
                    origin);
        } catch (InvalidText e) {
            throw IntakeRefused.invalidField(e.field(), e.getMessage());
        }
    }

    private JsonNode readJson(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type == null || !isJson(type)) {
            throw IntakeRefused.of(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported-media-type",
                    "Unsupported media type",
                    "send the comment as application/json");
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(properties.maxBodyBytes() + 1);
        }
        if (bytes.length > properties.maxBodyBytes()) {
            throw IntakeRefused.of(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "body-too-large",
                    "Request body too large",
                    "a comment request is at most " + properties.maxBodyBytes() + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw IntakeRefused.of(
                    HttpStatus.BAD_REQUEST, "invalid-utf8", "Invalid UTF-8", "the request body is not valid UTF-8");
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException e) {
            throw IntakeRefused.of(
                    HttpStatus.BAD_REQUEST, "invalid-json", "Invalid JSON", "the request body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw IntakeRefused.of(
                    HttpStatus.BAD_REQUEST, "invalid-json", "Invalid JSON", "the request body must be a JSON object");
        }
        return node;
    }

    private static boolean isJson(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.isCompatibleWith(type)
                    || type.getSubtype().endsWith("+json");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String requiredString(JsonNode body, String field) {
        String value = optionalString(body, field);
        if (value == null) {
            throw IntakeRefused.invalidField(field, field + " is required");
        }
        return value;
    }

    private static @Nullable String optionalString(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw IntakeRefused.invalidField(field, field + " must be a string");
        }
        return value.asString();
    }

    private static ArticleId parseArticleId(String id) {
        try {
            return ArticleId.parse(id);
        } catch (IllegalArgumentException e) {
            throw articleNotFound(id);
        }
    }

    private static IdempotencyKey idempotencyKey(@Nullable String header) {
        if (header == null || header.isEmpty()) {
            throw IntakeRefused.of(
                    HttpStatus.BAD_REQUEST,
                    "idempotency-key-missing",
                    "Idempotency-Key missing",
                    "send an Idempotency-Key header, and the same one again when you retry");
        }
        try {
            return new IdempotencyKey(header);
        } catch (IllegalArgumentException e) {
            throw IntakeRefused.of(
                    HttpStatus.BAD_REQUEST, "idempotency-key-malformed", "Idempotency-Key malformed", e.getMessage());
        }
    }

    private ClientOrigin origin(String remoteAddress, HttpServletRequest request) {
        try {
            return ClientOrigin.of(remoteAddress, request.getHeader(properties.clientHeader()));
        } catch (InvalidText e) {
            throw IntakeRefused.of(
                    HttpStatus.BAD_REQUEST,
                    "client-id-malformed",
                    properties.clientHeader() + " malformed",
                    properties.clientHeader() + " "
                            + e.getMessage().substring(e.field().length()).strip());
        } catch (IllegalArgumentException e) {
            // Only a trusted proxy names the address; one that names none readable is misconfigured.
            throw new IllegalStateException("the remote address is not an IP address", e);
        }
    }

    // The v1 form predates kept traits: bans made before them match it, so it stays as it was.
    private ClientFingerprint fingerprint(String remoteAddress, HttpServletRequest request) {
        String extra = request.getHeader(properties.clientHeader());
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(remoteAddress.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            if (extra != null) {
                sha.update(extra.getBytes(StandardCharsets.UTF_8));
            }
            return new ClientFingerprint("v1:" + HexFormat.of().formatHex(sha.digest(), 0, 20));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static IntakeRefused articleNotFound(String id) {
        return IntakeRefused.of(
                HttpStatus.NOT_FOUND,
                "article-not-found",
                "Article not found",
                "no article " + id + " takes comments: it does not exist or is not published");
    }

    private static IntakeRefused receiptNotFound() {
        return IntakeRefused.of(
                HttpStatus.NOT_FOUND, "receipt-not-found", "Receipt not found", "no comment has this receipt");
    }
}
