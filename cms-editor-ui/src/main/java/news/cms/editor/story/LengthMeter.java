package news.cms.editor.story;

import com.vaadin.flow.component.html.Span;
import news.cms.core.language.LanguageTag;
import news.cms.core.writing.Counter;
import news.cms.core.writing.Target;
import news.cms.core.writing.TextCount;
import org.jspecify.annotations.Nullable;

/**
 * A field's words and characters as the reporter types, against the section's targets. Over a target
 * it says so in words ("Over target") as well as in colour, so that it is not colour alone.
 */
class LengthMeter extends Span {

    private final Span over = new Span();
    private final Span counts = new Span();
    private TextCount last = TextCount.EMPTY;

    LengthMeter(String id) {
        setId(id);
        addClassName("length-meter");
        over.addClassName("over-target");
        over.setText(getTranslation("writing.over"));
        over.setVisible(false);
        counts.addClassName("length-counts");
        add(over, counts);
    }

    /** Counts the text in its language and shows it against the limits (null: none). */
    void show(
            @Nullable String text, LanguageTag language, @Nullable Integer maxWords, @Nullable Integer maxCharacters) {
        last = Counter.count(text == null ? "" : text, language);
        String words = maxWords == null
                ? getTranslation("writing.words", last.words())
                : getTranslation("writing.words.target", last.words(), maxWords);
        String characters = maxCharacters == null
                ? getTranslation("writing.characters", last.characters())
                : getTranslation("writing.characters.target", last.characters(), maxCharacters);
        counts.setText(words + " · " + characters);
        boolean isOver = Target.over(last.words(), maxWords) || Target.over(last.characters(), maxCharacters);
        over.setVisible(isOver);
        getElement().setAttribute("data-over", Boolean.toString(isOver));
        if (isOver) {
            addClassName("over");
        } else {
            removeClassName("over");
        }
    }

    TextCount count() {
        return last;
    }
}
