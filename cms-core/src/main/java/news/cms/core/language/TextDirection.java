package news.cms.core.language;

/** The base direction of a piece of text, as in HTML's {@code dir} attribute. */
public enum TextDirection {
    LTR,
    RTL;

    public String htmlValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
