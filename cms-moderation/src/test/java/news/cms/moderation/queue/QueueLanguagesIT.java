package news.cms.moderation.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.internal.nodefeature.VirtualChildrenList;
import com.vaadin.flow.server.VaadinSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.comment.BanReason;
import news.cms.core.comment.BanTerm;
import news.cms.core.comment.ClientFingerprint;
import news.cms.core.comment.Comment;
import news.cms.core.comment.CommentService;
import news.cms.core.comment.CommentState;
import news.cms.core.comment.CommentText;
import news.cms.core.comment.CommentThreads;
import news.cms.core.comment.DisplayName;
import news.cms.core.comment.IdempotencyKey;
import news.cms.core.comment.NewComment;
import news.cms.core.comment.RejectionReason;
import news.cms.core.language.LanguageTag;
import news.cms.core.screening.Screener;
import news.cms.moderation.ThisContextsSecurity;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * With the UI in Arabic or Sorani, the queue, its panel, its dialogs and the single-comment page show
 * no English word: every text, label, helper, placeholder, header and grid header comes from the
 * bundle. Latin left over is only what is meant to be Latin (key names, UTC, the language menu,
 * usernames). Turkish, written in Latin letters, is checked by its own words.
 */
@CmsIntegrationTest
@ExtendWith(ThisContextsSecurity.class)
@ViewPackages(packages = "news.cms.moderation")
class QueueLanguagesIT extends SpringBrowserlessTest {

    private static final Pattern LATIN_WORD = Pattern.compile("\\p{IsLatin}{2,}");
    private static final Set<String> MEANT_TO_BE_LATIN =
            Set.of("English", "Türkçe", "UTC", "Ctrl", "Enter", "Control", "mona");

    @Autowired
    ArticleService articles;

    @Autowired
    CommentService comments;

    @Autowired
    CommentThreads threads;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient cleaner;

    @Autowired
    org.springframework.core.env.Environment environment;

    // Each test sees only its own queue (the class's tables are emptied once); bans keep their comment.
    void onlyThisTestsComments() {
        news.cms.testsupport.DatabaseOwner.deleteComments(
                environment, "not exists (select 1 from comment_ban b where b.comment_id = c.id)");
        cleaner.sql("update comment set state = 'REJECTED', rejection_reason = 'spam', decided_at = now(),"
                        + " decided_by = 'earlier-test' where state = 'PENDING'")
                .update();
    }

    @Autowired
    Screener screener;

    Comment flagged;
    String fingerprint;

    @BeforeEach
    void aQueueWithHistoryABanAndAClosedStory() {
        // A new commenter per test: the class's tables are emptied only once, and the ban stays.
        fingerprint = "fp-lang-" + java.util.UUID.randomUUID();
        onlyThisTestsComments();
        Article story = Newsroom.publishedStory(
                articles,
                Newsroom.story(LanguageTag.ARABIC, "افتتاح سوق جديد في أربيل", "افتُتح السوق اليوم.", "أربيل"));
        Comment earlier = submit(story, "تعليق سابق عادي", "lang-1");
        flagged = submit(story, "أنت غبي يا كاتب", "lang-2");
        submit(story, "شكرا على الخبر", "lang-3");
        Newsroom.as(
                "mona",
                () -> {
                    comments.reject(earlier.id(), RejectionReason.OFF_TOPIC);
                    comments.banCommenterOf(earlier.id(), BanTerm.PERMANENT, new BanReason("إساءة متكررة"));
                    threads.close(story.id(), "سيل من الرسائل");
                    return null;
                },
                Role.MODERATOR);
    }

    @Test
    @WithMockUser(username = "mona", roles = "MODERATOR")
    void theQueueSpeaksArabicEverywhere() {
        speaksOnly(Locale.forLanguageTag("ar"));
        assertThat($(H1.class).id("queue-title").getText()).isEqualTo("تعليقات بانتظار القرار");
        assertThat($(Button.class).id("approve").getText()).isEqualTo("موافقة (A)");
    }

    @Test
    @WithMockUser(username = "mona", roles = "MODERATOR")
    void theQueueSpeaksSoraniEverywhere() {
        speaksOnly(Locale.forLanguageTag("ckb"));
        assertThat($(H1.class).id("queue-title").getText()).isEqualTo("لێدوانە چاوەڕوانەکان");
        assertThat($(Button.class).id("reject").getText()).isEqualTo("ڕەتکردنەوە (R)");
        // Sorani writes its counts in Arabic-Indic digits: the times beside them too, never a mix.
        assertThat($(com.vaadin.flow.component.html.Span.class)
                        .id("queue-count")
                        .getText())
                .containsPattern("[٠-٩]");
        assertThat(latinDigits()).as("Latin digits on the Sorani queue").isEmpty();
    }

    @Test
    @WithMockUser(username = "mona", roles = "MODERATOR")
    void theQueueSpeaksTurkish() {
        inLanguage(Locale.forLanguageTag("tr"));
        navigate(QueueView.class);
        assertThat($(H1.class).id("queue-title").getText()).isEqualTo("Bekleyen yorumlar");
        assertThat($(Button.class).id("approve").getText()).isEqualTo("Onayla (A)");
        assertThat($(Button.class).id("ban").getText()).isEqualTo("Yorumcuyu engelle… (B)");
        Grid<?> grid = $(Grid.class).id("queue-grid");
        assertThat(grid.getColumns().stream().map(c -> c.getHeaderText()).toList())
                .containsExactly("Gönderildi", "Risk", "Haber", "Ad", "Yorum");
        assertThat($(com.vaadin.flow.component.html.Span.class)
                        .id("queue-count")
                        .getText())
                .isEqualTo("Karar bekleyen 2 yorum");
    }

    private void speaksOnly(Locale language) {
        inLanguage(language);
        navigate(QueueView.class);
        assertThat(english()).as("English left on the queue").isEmpty();

        $(CommentPanel.class).single().key("KeyB");
        assertThat(english()).as("English left in the ban dialog").isEmpty();
        test($(Button.class).id("ban-confirm")).click();
        assertThat(english()).as("English left in the ban dialog's error").isEmpty();
        test($(Button.class).id("ban-cancel")).click();

        $(CommentPanel.class).single().key("Slash");
        assertThat(english()).as("English left in the keys dialog").isEmpty();
        test($(Button.class).id("keys-close")).click();

        test($(Button.class).id("comments-toggle")).click();
        assertThat(english()).as("English left after reopening comments").isEmpty();
        test($(Button.class).id("comments-toggle")).click();
        test($(Button.class).id("comments-close-confirm")).click();
        assertThat(english()).as("English left in the close-comments dialog").isEmpty();
        test($(Button.class).id("comments-close-cancel")).click();

        @SuppressWarnings("unchecked")
        RadioButtonGroup<CommentState> state = $(RadioButtonGroup.class).id("queue-state");
        state.setValue(CommentState.REJECTED);
        assertThat(english()).as("English left on the rejected queue").isEmpty();

        navigate("comment/" + flagged.id(), Component.class);
        assertThat(english()).as("English left on the single-comment page").isEmpty();
        navigate(QueueView.class);
    }

    private void inLanguage(Locale language) {
        VaadinSession.getCurrent().setLocale(language);
        UI.getCurrent().setLocale(language);
        // The test UI has opened the queue already: leave it, so that it is built anew in the language.
        navigate("comment/none", CommentView.class);
    }

    /** Latin words in what the moderator reads, with where they are. */
    private List<String> english() {
        List<String> found = new ArrayList<>();
        walk(UI.getCurrent().getElement(), found);
        $(Grid.class)
                .all()
                .forEach(g -> ((Grid<?>) g).getColumns().forEach(c -> check(c.getHeaderText(), "grid header", found)));
        return found;
    }

    /** Texts the moderator reads that hold a Latin digit, with where they are. */
    private List<String> latinDigits() {
        List<String> found = new ArrayList<>();
        walkTexts(UI.getCurrent().getElement(), (text, where) -> {
            // Keyboard keys stay as the keys are printed: the reasons' 1–8 (an isolate, or a key before a reason).
            String read =
                    text == null ? null : text.replace("\u20661–8\u2069", "").replaceFirst("^[1-8] ", "");
            if (read != null && !read.startsWith("comment/") && read.matches("(?s).*[0-9].*")) {
                found.add(where + ": " + text);
            }
        });
        return found;
    }

    private void walk(Element e, List<String> found) {
        walkTexts(e, (text, where) -> check(text, where, found));
    }

    private void walkTexts(Element e, java.util.function.BiConsumer<String, String> check) {
        if (e.isTextNode()) {
            check.accept(e.getText(), "text in " + e.getParent().getTag());
            return;
        }
        for (String property : List.of(
                "label",
                "helperText",
                "placeholder",
                "headerTitle",
                "title",
                "header",
                "text",
                "confirmText",
                "cancelText",
                "errorMessage",
                "emptySelectionCaption",
                "accessibleName")) {
            check.accept(e.getProperty(property), e.getTag() + "." + property);
        }
        for (String attribute : List.of("aria-label", "label", "title", "placeholder")) {
            check.accept(e.getAttribute(attribute), e.getTag() + "@" + attribute);
        }
        e.getChildren().forEach(c -> walkTexts(c, check));
        // Dialogs and overlays keep their content in virtual children.
        e.getNode()
                .getFeatureIfInitialized(VirtualChildrenList.class)
                .ifPresent(v -> v.forEachChild(n -> walkTexts(Element.get(n), check)));
    }

    private static void check(String text, String where, List<String> found) {
        if (text == null || text.startsWith("comment/")) {
            return;
        }
        Matcher m = LATIN_WORD.matcher(text);
        while (m.find()) {
            if (!MEANT_TO_BE_LATIN.contains(m.group())) {
                found.add(where + ": " + text);
                return;
            }
        }
    }

    private Comment submit(Article story, String text, String key) {
        NewComment comment = new NewComment(
                story.id(),
                LanguageTag.ARABIC,
                new DisplayName("هيفاء"),
                null,
                new CommentText(text),
                new ClientFingerprint(fingerprint),
                new IdempotencyKey(key));
        return comments.submit(
                        comment, screener.screen(text, comment.language()).toJson())
                .comment();
    }
}
