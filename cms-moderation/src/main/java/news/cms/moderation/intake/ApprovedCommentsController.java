package news.cms.moderation.intake;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleService;
import news.cms.core.comment.Comment;
import news.cms.core.comment.CommentCursor;
import news.cms.core.comment.CommentPage;
import news.cms.core.comment.CommentService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /v1/articles/{id}/comments?cursor=&limit=}: an article's approved comments for readers,
 * oldest first, keyset-paged with signed cursors, with a strong ETag over the exact bytes sent. Only
 * what readers may see leaves: no e-mail hash, fingerprint or receipt. Texts are JSON strings, so
 * markup in them stays text.
 */
@RestController
class ApprovedCommentsController {

    static final int MAX_LIMIT = 100;

    private final ArticleService articles;
    private final CommentService comments;
    private final SignedCursors cursors;
    private final IntakeProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    ApprovedCommentsController(
            ArticleService articles,
            CommentService comments,
            SignedCursors cursors,
            IntakeProperties properties,
            JsonMapper json,
            Clock clock) {
        this.articles = articles;
        this.comments = comments;
        this.cursors = cursors;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/v1/articles/{id}/comments")
    ResponseEntity<byte[]> approved(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String limit,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
        int size = limit(limit);
        ArticleId articleId;
        try {
            articleId = ArticleId.parse(id);
        } catch (IllegalArgumentException e) {
            throw notFound(id);
        }
        CommentCursor after = cursor == null ? null : cursor(articleId, cursor);
        articles.findPublished(articleId)
                .filter(a -> a.isReadableAt(clock.instant()))
                .orElseThrow(() -> notFound(id));

        CommentPage page = comments.approvedFor(articleId, after, size);
        Page body = new Page(
                articleId.toString(),
                page.comments().stream().map(ApprovedCommentsController::shown).toList(),
                page.next() == null ? null : cursors.sign(articleId, page.next()));
        byte[] bytes = json.writeValueAsBytes(body);
        String etag = etag(bytes);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.OK)
                .eTag(etag)
                // Caches may keep a page but must ask again: a moderator may approve more at any time.
                .cacheControl(org.springframework.http.CacheControl.noCache().cachePublic());
        if (matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(etag)
                    .cacheControl(
                            org.springframework.http.CacheControl.noCache().cachePublic())
                    .build();
        }
        return response.contentType(MediaType.APPLICATION_JSON).body(bytes);
    }

    /** One page for readers. */
    record Page(
            String article, List<Shown> comments, @Nullable String next) {}

    /** An approved comment as readers see it. */
    record Shown(String id, String displayName, String language, String text, String createdAt) {}

    private static Shown shown(Comment c) {
        return new Shown(
                c.id().toString(),
                c.displayName().value(),
                c.language().value(),
                c.text().value(),
                c.createdAt().toString());
    }

    private int limit(@Nullable String text) {
        if (text == null) {
            return properties.defaultPageSize();
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below like an out-of-range number
        }
        throw IntakeRefused.of(
                HttpStatus.BAD_REQUEST,
                "invalid-limit",
                "Invalid limit",
                "limit is a whole number from 1 to " + MAX_LIMIT);
    }

    private CommentCursor cursor(ArticleId article, String token) {
        try {
            return cursors.verify(article, token);
        } catch (IllegalArgumentException e) {
            throw IntakeRefused.of(
                    HttpStatus.BAD_REQUEST,
                    "invalid-cursor",
                    "Invalid cursor",
                    "the cursor was not issued for this article's comments: start again without one");
        }
    }

    // If-None-Match compares weakly (RFC 9110 13.1.2): W/"x" matches "x"; * matches any current page.
    private static boolean matches(@Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(t -> t.equals("*") || t.equals(etag));
    }

    private static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static IntakeRefused notFound(String id) {
        return IntakeRefused.of(
                HttpStatus.NOT_FOUND,
                "article-not-found",
                "Article not found",
                "no article " + id + " shows comments: it does not exist or is not published");
    }
}
