package news.cms.core.translation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import news.cms.core.account.CurrentUser;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleNotFound;
import news.cms.core.article.ArticleQuery;
import news.cms.core.article.ArticleService;
import news.cms.core.article.FieldDirections;
import news.cms.core.audit.AuditLog;
import news.cms.core.language.InvalidLanguageTag;
import news.cms.core.language.LanguageTag;
import news.cms.core.translation.internal.TranslationRepository;
import news.cms.core.workflow.ArticleState;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Translate into…" and the translation groups it builds. A translation is an ordinary draft made
 * through {@link ArticleService}, so it runs the whole workflow (four eyes included) on its own.
 */
@Service
public class TranslationService {

    private static final String STAFF = "hasAnyRole('REPORTER', 'EDITOR', 'ADMIN')";

    private final ArticleService articles;
    private final TranslationRepository translations;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TranslationService(
            ArticleService articles,
            TranslationRepository translations,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.articles = articles;
        this.translations = translations;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A draft of the source in {@code language}, in the source's group: bylines, dateline place,
     * section and tags carried over, the source's text in place for the translator to replace.
     *
     * @throws ArticleNotFound when there is no such source
     * @throws TranslationRefused for a malformed or unknown language, a killed or spiked source, its
     *     own language or one the group has
     */
    @PreAuthorize("hasAnyRole('REPORTER', 'EDITOR')")
    @Transactional
    public Article translate(ArticleId sourceId, String language) {
        LanguageTag target;
        try {
            target = LanguageTag.of(language);
        } catch (InvalidLanguageTag e) {
            throw new TranslationRefused.UnknownLanguage(sourceId, e);
        }
        Article source = articles.find(sourceId).orElseThrow(() -> new ArticleNotFound(sourceId));
        if (source.state() == ArticleState.KILLED || source.state() == ArticleState.SPIKED) {
            throw new TranslationRefused.SourceNotTranslatable(
                    sourceId, target.value(), source.state().label());
        }
        String lang = target.primary();
        if (source.language().primary().equals(lang)) {
            throw new TranslationRefused.SameLanguage(sourceId, target.value());
        }
        String sourceHash = source.content().textHash();
        // The source's own row makes the group. Two first translations of one story race here: the
        // second insert waits for the first transaction and then does nothing, so both end up in the
        // group that committed first (a plain insert gave the loser a duplicate-key error).
        translations.insertOriginalIfAbsent(
                sourceId, TranslationGroupId.random(), source.language().primary(), sourceHash, source.version());
        TranslationGroupId group = translations.find(sourceId).orElseThrow().group();
        translations.lockGroup(group);
        Optional<ArticleId> taken = translations.member(group, lang);
        if (taken.isPresent()) {
            throw new TranslationRefused.LanguageInGroup(sourceId, target.value(), taken.get());
        }
        ArticleContent from = source.content();
        Article draft = articles.createDraft(new ArticleContent(
                target,
                from.section(),
                from.headline(),
                from.standfirst(),
                from.body(),
                from.bylines(),
                from.dateline(),
                from.tags(),
                FieldDirections.FROM_LANGUAGE,
                from.distribution())); // the same story: its subjects, urgency and rights too
        boolean inserted = translations.insertTranslationIfFree(
                draft.id(),
                group,
                lang,
                draft.content().textHash(),
                draft.version(),
                sourceId,
                source.version(),
                sourceHash);
        if (!inserted) {
            // Only if a version in this language entered the group by another way than "translate into"
            // (a save that changed its language) since the lock: refused, the draft rolls back.
            throw new TranslationRefused.LanguageInGroup(
                    sourceId, target.value(), translations.member(group, lang).orElse(draft.id()));
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("source", sourceId.toString());
        details.put("sourceVersion", Long.toString(source.version()));
        details.put("language", target.value());
        details.put("group", group.toString());
        audit.record(
                CurrentUser.get().name(),
                "translation.create",
                "article",
                draft.id().toString(),
                details);
        events.publishEvent(new TranslationChanged(
                draft.id(),
                group,
                TranslationChanged.Kind.CREATED,
                clock.instant(),
                CurrentUser.get().name(),
                draft.authors()));
        return draft;
    }

    /** The article's place in its group; empty when it has no translations and is none. */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public Optional<Translation> find(ArticleId id) {
        return translations.find(id);
    }

    /**
     * The article's place in its group; empty when it is in none. Open to everyone, unlike {@link
     * #find}: the search index asks it with no one signed in, for every article it writes.
     */
    @Transactional(readOnly = true)
    public Optional<Translation> placeOf(ArticleId id) {
        return translations.find(id);
    }

    /** Every version in the article's group, the original first; empty when it is in none. */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<Translation> group(ArticleId id) {
        return translations.find(id).map(t -> translations.group(t.group())).orElse(List.of());
    }

    /** The group memberships of those of the articles that are in a group (a desk page's stale badges). */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<Translation> findAll(Collection<ArticleId> ids) {
        return translations.findAll(ids);
    }

    /**
     * Translations to update: the stale ones, stale longest first, a keyset page at a time.
     *
     * @param language only this primary language subtag, or all when null
     * @param after the last translation of the previous page, or null for the first page
     */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<Translation> toUpdate(@Nullable String language, @Nullable Translation after, int limit) {
        if (limit < 1 || limit > ArticleQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + ArticleQuery.MAX_LIMIT);
        }
        return translations.stale(
                language, after == null ? null : after.staleSince(), after == null ? null : after.articleId(), limit);
    }

    /**
     * The article's other language versions that are published now (embargoed or not), the
     * original first, then by language; open to everyone, like {@link ArticleService#findPublished}.
     */
    @Transactional(readOnly = true)
    public List<Article> publishedSiblings(ArticleId id) {
        return publishedSiblings(List.of(id)).getOrDefault(id, List.of());
    }

    /**
     * {@link #publishedSiblings(ArticleId)} for many articles at once (a feed page's stories), in
     * four statements whatever their number; an article in no group is missing from the answer.
     */
    @Transactional(readOnly = true)
    public Map<ArticleId, List<Article>> publishedSiblings(Collection<ArticleId> ids) {
        return publishedSiblings(translations.groupsOf(ids));
    }

    /**
     * The same for articles whose groups the caller has read already with {@link #groupsOf} (a feed
     * page reads them for its entries): one statement fewer. An article missing from {@code groupOf}
     * is in no group.
     */
    @Transactional(readOnly = true)
    public Map<ArticleId, List<Article>> publishedSiblings(Map<ArticleId, TranslationGroupId> groupOf) {
        if (groupOf.isEmpty()) {
            return Map.of();
        }
        Map<TranslationGroupId, List<ArticleId>> members = new LinkedHashMap<>();
        for (Translation t : translations.groups(groupOf.values())) {
            members.computeIfAbsent(t.group(), g -> new ArrayList<>()).add(t.articleId());
        }
        Map<ArticleId, Article> published = articles.findPublished(
                members.values().stream().flatMap(List::stream).toList());
        Map<ArticleId, List<Article>> siblings = new LinkedHashMap<>();
        groupOf.forEach((id, group) -> siblings.put(
                id,
                members.getOrDefault(group, List.of()).stream()
                        .filter(m -> !m.equals(id))
                        .map(published::get)
                        .filter(Objects::nonNull)
                        .toList()));
        return siblings;
    }

    /**
     * The ids of every version in the article's group, itself included; empty when it is in none.
     * Open to everyone: ids only, for caches of public representations that list siblings.
     */
    @Transactional(readOnly = true)
    public List<ArticleId> groupMembers(ArticleId id) {
        return translations
                .find(id)
                .map(t -> translations.group(t.group()).stream()
                        .map(Translation::articleId)
                        .toList())
                .orElse(List.of());
    }

    /**
     * The translation groups of those of {@code ids} that are in one, in one query. Open to everyone
     * (ids only), for public surfaces such as the change feed that name each entry's group.
     */
    @Transactional(readOnly = true)
    public Map<ArticleId, TranslationGroupId> groupsOf(Collection<ArticleId> ids) {
        return translations.groupsOf(ids);
    }

    /** The group id of a published article, for public surfaces; empty when it has no siblings. */
    @Transactional(readOnly = true)
    public Optional<TranslationGroupId> publishedGroup(ArticleId id) {
        return articles.findPublished(id).flatMap(a -> translations.find(id)).map(Translation::group);
    }
}
