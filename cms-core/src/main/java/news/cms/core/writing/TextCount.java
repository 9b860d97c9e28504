package news.cms.core.writing;

/** How long a text is, in words and in characters as a reader sees them. */
public record TextCount(int words, int characters) {

    public static final TextCount EMPTY = new TextCount(0, 0);

    public TextCount {
        if (words < 0 || characters < 0) {
            throw new IllegalArgumentException("a count cannot be negative: " + words + ", " + characters);
        }
    }
}
