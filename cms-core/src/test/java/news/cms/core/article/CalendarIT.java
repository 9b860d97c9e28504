package news.cms.core.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import news.cms.core.article.CalendarEntry.Kind;
import news.cms.core.language.LanguageTag;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The desk's calendar: scheduled go-live times and embargo ends, earliest first, keyset-paged. */
@CmsIntegrationTest
class CalendarIT {

    @Autowired
    ArticleService articles;

    @Autowired
    Clock clock;

    @Test
    void schedulesAndEmbargoesComeEarliestFirstAndPageWithoutGapsOrRepeats() {
        Instant now = clock.instant();
        Instant inTwoDays = now.plus(Duration.ofDays(2));
        Instant tomorrow = now.plus(Duration.ofDays(1));
        Instant inThreeDays = now.plus(Duration.ofDays(3));

        Article sorani = scheduled(
                Newsroom.story(LanguageTag.SORANI, "کۆنفرانسی ڕۆژنامەوانی", "دەقی هەواڵ.", "هەولێر"), inTwoDays);
        Article arabic = Newsroom.publishedStory(
                articles, Newsroom.story(LanguageTag.ARABIC, "تقرير الميزانية", "نص التقرير.", "بغداد"));
        Article embargoed = Newsroom.asEditor(() -> articles.embargo(arabic.id(), arabic.version(), tomorrow));
        Article turkish = scheduled(
                Newsroom.story(LanguageTag.of("tr"), "Seçim sonuçları", "Haber metni.", "Ankara"), inThreeDays);
        Article both = Newsroom.asEditor(
                () -> articles.embargo(turkish.id(), turkish.version(), inThreeDays.plusSeconds(3600)));
        // Neither scheduled nor embargoed: not on the calendar.
        Newsroom.publishedStory(articles, Newsroom.story(LanguageTag.ENGLISH, "Flood warning", "Text.", "Mosul"));

        List<CalendarEntry> all = Newsroom.as(
                Newsroom.REPORTER,
                () -> articles.calendar(new CalendarQuery(now, null, null, 50)),
                news.cms.core.account.Role.REPORTER);
        assertThat(all)
                .extracting(CalendarEntry::kind, e -> e.article().id())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Kind.EMBARGO_LIFTS, embargoed.id()),
                        org.assertj.core.groups.Tuple.tuple(Kind.GOES_LIVE, sorani.id()),
                        org.assertj.core.groups.Tuple.tuple(Kind.GOES_LIVE, both.id()),
                        org.assertj.core.groups.Tuple.tuple(Kind.EMBARGO_LIFTS, both.id()));
        assertThat(all.get(1).at()).isEqualTo(sorani.scheduledAt());

        // One at a time, with the cursor: the same entries, none twice.
        List<CalendarEntry> paged = new ArrayList<>();
        CalendarQuery q = new CalendarQuery(now, null, null, 1);
        for (int i = 0; i < 10; i++) {
            CalendarQuery page = q;
            List<CalendarEntry> got = editor(() -> articles.calendar(page));
            if (got.isEmpty()) {
                break;
            }
            paged.addAll(got);
            q = q.after(got.getLast().cursor());
        }
        assertThat(paged)
                .extracting(CalendarEntry::cursor)
                .containsExactlyElementsOf(
                        all.stream().map(CalendarEntry::cursor).toList());

        // A day's window leaves the rest out.
        assertThat(editor(() -> articles.calendar(new CalendarQuery(now, now.plus(Duration.ofHours(36)), null, 50))))
                .extracting(e -> e.article().id())
                .containsExactly(embargoed.id());
    }

    @Test
    void theCalendarIsForStaffOnlyAndRejectsAnEmptyRange() {
        Instant now = clock.instant();
        assertThatThrownBy(() -> articles.calendar(new CalendarQuery(now, null, null, 10)))
                .isInstanceOf(
                        org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> Newsroom.as(
                        "karwan",
                        () -> articles.calendar(new CalendarQuery(now, null, null, 10)),
                        news.cms.core.account.Role.MODERATOR))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> new CalendarQuery(now, now, null, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CalendarQuery(now, null, null, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private Article scheduled(ArticleContent content, Instant at) {
        Article approved = Newsroom.approvedStory(articles, content);
        return Newsroom.asEditor(() -> articles.schedule(approved.id(), approved.version(), at));
    }

    private static <T> T editor(java.util.function.Supplier<T> action) {
        return Newsroom.as(Newsroom.EDITOR, action, news.cms.core.account.Role.EDITOR);
    }
}
