package news.cms.core.body.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which link targets a body may carry: absolute {@code http}, {@code https} and {@code mailto} URLs
 * made of printable ASCII, nothing else. Relative links, other schemes and anything with white space
 * or control characters (the raw material of obfuscated {@code javascript:} URLs) are refused.
 */
public final class LinkPolicy {

    private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");

    private final Set<String> ownHosts;

    /**
     * @param ownHosts host names of our own sites; links to them are not marked as external
     */
    public LinkPolicy(Set<String> ownHosts) {
        this.ownHosts =
                ownHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public boolean allows(String href) {
        String scheme = scheme(href);
        if (scheme == null || !SCHEMES.contains(scheme)) {
            return false;
        }
        if (scheme.equals("mailto")) {
            return href.length() > "mailto:".length();
        }
        URI uri = parse(href);
        return uri != null
                && uri.getRawAuthority() != null
                && !uri.getRawAuthority().isEmpty();
    }

    /** Whether an allowed web link leaves our own sites (so it gets {@code rel="nofollow noopener"}). */
    public boolean isExternal(String href) {
        String scheme = scheme(href);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            return false;
        }
        URI uri = parse(href);
        String host = uri == null ? null : uri.getHost();
        return host == null || !ownHosts.contains(host.toLowerCase(Locale.ROOT));
    }

    /** The lower-case scheme, or null when the text is not an absolute URL of printable ASCII. */
    static String scheme(String href) {
        for (int i = 0; i < href.length(); i++) {
            char c = href.charAt(i);
            // Browsers skip tabs, line breaks and leading controls inside a scheme: refuse them all.
            if (c <= 0x20 || c >= 0x7F) {
                return null;
            }
        }
        int colon = href.indexOf(':');
        if (colon < 1) {
            return null;
        }
        String scheme = href.substring(0, colon);
        return scheme.matches("[A-Za-z][A-Za-z0-9+.-]*") ? scheme.toLowerCase(Locale.ROOT) : null;
    }

    private static URI parse(String href) {
        try {
            return new URI(href);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
