package news.cms.core.revision;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.Revision;

/**
 * What changed between two revisions: each field whose value differs, and a line diff of the body.
 *
 * @param fields changed fields other than the body, in form order
 */
public record RevisionDiff(long from, long to, List<FieldChange> fields, List<TextDiff.Line> body) {

    /** One changed field, with its value before and after as the editor shows it. */
    public record FieldChange(String field, String before, String after) {}

    public RevisionDiff {
        fields = List.copyOf(fields);
        body = List.copyOf(body);
    }

    public static RevisionDiff between(Revision older, Revision newer) {
        ArticleContent a = older.content();
        ArticleContent b = newer.content();
        List<FieldChange> fields = new ArrayList<>();
        compare(fields, "language", a.language().value(), b.language().value());
        compare(fields, "section", a.section(), b.section());
        compare(fields, "headline", a.headline(), b.headline());
        compare(fields, "standfirst", a.standfirst(), b.standfirst());
        compare(fields, "bylines", String.valueOf(a.bylines()), String.valueOf(b.bylines()));
        compare(fields, "dateline", String.valueOf(a.dateline()), String.valueOf(b.dateline()));
        compare(fields, "tags", String.join(", ", a.tags()), String.join(", ", b.tags()));
        compare(
                fields,
                "subjects",
                String.join(", ", a.distribution().subjects()),
                String.join(", ", b.distribution().subjects()));
        compare(
                fields,
                "urgency",
                String.valueOf(a.distribution().urgency()),
                String.valueOf(b.distribution().urgency()));
        compare(fields, "rights", rights(a), rights(b));
        compare(fields, "directions", String.valueOf(a.directions()), String.valueOf(b.directions()));
        compare(fields, "state", older.state().name(), newer.state().name());
        List<TextDiff.Line> body = TextDiff.lines(a.body(), b.body());
        return new RevisionDiff(older.version(), newer.version(), fields, body);
    }

    public boolean bodyChanged() {
        return body.stream().anyMatch(l -> l.kind() != TextDiff.Kind.SAME);
    }

    private static String rights(ArticleContent c) {
        return String.join(
                " | ",
                String.valueOf(c.distribution().copyrightHolder()),
                String.valueOf(c.distribution().copyrightNotice()),
                String.valueOf(c.distribution().usageTerms()));
    }

    private static void compare(List<FieldChange> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new FieldChange(field, before, after));
        }
    }
}
