package news.cms.core.partnerkey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import news.cms.core.notice.ChangeNotice;
import news.cms.core.partnerkey.PartnerKey;
import news.cms.core.partnerkey.PartnerKeyId;
import news.cms.core.partnerkey.PartnerScope;
import org.junit.jupiter.api.Test;

/** A made-up key costs one database look-up per prefix while it is remembered as missing, not one per request. */
class KnownKeysTest {

    private final AtomicLong nanos = new AtomicLong();
    private final Table table = new Table();
    private final KnownKeys known = new KnownKeys(table, nanos::get);

    @Test
    void aMissingPrefixIsLookedUpOnceUntilItIsForgotten() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(known.find("cmsk_madeup")).isEmpty();
        }
        assertThat(table.lookUps).containsExactly("cmsk_madeup");
        assertThat(known.needsLookUp("cmsk_madeup")).isFalse();

        nanos.addAndGet(KnownKeys.MISSING_FOR.plusMillis(1).toNanos());
        assertThat(known.needsLookUp("cmsk_madeup")).isTrue();
        assertThat(known.find("cmsk_madeup")).isEmpty();
        assertThat(table.lookUps).containsExactly("cmsk_madeup", "cmsk_madeup");
    }

    @Test
    void aKeyIssuedAfterItsPrefixWasMissingIsFoundOnceAPartnerKeyNoticeArrives() {
        assertThat(known.find("cmsk_neu")).isEmpty();
        table.rows.put("cmsk_neu", stored("cmsk_neu"));
        assertThat(known.find("cmsk_neu")).as("still remembered as missing").isEmpty();

        known.on(new ChangeNotice("partner_key", PartnerKeyId.random().toString()));
        assertThat(known.find("cmsk_neu")).isPresent();
        // Other tables' notices leave what is missing alone.
        assertThat(known.find("cmsk_other")).isEmpty();
        known.on(new ChangeNotice("article", "a"));
        assertThat(known.needsLookUp("cmsk_other")).isFalse();
        // Lost notices: forget everything.
        known.on(ChangeNotice.everything());
        assertThat(known.needsLookUp("cmsk_other")).isTrue();
    }

    @Test
    void aKnownKeyNeedsNoLookUpAndMissingPrefixesStayBounded() {
        table.rows.put("cmsk_real", stored("cmsk_real"));
        assertThat(known.needsLookUp("cmsk_real")).isTrue();
        assertThat(known.find("cmsk_real")).isPresent();
        assertThat(known.needsLookUp("cmsk_real")).isFalse();

        for (int i = 0; i < KnownKeys.MAX_MISSING * 2; i++) {
            known.find("cmsk_flood" + i);
        }
        assertThat(known.missingCount()).isLessThanOrEqualTo(KnownKeys.MAX_MISSING);
        assertThat(known.find("cmsk_real"))
                .as("the real key survives the flood")
                .isPresent();
        assertThat(table.lookUps.stream().filter("cmsk_real"::equals)).hasSize(1);
    }

    private static PartnerKeyRepository.StoredKey stored(String prefix) {
        return new PartnerKeyRepository.StoredKey(
                new PartnerKey(
                        PartnerKeyId.random(),
                        "Ajans Haber",
                        prefix,
                        Set.of(PartnerScope.FEED),
                        Instant.parse("2026-12-01T08:00:00Z"),
                        "admin",
                        null,
                        null,
                        null,
                        600),
                new byte[32]);
    }

    /** The partner_key table as far as look-ups by prefix go. */
    private static final class Table extends PartnerKeyRepository {
        final Map<String, StoredKey> rows = new HashMap<>();
        final List<String> lookUps = new ArrayList<>();

        Table() {
            super(null);
        }

        @Override
        public Optional<StoredKey> findByPrefix(String prefix) {
            lookUps.add(prefix);
            return Optional.ofNullable(rows.get(prefix));
        }

        @Override
        public void recordUses(Map<PartnerKeyId, Instant> uses) {}
    }
}
