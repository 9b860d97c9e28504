package news.cms.core.translation;

import java.util.Objects;
import java.util.UUID;

/** The id shared by the language versions of one story. */
public record TranslationGroupId(UUID value) {

    public TranslationGroupId {
        Objects.requireNonNull(value, "a translation group id is required");
    }

    public static TranslationGroupId random() {
        return new TranslationGroupId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
