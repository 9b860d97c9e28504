package news.cms.moderation.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Moderators read times in UTC, in the digits their UI language writes its counts in. */
class QueueTimeTest {

    static final Instant AT = Instant.parse("2026-12-06T09:05:00Z");

    @Test
    void soraniWritesTheTimeInArabicIndicDigitsLikeItsCounts() {
        Locale sorani = Locale.forLanguageTag("ckb");
        assertThat(QueueView.time(AT, sorani)).isEqualTo("٢٠٢٦-١٢-٠٦ ٠٩:٠٥ UTC");
        assertThat(new MessageFormat("{0}", sorani).format(new Object[] {12})).isEqualTo("١٢");
    }

    @Test
    void englishArabicAndTurkishKeepTheDigitsTheirCountsUse() {
        for (String tag : new String[] {"en", "ar", "tr"}) {
            Locale locale = Locale.forLanguageTag(tag);
            String count = new MessageFormat("{0}", locale).format(new Object[] {12});
            assertThat(QueueView.time(AT, locale))
                    .as(tag)
                    .isEqualTo(count.equals("12") ? "2026-12-06 09:05 UTC" : "٢٠٢٦-١٢-٠٦ ٠٩:٠٥ UTC");
        }
    }
}
