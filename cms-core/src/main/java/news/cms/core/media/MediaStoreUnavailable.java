package news.cms.core.media;

import java.time.Duration;
import news.cms.core.availability.Dependency;
import news.cms.core.availability.DependencyUnavailable;
import org.jspecify.annotations.Nullable;

/** The media store could not be reached or failed: nothing was stored, try again later. */
public class MediaStoreUnavailable extends DependencyUnavailable {

    public MediaStoreUnavailable(String message, @Nullable Throwable cause) {
        super(Dependency.MEDIA_STORE, Duration.ofSeconds(5), message, cause);
    }
}
