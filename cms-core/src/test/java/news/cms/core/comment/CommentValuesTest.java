package news.cms.core.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.UUID;
import news.cms.core.language.InvalidText;
import org.junit.jupiter.api.Test;

class CommentValuesTest {

    @Test
    void commentTextIsNormalisedTrimmedAndCleaned() {
        // decomposed "é" and "İ", a NUL and a bell from a broken client, CR LF line ends
        String sent = "  Cafe\u0301 in I\u0307stanbul\u0000 was\u0007 great.\r\nSecond line.  \n";

        assertThat(new CommentText(sent).value()).isEqualTo("Café in İstanbul was great.\nSecond line.");
    }

    @Test
    void commentTextKeepsArabicAndSoraniAsWritten() {
        String arabic = "شكراً على هذا التقرير المفصّل عن الموازنة.";
        String sorani = "ئەم هەواڵە زۆر گرنگە بۆ خەڵکی هەولێر، سوپاس.";
        String soraniWithZwnj = "نووسەر\u200Cەکان";

        assertThat(new CommentText(arabic).value()).isEqualTo(arabic);
        assertThat(new CommentText(sorani).value()).isEqualTo(sorani);
        assertThat(new CommentText(soraniWithZwnj).value()).contains("\u200C");
    }

    @Test
    void commentTextIsOneToTwoThousandCharacters() {
        assertThat(new CommentText("!").value()).isEqualTo("!");
        assertThat(new CommentText("ع".repeat(CommentText.MAX_LENGTH)).value()).hasSize(CommentText.MAX_LENGTH);
        // 2,000 emoji are 4,000 UTF-16 units but 2,000 characters, as PostgreSQL counts them
        assertThat(new CommentText("📰".repeat(CommentText.MAX_LENGTH)).value()).hasSize(2 * CommentText.MAX_LENGTH);
        // the limit applies after normalisation: 2,000 decomposed "é" are 2,000 characters
        assertThat(new CommentText("e\u0301".repeat(CommentText.MAX_LENGTH)).value())
                .hasSize(CommentText.MAX_LENGTH);

        assertThatThrownBy(() -> new CommentText("a".repeat(CommentText.MAX_LENGTH + 1)))
                .isInstanceOf(InvalidText.class)
                .hasMessage("comment text is longer than 2000 characters");
    }

    @Test
    void commentTextRefusesBlankAndBrokenUnicode() {
        assertThatThrownBy(() -> new CommentText(" \n\t\u0000 "))
                .isInstanceOf(InvalidText.class)
                .hasMessage("comment text must not be blank");
        assertThatThrownBy(() -> new CommentText(null)).isInstanceOf(InvalidText.class);
        assertThatThrownBy(() -> new CommentText("half \uD83D emoji")).isInstanceOf(InvalidText.class);
    }

    @Test
    void displayNameKeepsTurkishLettersAndItsCase() {
        assertThat(new DisplayName("I\u0307LKAY ılgaz").value()).isEqualTo("İLKAY ılgaz");
        assertThat(new DisplayName("Işıl Öztürk").value()).isEqualTo("Işıl Öztürk");
        assertThat(new DisplayName("ليلى حسن").value()).isEqualTo("ليلى حسن");
        assertThat(new DisplayName("کاروان عەزیز").value()).isEqualTo("کاروان عەزیز");
    }

    @Test
    void displayNameIsOneLineOfAtMostEightyCharacters() {
        assertThat(new DisplayName("  Selin \n\t Kaya  ").value()).isEqualTo("Selin Kaya");
        // 80 Turkish capitals İ, sent decomposed (160 UTF-16 units), are 80 characters after NFC
        assertThat(new DisplayName("I\u0307".repeat(DisplayName.MAX_LENGTH)).value())
                .isEqualTo("İ".repeat(DisplayName.MAX_LENGTH));

        assertThatThrownBy(() -> new DisplayName("İ".repeat(DisplayName.MAX_LENGTH + 1)))
                .isInstanceOf(InvalidText.class)
                .hasMessage("display name is longer than 80 characters");
        assertThatThrownBy(() -> new DisplayName("   ")).isInstanceOf(InvalidText.class);
    }

    @Test
    void emailIsTrimmedAndLowerCasedWithoutTurkishRules() {
        // in a Turkish locale "I" would lower-case to dotless "ı"; addresses use the root locale
        assertThat(new EmailAddress("  SELIN.KAYA@Example.COM.tr ").value()).isEqualTo("selin.kaya@example.com.tr");
    }

    @Test
    void emailShapeIsCheckedLoosely() {
        assertThat(new EmailAddress("rezan+news@mail.example.org").value()).isEqualTo("rezan+news@mail.example.org");
        for (String bad :
                new String[] {"no-at-sign", "two@@example.com", "a@localhost", "with space@example.com", ""}) {
            assertThatThrownBy(() -> new EmailAddress(bad))
                    .as(bad)
                    .isInstanceOf(InvalidText.class)
                    .hasMessageStartingWith("email ");
        }
        assertThatThrownBy(() -> new EmailAddress("a".repeat(250) + "@example.com"))
                .isInstanceOf(InvalidText.class);
    }

    @Test
    void emailAddressStaysOutOfLogs() {
        assertThat(new EmailAddress("layla@example.com").toString()).doesNotContain("layla");
    }

    @Test
    void emailHashIsSixtyFourHexDigits() {
        assertThat(new EmailHash("ab".repeat(32)).value()).hasSize(64);
        assertThatThrownBy(() -> new EmailHash("AB".repeat(32))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmailHash("ab")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idempotencyKeyAllowsATokenAlphabetUpToOneHundredCharacters() {
        assertThat(new IdempotencyKey("web:2026-11-25T10.15_a1-b2").value()).isEqualTo("web:2026-11-25T10.15_a1-b2");
        assertThat(new IdempotencyKey("k".repeat(IdempotencyKey.MAX_LENGTH)).value())
                .hasSize(100);
        assertThat(IdempotencyKey.random().value()).hasSize(36);

        for (String bad : new String[] {"", "k".repeat(101), "with space", "slash/key", "ключ", "ok\n"}) {
            assertThatThrownBy(() -> new IdempotencyKey(bad)).as(bad).isInstanceOf(InvalidText.class);
        }
    }

    @Test
    void clientFingerprintIsOpaqueButBounded() {
        assertThat(new ClientFingerprint("ip:203.0.113.0/24;ua:4f2a").value()).isEqualTo("ip:203.0.113.0/24;ua:4f2a");
        assertThat(new ClientFingerprint("f".repeat(ClientFingerprint.MAX_LENGTH)).value())
                .hasSize(128);

        assertThatThrownBy(() -> new ClientFingerprint("f".repeat(129))).isInstanceOf(InvalidText.class);
        assertThatThrownBy(() -> new ClientFingerprint(" ")).isInstanceOf(InvalidText.class);
        assertThatThrownBy(() -> new ClientFingerprint("a\u0000b")).isInstanceOf(InvalidText.class);
    }

    @Test
    void rejectionReasonCodesAreStableAndDistinct() {
        assertThat(Arrays.stream(RejectionReason.values()).map(RejectionReason::code))
                .containsExactly(
                        "profanity",
                        "threats",
                        "personal-attacks",
                        "vulgarity",
                        "abuse",
                        "promotion",
                        "off-topic",
                        "spam");
        for (RejectionReason r : RejectionReason.values()) {
            assertThat(RejectionReason.fromCode(r.code())).isSameAs(r);
        }
        for (AbuseKind k : AbuseKind.values()) {
            assertThat(AbuseKind.fromCode(k.code())).isSameAs(k);
        }
        assertThatThrownBy(() -> RejectionReason.fromCode("rude")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void receiptsAreRandomUrlSafeTokens() {
        ReceiptId one = ReceiptId.random();
        ReceiptId two = ReceiptId.random();

        assertThat(one.value()).hasSize(ReceiptId.LENGTH).matches("[A-Za-z0-9_-]+");
        assertThat(one).isNotEqualTo(two);
        assertThatThrownBy(() -> new ReceiptId("short")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cursorTokensRoundTripAndRefuseGarbage() {
        var cursor = new CommentCursor(
                java.time.Instant.parse("2026-11-25T08:30:00.123456Z"), new CommentId(UUID.randomUUID()));

        assertThat(CommentCursor.parse(cursor.token())).isEqualTo(cursor);
        assertThatThrownBy(() -> CommentCursor.parse("not a cursor")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommentCursor.parse("bm90fGF8Y3Vyc29y")).isInstanceOf(IllegalArgumentException.class);
    }
}
