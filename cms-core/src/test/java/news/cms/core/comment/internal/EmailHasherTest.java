package news.cms.core.comment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import news.cms.core.comment.ClientOrigin;
import news.cms.core.comment.EmailAddress;
import org.junit.jupiter.api.Test;

class EmailHasherTest {

    private final EmailHasher hasher = new EmailHasher(new CommentProperties("pepper-for-unit-tests-only-32-chars+"));

    @Test
    void isHmacSha256OfTheNormalisedAddressUnderThePepper() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(
                "pepper-for-unit-tests-only-32-chars+".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal("rezan@example.com".getBytes(StandardCharsets.UTF_8)));

        assertThat(hasher.hash(new EmailAddress(" Rezan@Example.COM ")).value()).isEqualTo(expected);
    }

    @Test
    void oneAddressOneHashAndAnotherPepperAnotherHash() {
        var address = new EmailAddress("selin@example.com.tr");
        var otherPepper = new EmailHasher(new CommentProperties("another-pepper-of-thirty-two-chars+"));

        assertThat(hasher.hash(address)).isEqualTo(hasher.hash(new EmailAddress("SELIN@example.com.tr")));
        assertThat(hasher.hash(address)).isNotEqualTo(hasher.hash(new EmailAddress("selin2@example.com.tr")));
        assertThat(otherPepper.hash(address)).isNotEqualTo(hasher.hash(address));
    }

    @Test
    void aShortPepperIsRefused() {
        assertThatThrownBy(() -> new CommentProperties("a pepper of 31 characters......"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAppWithoutThePepperStartsButRefusesToHash() {
        var properties = new CommentProperties(null);
        var noPepper = new EmailHasher(properties);
        var noTraitKey = new TraitHasher(properties);

        assertThatThrownBy(() -> noPepper.hash(new EmailAddress("dilan@example.com")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cms.comments.email-pepper");
        assertThatThrownBy(() -> noTraitKey.hash(ClientOrigin.of("203.0.113.7", null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cms.comments.email-pepper");
    }
}
