package news.cms.editor.story;

import static news.cms.testsupport.Newsroom.REPORTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A reporter reaches no editor-only action: the toolbar does not offer them, and calling the
 * service directly (as a forged UI request would) is refused by the core's own checks.
 */
@CmsIntegrationTest
@ViewPackages(packages = "news.cms.editor")
class ReporterRoleIT extends SpringBrowserlessTest {

    private static final List<String> EDITOR_ONLY = List.of(
            "action-request-changes",
            "action-approve",
            "action-publish",
            "action-schedule",
            "action-correct",
            "action-unpublish",
            "action-kill",
            "action-embargo");

    @Autowired
    ArticleService articles;

    @Test
    @WithMockUser(username = REPORTER, roles = "REPORTER")
    void theToolbarOfASubmittedStoryOffersNoEditorAction() {
        Article submitted = submitted();
        navigate("story/" + submitted.id(), StoryView.class);

        List<String> offered = $(Button.class, $(HorizontalLayout.class).id("actions")).all().stream()
                .filter(Button::isVisible)
                .map(b -> b.getId().orElseThrow())
                .toList();
        assertThat(offered).doesNotContainAnyElementsOf(EDITOR_ONLY);
    }

    @Test
    @WithMockUser(username = REPORTER, roles = "REPORTER")
    void theToolbarOfAnApprovedStoryOffersNeitherPublishNorSchedule() {
        Article approved =
                Newsroom.approvedStory(articles, Newsroom.story(LanguageTag.SORANI, "هەواڵی نوێ", "دەق", "سلێمانی"));
        navigate("story/" + approved.id(), StoryView.class);

        assertThat($(Button.class).withId("action-publish").exists()).isFalse();
        assertThat($(Button.class).withId("action-schedule").exists()).isFalse();
    }

    @Test
    @WithMockUser(username = REPORTER, roles = "REPORTER")
    void theServiceRefusesEditorActionsToAReporter() {
        Article submitted = submitted();
        assertThatThrownBy(() -> articles.approve(submitted.id(), submitted.version()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> articles.requestChanges(submitted.id(), submitted.version(), "fix it"))
                .isInstanceOf(AccessDeniedException.class);

        Article approved = Newsroom.approvedStory(
                articles, Newsroom.story(LanguageTag.ENGLISH, "Rain in Erbil", "It rained.", "Erbil"));
        assertThatThrownBy(() -> articles.publish(approved.id(), approved.version()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> articles.schedule(
                        approved.id(), approved.version(), Instant.now().plus(1, ChronoUnit.HOURS)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(Newsroom.asEditor(() -> articles.find(approved.id()).orElseThrow())
                        .state())
                .isEqualTo(news.cms.core.workflow.ArticleState.APPROVED);
    }

    private Article submitted() {
        Article draft = Newsroom.asReporter(
                () -> articles.createDraft(Newsroom.story(LanguageTag.SORANI, "هەواڵی نوێ", "دەق", "سلێمانی")));
        return Newsroom.asReporter(() -> articles.submit(draft.id(), draft.version()));
    }
}
