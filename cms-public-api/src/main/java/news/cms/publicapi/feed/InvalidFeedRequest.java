package news.cms.publicapi.feed;

/** A feed request we refuse with 400; {@link #type()} is the stable problem type's last segment. */
public final class InvalidFeedRequest extends RuntimeException {

    private final String type;

    private InvalidFeedRequest(String type, String message) {
        super(message);
        this.type = type;
    }

    static InvalidFeedRequest cursor(String why) {
        return new InvalidFeedRequest("invalid-cursor", "The feed cursor is not one we issued: " + why);
    }

    static InvalidFeedRequest limit(String why) {
        return new InvalidFeedRequest("invalid-limit", why);
    }

    static InvalidFeedRequest since(String why) {
        return new InvalidFeedRequest("invalid-since", why);
    }

    public String type() {
        return type;
    }
}
