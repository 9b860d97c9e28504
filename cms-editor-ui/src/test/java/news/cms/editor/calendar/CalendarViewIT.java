package news.cms.editor.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** The calendar groups go-live times and embargo ends by day in the chosen time zone and links to the stories. */
@CmsIntegrationTest
@ViewPackages(packages = "news.cms.editor")
class CalendarViewIT extends SpringBrowserlessTest {

    @Autowired
    ArticleService articles;

    @Autowired
    Clock clock;

    @Test
    @WithMockUser(username = Newsroom.EDITOR, roles = "EDITOR")
    void entriesAreGroupedByDayInTheChosenTimeZoneAndLinkToTheirStories() {
        // 22:30 UTC two days from now: the same day in London, the next day in Baghdad (UTC+3).
        Instant lateEvening = clock.instant()
                .atZone(ZoneOffset.UTC)
                .toLocalDate()
                .plusDays(2)
                .atTime(22, 30)
                .toInstant(ZoneOffset.UTC);
        Article approved = Newsroom.approvedStory(
                articles, Newsroom.story(LanguageTag.SORANI, "ئاهەنگی نەورۆز", "دەقی هەواڵ.", "هەولێر"));
        Article scheduled = Newsroom.asEditor(() -> articles.schedule(approved.id(), approved.version(), lateEvening));
        Article published = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.ARABIC, "تقرير الميزانية", "نص التقرير.", "بغداد"));
        Instant embargoEnd = lateEvening.minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES);
        Article embargoed = Newsroom.asEditor(() -> articles.embargo(published.id(), published.version(), embargoEnd));

        navigate("calendar", CalendarView.class);
        test($(ComboBox.class).id("calendar-zone")).selectItem("UTC");
        test($(DatePicker.class).id("calendar-from"))
                .setValue(clock.instant().atZone(ZoneOffset.UTC).toLocalDate());

        LocalDate utcDay = lateEvening.atZone(ZoneOffset.UTC).toLocalDate();
        assertThat(days()).containsExactly(utcDay.minusDays(1).toString(), utcDay.toString());
        List<HorizontalLayout> entries = entries();
        assertThat(entries)
                .extracting(
                        e -> e.getElement().getAttribute("data-kind"),
                        e -> e.getElement().getAttribute("data-article"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "EMBARGO_LIFTS", embargoed.id().toString()),
                        org.assertj.core.groups.Tuple.tuple(
                                "GOES_LIVE", scheduled.id().toString()));
        Anchor link = $(Anchor.class, entries.get(1)).single();
        assertThat(link.getHref()).isEqualTo("story/" + scheduled.id());
        assertThat(link.getText()).isEqualTo("ئاهەنگی نەورۆز");
        assertThat(link.getElement().getAttribute("dir")).isEqualTo("rtl");
        assertThat($(H3.class).all()).hasSize(2);

        // In Baghdad the scheduled story goes live after midnight: the next day.
        test($(ComboBox.class).id("calendar-zone")).selectItem("Asia/Baghdad");
        assertThat(days())
                .containsExactly(
                        utcDay.minusDays(1).plusDays(1).toString(),
                        utcDay.plusDays(1).toString());
        assertThat(((CalendarView) getCurrentView()).more.isVisible()).isFalse();

        // From a day after both: nothing, said so.
        test($(DatePicker.class).id("calendar-from")).setValue(utcDay.plusDays(5));
        assertThat(entries()).isEmpty();
        assertThat($(com.vaadin.flow.component.html.Span.class)
                        .id("calendar-empty")
                        .isVisible())
                .isTrue();
    }

    private List<String> days() {
        return $(VerticalLayout.class, $(Div.class).id("calendar-days")).all().stream()
                .map(l -> l.getElement().getAttribute("data-day"))
                .distinct()
                .toList();
    }

    private List<HorizontalLayout> entries() {
        return $(HorizontalLayout.class, $(Div.class).id("calendar-days")).all().stream()
                .filter(h -> h.hasClassName("calendar-entry"))
                .toList();
    }
}
