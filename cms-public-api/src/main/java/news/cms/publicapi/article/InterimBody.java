package news.cms.publicapi.article;

import java.text.BreakIterator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import news.cms.core.language.LanguageTag;

/**
 * A body ready for the wire: HTML and plain text. Interim: the Markdown source is not interpreted,
 * only HTML-escaped and cut into paragraphs ({@code <p dir="auto">} at each blank line), which is
 * safe whatever the source holds. Replace {@link #of} with the sanitising Markdown renderer of
 * {@code news.cms.core.body} once it lands; nothing else depends on how the HTML is made.
 */
record InterimBody(String html, String plainText, int wordCount) {

    static InterimBody of(String markdown, LanguageTag language) {
        List<String> paragraphs = Arrays.stream(markdown.strip().split("\\n[ \\t]*\\n+"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
        StringBuilder html = new StringBuilder();
        for (String p : paragraphs) {
            html.append("<p dir=\"auto\">")
                    .append(escape(p).replace("\n", "<br>"))
                    .append("</p>");
        }
        String text = String.join("\n\n", paragraphs);
        return new InterimBody(html.toString(), text, words(text, language.locale()));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Words as the language's word breaker finds them: runs that hold a letter or digit. */
    private static int words(String text, Locale locale) {
        BreakIterator words = BreakIterator.getWordInstance(locale);
        words.setText(text);
        int count = 0;
        for (int start = words.first(), end = words.next();
                end != BreakIterator.DONE;
                start = end, end = words.next()) {
            if (text.substring(start, end).codePoints().anyMatch(Character::isLetterOrDigit)) {
                count++;
            }
        }
        return count;
    }
}
