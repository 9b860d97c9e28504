package news.cms.core.search;

/**
 * A search cursor that {@link SearchCursor#parse} refuses: it was not issued by this service. The
 * client's fault: the API answers 400, never 500. Not an {@link IllegalArgumentException}, so that an
 * argument bug in our code is never mistaken for it.
 */
public final class InvalidSearchCursor extends RuntimeException {

    InvalidSearchCursor(String reason) {
        super("not a search cursor: " + reason, null, false, false);
    }
}
