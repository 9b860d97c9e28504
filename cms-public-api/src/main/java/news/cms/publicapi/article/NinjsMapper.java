package news.cms.publicapi.article;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleId;
import news.cms.core.article.Distribution;
import news.cms.core.article.MediaTopics;
import news.cms.core.article.PublicArticle;
import news.cms.core.body.BodyRenderer;
import news.cms.core.body.InlineFigures;
import news.cms.core.body.RenderedBody;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.LanguageTag;
import news.cms.publicapi.config.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * Maps what the public may know of an article to ninjs: a live article in full; a withdrawn or
 * killed one as a partial item with {@code pubstatus} withheld or canceled and no text (a kill
 * carries its notice in {@code ednote}). The 2.2 form is built first and 3.1 renames it.
 */
public final class NinjsMapper {

    /** The stable part of every article's ninjs uri; the article id follows. */
    static final String URI_PREFIX = "urn:newsroom-cms:article:";

    /** Sanitised HTML and plain text of the Markdown body; thread-safe. */
    private static final RenderedBodies BODIES = new RenderedBodies(new BodyRenderer());

    private NinjsMapper() {}

    public static String uri(ArticleId id) {
        return URI_PREFIX + id;
    }

    /**
     * An article's id from itself or from its ninjs {@code uri}, as partners hold either. Only the
     * canonical lowercase form names an article, so no story has a second URL (UUID parsing alone
     * takes upper case, Arabic-Indic digits and {@code 1-1-1-1-1}).
     *
     * @throws InvalidInput for anything else
     */
    static ArticleId idOf(String idOrUri) {
        String id = idOrUri.startsWith(URI_PREFIX) ? idOrUri.substring(URI_PREFIX.length()) : idOrUri;
        if (!news.cms.publicapi.config.CanonicalUuid.matches(id)) { // what ArticleId#toString() writes
            throw InvalidInput.articleId(idOrUri);
        }
        return ArticleId.parse(id);
    }

    public static Object map(PublicArticle article, NinjsVersion version) {
        return map(article, version, NinjsNewsroom.DEFAULTS);
    }

    public static Object map(PublicArticle article, NinjsVersion version, NinjsNewsroom newsroom) {
        return map(article, version, newsroom, InlineFigures.NONE);
    }

    /** As {@link #map(PublicArticle, NinjsVersion)}, the body's pictures printed as {@code figures} gives. */
    public static Object map(PublicArticle article, NinjsVersion version, InlineFigures figures) {
        return map(article, version, NinjsNewsroom.DEFAULTS, figures);
    }

    /** With the newsroom's defaults and the body's pictures printed as {@code figures} gives. */
    public static Object map(
            PublicArticle article, NinjsVersion version, NinjsNewsroom newsroom, InlineFigures figures) {
        Ninjs22 item = ninjs22(article, newsroom, figures);
        return version == NinjsVersion.V2_2 ? item : ninjs31(item);
    }

    /**
     * As {@link #map(PublicArticle, NinjsVersion)}, as of {@code now}: an embargo that has ended is
     * left out and the version counts as created at its release, when the public first got it.
     */
    public static Object map(PublicArticle article, NinjsVersion version, Instant now) {
        return map(article, version, now, NinjsNewsroom.DEFAULTS);
    }

    /** As {@link #map(PublicArticle, NinjsVersion, Instant)} with the newsroom's defaults. */
    public static Object map(PublicArticle article, NinjsVersion version, Instant now, NinjsNewsroom newsroom) {
        return map(article, version, now, newsroom, InlineFigures.NONE);
    }

    /** As above, the body's pictures printed as {@code figures} gives. */
    public static Object map(
            PublicArticle article, NinjsVersion version, Instant now, NinjsNewsroom newsroom, InlineFigures figures) {
        Ninjs22 item = ninjs22(article, newsroom, figures);
        if (article instanceof PublicArticle.Live live) {
            Instant embargo = live.article().embargoUntil();
            if (embargo != null && !embargo.isAfter(now)) {
                item = released(item, embargo.isAfter(live.versionCreatedAt()) ? embargo : live.versionCreatedAt());
            }
        }
        return version == NinjsVersion.V2_2 ? item : ninjs31(item);
    }

    /**
     * The minimal item a feed entry carries for a change that took a story off the public
     * surfaces: {@code withheld} for an unpublish, {@code canceled} with the kill notice for a kill.
     */
    public static Object withdrawal(
            ArticleId id,
            LanguageTag language,
            int version,
            Instant at,
            @Nullable String killNotice,
            NinjsVersion ninjs) {
        Ninjs22 item = killNotice == null
                ? notice(id, language, version, at, "withheld", null)
                : notice(id, language, version, at, "canceled", "Kill: " + killNotice);
        return ninjs == NinjsVersion.V2_2 ? item : ninjs31(item);
    }

    /**
     * The minimal item of a version that is no longer shown in full (superseded, withdrawn or
     * still under embargo for this reader): {@code usable}, with no text, the version the entry
     * announces and, when the story's live version is that one and its embargo still runs at {@code
     * now}, the embargo.
     */
    public static Object announced(
            ArticleId id,
            LanguageTag language,
            int version,
            Instant at,
            @Nullable PublicArticle story,
            Instant now,
            NinjsVersion ninjs) {
        Instant embargoed = story instanceof PublicArticle.Live live
                        && live.publicVersion() == version
                        && live.article().embargoUntil() != null
                        && live.article().embargoUntil().isAfter(now)
                ? live.article().embargoUntil()
                : null;
        Ninjs22 n = notice(id, language, version, at, "usable", null);
        Ninjs22 item = embargoed == null ? n : withEmbargo(n, time(embargoed), n.versioncreated());
        return ninjs == NinjsVersion.V2_2 ? item : ninjs31(item);
    }

    private static Ninjs22 released(Ninjs22 n, Instant versionCreated) {
        return withEmbargo(n, null, versionCreated.toString());
    }

    private static Ninjs22 withEmbargo(Ninjs22 n, @Nullable String embargoed, String versioncreated) {
        return new Ninjs22(
                n.uri(),
                n.standard(),
                n.type(),
                n.representationtype(),
                n.version(),
                n.firstcreated(),
                versioncreated,
                n.contentcreated(),
                embargoed,
                n.pubstatus(),
                n.language(),
                n.ednote(),
                n.slugline(),
                n.headlines(),
                n.descriptions(),
                n.by(),
                n.located(),
                n.bodies(),
                n.people(),
                n.subjects(),
                n.altids(),
                n.urgency(),
                n.copyrightholder(),
                n.copyrightnotice(),
                n.usageterms(),
                n.places());
    }

    static Ninjs22 ninjs22(PublicArticle article) {
        return ninjs22(article, NinjsNewsroom.DEFAULTS, InlineFigures.NONE);
    }

    static Ninjs22 ninjs22(PublicArticle article, NinjsNewsroom newsroom, InlineFigures figures) {
        return switch (article) {
            case PublicArticle.Live live -> live(live, newsroom, figures);
            case PublicArticle.Withdrawn w ->
                notice(w.id(), w.language(), w.publicVersion(), w.withdrawnAt(), "withheld", null);
            case PublicArticle.Killed k ->
                notice(k.id(), k.language(), k.publicVersion(), k.killedAt(), "canceled", "Kill: " + k.reason());
        };
    }

    private static Ninjs22 live(PublicArticle.Live live, NinjsNewsroom newsroom, InlineFigures figures) {
        Article a = live.article();
        LanguageTag language = a.language();
        RenderedBody body = BODIES.render(a.body(), language, figures);
        String dir = a.content().directions().body(language).htmlValue();
        String html = "<div lang=\"" + language.value() + "\" dir=\"" + dir + "\">" + body.html() + "</div>";

        List<Ninjs22.Text> descriptions = new ArrayList<>();
        if (!a.standfirst().isEmpty()) {
            descriptions.add(new Ninjs22.Text("summary", "text/plain", a.standfirst()));
        }
        if (live.correctionNote() != null) {
            descriptions.add(new Ninjs22.Text("correction", "text/plain", live.correctionNote()));
        }
        // The names go in "by"; the roles as written ("Staff reporter") in a byline description.
        descriptions.add(new Ninjs22.Text(
                "byline",
                "text/plain",
                a.bylines().stream()
                        .map(b -> b.role() == null ? b.name() : b.name() + " (" + b.role() + ")")
                        .collect(Collectors.joining(comma(language)))));
        Distribution distribution = a.content().distribution();
        List<Ninjs22.Subject> subjects = new ArrayList<>();
        subjects.add(new Ninjs22.Subject(a.section(), "section"));
        Set<String> topics = new LinkedHashSet<>();
        MediaTopics.@Nullable Topic sectionTopic = newsroom.sectionTopic(a.section());
        if (sectionTopic != null) {
            topics.add(sectionTopic.code());
        }
        topics.addAll(distribution.subjects());
        topics.stream()
                .map(MediaTopics::find)
                .flatMap(java.util.Optional::stream)
                .forEach(t -> subjects.add(new Ninjs22.Subject(t.name(language), "about", t.uri(), t.qcode())));
        a.content().tags().forEach(t -> subjects.add(new Ninjs22.Subject(t, "tag")));
        List<Ninjs22.Place> places = new ArrayList<>();
        String country = a.dateline().countryCode();
        if (country != null) {
            places.add(new Ninjs22.Place(countryName(country, language), "country", "iso3166-1a2:" + country));
        }

        return new Ninjs22(
                uri(a.id()),
                standard(NinjsVersion.V2_2),
                "text",
                "full",
                Integer.toString(a.publicVersion()),
                time(a.publishedAt()),
                time(live.versionCreatedAt()),
                time(a.createdAt()),
                time(a.embargoUntil()),
                "usable",
                language.value(),
                live.correctionNote() == null ? null : "Correction: " + live.correctionNote(),
                a.slug().value(),
                List.of(new Ninjs22.Text("main", "text/plain", a.headline())),
                descriptions,
                a.bylines().stream().map(b -> b.name()).collect(Collectors.joining(comma(language))),
                located(a.dateline(), language),
                List.of(
                        new Ninjs22.Body("main", "text/html", null, null, html),
                        new Ninjs22.Body(
                                "main",
                                "text/plain",
                                body.plainText()
                                        .codePointCount(0, body.plainText().length()),
                                body.wordCount(),
                                body.plainText())),
                a.bylines().stream()
                        .map(b -> new Ninjs22.Person(b.name(), "author"))
                        .toList(),
                subjects,
                List.of(
                        new Ninjs22.AltId("cms-id", a.id().toString()),
                        new Ninjs22.AltId("slug", a.slug().value())),
                distribution.urgency() == null ? newsroom.urgency() : distribution.urgency(),
                or(distribution.copyrightHolder(), newsroom.copyrightHolder()),
                or(distribution.copyrightNotice(), newsroom.copyrightNotice()),
                or(distribution.usageTerms(), newsroom.usageTerms()),
                places);
    }

    private static String or(@Nullable String own, String fallback) {
        return own == null ? fallback : own;
    }

    /** The country's name in the story's language (English where the JDK has no name in it). */
    static String countryName(String code, LanguageTag language) {
        return COUNTRY_NAMES.get(new CountryIn(code, language), NinjsMapper::lookUpCountryName);
    }

    private static String lookUpCountryName(CountryIn c) {
        Locale country = Locale.of("", c.code());
        String name =
                country.getDisplayCountry(Locale.forLanguageTag(c.language().value()));
        return name.isBlank() || name.equals(c.code()) ? country.getDisplayCountry(Locale.ENGLISH) : name;
    }

    private record CountryIn(String code, LanguageTag language) {}

    /**
     * Country names by code and language, looked up once each: every story with a country names it
     * (bench/search's JFR: the JDK's locale look-ups were 2 % of an uncached feed page's CPU).
     */
    private static final Cache<CountryIn, String> COUNTRY_NAMES =
            Caffeine.newBuilder().maximumSize(8_192).build();

    private static Ninjs22 notice(
            ArticleId id, LanguageTag language, int version, Instant at, String status, @Nullable String ednote) {
        return new Ninjs22(
                uri(id),
                standard(NinjsVersion.V2_2),
                "text",
                "partial",
                Integer.toString(version),
                null,
                time(at),
                null,
                null,
                status,
                language.value(),
                ednote,
                null,
                List.of(),
                List.of(),
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(new Ninjs22.AltId("cms-id", id.toString())),
                null,
                null,
                null,
                null,
                List.of());
    }

    static Ninjs31 ninjs31(Ninjs22 n) {
        return new Ninjs31(
                n.uri(),
                new Ninjs31.Standard("ninjs", NinjsVersion.V3_1.number(), NinjsVersion.V3_1.schema()),
                n.type(),
                n.representationtype(),
                n.version(),
                n.firstcreated(),
                n.versioncreated(),
                n.contentcreated(),
                n.embargoed(),
                n.pubstatus(),
                n.language(),
                n.ednote(),
                n.slugline(),
                n.headlines().stream()
                        .map(t -> new Ninjs31.Text(t.role(), t.contenttype(), t.value()))
                        .toList(),
                n.descriptions().stream()
                        .map(t -> new Ninjs31.Text(t.role(), t.contenttype(), t.value()))
                        .toList(),
                n.by(),
                n.located(),
                n.bodies().stream()
                        .map(b -> new Ninjs31.Body(b.role(), b.contenttype(), b.charcount(), b.wordcount(), b.value()))
                        .toList(),
                n.people().stream()
                        .map(p -> new Ninjs31.Person(p.name(), p.rel()))
                        .toList(),
                n.subjects().stream()
                        .map(s -> new Ninjs31.Subject(s.name(), s.rel(), s.uri(), s.literal()))
                        .toList(),
                n.altids().stream()
                        .map(i -> new Ninjs31.AltId(i.role(), i.value()))
                        .toList(),
                n.urgency(),
                n.copyrightholder(),
                n.copyrightnotice(),
                n.usageterms(),
                n.places().stream()
                        .map(p -> new Ninjs31.Place(p.name(), p.rel(), p.literal()))
                        .toList());
    }

    private static Ninjs22.Standard standard(NinjsVersion v) {
        return new Ninjs22.Standard("ninjs", v.number(), v.schema());
    }

    /** "Place, Region" in the article's script: Arabic-script languages take the Arabic comma. */
    static String located(Dateline d, LanguageTag language) {
        return d.region() == null ? d.place() : d.place() + comma(language) + d.region();
    }

    private static String comma(LanguageTag language) {
        boolean arabicScript = switch (language.primary()) {
            case "ar", "ckb", "fa", "ur", "ps", "sd", "ug" -> !language.value().contains("-Latn");
            default -> language.value().contains("-Arab");
        };
        return arabicScript ? "، " : ", ";
    }

    private static @Nullable String time(@Nullable Instant at) {
        return at == null ? null : at.toString();
    }
}
