package news.cms.moderation.intake;

import static java.util.Map.entry;

import java.util.Map;
import news.cms.core.comment.RejectionReason;
import news.cms.core.language.LanguageTag;

/**
 * Why a comment was rejected, told to the commenter in their comment's language: English, Arabic,
 * Sorani Kurdish and Turkish, English for any other language.
 */
final class ReasonTexts {

    private static final Map<String, Map<RejectionReason, String>> TEXTS = Map.of(
            "en",
            Map.ofEntries(
                    entry(RejectionReason.PROFANITY, "Your comment was not published because it contains profanity."),
                    entry(RejectionReason.THREATS, "Your comment was not published because it contains a threat."),
                    entry(
                            RejectionReason.PERSONAL_ATTACKS,
                            "Your comment was not published because it attacks a person."),
                    entry(RejectionReason.VULGARITY, "Your comment was not published because it is vulgar."),
                    entry(
                            RejectionReason.ABUSE,
                            "Your comment was not published because it is abusive (sexist, racist, homophobic or"
                                    + " xenophobic)."),
                    entry(
                            RejectionReason.PROMOTION,
                            "Your comment was not published because it promotes a business, a product or a person."),
                    entry(
                            RejectionReason.OFF_TOPIC,
                            "Your comment was not published because it is not about the article."),
                    entry(RejectionReason.SPAM, "Your comment was not published because it is spam.")),
            "ar",
            Map.ofEntries(
                    entry(RejectionReason.PROFANITY, "لم يُنشر تعليقك لأنه يحتوي على ألفاظ نابية."),
                    entry(RejectionReason.THREATS, "لم يُنشر تعليقك لأنه يتضمن تهديدًا."),
                    entry(RejectionReason.PERSONAL_ATTACKS, "لم يُنشر تعليقك لأنه يتضمن هجومًا شخصيًا."),
                    entry(RejectionReason.VULGARITY, "لم يُنشر تعليقك لأنه يتضمن كلامًا بذيئًا."),
                    entry(
                            RejectionReason.ABUSE,
                            "لم يُنشر تعليقك لأنه يتضمن إساءة (تمييزًا ضد المرأة أو عنصرية أو رهابًا من المثلية أو"
                                    + " كراهية للأجانب)."),
                    entry(RejectionReason.PROMOTION, "لم يُنشر تعليقك لأنه يروّج لنشاط تجاري أو منتج أو شخص."),
                    entry(RejectionReason.OFF_TOPIC, "لم يُنشر تعليقك لأنه لا يتعلق بموضوع المقال."),
                    entry(RejectionReason.SPAM, "لم يُنشر تعليقك لأنه رسالة مزعجة (سبام).")),
            "ckb",
            Map.ofEntries(
                    entry(RejectionReason.PROFANITY, "لێدوانەکەت بڵاو نەکرایەوە چونکە قسەی ناشیرینی تێدایە."),
                    entry(RejectionReason.THREATS, "لێدوانەکەت بڵاو نەکرایەوە چونکە هەڕەشەی تێدایە."),
                    entry(RejectionReason.PERSONAL_ATTACKS, "لێدوانەکەت بڵاو نەکرایەوە چونکە هێرشی کەسیی تێدایە."),
                    entry(RejectionReason.VULGARITY, "لێدوانەکەت بڵاو نەکرایەوە چونکە قسەی بێشەرمانەی تێدایە."),
                    entry(
                            RejectionReason.ABUSE,
                            "لێدوانەکەت بڵاو نەکرایەوە چونکە سووکایەتی تێدایە (دژایەتیی ئافرەتان، ڕەگەزپەرستی،"
                                    + " هۆمۆفۆبیا یان ڕق لە بیانییان)."),
                    entry(
                            RejectionReason.PROMOTION,
                            "لێدوانەکەت بڵاو نەکرایەوە چونکە ڕیکلام بۆ بازرگانییەک، بەرهەمێک یان کەسێک دەکات."),
                    entry(RejectionReason.OFF_TOPIC, "لێدوانەکەت بڵاو نەکرایەوە چونکە پەیوەندیی بە بابەتەکەوە نییە."),
                    entry(RejectionReason.SPAM, "لێدوانەکەت بڵاو نەکرایەوە چونکە سپامە.")),
            "tr",
            Map.ofEntries(
                    entry(RejectionReason.PROFANITY, "Yorumunuz küfür içerdiği için yayımlanmadı."),
                    entry(RejectionReason.THREATS, "Yorumunuz tehdit içerdiği için yayımlanmadı."),
                    entry(RejectionReason.PERSONAL_ATTACKS, "Yorumunuz kişisel saldırı içerdiği için yayımlanmadı."),
                    entry(
                            RejectionReason.VULGARITY,
                            "Yorumunuz kaba ve müstehcen ifadeler içerdiği için yayımlanmadı."),
                    entry(
                            RejectionReason.ABUSE,
                            "Yorumunuz ayrımcı ve aşağılayıcı ifadeler (cinsiyetçilik, ırkçılık, homofobi veya yabancı"
                                    + " düşmanlığı) içerdiği için yayımlanmadı."),
                    entry(
                            RejectionReason.PROMOTION,
                            "Yorumunuz bir işletmenin, ürünün veya kişinin tanıtımını yaptığı için yayımlanmadı."),
                    entry(RejectionReason.OFF_TOPIC, "Yorumunuz haberin konusuyla ilgili olmadığı için yayımlanmadı."),
                    entry(RejectionReason.SPAM, "Yorumunuz istenmeyen ileti (spam) olduğu için yayımlanmadı.")));

    private ReasonTexts() {}

    /** The language the reason is told in: the comment's, or English when we have no texts for it. */
    static String languageFor(LanguageTag language) {
        return TEXTS.containsKey(language.primary()) ? language.primary() : "en";
    }

    static String text(RejectionReason reason, LanguageTag language) {
        return TEXTS.get(languageFor(language)).get(reason);
    }
}
