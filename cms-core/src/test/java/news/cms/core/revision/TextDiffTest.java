package news.cms.core.revision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import news.cms.core.revision.TextDiff.Kind;
import news.cms.core.revision.TextDiff.Line;
import org.junit.jupiter.api.Test;

class TextDiffTest {

    @Test
    void keepsWhatStayedAndMarksWhatChangedInAnyScript() {
        String before = "هەولێر، هەرێمی کوردستان\nکتێبخانەکە شەممە دەکرێتەوە.\nThe mayor spoke.";
        String after = "هەولێر، هەرێمی کوردستان\nکتێبخانەکە یەکشەممە دەکرێتەوە.\nThe mayor spoke.\nA new line.";

        assertThat(TextDiff.lines(before, after))
                .containsExactly(
                        new Line(Kind.SAME, "هەولێر، هەرێمی کوردستان"),
                        new Line(Kind.REMOVED, "کتێبخانەکە شەممە دەکرێتەوە."),
                        new Line(Kind.ADDED, "کتێبخانەکە یەکشەممە دەکرێتەوە."),
                        new Line(Kind.SAME, "The mayor spoke."),
                        new Line(Kind.ADDED, "A new line."));
    }

    @Test
    void identicalTextsHaveNoChanges() {
        List<Line> diff = TextDiff.lines("Bir\nİki", "Bir\nİki");
        assertThat(diff).extracting(Line::kind).containsOnly(Kind.SAME);
    }

    @Test
    void emptyToTextIsAllAdded() {
        assertThat(TextDiff.lines("", "Erbil"))
                .containsExactly(new Line(Kind.REMOVED, ""), new Line(Kind.ADDED, "Erbil"));
    }
}
