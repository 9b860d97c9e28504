package news.cms.editor.story;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.Distribution;
import news.cms.core.article.FieldDirections;
import news.cms.core.byline.Byline;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.LanguageTag;
import org.jspecify.annotations.Nullable;

/**
 * What the form holds, exactly as typed: plain strings, so that a refused value stays in its field.
 * {@link #toContent()} turns it into the domain's {@link ArticleContent}, whose constructors are the
 * only place the rules live.
 */
final class StoryDraft {

    /** One byline row as typed. */
    record BylineDraft(String name, String role) {}

    private String language = "en";
    private String section = "news";
    private String headline = "";
    private String standfirst = "";
    private String body = "";
    private List<BylineDraft> bylines = new ArrayList<>();
    private String place = "";
    private String region = "";
    private String countryCode = "";
    private @Nullable LocalDate date = LocalDate.now();
    private String tags = "";
    private FieldDirections directions = FieldDirections.FROM_LANGUAGE;
    private Set<String> subjects = new LinkedHashSet<>();
    private @Nullable Integer urgency;
    private String copyrightHolder = "";
    private String copyrightNotice = "";
    private String usageTerms = "";

    static StoryDraft of(ArticleContent content) {
        StoryDraft d = new StoryDraft();
        d.language = content.language().value();
        d.section = content.section();
        d.headline = content.headline();
        d.standfirst = content.standfirst();
        d.body = content.body();
        d.bylines = new ArrayList<>(content.bylines().stream()
                .map(b -> new BylineDraft(b.name(), b.role()))
                .toList());
        d.place = content.dateline().place();
        d.region = content.dateline().region() == null ? "" : content.dateline().region();
        d.countryCode = content.dateline().countryCode() == null
                ? ""
                : content.dateline().countryCode();
        d.date = content.dateline().date();
        d.tags = String.join(", ", content.tags());
        d.directions = content.directions();
        Distribution dist = content.distribution();
        d.subjects = new LinkedHashSet<>(dist.subjects());
        d.urgency = dist.urgency();
        d.copyrightHolder = Objects.requireNonNullElse(dist.copyrightHolder(), "");
        d.copyrightNotice = Objects.requireNonNullElse(dist.copyrightNotice(), "");
        d.usageTerms = Objects.requireNonNullElse(dist.usageTerms(), "");
        return d;
    }

    StoryDraft copy() {
        StoryDraft d = new StoryDraft();
        d.language = language;
        d.section = section;
        d.headline = headline;
        d.standfirst = standfirst;
        d.body = body;
        d.bylines = new ArrayList<>(bylines);
        d.place = place;
        d.region = region;
        d.countryCode = countryCode;
        d.date = date;
        d.tags = tags;
        d.directions = directions;
        d.subjects = new LinkedHashSet<>(subjects);
        d.urgency = urgency;
        d.copyrightHolder = copyrightHolder;
        d.copyrightNotice = copyrightNotice;
        d.usageTerms = usageTerms;
        return d;
    }

    /**
     * The domain value; its constructors refuse what the newsroom's rules refuse.
     *
     * @throws IllegalArgumentException with the domain's message (InvalidText, InvalidLanguageTag…)
     */
    ArticleContent toContent() {
        return new ArticleContent(
                LanguageTag.of(language),
                section,
                headline,
                standfirst,
                body,
                bylines.stream().map(b -> new Byline(b.name(), b.role())).toList(),
                new Dateline(place, region, countryCode, date),
                tagList(),
                directions,
                new Distribution(List.copyOf(subjects), urgency, copyrightHolder, copyrightNotice, usageTerms));
    }

    /** Tags are typed comma-separated; the Arabic comma separates too. */
    private List<String> tagList() {
        return Arrays.stream(tags.split("[,،]")).filter(t -> !t.isBlank()).toList();
    }

    String getLanguage() {
        return language;
    }

    void setLanguage(@Nullable String language) {
        this.language = language == null ? "" : language;
    }

    String getSection() {
        return section;
    }

    void setSection(String section) {
        this.section = section;
    }

    String getHeadline() {
        return headline;
    }

    void setHeadline(String headline) {
        this.headline = headline;
    }

    String getStandfirst() {
        return standfirst;
    }

    void setStandfirst(String standfirst) {
        this.standfirst = standfirst;
    }

    String getBody() {
        return body;
    }

    void setBody(String body) {
        this.body = body;
    }

    List<BylineDraft> getBylines() {
        return List.copyOf(bylines);
    }

    void setBylines(@Nullable List<BylineDraft> bylines) {
        this.bylines = bylines == null ? new ArrayList<>() : new ArrayList<>(bylines);
    }

    String getPlace() {
        return place;
    }

    void setPlace(String place) {
        this.place = place;
    }

    String getRegion() {
        return region;
    }

    void setRegion(String region) {
        this.region = region;
    }

    String getCountryCode() {
        return countryCode;
    }

    void setCountryCode(String countryCode) {
        this.countryCode = countryCode;
    }

    @Nullable
    LocalDate getDate() {
        return date;
    }

    void setDate(@Nullable LocalDate date) {
        this.date = date;
    }

    String getTags() {
        return tags;
    }

    void setTags(String tags) {
        this.tags = tags;
    }

    Set<String> getSubjects() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(subjects));
    }

    void setSubjects(@Nullable Set<String> subjects) {
        this.subjects = subjects == null ? new LinkedHashSet<>() : new LinkedHashSet<>(subjects);
    }

    @Nullable
    Integer getUrgency() {
        return urgency;
    }

    void setUrgency(@Nullable Integer urgency) {
        this.urgency = urgency;
    }

    String getCopyrightHolder() {
        return copyrightHolder;
    }

    void setCopyrightHolder(@Nullable String copyrightHolder) {
        this.copyrightHolder = copyrightHolder == null ? "" : copyrightHolder;
    }

    String getCopyrightNotice() {
        return copyrightNotice;
    }

    void setCopyrightNotice(@Nullable String copyrightNotice) {
        this.copyrightNotice = copyrightNotice == null ? "" : copyrightNotice;
    }

    String getUsageTerms() {
        return usageTerms;
    }

    void setUsageTerms(@Nullable String usageTerms) {
        this.usageTerms = usageTerms == null ? "" : usageTerms;
    }

    FieldDirections getDirections() {
        return directions;
    }
}
