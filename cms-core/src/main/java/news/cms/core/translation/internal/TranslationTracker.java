package news.cms.core.translation.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import news.cms.core.account.CurrentUser;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleChanged;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleService;
import news.cms.core.article.ArticleTextSaved;
import news.cms.core.audit.AuditLog;
import news.cms.core.translation.Translation;
import news.cms.core.translation.TranslationChanged;
import news.cms.core.translation.TranslationGroupId;
import news.cms.core.translation.TranslationRefused;
import news.cms.core.workflow.Action;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps groups in step with their articles' saves. Synchronous listeners in the command's
 * transaction: a flag commits or rolls back with the save that caused it, and articles never
 * depend on translations.
 */
@Component
class TranslationTracker {

    private final TranslationRepository translations;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ArticleService articles;

    TranslationTracker(
            TranslationRepository translations,
            AuditLog audit,
            ApplicationEventPublisher events,
            ArticleService articles) {
        this.translations = translations;
        this.audit = audit;
        this.events = events;
        this.articles = articles;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ArticleTextSaved saved) {
        Optional<Translation> member = translations.find(saved.articleId());
        if (member.isEmpty()) {
            return; // not in a group: one primary-key look-up per save, nothing more
        }
        Translation self = member.get();
        String lang = saved.language().primary();
        Optional<ArticleId> other = translations.member(self.group(), lang).filter(id -> !id.equals(saved.articleId()));
        if (other.isPresent()) {
            // The save changed the language to one the group has: refused, the save rolls back. Asked
            // before the update, as a failed statement would leave PostgreSQL's transaction unusable.
            throw new TranslationRefused.LanguageInGroup(
                    saved.articleId(), saved.language().value(), other.get());
        }
        translations.textSaved(saved.articleId(), lang, saved.textHash(), saved.version());
        if (self.source() != null && translations.clearStale(saved.articleId())) {
            record(
                    saved,
                    saved.articleId(),
                    self.group(),
                    "translation.cleared",
                    TranslationChanged.Kind.CLEARED,
                    Map.of("source", String.valueOf(self.source()), "version", Long.toString(saved.version())));
        }
        if (saved.minorEdit()) {
            translations.followMinorEdit(saved.articleId(), saved.textHash(), saved.version());
        } else {
            for (ArticleId stale : translations.flagStale(saved.articleId(), saved.textHash(), saved.at())) {
                record(
                        saved,
                        stale,
                        self.group(),
                        "translation.stale",
                        TranslationChanged.Kind.STALE,
                        sourceDetails(saved));
            }
        }
        if (saved.action() == Action.CORRECT) {
            for (ArticleId noticed :
                    translations.notice(saved.articleId(), Translation.SourceNotice.CORRECTED, saved.at())) {
                record(
                        saved,
                        noticed,
                        self.group(),
                        "translation.source-corrected",
                        TranslationChanged.Kind.SOURCE_CORRECTED,
                        sourceDetails(saved));
            }
        }
    }

    /** A killed source: each translation says so and stays as it is; an editor decides its fate. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ArticleChanged changed) {
        if (changed.action() != Action.KILL) {
            return;
        }
        translations.find(changed.articleId()).ifPresent(self -> {
            for (ArticleId noticed :
                    translations.notice(changed.articleId(), Translation.SourceNotice.KILLED, changed.at())) {
                Map<String, String> details = new LinkedHashMap<>();
                details.put("source", changed.articleId().toString());
                details.put("sourceVersion", Long.toString(changed.version()));
                details.put("group", self.group().toString());
                // The kill runs in this thread and transaction: its editor is the one signed in.
                audit.record(
                        CurrentUser.get().name(), "translation.source-killed", "article", noticed.toString(), details);
                events.publishEvent(new TranslationChanged(
                        noticed,
                        self.group(),
                        TranslationChanged.Kind.SOURCE_KILLED,
                        changed.at(),
                        changed.actor(),
                        authorsOf(noticed)));
            }
        });
    }

    private static Map<String, String> sourceDetails(ArticleTextSaved cause) {
        return Map.of("source", cause.articleId().toString(), "sourceVersion", Long.toString(cause.version()));
    }

    private void record(
            ArticleTextSaved cause,
            ArticleId target,
            TranslationGroupId group,
            String action,
            TranslationChanged.Kind kind,
            Map<String, String> about) {
        Map<String, String> details = new LinkedHashMap<>(new java.util.TreeMap<>(about));
        details.put("group", group.toString());
        audit.record(cause.actor(), action, "article", target.toString(), details);
        events.publishEvent(new TranslationChanged(target, group, kind, cause.at(), cause.actor(), authorsOf(target)));
    }

    /** Read as the person whose command is running: every caller here is signed-in staff. */
    private Set<String> authorsOf(ArticleId id) {
        return articles.find(id).map(Article::authors).orElse(Set.of());
    }
}
