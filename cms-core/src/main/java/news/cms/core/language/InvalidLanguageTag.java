package news.cms.core.language;

/** The text given is not a usable BCP 47 language tag. */
public class InvalidLanguageTag extends IllegalArgumentException {

    public InvalidLanguageTag(String given, String reason) {
        super("\"" + given + "\" is not a BCP 47 language tag: " + reason);
    }
}
