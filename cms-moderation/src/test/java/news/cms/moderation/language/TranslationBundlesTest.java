package news.cms.moderation.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import news.cms.core.comment.AbuseKind;
import news.cms.core.comment.CommentState;
import news.cms.core.comment.QueueQuery;
import news.cms.core.comment.RejectionReason;
import org.junit.jupiter.api.Test;

/**
 * Every UI language has every key, and every key the code asks for exists: a key added to one bundle
 * only, or used in code and written nowhere, fails here rather than showing "!{key}!" to a moderator.
 */
class TranslationBundlesTest {

    private static final Pattern LITERAL_KEY = Pattern.compile("getTranslation\\(\\s*\"([a-z0-9.-]+)\"");

    @Test
    void everyBundleHasExactlyTheKeysOfTheDefaultBundle() {
        Set<String> reference = keys("translations");
        assertThat(reference).hasSizeGreaterThan(100);
        for (UiLanguages.UiLanguage language : UiLanguages.offered()) {
            Set<String> theirs = keys("translations_" + language.tag());
            assertThat(difference(reference, theirs))
                    .as("keys missing from the %s bundle", language.tag())
                    .isEmpty();
            assertThat(difference(theirs, reference))
                    .as("keys only in the %s bundle", language.tag())
                    .isEmpty();
        }
    }

    @Test
    void theLanguageSwitchOffersEnglishArabicSoraniAndTurkish() {
        assertThat(UiLanguages.offered())
                .extracting(UiLanguages.UiLanguage::tag)
                .containsExactly("en", "ar", "ckb", "tr");
        assertThat(UiLanguages.isRightToLeft(Locale.forLanguageTag("ckb"))).isTrue();
        assertThat(UiLanguages.isRightToLeft(Locale.forLanguageTag("ar"))).isTrue();
        assertThat(UiLanguages.isRightToLeft(Locale.forLanguageTag("tr"))).isFalse();
    }

    @Test
    void theBrowsersFirstOfferedLanguageWinsAndEnglishIsTheFallback() {
        assertThat(UiLanguages.preferred(List.of(Locale.forLanguageTag("fr"), Locale.forLanguageTag("ckb-IQ")))
                        .tag())
                .isEqualTo("ckb");
        assertThat(UiLanguages.preferred(List.of(Locale.forLanguageTag("tr-TR"), Locale.forLanguageTag("ar")))
                        .tag())
                .isEqualTo("tr");
        assertThat(UiLanguages.preferred(List.of(Locale.forLanguageTag("fr"))).tag())
                .isEqualTo("en");
        assertThat(UiLanguages.preferred(List.of()).tag()).isEqualTo("en");
    }

    @Test
    void everyKeyTheCodeAsksForExists() throws IOException {
        Set<String> keys = keys("translations");
        List<String> asked = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(source));
                while (m.find()) {
                    // "reason." + code and the like are prefixes: their keys are listed from the enums below.
                    if (!m.group(1).endsWith(".")) {
                        asked.add(m.group(1));
                    }
                }
            }
        }
        assertThat(asked).hasSizeGreaterThan(80);
        for (RejectionReason r : RejectionReason.values()) {
            asked.add("reason." + r.code());
        }
        for (AbuseKind k : AbuseKind.values()) {
            asked.add("abuse." + k.code());
        }
        for (CommentState s : CommentState.values()) {
            String name = s.name().toLowerCase(Locale.ROOT);
            asked.addAll(List.of("state." + name, "queue." + name, "queue.count." + name, "queue.title." + name));
        }
        for (QueueQuery.Order o : QueueQuery.Order.values()) {
            asked.add("queue.order." + o.name().toLowerCase(Locale.ROOT));
        }
        for (String term : List.of("1d", "7d", "30d", "forever")) {
            asked.add("ban.term." + term);
        }
        for (String tag : List.of("en", "ar", "ckb", "tr")) {
            asked.add("language." + tag);
        }
        assertThat(difference(new TreeSet<>(asked), keys))
                .as("keys used in code but in no bundle")
                .isEmpty();
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    private static Set<String> keys(String bundle) {
        String path = "vaadin-i18n/" + bundle + ".properties";
        try (InputStream in = TranslationBundlesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            p.forEach(
                    (k, v) -> assertThat(v.toString()).as("%s in %s", k, bundle).isNotBlank());
            return new TreeSet<>(p.stringPropertyNames());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
