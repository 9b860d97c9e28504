package news.cms.editor.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.SequencedMap;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleId;
import news.cms.core.article.InvalidSchedule;
import news.cms.core.article.NoteRequired;
import news.cms.core.byline.Byline;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.InvalidText;
import news.cms.core.language.LanguageTag;
import news.cms.core.language.Refusal;
import news.cms.core.media.InlineImageRefused;
import news.cms.core.media.MediaId;
import news.cms.core.media.PictureRefused;
import org.junit.jupiter.api.Test;

/** cms-core's coded refusals become sentences from our bundles; unknown codes and fields give nothing. */
class RefusalsTest {

    @Test
    void anOverlongHeadlineInEachLanguage() {
        Refusal tooLong = refusal(() -> new ArticleContent(
                LanguageTag.TURKISH,
                "news",
                "Ç".repeat(ArticleContent.MAX_HEADLINE + 1),
                "",
                "Metin",
                List.of(new Byline("Elif Kaya", null)),
                new Dateline("Ankara", null, "TR", LocalDate.of(2026, 11, 26))));

        assertThat(message(tooLong, "en")).contains("The headline is longer than 300 characters.");
        assertThat(message(tooLong, "tr")).contains("Başlık en fazla 300 karakter olabilir.");
        assertThat(message(tooLong, "ar")).contains("العنوان: يتجاوز الحد الأقصى وهو 300 حرف.");
        assertThat(message(tooLong, "ckb")).contains("سەردێڕ: لە 300 پیت درێژترە.");
    }

    @Test
    void parametersKeepTheirOrderAndTimesAreWrittenForTheUser() {
        Refusal country = refusal(() -> new Dateline("Hewlêr", null, "1q", LocalDate.of(2026, 11, 26)));
        assertThat(message(country, "tr")).contains("Ülke kodu iki harfli bir ISO 3166 kodu olmalı; 1Q geçerli değil.");

        Instant past = Instant.parse("2026-11-01T08:00:00Z");
        Refusal embargo = new InvalidSchedule(InvalidSchedule.Kind.EMBARGO, past);
        assertThat(message(embargo, "ar")).contains("موعد رفع الحظر (1 Nov 08:00) ليس في المستقبل.");

        assertThat(message(new NoteRequired("reason for the kill"), "tr")).contains("İptal nedeni zorunludur.");
        assertThat(message(refusal(() -> LanguageTag.of("  ")), "ckb")).contains("زمانێک هەڵبژێرە.");
    }

    @Test
    void aPictureAStoryMayNotUseIsNamedInEachLanguage() {
        ArticleId story = new ArticleId(java.util.UUID.fromString("3a7c9e1b-2d4f-4a6c-8e0a-1b3d5f7a9c2e"));
        ArticleId other = new ArticleId(java.util.UUID.fromString("9c2e4a6b-8d0f-4b1c-a3e5-7f9b1d3c5e7a"));
        MediaId picture = new MediaId(java.util.UUID.fromString("5e1f0c2a-7b3d-4e8f-9a6b-2c4d6e8f0a1b"));

        Refusal inline = new InlineImageRefused.Unknown(story, picture);
        assertThat(text(inline, "en"))
                .contains("The body places a picture that does not exist (media:" + picture + ").");
        assertThat(text(inline, "ar")).contains("يضع النص صورة غير موجودة (media:" + picture + ").");
        assertThat(text(inline, "ckb")).contains("دەقەکە وێنەیەکی تێدایە کە بوونی نییە (media:" + picture + ").");
        assertThat(text(inline, "tr"))
                .contains("Metin, var olmayan bir fotoğrafa yer veriyor (media:" + picture + ").");

        Refusal featured = new PictureRefused.OtherStory(story, picture, other);
        assertThat(text(featured, "en")).contains("This picture belongs to another story");
        assertThat(text(featured, "ar")).contains("هذه الصورة تخص خبراً آخر");
        assertThat(text(featured, "ckb")).contains("ئەم وێنەیە هی هەواڵێکی ترە");
        assertThat(text(featured, "tr")).contains("Bu fotoğraf başka bir habere ait");
        for (String language : List.of("en", "ar", "ckb", "tr")) {
            assertThat(text(new InlineImageRefused.NotReady(story, picture), language))
                    .contains("media:" + picture);
            assertThat(text(new InlineImageRefused.OtherStory(story, picture, other), language))
                    .contains("media:" + picture)
                    .doesNotContain(other.toString());
            assertThat(text(new PictureRefused.Unknown(story, picture), language))
                    .contains("media:" + picture);
        }
    }

    private static String text(Refusal refusal, String language) {
        return message(refusal, language).orElseThrow(() -> new AssertionError("no words for " + refusal.code()));
    }

    @Test
    void anUnknownCodeOrFieldGivesNothing() {
        // A display name is not a field of the story form: the caller shows the domain's sentence.
        assertThat(message(InvalidText.blank("display name"), "ar")).isEmpty();
        assertThat(message(new InvalidText("e-mail", "is not an e-mail address"), "ar"))
                .isEmpty();
        Refusal future = new Refusal() {
            @Override
            public String code() {
                return "text.not-yet-known";
            }

            @Override
            public SequencedMap<String, Object> params() {
                return new LinkedHashMap<>();
            }
        };
        assertThat(message(future, "en")).isEmpty();
    }

    @Test
    void everyFieldNameCoversTheFieldsCmsCoreNames() {
        for (String field : List.of(
                "headline",
                "dateline place",
                "byline name",
                "note for the reporter",
                "public correction note",
                "reason for the kill")) {
            assertThat(Refusals.FIELDS).contains(Refusals.fieldKey(field));
        }
    }

    private static Optional<String> message(Refusal refusal, String language) {
        ResourceBundle bundle = ResourceBundle.getBundle("vaadin-i18n.translations", Locale.forLanguageTag(language));
        Refusals.Translator t = (key, params) -> new MessageFormat(bundle.getString(key), Locale.ROOT).format(params);
        return Refusals.message(refusal, t, at -> "1 Nov 08:00");
    }

    private static Refusal refusal(Runnable refused) {
        try {
            refused.run();
        } catch (IllegalArgumentException e) {
            if (e instanceof Refusal r) {
                return r;
            }
            throw new AssertionError("not a coded refusal: " + e, e);
        }
        throw new AssertionError("nothing was refused");
    }
}
