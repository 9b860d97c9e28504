package news.cms.core.revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import news.cms.core.account.Role;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.article.Revision;
import news.cms.core.language.LanguageTag;
import news.cms.core.revision.RevisionDiff.FieldChange;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Any two revisions of a story compare field by field, with a line diff of the body. */
@CmsIntegrationTest
class RevisionDiffIT {

    @Autowired
    ArticleService articles;

    @Autowired
    RevisionService revisions;

    @Test
    void aCorrectionShowsWhatChangedAndIsANewPublicVersion() {
        Article published = Newsroom.publishedStory(
                articles,
                Newsroom.story(
                        LanguageTag.ARABIC, "افتتاح جسر الموصل", "افتتح الجسر يوم الاثنين.\n\nحضر المحافظ.", "الموصل"));
        Article corrected = Newsroom.asEditor(() -> articles.correct(
                published.id(),
                published.version(),
                Newsroom.story(
                        LanguageTag.ARABIC,
                        "افتتاح جسر الموصل الجديد",
                        "افتتح الجسر يوم الثلاثاء.\n\nحضر المحافظ.",
                        "الموصل"),
                "ورد خطأ في يوم الافتتاح."));

        RevisionDiff diff = Newsroom.as(
                Newsroom.EDITOR,
                () -> revisions.diff(published.id(), published.version(), corrected.version()),
                Role.EDITOR);

        assertThat(diff.fields())
                .containsExactly(new FieldChange("headline", "افتتاح جسر الموصل", "افتتاح جسر الموصل الجديد"));
        assertThat(diff.bodyChanged()).isTrue();
        assertThat(diff.body())
                .extracting(TextDiff.Line::kind)
                .containsExactly(TextDiff.Kind.REMOVED, TextDiff.Kind.ADDED, TextDiff.Kind.SAME, TextDiff.Kind.SAME);
        assertThat(Newsroom.as(Newsroom.EDITOR, () -> revisions.publicVersions(published.id()), Role.EDITOR))
                .extracting(Revision::publicVersion, Revision::note)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, null),
                        org.assertj.core.groups.Tuple.tuple(2, "ورد خطأ في يوم الافتتاح."));
        assertThatThrownBy(() -> Newsroom.as(Newsroom.EDITOR, () -> revisions.diff(published.id(), 1, 99), Role.EDITOR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no revision 99");
    }
}
