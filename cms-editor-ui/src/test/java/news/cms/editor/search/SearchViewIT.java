package news.cms.editor.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleService;
import news.cms.core.availability.CircuitBreaker;
import news.cms.core.availability.Outages;
import news.cms.core.language.LanguageTag;
import news.cms.core.search.SearchQuery;
import news.cms.core.search.SearchService;
import news.cms.core.translation.TranslationService;
import news.cms.testsupport.CmsIntegrationTest;
import news.cms.testsupport.Newsroom;
import news.cms.testsupport.TranslatedStory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** The search view on the real engine: marked passages as text, language filter, direction per hit, "more". */
@CmsIntegrationTest
@ViewPackages(packages = "news.cms.editor")
class SearchViewIT extends SpringBrowserlessTest {

    @Autowired
    ArticleService articles;

    @Autowired
    SearchService search;

    @Autowired
    Outages outages;

    @Autowired
    TranslationService translations;

    @Test
    @WithMockUser(username = Newsroom.EDITOR, roles = "EDITOR")
    void hitsShowMarkedPassagesInTheirOwnDirectionAndTheLanguageFilterNarrows() {
        Article arabic = Newsroom.publishedStory(
                articles,
                Newsroom.story(
                        LanguageTag.ARABIC,
                        "افتتاح جسر الموصل",
                        "افتتح جسر جديد فوق دجلة <b>اليوم</b> & غدًا.",
                        "الموصل"));
        Article english = Newsroom.publishedStory(
                articles,
                Newsroom.story(LanguageTag.ENGLISH, "Mosul bridge opens", "A new bridge over the Tigris.", "Mosul"));
        awaitIndexed("جسر", LanguageTag.ARABIC, 1);
        awaitIndexed("bridge", LanguageTag.ENGLISH, 1);

        navigate("search", SearchView.class);
        test($(TextField.class).id("search-query")).setValue("جسر");
        test($(Button.class).id("search-go")).click();

        List<Div> hits = hits();
        assertThat(hits).hasSize(1);
        Div hit = hits.getFirst();
        assertThat(hit.getElement().getAttribute("data-article"))
                .isEqualTo(arabic.id().toString());
        Element snippet = $(Span.class, hit).all().stream()
                .filter(s -> s.hasClassName("search-snippet"))
                .findFirst()
                .orElseThrow()
                .getElement();
        assertThat(snippet.getChildren()
                        .filter(c -> !c.isTextNode() && "mark".equals(c.getTag()))
                        .map(Element::getText))
                .contains("جسر");
        // Only text nodes and marks: the story's own "<b>" never becomes an element.
        assertThat(snippet.getChildren().filter(c -> !c.isTextNode()).map(Element::getTag))
                .containsOnly("mark");
        assertThat(snippet.getParent().getAttribute("dir")).isEqualTo("rtl");
        assertThat(snippet.getParent().getAttribute("lang")).isEqualTo("ar");

        // The same word in English, filtered to English: the English story, left to right.
        test($(TextField.class).id("search-query")).setValue("bridge");
        test($(ComboBox.class).id("search-language")).selectItem("English");
        test($(Button.class).id("search-go")).click();
        assertThat(hits())
                .extracting(d -> d.getElement().getAttribute("data-article"))
                .containsExactly(english.id().toString());
        test($(ComboBox.class).id("search-language")).selectItem("Arabic");
        test($(Button.class).id("search-go")).click();
        assertThat(hits()).isEmpty();
        assertThat($(Span.class).id("search-status").getText()).isEqualTo("Nothing found.");
    }

    @Test
    @WithMockUser(username = Newsroom.REPORTER, roles = "REPORTER")
    void moreLoadsTheNextPageWithoutRepeatsAndABlankQueryIsRefusedAtTheField() {
        for (int i = 1; i <= SearchView.PAGE + 5; i++) {
            Newsroom.publishedStory(
                    articles,
                    Newsroom.story(
                            LanguageTag.SORANI,
                            "ڕاپۆرتی باران " + i,
                            "بارانی زۆر لە هەولێر، ژمارە " + i + ".",
                            "هەولێر"));
        }
        awaitIndexed("باران", LanguageTag.SORANI, SearchView.PAGE + 5);

        navigate("search", SearchView.class);
        test($(TextField.class).id("search-query")).setValue("   ");
        test($(Button.class).id("search-go")).click();
        assertThat($(TextField.class).id("search-query").isInvalid()).isTrue();
        assertThat($(TextField.class).id("search-query").getErrorMessage()).isEqualTo("Type what to search for.");
        assertThat($(TextField.class).id("search-query").getValue()).isEqualTo("   ");

        test($(TextField.class).id("search-query")).setValue("باران");
        test($(Button.class).id("search-go")).click();
        assertThat(hits()).hasSize(SearchView.PAGE);
        assertThat(view().more.isVisible()).isTrue();

        test($(Button.class).id("search-more")).click();
        List<String> ids = hits().stream()
                .map(d -> d.getElement().getAttribute("data-article"))
                .toList();
        assertThat(ids).hasSize(SearchView.PAGE + 5).doesNotHaveDuplicates();
        assertThat(view().more.isVisible()).isFalse();
        assertThat($(Span.class).id("search-status").getText()).isEqualTo((SearchView.PAGE + 5) + " shown");
    }

    @Test
    @WithMockUser(username = Newsroom.EDITOR, roles = "EDITOR")
    void withTheSearchEngineDownASearchSaysSoAtOnceInTheUiLanguageAndKeepsTheWords() {
        Article story = Newsroom.publishedStory(
                articles,
                Newsroom.story(
                        LanguageTag.TURKISH, "Van Gölü'nde balık sezonu", "Balıkçılar ağlarını hazırladı.", "Van"));
        awaitIndexed("balıkçılar", LanguageTag.TURKISH, 1);
        CircuitBreaker breaker = outages.search();
        for (var expected : java.util.Map.of(
                        "tr", "Arama şu anda kullanılamıyor; bir dakika sonra yeniden deneyin.",
                        "ckb", "گەڕان ئێستا بەردەست نییە؛ دوای خولەکێک هەوڵ بدەوە.")
                .entrySet()) {
            Locale locale = Locale.forLanguageTag(expected.getKey());
            news.cms.editor.layout.UiLanguages.choose(VaadinSession.getCurrent(), locale);
            UI.getCurrent().setLocale(locale);
            navigate("calendar", com.vaadin.flow.component.Component.class); // the view built again in the language
            navigate("search", SearchView.class);
            test($(TextField.class).id("search-query")).setValue("balıkçılar");
            // The engine failing, as after repeated time-outs (ADR 0013): the breaker refuses at once.
            try {
                while (breaker.state() != CircuitBreaker.State.OPEN) {
                    breaker.failed();
                }
                long started = System.nanoTime();
                test($(Button.class).id("search-go")).click();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            } finally {
                breaker.close();
            }
            assertThat($(Notification.class).all().stream()
                            .map(n -> n.getElement().getProperty("text"))
                            .toList())
                    .contains(expected.getValue());
            assertThat(hits()).isEmpty();
            assertThat($(TextField.class).id("search-query").getValue()).isEqualTo("balıkçılar");
            // The engine back: the same button finds the story, no reload needed.
            test($(Button.class).id("search-go")).click();
            assertThat(hits())
                    .extracting(d -> d.getElement().getAttribute("data-article"))
                    .contains(story.id().toString());
        }
    }

    @Test
    @WithMockUser(username = Newsroom.EDITOR, roles = "EDITOR")
    void aStaleTranslationCarriesItsBadgeAsSoonAsItIsStaleAndLosesItWhenBroughtUpToDate() {
        Article english = Newsroom.publishedStory(
                articles,
                Newsroom.story(
                        LanguageTag.ENGLISH,
                        "The Qishla museum in Kirkuk reopens",
                        "The Qishla museum reopens with the city's old maps.",
                        "Kirkuk"));
        Article turkish = TranslatedStory.translate(
                articles,
                translations,
                english,
                Newsroom.story(
                        LanguageTag.TURKISH,
                        "Kerkük'te Qishla müzesi yeniden açıldı",
                        "Qishla müzesi şehrin eski haritalarıyla yeniden açıldı.",
                        "Kerkük"));
        awaitIndexed("Qishla", LanguageTag.ENGLISH, 1);
        awaitIndexed("Qishla", LanguageTag.TURKISH, 1);

        navigate("search", SearchView.class);
        test($(TextField.class).id("search-query")).setValue("Qishla");
        test($(Button.class).id("search-go")).click();
        assertThat(staleBadges()).isEmpty();

        // The original's body changes: the Turkish is stale, shown on the next search at once (the
        // flag is read from PostgreSQL, not from the index, which still holds the same documents).
        Article changed = Newsroom.asEditor(() -> articles.update(
                english.id(),
                english.version(),
                Newsroom.story(
                        LanguageTag.ENGLISH,
                        "The Qishla museum in Kirkuk reopens",
                        "The Qishla museum reopens with the city's old maps and a new hall of photographs.",
                        "Kirkuk")));
        test($(Button.class).id("search-go")).click();
        assertThat(staleBadges()).containsExactly(turkish.id().toString());
        Span badge = $(
                        Span.class,
                        hits().stream()
                                .filter(h -> turkish.id()
                                        .toString()
                                        .equals(h.getElement().getAttribute("data-article")))
                                .findFirst()
                                .orElseThrow())
                .all()
                .stream()
                .filter(sp -> sp.hasClassName("stale-badge"))
                .findFirst()
                .orElseThrow();
        assertThat(badge.getText()).isEqualTo("Stale");
        assertThat(badge.getElement().getAttribute("title"))
                .isEqualTo("The original changed since this translation was made.");

        // The translator brings the Turkish up to date: the badge goes.
        Newsroom.asEditor(() -> articles.update(
                turkish.id(),
                turkish.version(),
                Newsroom.story(
                        LanguageTag.TURKISH,
                        "Kerkük'te Qishla müzesi yeniden açıldı",
                        "Qishla müzesi şehrin eski haritaları ve yeni bir fotoğraf salonuyla yeniden açıldı.",
                        "Kerkük")));
        test($(Button.class).id("search-go")).click();
        assertThat(hits())
                .extracting(h -> h.getElement().getAttribute("data-article"))
                .contains(changed.id().toString(), turkish.id().toString());
        assertThat(staleBadges()).isEmpty();
    }

    /** The articles of the hits shown with a stale badge. */
    private List<String> staleBadges() {
        return hits().stream()
                .filter(h -> $(Span.class, h).all().stream().anyMatch(sp -> sp.hasClassName("stale-badge")))
                .map(h -> h.getElement().getAttribute("data-article"))
                .toList();
    }

    private SearchView view() {
        return (SearchView) getCurrentView();
    }

    private List<Div> hits() {
        return $(Div.class, $(Div.class).id("search-results")).all().stream()
                .filter(d -> d.hasClassName("search-hit"))
                .toList();
    }

    private void awaitIndexed(String text, LanguageTag language, int count) {
        // A query that times out on a loaded machine is asked again, as a reader would.
        await().atMost(Duration.ofSeconds(30))
                .ignoreException(news.cms.core.search.SearchUnavailable.class)
                .until(() -> search.search(new SearchQuery(text, language, 100))
                                .hits()
                                .size()
                        >= count);
    }
}
