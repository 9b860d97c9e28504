package news.cms.core.push.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import news.cms.core.push.EndpointRefused;
import news.cms.core.push.PushProperties;
import org.apache.hc.client5.http.DnsResolver;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The SSRF rules for partner endpoints: https only (unless allowed), and no address that reaches
 * inside our network (private, loopback, link-local, unique-local, metadata, unspecified,
 * multicast, reserved) unless an allow-list block holds it. As the HTTP client's DNS resolver, it
 * checks the addresses of every connection, and the client connects to exactly those addresses, so
 * a name that resolved to a public address when saved and to 169.254.169.254 later (DNS rebinding)
 * is refused.
 */
@Component
public class EndpointGuard implements DnsResolver {

    /** Blocks no partner endpoint may be in, beyond what {@link InetAddress}'s own tests cover. */
    private static final List<Cidr> BLOCKED = List.of(
            Cidr.parse("0.0.0.0/8"), // "this network"
            Cidr.parse("100.64.0.0/10"), // carrier-grade NAT
            Cidr.parse("192.0.0.0/24"), // IETF protocol assignments
            Cidr.parse("192.0.2.0/24"), // documentation
            Cidr.parse("198.18.0.0/15"), // benchmarking
            Cidr.parse("198.51.100.0/24"),
            Cidr.parse("203.0.113.0/24"),
            Cidr.parse("240.0.0.0/4"), // reserved, and the broadcast address
            Cidr.parse("169.254.169.254/32"), // cloud metadata (also link-local)
            Cidr.parse("fd00:ec2::254/128"), // cloud metadata over IPv6 (also unique-local)
            Cidr.parse("fc00::/7"), // unique-local (InetAddress's site-local is only fec0::/10)
            Cidr.parse("fec0::/10"),
            Cidr.parse("2001:db8::/32"), // documentation
            Cidr.parse("100::/64")); // discard

    // IPv4-mapped addresses (::ffff:a.b.c.d) need nothing: Java reads them as the IPv4 address.
    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");

    private final boolean allowHttp;
    private final List<Cidr> allowed;

    public EndpointGuard(PushProperties properties) {
        this.allowHttp = properties.allowHttp();
        this.allowed = properties.allowedNetworks().stream().map(Cidr::parse).toList();
    }

    /**
     * Checks the form of an endpoint URL and, if its host resolves now, its addresses.
     *
     * @throws EndpointRefused saying why
     */
    public URI check(URI endpoint) {
        URI url = checkForm(endpoint);
        try {
            resolve(url.getHost());
        } catch (RefusedAddress e) {
            throw new EndpointRefused(EndpointRefused.Reason.PRIVATE_ADDRESS, e.getMessage());
        } catch (UnknownHostException e) {
            throw new EndpointRefused(
                    EndpointRefused.Reason.UNRESOLVED, "the endpoint's host " + url.getHost() + " does not resolve");
        }
        return url;
    }

    /** Checks the URL's form only: absolute http(s), a host, no user info or fragment. */
    public URI checkForm(URI endpoint) {
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!endpoint.isAbsolute() || endpoint.isOpaque() || endpoint.getHost() == null) {
            throw new EndpointRefused(
                    EndpointRefused.Reason.NOT_A_URL, "the endpoint must be an absolute URL with a host");
        }
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new EndpointRefused(
                    EndpointRefused.Reason.SCHEME,
                    allowHttp ? "the endpoint must use https or http" : "the endpoint must use https");
        }
        if (endpoint.getRawUserInfo() != null || endpoint.getRawFragment() != null) {
            throw new EndpointRefused(
                    EndpointRefused.Reason.USER_INFO, "the endpoint may hold no user name, password or fragment");
        }
        return endpoint;
    }

    /** Every address of {@code host}, all of them allowed; refuses the host if any one is not. */
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = InetAddress.getAllByName(host);
        for (InetAddress address : addresses) {
            String why = refusal(address);
            if (why != null) {
                throw new RefusedAddress(host + " resolves to " + address.getHostAddress() + ", " + why);
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        // Only used for SPNEGO/Kerberos, which partner endpoints never ask for: no second look-up.
        return host;
    }

    /** Why {@code address} may not be called, or null when it may. */
    @Nullable
    String refusal(InetAddress address) {
        if (allowed.stream().anyMatch(block -> block.contains(address))) {
            return null;
        }
        InetAddress plain = embeddedV4(address);
        if (plain != address) {
            return refusal(plain) == null ? null : "an IPv6 form of a refused IPv4 address";
        }
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isAnyLocalAddress()) {
            return "the unspecified address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        if (BLOCKED.stream().anyMatch(block -> block.contains(address))) {
            return "a private, reserved or metadata address";
        }
        return null;
    }

    /** The IPv4 address inside a NAT64 IPv6 address, else the address itself. */
    private static InetAddress embeddedV4(InetAddress address) {
        if (NAT64.contains(address)) {
            byte[] b = address.getAddress();
            try {
                return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
            } catch (UnknownHostException e) {
                throw new IllegalStateException("four bytes are always an IPv4 address", e);
            }
        }
        return address;
    }

    /** A host whose addresses are refused; an {@link UnknownHostException} so the client stops there. */
    static final class RefusedAddress extends UnknownHostException {

        RefusedAddress(String message) {
            super(message);
        }
    }
}
