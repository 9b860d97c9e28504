package news.cms.publicapi.config;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** The Accept header read strictly: one that is not a list of media types is a 400 problem. */
public final class AcceptHeader {

    private AcceptHeader() {}

    /**
     * The media types, as sent; none means anything.
     *
     * @throws InvalidInput for {@code Accept: garbage}
     */
    public static List<MediaType> parse(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            return List.of(MediaType.ALL);
        }
        try {
            return MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw InvalidInput.header(
                    HttpHeaders.ACCEPT, "The Accept header is not a list of media types: " + e.getMessage());
        }
    }
}
