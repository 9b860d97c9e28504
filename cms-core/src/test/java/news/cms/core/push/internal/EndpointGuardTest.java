package news.cms.core.push.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import news.cms.core.push.EndpointRefused;
import news.cms.core.push.PushProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointGuardTest {

    static EndpointGuard guard(boolean allowHttp, String... allowed) {
        return new EndpointGuard(properties(allowHttp, allowed));
    }

    static PushProperties properties(boolean allowHttp, String... allowed) {
        return new PushProperties(
                true,
                allowHttp,
                List.of(allowed),
                Duration.ofSeconds(5),
                Duration.ofSeconds(15),
                Duration.ofMillis(250),
                4,
                List.of(Duration.ZERO, Duration.ofSeconds(5)),
                0.1,
                Duration.ofHours(12),
                Duration.ofHours(72),
                Duration.ofHours(24),
                null,
                URI.create("http://localhost:8081"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1", "127.8.9.10", "::1", "10.1.2.3", "172.16.0.9", "172.31.255.1", "192.168.1.20",
                "169.254.169.254", "169.254.10.1", "fe80::1", "fd00:ec2::254", "fc00::5", "0.0.0.0", "::",
                "100.64.3.4", "224.0.0.1", "255.255.255.255", "198.18.0.1", "64:ff9b::a9fe:a9fe", "::ffff:10.0.0.1"
            })
    void addressesInsideOurNetworkOrTheCloudsAreRefused(String literal) throws UnknownHostException {
        assertThat(guard(false).refusal(InetAddress.getByName(literal))).isNotNull();
        assertThatThrownBy(() -> guard(false).resolve(literal)).isInstanceOf(EndpointGuard.RefusedAddress.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "1.1.1.1", "2a00:1450:4001:80b::200e", "172.32.0.1", "100.128.0.1"})
    void publicAddressesPass(String literal) throws UnknownHostException {
        assertThat(guard(false).refusal(InetAddress.getByName(literal))).isNull();
    }

    @Test
    void theAllowListOpensOnlyItsBlocks() throws UnknownHostException {
        EndpointGuard guard = guard(true, "127.0.0.0/8", "::1/128");
        assertThat(guard.refusal(InetAddress.getByName("127.0.0.1"))).isNull();
        assertThat(guard.refusal(InetAddress.getByName("::1"))).isNull();
        assertThat(guard.refusal(InetAddress.getByName("10.0.0.1"))).isEqualTo("a private address");
        assertThat(guard.refusal(InetAddress.getByName("169.254.169.254"))).isEqualTo("a link-local address");
    }

    @Test
    void aHostNameIsJudgedByWhatItResolvesTo() {
        // localhost is a name, not an address: it passes the form and is refused for where it leads.
        assertThatThrownBy(() -> guard(true).check(URI.create("http://localhost:8443/hooks")))
                .isInstanceOf(EndpointRefused.class)
                .hasMessageContaining("localhost resolves to")
                .hasMessageContaining("loopback");
        assertThat(guard(true, "127.0.0.0/8", "::1/128").check(URI.create("http://localhost:8443/hooks")))
                .hasToString("http://localhost:8443/hooks");
    }

    @Test
    void onlyHttpsUnlessConfiguredAndOnlyPlainUrls() {
        EndpointGuard strict = guard(false, "127.0.0.0/8");
        assertThatThrownBy(() -> strict.check(URI.create("http://127.0.0.1/hooks")))
                .isInstanceOf(EndpointRefused.class)
                .hasMessage("the endpoint must use https");
        assertThat(strict.check(URI.create("https://127.0.0.1/hooks"))).isNotNull();
        for (String bad : List.of(
                "ftp://127.0.0.1/x",
                "https://user:pw@127.0.0.1/x",
                "https://127.0.0.1/x#frag",
                "/relative",
                "mailto:a@b")) {
            assertThatThrownBy(() -> guard(true, "127.0.0.0/8").check(URI.create(bad)))
                    .as(bad)
                    .isInstanceOf(EndpointRefused.class);
        }
    }

    @Test
    void addressBlocksMatchBitByBit() {
        Cidr block = Cidr.parse("172.16.0.0/12");
        assertThat(block.contains(address("172.31.255.255"))).isTrue();
        assertThat(block.contains(address("172.32.0.0"))).isFalse();
        assertThat(block.contains(address("::1"))).isFalse();
        assertThatThrownBy(() -> Cidr.parse("example.org/24")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
