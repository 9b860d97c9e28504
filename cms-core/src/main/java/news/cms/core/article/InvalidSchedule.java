package news.cms.core.article;

/** A schedule or embargo time that cannot be used, e.g. one in the past. */
public class InvalidSchedule extends IllegalArgumentException {

    public InvalidSchedule(String message) {
        super(message);
    }
}
