package news.cms.core.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class RequestIdTest {

    @Test
    void aCallersWellFormedIdIsKept() {
        assertThat(RequestId.from("lb-7f3a.2026_12").value()).isEqualTo("lb-7f3a.2026_12");
        assertThat(RequestId.from("a".repeat(8)).value()).hasSize(8);
        assertThat(RequestId.from("Z9".repeat(32)).value()).hasSize(64);
    }

    @Test
    void anythingElseIsReplacedByAFreshId() {
        for (String forged : new String[] {
            "short-1",
            "x".repeat(65),
            "abc12345\r\nX-Injected: 1",
            "abc 12345",
            "طلب-12345678", // Arabic letters
            "١٢٣٤٥٦٧٨٩٠", // Arabic-Indic digits are not ASCII digits
            "ıstanbul-12345", // Turkish dotless i
            "req\"12345678",
            ""
        }) {
            RequestId id = RequestId.from(forged);
            assertThat(id.value()).as(forged).isNotEqualTo(forged).matches("[0-9a-f]{32}");
        }
        assertThat(RequestId.from(null).value()).matches("[0-9a-f]{32}");
    }

    @Test
    void freshIdsDifferAndAMalformedIdCannotBeBuilt() {
        assertThat(RequestId.generate()).isNotEqualTo(RequestId.generate());
        assertThatIllegalArgumentException().isThrownBy(() -> new RequestId("bad id!"));
    }
}
