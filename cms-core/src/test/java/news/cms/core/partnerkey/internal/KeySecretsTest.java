package news.cms.core.partnerkey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeySecretsTest {

    @Test
    void aGeneratedSecretHasItsPrefix() {
        for (int i = 0; i < 200; i++) {
            KeySecrets.Secret secret = KeySecrets.generate();
            assertThat(KeySecrets.prefixOf(secret.value()))
                    .isEqualTo(secret.prefix())
                    .hasSize(8);
        }
    }

    @Test
    void anythingElseHasNone() {
        String good = KeySecrets.generate().value();
        for (String bad : new String[] {
            "",
            "cmsk_",
            good + "x", // one too long
            good.substring(0, good.length() - 1), // one too short
            "CMSK_" + good.substring(5), // the start is lower case
            good.substring(0, 5) + "ABCDEFGH" + good.substring(13), // base32 letters are lower case
            good.substring(0, 5) + "abcdefg1" + good.substring(13), // 1 is not base32
            good.substring(0, 13) + "-" + good.substring(14), // the separator
            good.substring(0, 20) + "+" + good.substring(21), // base64url has no '+'
            good.substring(0, 20) + "٣" + good.substring(21), // an Arabic-Indic digit
            good.substring(0, 20) + "ı" + good.substring(21), // Turkish dotless i
            good.substring(0, 20) + " " + good.substring(21)
        }) {
            assertThat(KeySecrets.prefixOf(bad)).as(bad).isNull();
        }
    }
}
