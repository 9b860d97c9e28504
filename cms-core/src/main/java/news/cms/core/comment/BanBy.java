package news.cms.core.comment;

import java.util.EnumSet;
import java.util.Set;

/** What a ban keys on; a moderator picks one or more for each ban. */
public enum BanBy {
    /** The e-mail hash: the same address from any device or network. */
    EMAIL,
    /** The id the reader's app sends ({@code X-Client-Id}): that install, from any network. */
    CLIENT_ID,
    /** The address: an IPv4 address, or an IPv6 /64. */
    ADDRESS,
    /** The network: an IPv4 /24 (everybody on it, also innocent neighbours); the /64 for IPv6. */
    NETWORK;

    /** What a moderator's ban takes unless they choose otherwise: all but the wide network. */
    public static Set<BanBy> usual() {
        return EnumSet.of(EMAIL, CLIENT_ID, ADDRESS);
    }
}
