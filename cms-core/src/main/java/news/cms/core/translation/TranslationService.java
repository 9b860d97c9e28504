package news.cms.core.translation;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import news.cms.core.account.CurrentUser;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleNotFound;
import news.cms.core.article.ArticleService;
import news.cms.core.article.FieldDirections;
import news.cms.core.audit.AuditLog;
import news.cms.core.language.LanguageTag;
import news.cms.core.translation.internal.TranslationRepository;
import news.cms.core.workflow.ArticleState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
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
     * @throws news.cms.core.language.InvalidLanguageTag for a malformed or unknown language
     * @throws ArticleNotFound when there is no such source
     * @throws TranslationRefused for a killed or spiked source, its own language or one the group has
     */
    @PreAuthorize("hasAnyRole('REPORTER', 'EDITOR')")
    @Transactional
    public Article translate(ArticleId sourceId, String language) {
        LanguageTag target = LanguageTag.of(language);
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
        TranslationGroupId group;
        Optional<Translation> membership = translations.find(sourceId);
        if (membership.isPresent()) {
            group = membership.get().group();
            translations.lockGroup(group);
            for (Translation member : translations.group(group)) {
                if (member.language().equals(lang)) {
                    throw new TranslationRefused.LanguageInGroup(sourceId, target.value(), member.articleId());
                }
            }
        } else {
            group = TranslationGroupId.random();
            translations.insertOriginal(sourceId, group, source.language().primary(), sourceHash, source.version());
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
                FieldDirections.FROM_LANGUAGE));
        try {
            translations.insertTranslation(
                    draft.id(),
                    group,
                    lang,
                    draft.content().textHash(),
                    draft.version(),
                    sourceId,
                    source.version(),
                    sourceHash);
        } catch (DuplicateKeyException e) {
            // Another "translate into" for this language committed first; this one rolls back whole.
            throw new TranslationRefused.LanguageInGroup(
                    sourceId,
                    target.value(),
                    translations.group(group).stream()
                            .filter(t -> t.language().equals(lang))
                            .map(Translation::articleId)
                            .findFirst()
                            .orElse(draft.id()));
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

    /** Every version in the article's group, the original first; empty when it is in none. */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<Translation> group(ArticleId id) {
        return translations.find(id).map(t -> translations.group(t.group())).orElse(List.of());
    }

    /**
     * The article's other language versions that are published now (embargoed or not), by
     * language; open to everyone, like {@link ArticleService#findPublished}.
     */
    @Transactional(readOnly = true)
    public List<Article> publishedSiblings(ArticleId id) {
        return translations
                .find(id)
                .map(t -> translations.group(t.group()).stream()
                        .filter(m -> !m.articleId().equals(id))
                        .map(m -> articles.findPublished(m.articleId()))
                        .flatMap(Optional::stream)
                        .toList())
                .orElse(List.of());
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

    /** The group id of a published article, for public surfaces; empty when it has no siblings. */
    @Transactional(readOnly = true)
    public Optional<TranslationGroupId> publishedGroup(ArticleId id) {
        return articles.findPublished(id).flatMap(a -> translations.find(id)).map(Translation::group);
    }
}
