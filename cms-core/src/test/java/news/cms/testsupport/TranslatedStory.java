package news.cms.testsupport;

import java.time.LocalDate;
import java.util.List;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleService;
import news.cms.core.article.FieldDirections;
import news.cms.core.byline.Byline;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.LanguageTag;
import news.cms.core.translation.TranslationService;

/**
 * One story in four languages, each version through the whole workflow: written in English,
 * translated into Arabic and Turkish from it and into Sorani from the Arabic, all published. Every
 * version mentions 1988, so one query finds all four; only the English says "library".
 */
public final class TranslatedStory {

    /** The four published versions. */
    public record Versions(Article english, Article arabic, Article sorani, Article turkish) {

        public List<Article> all() {
            return List.of(english, arabic, sorani, turkish);
        }
    }

    private TranslatedStory() {}

    public static Versions publish(ArticleService articles, TranslationService translations) {
        Article english = Newsroom.publishedStory(
                articles,
                content(
                        LanguageTag.ENGLISH,
                        "Halabja opens a memorial library for the victims of 1988",
                        "Letters, photographs and recorded testimony from survivors are kept in one place.",
                        "The library on the main square holds what survivors of the attack of March 1988 gave"
                                + " it. Entry is free, and schools may book guided visits."));
        Article arabic = translate(
                articles,
                translations,
                english,
                content(
                        LanguageTag.ARABIC,
                        "حلبجة تفتتح مكتبة تذكارية لضحايا عام 1988",
                        "رسائل وصور وشهادات مسجلة للناجين محفوظة في مكان واحد.",
                        "تحفظ المكتبة في الساحة الرئيسية ما قدّمه الناجون من هجوم آذار 1988. الدخول مجاني،"
                                + " ويمكن للمدارس حجز زيارات مع مرشد."));
        Article sorani = translate(
                articles,
                translations,
                arabic,
                content(
                        LanguageTag.SORANI,
                        "هەڵەبجە خانەیەکی یادەوەری بۆ قوربانییانی 1988 دەکاتەوە",
                        "نامە و وێنە و شایەتحاڵیی تۆمارکراوی ڕزگاربووان لە یەک شوێندا پارێزراون.",
                        "ئەو خانەیەی لە گۆڕەپانی سەرەکییە ئەوەی ڕزگاربووانی هێرشەکەی ئاداری 1988 پێیان داوە"
                                + " دەیپارێزێت. چوونەژوورەوە بێبەرامبەرە."));
        Article turkish = translate(
                articles,
                translations,
                english,
                content(
                        LanguageTag.TURKISH,
                        "Halepçe, 1988 kurbanları için bir anma kitaplığı açtı",
                        "Hayatta kalanların mektupları, fotoğrafları ve kayıtlı tanıklıkları tek bir yerde.",
                        "Ana meydandaki kitaplık, Mart 1988 saldırısından kurtulanların bağışladıklarını"
                                + " saklıyor. Giriş ücretsiz; okullar rehberli ziyaret ayarlayabilir."));
        return new Versions(english, arabic, sorani, turkish);
    }

    /** Translated by the reporter, checked and published by the editor. */
    public static Article translate(
            ArticleService articles, TranslationService translations, Article source, ArticleContent text) {
        Article draft = Newsroom.asReporter(
                () -> translations.translate(source.id(), text.language().value()));
        Article written = Newsroom.asReporter(() -> articles.save(draft.id(), draft.version(), text));
        Article submitted = Newsroom.asReporter(() -> articles.submit(written.id(), written.version()));
        Article approved = Newsroom.asEditor(() -> articles.approve(submitted.id(), submitted.version()));
        return Newsroom.asEditor(() -> articles.publish(approved.id(), approved.version()));
    }

    private static ArticleContent content(LanguageTag language, String headline, String standfirst, String body) {
        return new ArticleContent(
                language,
                "culture",
                headline,
                standfirst,
                body,
                List.of(new Byline("Rezan Ahmed", "Staff reporter")),
                new Dateline("Halabja", "Kurdistan Region", "IQ", LocalDate.of(2026, 11, 30)),
                List.of("memory"),
                FieldDirections.FROM_LANGUAGE);
    }
}
