package news.cms.core.translation;

import java.util.LinkedHashMap;
import java.util.SequencedMap;
import news.cms.core.article.ArticleId;
import news.cms.core.language.InvalidLanguageTag;
import news.cms.core.language.Refusal;
import org.jspecify.annotations.Nullable;

/**
 * "Translate into…" was refused and nothing was stored. Each reason is its own type with a stable
 * {@link #code()}, so the apps map it to their own problem type or UI message: {@code
 * translation.unknown-language}, {@code translation.same-language}, {@code
 * translation.language-in-group}, {@code translation.source-not-translatable}. A save that comes
 * too late is the article's {@link news.cms.core.article.StaleVersion} ({@code article.stale-version}).
 */
public abstract sealed class TranslationRefused extends RuntimeException implements Refusal
        permits TranslationRefused.UnknownLanguage,
                TranslationRefused.SourceNotTranslatable,
                TranslationRefused.SameLanguage,
                TranslationRefused.LanguageInGroup {

    private final ArticleId source;
    private final String language;

    TranslationRefused(String message, ArticleId source, String language) {
        this(message, source, language, null);
    }

    TranslationRefused(String message, ArticleId source, String language, @Nullable Throwable cause) {
        super(message, cause);
        this.source = source;
        this.language = language;
    }

    public ArticleId source() {
        return source;
    }

    /** The language asked for. */
    public String language() {
        return language;
    }

    /** {@code language}: the language asked for. */
    @Override
    public SequencedMap<String, Object> params() {
        SequencedMap<String, Object> params = new LinkedHashMap<>();
        params.put("language", language);
        return params;
    }

    /** The target is not a language: malformed, or a well-formed tag no one speaks ({@code qqx}). */
    public static final class UnknownLanguage extends TranslationRefused {

        public UnknownLanguage(ArticleId source, InvalidLanguageTag cause) {
            super(cause.getMessage(), source, cause.given(), cause);
        }

        @Override
        public String code() {
            return "translation.unknown-language";
        }
    }

    /** The source is killed or spiked: there is nothing to translate. */
    public static final class SourceNotTranslatable extends TranslationRefused {

        private final String state;

        public SourceNotTranslatable(ArticleId source, String language, String state) {
            super("cannot translate an article that is " + state, source, language);
            this.state = state;
        }

        @Override
        public String code() {
            return "translation.source-not-translatable";
        }

        /** {@code language}, then {@code state}: the source's state in words. */
        @Override
        public SequencedMap<String, Object> params() {
            SequencedMap<String, Object> params = super.params();
            params.put("state", state);
            return params;
        }
    }

    /** The target is the source's own language. */
    public static final class SameLanguage extends TranslationRefused {

        public SameLanguage(ArticleId source, String language) {
            super("the article is already in " + language, source, language);
        }

        @Override
        public String code() {
            return "translation.same-language";
        }
    }

    /** The group already has a version in the target language. */
    public static final class LanguageInGroup extends TranslationRefused {

        private final ArticleId existing;

        public LanguageInGroup(ArticleId source, String language, ArticleId existing) {
            super("the story already has a version in " + language + ": " + existing, source, language);
            this.existing = existing;
        }

        /** The group's version in that language. */
        public ArticleId existing() {
            return existing;
        }

        @Override
        public String code() {
            return "translation.language-in-group";
        }

        /** {@code language}, then {@code existing}: the id of the group's version in it. */
        @Override
        public SequencedMap<String, Object> params() {
            SequencedMap<String, Object> params = super.params();
            params.put("existing", existing.toString());
            return params;
        }
    }
}
