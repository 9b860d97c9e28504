package news.cms.editor.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import news.cms.editor.translation.Paragraphs.Kind;
import news.cms.editor.translation.Paragraphs.Row;
import org.junit.jupiter.api.Test;

class ParagraphsTest {

    @Test
    void aBodySplitsAtBlankLinesAndJoinsBackWithOneBlankLine() {
        String body = "قال المحافظ إن الجسر يفتح غداً.\n\n  \n\nسيُغلق الطريق القديم.\nلمدة أسبوع.\r\n\r\nThe end.";
        List<String> paragraphs = Paragraphs.of(body);
        assertThat(paragraphs)
                .containsExactly("قال المحافظ إن الجسر يفتح غداً.", "سيُغلق الطريق القديم.\nلمدة أسبوع.", "The end.");
        assertThat(Paragraphs.join(List.of(" a ", "", "b\nc"))).isEqualTo("a\n\nb\nc");
        assertThat(Paragraphs.of(" \n ")).isEmpty();
    }

    @Test
    void anEditedParagraphIsChangedANewOneAddedAndADroppedOneRemovedEachAtItsPlace() {
        List<String> base = List.of("Pazar sabah altıda açılıyor.", "Balıkçılar memnun.", "Belediye açıklama yaptı.");
        List<String> now = List.of("Pazar sabah yedide açılıyor.", "Balıkçılar memnun.", "Otobüs seferleri artırıldı.");
        assertThat(Paragraphs.compare(base, now))
                .containsExactly(
                        new Row(Kind.CHANGED, base.get(0), now.get(0), 0),
                        new Row(Kind.SAME, base.get(1), now.get(1), 1),
                        new Row(Kind.CHANGED, base.get(2), now.get(2), 2));

        assertThat(Paragraphs.compare(List.of("a", "b", "c"), List.of("a", "x", "y", "c")))
                .containsExactly(
                        new Row(Kind.SAME, "a", "a", 0),
                        new Row(Kind.CHANGED, "b", "x", 1),
                        new Row(Kind.ADDED, null, "y", -1),
                        new Row(Kind.SAME, "c", "c", 2));
        assertThat(Paragraphs.compare(List.of("a", "b", "c"), List.of("a", "c")))
                .containsExactly(
                        new Row(Kind.SAME, "a", "a", 0),
                        new Row(Kind.REMOVED, "b", null, 1),
                        new Row(Kind.SAME, "c", "c", 2));
        assertThat(Paragraphs.compare(List.of(), List.of("new"))).containsExactly(new Row(Kind.ADDED, null, "new", -1));
    }
}
