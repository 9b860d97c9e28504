package news.cms.core.comment;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;
import news.cms.core.language.InvalidText;
import org.jspecify.annotations.Nullable;

/**
 * Where a new comment comes from, as the intake saw it: the client's address (the connection's, or
 * the one a trusted proxy named) and the id the reader's app sends, if any. Never stored as such:
 * the comment keeps keyed hashes of its address, network and client id, for bans.
 *
 * @param clientId 1 to {@link #MAX_CLIENT_ID_LENGTH} letters, digits and {@code . _ : + / = -}; null
 *     when the client sent none
 */
public record ClientOrigin(InetAddress address, @Nullable String clientId) {

    public static final int MAX_CLIENT_ID_LENGTH = 128;
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:+/=-]{1," + MAX_CLIENT_ID_LENGTH + "}");
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    public ClientOrigin {
        if (address == null) {
            throw new IllegalArgumentException("a client origin needs an address");
        }
        if (clientId != null && !CLIENT_ID.matcher(clientId).matches()) {
            throw new InvalidText(
                    "client id", "is 1 to " + MAX_CLIENT_ID_LENGTH + " letters, digits and . _ : + / = - characters");
        }
    }

    /**
     * @param address an IPv4 or IPv6 literal, as the servlet container reports the remote address
     * @throws IllegalArgumentException when the address is not an IP literal (no name is looked up)
     * @throws InvalidText when the client id is malformed
     */
    public static ClientOrigin of(String address, @Nullable String clientId) {
        String literal = address == null ? "" : address.strip();
        int zone = literal.indexOf('%'); // an IPv6 scope such as fe80::1%eth0 names no other client
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (!IP_LITERAL.matcher(literal).matches()) {
            throw new IllegalArgumentException("not an IP address: " + address);
        }
        try {
            // A literal (checked above) is parsed, never resolved.
            return new ClientOrigin(InetAddress.getByName(literal), clientId);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + address, e);
        }
    }

    /**
     * The address as bans see it: an IPv4 address whole, an IPv6 address by its /64, because one IPv6
     * subscriber gets a whole /64 and picks new addresses in it at will.
     */
    public byte[] addressKey() {
        byte[] bytes = address.getAddress();
        return address instanceof Inet4Address ? bytes : Arrays.copyOf(bytes, 8);
    }

    /** The network as bans see it: an IPv4 /24, or the IPv6 /64. */
    public byte[] networkKey() {
        byte[] bytes = address.getAddress();
        return address instanceof Inet4Address ? Arrays.copyOf(bytes, 3) : Arrays.copyOf(bytes, 8);
    }

    /** Whether the address is IPv4, so that a ban by network (/24) is wider than one by address. */
    public boolean isIpv4() {
        return address instanceof Inet4Address;
    }
}
