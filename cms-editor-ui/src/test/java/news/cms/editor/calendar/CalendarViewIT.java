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
import news.cms.core.translation.TranslationService;
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

    @Autowired
    TranslationService translations;

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

    @Test
    @WithMockUser(username = Newsroom.EDITOR, roles = "EDITOR")
    void aStorysLanguageVersionsGoingLiveOnOneDayStandTogetherInEachUiLanguage() {
        LocalDate day = clock.instant().atZone(ZoneOffset.UTC).toLocalDate().plusDays(9);
        Instant nine = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
        // Written in English and translated into Arabic; the English then changes, so the Arabic is
        // stale; the Sorani is translated from the changed English. A Turkish story of its own goes live between them.
        Article english = Newsroom.asReporter(() -> articles.createDraft(Newsroom.story(
                LanguageTag.ENGLISH, "Duhok's old bazaar reopens after repairs", "The roof is new.", "Duhok")));
        Article arabic = translated(
                english,
                Newsroom.story(LanguageTag.ARABIC, "إعادة افتتاح سوق دهوك القديم بعد ترميمه", "السقف جديد.", "دهوك"));
        Article english2 = Newsroom.asReporter(() -> articles.save(
                english.id(),
                english.version(),
                Newsroom.story(
                        LanguageTag.ENGLISH,
                        "Duhok's old bazaar reopens after repairs",
                        "The roof and the lanterns are new.",
                        "Duhok")));
        Article sorani = translated(
                english2,
                Newsroom.story(
                        LanguageTag.SORANI,
                        "بازاڕی کۆنی دهۆک دوای نۆژەنکردنەوە دەکرێتەوە",
                        "سەقف و فانۆسەکان نوێن.",
                        "دهۆک"));
        Article turkish = Newsroom.asReporter(() -> articles.createDraft(Newsroom.story(
                LanguageTag.TURKISH, "Duhok'ta kitap fuarı başlıyor", "Fuar bir hafta sürecek.", "Duhok")));
        scheduled(english2, nine);
        scheduled(turkish, nine.plus(Duration.ofHours(1)));
        scheduled(arabic, nine.plus(Duration.ofHours(2)));
        scheduled(sorani, nine.plus(Duration.ofHours(3)));
        String group = Newsroom.as(
                        Newsroom.EDITOR,
                        () -> translations.find(english.id()).orElseThrow(),
                        news.cms.core.account.Role.EDITOR)
                .group()
                .toString();
        List<String> mine = List.of(
                english.id().toString(),
                arabic.id().toString(),
                sorani.id().toString(),
                turkish.id().toString());

        for (String ui : List.of("en", "ar", "ckb", "tr")) {
            java.util.Locale locale = java.util.Locale.forLanguageTag(ui);
            news.cms.editor.layout.UiLanguages.choose(com.vaadin.flow.server.VaadinSession.getCurrent(), locale);
            com.vaadin.flow.component.UI.getCurrent().setLocale(locale);
            navigate("search", com.vaadin.flow.component.Component.class);
            navigate("calendar", CalendarView.class);
            test($(ComboBox.class).id("calendar-zone")).selectItem("UTC");
            test($(DatePicker.class).id("calendar-from")).setValue(day);

            // The three versions in one block at the time of the first; the Turkish story after it.
            assertThat(entries().stream()
                            .map(e -> e.getElement().getAttribute("data-article"))
                            .filter(mine::contains)
                            .toList())
                    .as("entries in the %s UI", ui)
                    .containsExactly(
                            english.id().toString(),
                            arabic.id().toString(),
                            sorani.id().toString(),
                            turkish.id().toString());
            List<VerticalLayout> blocks = $(VerticalLayout.class, $(Div.class).id("calendar-days")).all().stream()
                    .filter(l -> l.hasClassName("calendar-group"))
                    .filter(l -> group.equals(l.getElement().getAttribute("data-group")))
                    .toList();
            assertThat(blocks).hasSize(1);
            VerticalLayout block = blocks.getFirst();
            assertThat(block.getChildren()
                            .filter(c -> c.hasClassName("calendar-entry"))
                            .map(c -> c.getElement().getAttribute("data-article")))
                    .containsExactly(
                            english.id().toString(),
                            arabic.id().toString(),
                            sorani.id().toString());
            String names = java.util.stream.Stream.of("en", "ar", "ckb")
                    .map(t -> java.util.Locale.forLanguageTag(t).getDisplayName(locale))
                    .collect(java.util.stream.Collectors.joining(" · "));
            String heading = switch (ui) {
                case "ar" -> "لغات القصة نفسها: ";
                case "ckb" -> "زمانەکانی هەمان هەواڵ: ";
                case "tr" -> "Aynı haberin dilleri: ";
                default -> "Versions of the same story: ";
            };
            assertThat($(com.vaadin.flow.component.html.Span.class, block).all().stream()
                            .filter(sp -> sp.hasClassName("calendar-group-heading"))
                            .map(sp -> sp.getText()))
                    .containsExactly(heading + names);
            assertThat(block.getElement().getAttribute("aria-label")).isEqualTo(heading + names);
            // Each version names its language; only the stale Arabic carries the badge.
            for (Article version : List.of(english, arabic, sorani)) {
                HorizontalLayout row = entries().stream()
                        .filter(e ->
                                version.id().toString().equals(e.getElement().getAttribute("data-article")))
                        .findFirst()
                        .orElseThrow();
                List<String> badges = $(com.vaadin.flow.component.html.Span.class, row).all().stream()
                        .filter(sp -> sp.hasClassName("calendar-language") || sp.hasClassName("stale-badge"))
                        .map(sp -> sp.getText())
                        .toList();
                String language = java.util.Locale.forLanguageTag(
                                version.language().value())
                        .getDisplayName(locale);
                if (version == arabic) {
                    assertThat(badges).containsExactly(language, bundle(locale).getString("translation.stale"));
                } else {
                    assertThat(badges).containsExactly(language);
                }
            }
        }
    }

    private Article translated(Article source, news.cms.core.article.ArticleContent text) {
        Article draft = Newsroom.asReporter(
                () -> translations.translate(source.id(), text.language().value()));
        return Newsroom.asReporter(() -> articles.save(draft.id(), draft.version(), text));
    }

    private void scheduled(Article draft, Instant at) {
        Article submitted = Newsroom.asReporter(() -> articles.submit(draft.id(), draft.version()));
        Article approved = Newsroom.asEditor(() -> articles.approve(submitted.id(), submitted.version()));
        Newsroom.asEditor(() -> articles.schedule(approved.id(), approved.version(), at));
    }

    private static java.util.ResourceBundle bundle(java.util.Locale locale) {
        return java.util.ResourceBundle.getBundle("vaadin-i18n.translations", locale);
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
