package news.cms.core.note;

import news.cms.core.language.InvalidText;
import news.cms.core.language.Texts;

/**
 * The passage a note is about: the body's paragraph it was written against (0 is the first) and
 * the words it quotes from it. After edits the quote is looked for again (see {@link Passages}).
 */
public record Anchor(int paragraph, String quote) {

    public static final int MAX_QUOTE = 500;

    public Anchor {
        if (paragraph < 0) {
            throw new IllegalArgumentException("a paragraph index is 0 or more: " + paragraph);
        }
        quote = Texts.required(quote, "quote");
        if (quote.length() > MAX_QUOTE) {
            throw new InvalidText(
                    "a quote is longer than " + MAX_QUOTE + " characters",
                    "quote",
                    InvalidText.Problem.TOO_LONG,
                    MAX_QUOTE,
                    null);
        }
    }
}
