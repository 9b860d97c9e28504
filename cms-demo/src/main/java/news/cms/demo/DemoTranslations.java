package news.cms.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleService;
import news.cms.core.byline.Byline;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.LanguageTag;
import news.cms.core.translation.TranslationService;

/**
 * One story in all four languages, linked as a translation group (docs/adr/0019): the English
 * original is updated after the Sorani translation was made, so Sorani is published stale; Arabic
 * was brought up to date, Turkish was made from the updated original.
 */
final class DemoTranslations {

    private DemoTranslations() {}

    /** @param onDraft done to each language's draft before it is submitted (the demo features a picture) */
    static void publish(ArticleService articles, TranslationService translations, Consumer<Article> onDraft) {
        LocalDate today = LocalDate.now();
        ArticleContent original = new ArticleContent(
                LanguageTag.ENGLISH,
                "city",
                "Sulaymaniyah opens its first footbridge over the Tanjaro river",
                "The bridge joins the old bazaar to the new riverside park.",
                "The governor opened the bridge at noon on Thursday.\n\nCyclists are asked to walk across during"
                        + " the day.",
                List.of(new Byline("Rezan Ahmed", "Staff reporter")),
                new Dateline("Sulaymaniyah", "Kurdistan Region", "IQ", today));
        Article english = publish(articles, articles::createDraft, original, onDraft);

        Article arabic = translate(
                articles,
                translations,
                onDraft,
                english,
                LanguageTag.ARABIC,
                "السليمانية تفتتح أول جسر للمشاة فوق نهر تانجرو",
                "يربط الجسر السوق القديم بالمتنزه الجديد على ضفة النهر.",
                "افتتح المحافظ الجسر ظهر الخميس.\n\nيُطلب من راكبي الدراجات عبوره سيراً خلال النهار.");
        Article sorani = translate(
                articles,
                translations,
                onDraft,
                english,
                LanguageTag.SORANI,
                "سلێمانی یەکەم پردی پیادەڕەو لەسەر ڕووباری تانجەرۆ دەکاتەوە",
                "پردەکە بازاڕی کۆن بە پارکە نوێیەکەی کەناری ڕووبارەوە دەبەستێتەوە.",
                "پارێزگار نیوەڕۆی پێنجشەممە پردەکەی کردەوە.\n\nداوا لە پاسکیلسواران دەکرێت بە ڕۆژ بە پیادە"
                        + " بپەڕنەوە.");

        // The original moves on: cyclists may now ride across at night. Both translations go stale.
        ArticleContent c = english.content();
        Article updated = DemoContent.as(
                "editor",
                Role.EDITOR,
                () -> articles.update(
                        english.id(),
                        english.version(),
                        new ArticleContent(
                                c.language(),
                                c.section(),
                                c.headline(),
                                c.standfirst(),
                                c.body() + " After 8 pm they may ride across.",
                                c.bylines(),
                                c.dateline(),
                                c.tags(),
                                c.directions())));

        // The Arabic translator catches up (saving clears the flag); the Sorani one has not yet.
        Article arabicUpToDate = DemoContent.as(
                "reporter2",
                Role.REPORTER,
                () -> articles.save(
                        arabic.id(),
                        arabic.version(),
                        arabic.content().withBody(arabic.body() + " ويمكنهم قيادتها عبره بعد الثامنة مساءً.")));
        submitApprovePublish(articles, arabicUpToDate);
        submitApprovePublish(articles, sorani);

        Article turkish = translate(
                articles,
                translations,
                onDraft,
                updated,
                LanguageTag.TURKISH,
                "Süleymaniye, Tancero Nehri üzerindeki ilk yaya köprüsünü açtı",
                "Köprü eski çarşıyı nehir kenarındaki yeni parka bağlıyor.",
                "Vali köprüyü perşembe öğle saatlerinde açtı.\n\nBisikletlilerden gündüz köprüden yürüyerek"
                        + " geçmeleri isteniyor. Akşam 20.00'den sonra bisikletle geçebilirler.");
        submitApprovePublish(articles, turkish);
    }

    private static Article translate(
            ArticleService articles,
            TranslationService translations,
            Consumer<Article> onDraft,
            Article source,
            LanguageTag language,
            String headline,
            String standfirst,
            String body) {
        Article draft =
                DemoContent.as("reporter2", Role.REPORTER, () -> translations.translate(source.id(), language.value()));
        ArticleContent c = draft.content();
        Article saved = DemoContent.as(
                "reporter2",
                Role.REPORTER,
                () -> articles.save(
                        draft.id(),
                        draft.version(),
                        new ArticleContent(
                                language,
                                c.section(),
                                headline,
                                standfirst,
                                body,
                                c.bylines(),
                                c.dateline(),
                                c.tags(),
                                c.directions())));
        onDraft.accept(saved);
        return saved;
    }

    private static Article publish(
            ArticleService articles,
            java.util.function.Function<ArticleContent, Article> create,
            ArticleContent c,
            Consumer<Article> onDraft) {
        Article draft = DemoContent.as("reporter", Role.REPORTER, () -> create.apply(c));
        onDraft.accept(draft);
        return submitApprovePublish(articles, draft);
    }

    /** Filed by one reporter, approved and published by the editor (four eyes). */
    private static Article submitApprovePublish(ArticleService articles, Article draft) {
        String author = draft.createdBy();
        Article submitted = DemoContent.as(author, Role.REPORTER, () -> articles.submit(draft.id(), draft.version()));
        Article approved =
                DemoContent.as("editor", Role.EDITOR, () -> articles.approve(submitted.id(), submitted.version()));
        return DemoContent.as("editor", Role.EDITOR, () -> articles.publish(approved.id(), approved.version()));
    }
}
