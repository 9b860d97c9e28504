package news.cms.core.media;

/** No media item has that id, or it has no such rendition (or none that the caller may see). */
public class MediaNotFound extends RuntimeException {

    public MediaNotFound(MediaId id) {
        super("no media item " + id);
    }

    public MediaNotFound(String message) {
        super(message);
    }
}
