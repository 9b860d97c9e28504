package news.cms.editor.story;

import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiConsumer;
import news.cms.editor.layout.Notices;

/**
 * Field validators that ask the domain, not a copy of its rules: each puts the typed value into an
 * otherwise valid draft, builds the {@code ArticleContent} and reports the domain's refusal, in the UI
 * language where its code is known ({@link Notices#explainField}).
 * Because every other field of the probe is valid, the message is about this field alone.
 */
final class ContentRules {

    private ContentRules() {}

    static <V> Validator<V> rule(BiConsumer<StoryDraft, V> into) {
        return (value, context) -> {
            StoryDraft probe = validSample();
            into.accept(probe, value);
            try {
                probe.toContent();
                return ValidationResult.ok();
            } catch (IllegalArgumentException refused) {
                return ValidationResult.error(Notices.explainField(refused));
            }
        };
    }

    private static StoryDraft validSample() {
        StoryDraft d = new StoryDraft();
        d.setLanguage("en");
        d.setSection("news");
        d.setHeadline("h");
        d.setStandfirst("");
        d.setBody("b");
        d.setBylines(List.of(new StoryDraft.BylineDraft("n", "")));
        d.setPlace("p");
        d.setRegion("");
        d.setCountryCode("");
        d.setDate(LocalDate.EPOCH);
        d.setTags("");
        return d;
    }
}
