package news.cms.core.article;

import java.util.List;
import news.cms.core.byline.Byline;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.InvalidText;
import news.cms.core.language.LanguageTag;
import news.cms.core.language.Texts;

/**
 * What a reporter writes: the editable part of an article, checked as a whole before it is stored.
 */
public record ArticleContent(
        LanguageTag language,
        String section,
        String headline,
        String standfirst,
        String body,
        List<Byline> bylines,
        Dateline dateline,
        List<String> tags,
        FieldDirections directions,
        Distribution distribution) {

    public static final int MAX_HEADLINE = 300;
    public static final int MAX_STANDFIRST = 1_000;
    /** Markdown source, in characters; about 200 KB of text. */
    public static final int MAX_BODY = 200_000;

    public static final int MAX_TAGS = 30;
    public static final int MAX_TAG = 60;

    /** Content with no distribution metadata of its own (the newsroom's defaults apply). */
    public ArticleContent(
            LanguageTag language,
            String section,
            String headline,
            String standfirst,
            String body,
            List<Byline> bylines,
            Dateline dateline,
            List<String> tags,
            FieldDirections directions) {
        this(language, section, headline, standfirst, body, bylines, dateline, tags, directions, Distribution.NONE);
    }

    /** The same content with another body (checked as any body is). */
    public ArticleContent withBody(String newBody) {
        return new ArticleContent(
                language, section, headline, standfirst, newBody, bylines, dateline, tags, directions, distribution);
    }

    /** The same content with other distribution metadata. */
    public ArticleContent withDistribution(Distribution newDistribution) {
        return new ArticleContent(
                language, section, headline, standfirst, body, bylines, dateline, tags, directions, newDistribution);
    }

    public ArticleContent {
        if (language == null) {
            throw new InvalidText("a language is required", "language", InvalidText.Problem.REQUIRED, null, null);
        }
        section = section == null || section.isBlank()
                ? "news"
                : Texts.clean(section, "section").strip();
        headline = limit(Texts.required(headline, "headline"), MAX_HEADLINE, "headline");
        standfirst = limit(
                standfirst == null ? "" : Texts.clean(standfirst, "standfirst").strip(), MAX_STANDFIRST, "standfirst");
        body = limit(Texts.required(body, "body"), MAX_BODY, "body");
        if (bylines == null || bylines.isEmpty()) {
            throw new InvalidText(
                    "bylines need at least one byline", "bylines", InvalidText.Problem.REQUIRED, null, null);
        }
        bylines = List.copyOf(bylines);
        if (dateline == null) {
            throw InvalidText.required("dateline");
        }
        tags = tags == null
                ? List.of()
                : tags.stream()
                        .map(t -> limit(Texts.required(t, "tag"), MAX_TAG, "tag"))
                        .distinct()
                        .toList();
        if (tags.size() > MAX_TAGS) {
            throw InvalidText.tooMany("tags", MAX_TAGS);
        }
        directions = directions == null ? FieldDirections.FROM_LANGUAGE : directions;
        distribution = distribution == null ? Distribution.NONE : distribution;
    }

    /** Content without tags, following the language's direction everywhere. */
    public ArticleContent(
            LanguageTag language,
            String section,
            String headline,
            String standfirst,
            String body,
            List<Byline> bylines,
            Dateline dateline) {
        this(
                language,
                section,
                headline,
                standfirst,
                body,
                bylines,
                dateline,
                List.of(),
                FieldDirections.FROM_LANGUAGE);
    }

    /**
     * A digest of what a translator translates (headline, standfirst, body): a translation is stale
     * when its source's digest moves on, whatever else (bylines, tags, dateline) changed.
     */
    public String textHash() {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (String field : List.of(headline, standfirst, body)) {
                sha.update(field.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0); // a separator no field contains (Texts.clean refuses control characters)
            }
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String limit(String text, int max, String field) {
        if (text.length() > max) {
            throw InvalidText.tooLong(field, max);
        }
        return text;
    }
}
