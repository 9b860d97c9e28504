package news.cms.core.media;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import news.cms.core.account.CurrentUser;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleNotFound;
import news.cms.core.article.ArticleService;
import news.cms.core.audit.AuditLog;
import news.cms.core.language.LanguageTag;
import news.cms.core.media.internal.FeaturedImageGuard;
import news.cms.core.media.internal.InlineImageGuard;
import news.cms.core.media.internal.MediaDigest;
import news.cms.core.media.internal.MediaRepository;
import news.cms.core.media.internal.UploadChecks;
import news.cms.core.workflow.Action;
import news.cms.core.workflow.Actor;
import news.cms.core.workflow.ArticleState;
import news.cms.core.workflow.NotPermitted;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pictures: upload (checked in the safe order, docs/adr/0021), texts, rights, focal point, an
 * article's featured image, and the renditions the public may fetch.
 *
 * <p>An upload stores the original's bytes first, then its row (and the outbox event that asks for
 * renditions) in one transaction; when the transaction fails the bytes are deleted again, so a row
 * never points at missing bytes and no bytes stay without a row.
 */
@Service
public class MediaService {

    private static final Logger log = LoggerFactory.getLogger(MediaService.class);
    private static final String STAFF = "hasAnyRole('REPORTER', 'EDITOR', 'ADMIN')";
    private static final String WRITERS = "hasAnyRole('REPORTER', 'EDITOR')";

    private final MediaRepository media;
    private final MediaStore store;
    private final UploadChecks checks;
    private final FeaturedImageGuard guard;
    private final InlineImageGuard pictureRules;
    private final ArticleService articles;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MediaProperties properties;
    // Rendition keys carry their digest: an entry never goes stale, only out of the bounded memory.
    private final Cache<String, byte[]> renditionBytes;

    MediaService(
            MediaRepository media,
            MediaStore store,
            UploadChecks checks,
            FeaturedImageGuard guard,
            InlineImageGuard pictureRules,
            ArticleService articles,
            AuditLog audit,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock,
            MediaProperties properties) {
        this.media = media;
        this.store = store;
        this.checks = checks;
        this.guard = guard;
        this.pictureRules = pictureRules;
        this.articles = articles;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
        this.renditionBytes = Caffeine.newBuilder()
                .maximumWeight(properties.renditionCache().toBytes())
                .weigher((String key, byte[] bytes) -> bytes.length)
                .build();
    }

    /**
     * Checks the upload, stores the original and records the item; its renditions follow
     * asynchronously.
     *
     * @throws UploadRefused when the file is refused (nothing stored)
     * @throws MediaStoreUnavailable when the store failed (nothing stored)
     */
    @PreAuthorize(WRITERS)
    public MediaItem upload(NewMedia upload) {
        return store(upload, null);
    }

    /**
     * Uploads a picture onto a story: checked and stored as {@link #upload(NewMedia)} does, and one of
     * the story's pictures in the same transaction.
     *
     * @throws ArticleNotFound when there is no such story
     * @throws NotPermitted when this user may not edit the story now (nothing stored)
     * @throws UploadRefused when the file is refused (nothing stored)
     * @throws MediaStoreUnavailable when the store failed (nothing stored)
     */
    @PreAuthorize(WRITERS)
    public MediaItem uploadTo(ArticleId articleId, NewMedia upload) {
        Article article = articles.find(articleId).orElseThrow(() -> new ArticleNotFound(articleId));
        checkMayChangePictures(article);
        return store(upload, articleId);
    }

    private MediaItem store(NewMedia upload, @Nullable ArticleId story) {
        UploadChecks.Accepted accepted = checks.check(upload.bytes(), upload.declaredType(), upload.fileName());
        MediaId id = MediaId.random();
        String key = "originals/" + id + "/original";
        String who = CurrentUser.get().name();
        Instant now = clock.instant();
        Map<String, MediaText> texts = new LinkedHashMap<>();
        upload.texts().forEach((lang, text) -> texts.put(lang.primary(), text));
        MediaItem item = new MediaItem(
                id,
                accepted.format(),
                accepted.width(),
                accepted.height(),
                upload.bytes().length,
                MediaDigest.sha256(upload.bytes()),
                upload.copyrightHolder(),
                upload.usageTerms(),
                upload.focalPoint(),
                texts,
                1,
                List.of(),
                0,
                who,
                now,
                now);
        store.put(key, upload.bytes(), accepted.format().contentType());
        try {
            transactions.executeWithoutResult(status -> {
                media.insert(item, key);
                if (story != null) {
                    media.addPicture(story, id, who, now);
                }
                Map<String, String> details = new LinkedHashMap<>();
                details.put("format", item.format().name());
                details.put("size", item.width() + "x" + item.height());
                details.put("bytes", Long.toString(item.bytes()));
                details.put("sha256", item.sha256());
                audit.record(who, "media.upload", "media", id.toString(), details);
                events.publishEvent(new RenditionsDue(id, item.generation()));
            });
        } catch (RuntimeException e) {
            deleteQuietly(key);
            throw e;
        }
        return item;
    }

    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public Optional<MediaItem> find(MediaId id) {
        return media.find(id);
    }

    /** The story's pictures, the first uploaded first (its featured picture among them). */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<MediaItem> pictures(ArticleId articleId) {
        return media.pictures(articleId).stream()
                .flatMap(id -> media.find(id).stream())
                .toList();
    }

    /**
     * Whether the signed-in user may change the story's pictures now: whoever may edit its text
     * (the workflow's edit, update or correct), no one else (docs/adr/0025).
     */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public boolean mayChangePictures(Article article) {
        Set<Action> allowed = articles.allowedActions(article);
        return allowed.contains(Action.EDIT) || allowed.contains(Action.UPDATE) || allowed.contains(Action.CORRECT);
    }

    /**
     * A rendition's bytes for the editor's previews, whatever its stories' state: the current one,
     * else the last one made (a new focal point's are on their way). Never the original.
     */
    @PreAuthorize(STAFF)
    public Optional<byte[]> preview(MediaId id, String name) {
        Optional<MediaItem> item = transactions.execute(status -> media.find(id));
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Optional<Rendition> rendition = item.get()
                .rendition(name)
                .or(() -> item.get().renditions().stream()
                        .filter(r -> r.name().equals(name))
                        .findFirst());
        if (rendition.isEmpty()) {
            return Optional.empty();
        }
        String key = rendition.get().storageKey();
        byte[] cached = renditionBytes.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        return store.get(key).map(bytes -> {
            renditionBytes.put(key, bytes);
            return bytes;
        });
    }

    /**
     * Sets the picture's caption, alt text and credit in one language (empty fields remove them).
     *
     * @throws FeaturedImageRefused when a public or scheduled story in that language features it and
     *     would lose its caption or alt text
     */
    @PreAuthorize(WRITERS)
    @Transactional
    public MediaItem describe(MediaId id, LanguageTag language, MediaText text) {
        MediaItem item = media.findForUpdate(id).orElseThrow(() -> new MediaNotFound(id));
        checkMayChangeStoriesOf(id);
        media.putText(id, language.primary(), text);
        MediaItem next = touched(item);
        media.update(next);
        checkFeaturingStories(id);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("language", language.value());
        audit.record(CurrentUser.get().name(), "media.describe", "media", id.toString(), details);
        return media.find(id).orElseThrow();
    }

    /** Sets the copyright holder and usage terms (either may be blank). */
    @PreAuthorize(WRITERS)
    @Transactional
    public MediaItem setRights(MediaId id, @Nullable String copyrightHolder, @Nullable String usageTerms) {
        MediaItem item = media.findForUpdate(id).orElseThrow(() -> new MediaNotFound(id));
        checkMayChangeStoriesOf(id);
        MediaItem next = copy(
                item,
                NewMedia.optional(copyrightHolder, "copyright holder", NewMedia.MAX_COPYRIGHT),
                NewMedia.optional(usageTerms, "usage terms", NewMedia.MAX_USAGE_TERMS),
                item.focalPoint(),
                item.generation());
        media.update(next);
        audit.record(CurrentUser.get().name(), "media.rights", "media", id.toString(), Map.of());
        return media.find(id).orElseThrow();
    }

    /**
     * Moves the focal point; the renditions are made again (a new generation), and until they are,
     * a story featuring the picture cannot be published.
     */
    @PreAuthorize(WRITERS)
    @Transactional
    public MediaItem setFocalPoint(MediaId id, FocalPoint focalPoint) {
        MediaItem item = media.findForUpdate(id).orElseThrow(() -> new MediaNotFound(id));
        checkMayChangeStoriesOf(id);
        if (item.focalPoint().equals(focalPoint)) {
            return item;
        }
        MediaItem next = copy(item, item.copyrightHolder(), item.usageTerms(), focalPoint, item.generation() + 1);
        media.update(next);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("x", Double.toString(focalPoint.x()));
        details.put("y", Double.toString(focalPoint.y()));
        audit.record(CurrentUser.get().name(), "media.focal-point", "media", id.toString(), details);
        events.publishEvent(new RenditionsDue(id, next.generation()));
        return media.find(id).orElseThrow();
    }

    /**
     * Makes the picture the story's featured image, or removes it ({@code null}). A public or
     * scheduled story must still meet the publishing rules with it.
     *
     * @throws ArticleNotFound when there is no such article
     * @throws PictureRefused when there is no such picture, or another story (not a translation of
     *     this one) shows it (docs/adr/0031)
     * @throws FeaturedImageRefused when the story is public or scheduled and the picture lacks texts
     *     in its language, or renditions
     */
    @PreAuthorize(WRITERS)
    @Transactional
    public void setFeaturedImage(ArticleId articleId, @Nullable MediaId mediaId) {
        Article article = articles.find(articleId).orElseThrow(() -> new ArticleNotFound(articleId));
        checkMayChangePictures(article);
        String who = CurrentUser.get().name();
        Map<String, String> details = new LinkedHashMap<>();
        if (mediaId == null) {
            media.clearFeaturedImage(articleId);
        } else {
            if (media.find(mediaId).isEmpty()) {
                throw new PictureRefused.Unknown(articleId, mediaId);
            }
            Optional<ArticleId> other = pictureRules.shownElsewhere(articleId, mediaId);
            if (other.isPresent()) {
                throw new PictureRefused.OtherStory(articleId, mediaId, other.get());
            }
            media.setFeaturedImage(articleId, mediaId, who, clock.instant());
            media.addPicture(articleId, mediaId, who, clock.instant());
            if (isPublicOrDue(article)) {
                guard.check(article);
            }
            details.put("media", mediaId.toString());
        }
        audit.record(who, "article.featured-image", "article", articleId.toString(), details);
    }

    /** The story's featured image, for the editor. */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public Optional<MediaItem> featuredImage(ArticleId articleId) {
        return media.featuredImage(articleId).flatMap(media::find);
    }

    /**
     * The featured image of a published story, for public surfaces; open to everyone, empty for a
     * story that is not published (never published, unpublished or killed).
     */
    @Transactional(readOnly = true)
    public Optional<MediaItem> publishedFeaturedImage(ArticleId articleId) {
        if (articles.findPublished(articleId).isEmpty()) {
            return Optional.empty();
        }
        return media.featuredImage(articleId).flatMap(media::find);
    }

    /**
     * The pictures a published story's body places ({@code ![alt](media:<uuid>)}, docs/adr/0026)
     * that may be shown: recorded for this story and with every rendition made. A picture removed
     * or not ready is missing, so the body leaves it out. Open to everyone; empty for a story that
     * is not published.
     */
    @Transactional(readOnly = true)
    public Map<MediaId, MediaItem> publishedInlineImages(ArticleId articleId) {
        return articles.findPublished(articleId)
                .map(a -> publishedPictures(List.of(a)).get(a.id()).inline())
                .orElse(Map.of());
    }

    /** What public surfaces show of a published story: its featured image and its body's pictures. */
    public record PublishedPictures(Optional<MediaItem> featured, Map<MediaId, MediaItem> inline) {}

    /**
     * {@link #publishedFeaturedImage} and {@link #publishedInlineImages} for many published stories
     * at once (a feed page's), in five statements whatever their number; a story that is not
     * published is missing from the answer. Open to everyone.
     */
    @Transactional(readOnly = true)
    public Map<ArticleId, PublishedPictures> publishedPictures(Collection<Article> stories) {
        List<Article> published = stories.stream().filter(Article::isPublished).toList();
        List<ArticleId> ids = published.stream().map(Article::id).toList();
        Map<ArticleId, MediaId> featured = media.featuredImages(ids);
        Map<ArticleId, Set<MediaId>> placed = media.inlineImages(ids);
        Map<MediaId, MediaItem> items = media.findAll(Stream.concat(
                        featured.values().stream(), placed.values().stream().flatMap(Set::stream))
                .toList());
        Map<ArticleId, PublishedPictures> shown = new LinkedHashMap<>();
        for (Article story : published) {
            Set<MediaId> inBody = placed.getOrDefault(story.id(), Set.of());
            Map<MediaId, MediaItem> inline = new LinkedHashMap<>();
            for (MediaId id : InlineImageSyntax.pictures(story.body())) {
                MediaItem item = items.get(id);
                if (inBody.contains(id) && item != null && ready(item)) {
                    inline.put(id, item);
                }
            }
            shown.put(
                    story.id(),
                    new PublishedPictures(
                            Optional.ofNullable(featured.get(story.id())).map(items::get), inline));
        }
        return shown;
    }

    private boolean ready(MediaItem item) {
        return properties.renditions().stream()
                .allMatch(spec -> item.rendition(spec.name()).isPresent());
    }

    /**
     * A rendition the public may fetch now: a current rendition (never the original) of a picture
     * that a published story shows (featured or in its body), readable now or, for a caller who may, under embargo.
     * Empty for anything else (unknown, pictures of drafts, unpublished or killed stories only).
     */
    public Optional<PublicRendition> publicRendition(MediaId id, String name, boolean mayReadEmbargoed) {
        Optional<MediaItem> item = transactions.execute(status -> media.find(id));
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Optional<Rendition> rendition = item.get().rendition(name);
        if (rendition.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        boolean readable = false;
        boolean embargoedOnly = false;
        List<ArticleId> showing = transactions.execute(status -> media.showing(id));
        for (ArticleId a : showing == null ? List.<ArticleId>of() : showing) {
            Optional<Article> published = articles.findPublished(a);
            if (published.isPresent() && published.get().isReadableAt(now)) {
                readable = true;
                break;
            }
            embargoedOnly |= published.isPresent() && mayReadEmbargoed;
        }
        if (!readable && !embargoedOnly) {
            return Optional.empty();
        }
        boolean embargoed = !readable;
        String key = rendition.get().storageKey();
        byte[] cached = renditionBytes.getIfPresent(key);
        if (cached != null) {
            return Optional.of(new PublicRendition(rendition.get(), cached, embargoed));
        }
        return store.get(key).map(bytes -> {
            renditionBytes.put(key, bytes);
            return new PublicRendition(rendition.get(), bytes, embargoed);
        });
    }

    /** A picture's texts, rights and focal point show in each of its stories: each must be editable by this user. */
    private void checkMayChangeStoriesOf(MediaId id) {
        for (ArticleId a : media.stories(id)) {
            articles.find(a).ifPresent(this::checkMayChangePictures);
        }
    }

    private void checkMayChangePictures(Article article) {
        if (!mayChangePictures(article)) {
            CurrentUser user = CurrentUser.get();
            throw new NotPermitted(Actor.person(user.name(), user.roles()), article.state(), Action.EDIT, null);
        }
    }

    private void checkFeaturingStories(MediaId id) {
        for (ArticleId a : media.featuring(id)) {
            articles.find(a).filter(MediaService::isPublicOrDue).ifPresent(guard::check);
        }
    }

    private static boolean isPublicOrDue(Article a) {
        return a.state() == ArticleState.PUBLISHED || a.state() == ArticleState.SCHEDULED;
    }

    private MediaItem touched(MediaItem i) {
        return copy(i, i.copyrightHolder(), i.usageTerms(), i.focalPoint(), i.generation());
    }

    private MediaItem copy(
            MediaItem i, @Nullable String holder, @Nullable String terms, FocalPoint focal, int generation) {
        return new MediaItem(
                i.id(),
                i.format(),
                i.width(),
                i.height(),
                i.bytes(),
                i.sha256(),
                holder,
                terms,
                focal,
                i.texts(),
                generation,
                i.renditions(),
                i.version() + 1,
                i.createdBy(),
                i.createdAt(),
                clock.instant());
    }

    private void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (RuntimeException e) {
            log.warn("could not delete {} after a failed upload: {}", key, e.toString());
        }
    }
}
