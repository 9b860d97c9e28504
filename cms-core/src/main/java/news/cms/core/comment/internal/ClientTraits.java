package news.cms.core.comment.internal;

import news.cms.core.comment.TraitHash;
import org.jspecify.annotations.Nullable;

/** A comment's origin as it is kept and banned: keyed hashes of its address, network and client id. */
public record ClientTraits(
        TraitHash address, TraitHash network, @Nullable TraitHash clientId) {

    public ClientTraits {
        if (address == null || network == null) {
            throw new IllegalArgumentException("client traits have an address and a network");
        }
    }
}
