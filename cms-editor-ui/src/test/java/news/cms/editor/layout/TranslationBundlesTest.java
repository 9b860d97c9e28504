package news.cms.editor.layout;

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
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import news.cms.core.account.Role;
import news.cms.core.account.WeakPassword;
import news.cms.core.article.CalendarEntry;
import news.cms.core.workflow.Action;
import news.cms.core.workflow.ArticleState;
import org.junit.jupiter.api.Test;

/**
 * Every UI language has every key, and every key the code asks for exists: a key added to one bundle
 * only, or used in code and written nowhere, fails here rather than showing "!{key}!" to someone.
 */
class TranslationBundlesTest {

    private static final Pattern LITERAL_KEY =
            Pattern.compile("(?:getTranslation|Notices\\.t)\\(\\s*\"([a-z0-9.-]+)\"");

    @Test
    void everyBundleHasExactlyTheKeysOfTheDefaultBundle() {
        Set<String> reference = keys("translations");
        assertThat(reference).hasSizeGreaterThan(150);
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
        assertThat(UiLanguages.isRightToLeft(java.util.Locale.forLanguageTag("ckb")))
                .isTrue();
        assertThat(UiLanguages.isRightToLeft(java.util.Locale.forLanguageTag("tr")))
                .isFalse();
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
                    // "state." + name and the like are prefixes: their keys are listed from the enums below.
                    if (!m.group(1).endsWith(".")) {
                        asked.add(m.group(1));
                    }
                }
            }
        }
        assertThat(asked).hasSizeGreaterThan(100);
        // Keys built from enum names: every value of each enum needs one.
        for (Action a : Action.values()) {
            asked.add("action." + Notices.key(a.name()));
        }
        for (ArticleState s : ArticleState.values()) {
            asked.add("state." + Notices.key(s.name()));
        }
        for (Role r : Role.values()) {
            asked.add("role." + Notices.key(r.name()));
        }
        for (CalendarEntry.Kind k : CalendarEntry.Kind.values()) {
            asked.add("calendar." + Notices.key(k.name()));
        }
        for (WeakPassword.Reason r : WeakPassword.Reason.values()) {
            asked.add("admin.password." + Notices.key(r.name()));
        }
        for (news.cms.core.partnerkey.PartnerScope scope : news.cms.core.partnerkey.PartnerScope.values()) {
            asked.add("keys.scope." + Notices.key(scope.name()));
        }
        for (String action : AuditTexts.OTHER_ACTIONS) {
            asked.add("audit.action." + action);
        }
        for (String kind : List.of("same", "changed", "added", "removed")) {
            asked.add("translation.change." + kind);
        }
        for (news.cms.core.translation.Translation.SourceNotice notice :
                news.cms.core.translation.Translation.SourceNotice.values()) {
            asked.add("translation.notice." + Notices.key(notice.name()));
        }
        for (String type : AuditTexts.TARGET_TYPES) {
            asked.add("audit.type." + type);
        }
        for (String code : Refusals.CODES) {
            asked.add("refusal." + code);
        }
        for (String field : Refusals.FIELDS) {
            asked.add("refusal.field." + field);
        }
        for (news.cms.core.notification.NotificationKind k : news.cms.core.notification.NotificationKind.values()) {
            asked.add("notification." + Notices.key(k.name()));
        }
        for (news.cms.core.budget.PlanState state : news.cms.core.budget.PlanState.values()) {
            asked.add("budget.state." + Notices.key(state.name()));
        }
        for (String queue :
                List.of("mine", "submitted", "approved", "scheduled", "published", "spiked", "all", "to-update")) {
            asked.add("queue." + queue);
        }
        assertThat(difference(new TreeSet<>(asked), keys))
                .as("keys used in code but in no bundle")
                .isEmpty();
    }

    /** The audit log names every action cms-core records in the UI language, not as a raw code. */
    @Test
    void everyAuditActionCmsCoreRecordsHasAName() throws IOException {
        Pattern code = Pattern.compile(
                "\"((?:account|article|comment|comments|partner-key|translation|note|desk|push-subscription|budget)\\.[a-z-]+)\"");
        Set<String> recorded = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("../cms-core/src/main/java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = code.matcher(Files.readString(source));
                while (m.find()) {
                    recorded.add(m.group(1));
                }
            }
        }
        // Refusal codes share the prefixes; they have their own messages (refusal.<code>).
        recorded.removeAll(Refusals.CODES);
        // Neither are a webhook's event types, nor the stale-version refusal (the editor answers it
        // with its merge dialog, not a message).
        for (news.cms.core.push.PushEvent event : news.cms.core.push.PushEvent.values()) {
            recorded.remove(event.type());
        }
        recorded.remove("article.stale-version");
        assertThat(recorded)
                .contains("account.sign-in", "comment.reject", "partner-key.revoke", "translation.stale", "note.add");
        assertThat(difference(recorded, new TreeSet<>(AuditTexts.actions())))
                .as("action codes cms-core records that the audit log would show raw")
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
            Set<String> keys = new TreeSet<>(p.stringPropertyNames());
            p.forEach(
                    (k, v) -> assertThat(v.toString()).as("%s in %s", k, bundle).isNotBlank());
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
