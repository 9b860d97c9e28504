package news.cms.core.notice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangeNoticeTest {

    static final String ID = "5f0c6b8e-8d3e-4a43-9d43-0f1a5e2f7c11";

    @Test
    void aRowNoticeAffectsThatRowOnly() {
        ChangeNotice notice = ChangeNotice.parse("article:" + ID);

        assertThat(notice).isEqualTo(new ChangeNotice("article", ID));
        assertThat(notice.affectsAll("article")).isFalse();
        assertThat(notice.affectsAll("partner_key")).isFalse();
    }

    @Test
    void anEmptiedTableAffectsAllItsRows() {
        ChangeNotice notice = ChangeNotice.parse("partner_key:*");

        assertThat(notice).isEqualTo(new ChangeNotice("partner_key", null));
        assertThat(notice.affectsAll("partner_key")).isTrue();
        assertThat(notice.affectsAll("article")).isFalse();
    }

    @Test
    void aLostConnectionOrAnOddPayloadAffectsEverything() {
        for (ChangeNotice notice : new ChangeNotice[] {ChangeNotice.everything(), ChangeNotice.parse("garbled")}) {
            assertThat(notice.affectsAll("article")).isTrue();
            assertThat(notice.affectsAll("partner_key")).isTrue();
        }
    }
}
