package news.cms.core.translation;

import java.util.LinkedHashMap;
import java.util.SequencedMap;
import news.cms.core.article.ArticleId;
import news.cms.core.language.Refusal;

/**
 * "Translate into…" was refused and nothing was stored. Each reason is its own type, so the apps
 * map it to its own problem type or UI message; an unknown language is {@link
 * news.cms.core.language.InvalidLanguageTag}.
 */
public abstract sealed class TranslationRefused extends RuntimeException implements Refusal
        permits TranslationRefused.SourceNotTranslatable,
                TranslationRefused.SameLanguage,
                TranslationRefused.LanguageInGroup {

    private final ArticleId source;
    private final String language;

    TranslationRefused(String message, ArticleId source, String language) {
        super(message);
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
    }
}
