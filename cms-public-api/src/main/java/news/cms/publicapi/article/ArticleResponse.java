package news.cms.publicapi.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import news.cms.core.article.Article;

/** The wire form of a published article (ninjs comes with the partner feed). */
record ArticleResponse(
        String id,
        String slug,
        String language,
        String direction,
        String section,
        String headline,
        String standfirst,
        String body,
        List<Credit> bylines,
        Place dateline,
        long version,
        Instant published) {

    record Credit(String name, String role) {}

    record Place(String place, String region, String country, LocalDate date, String printed) {}

    static ArticleResponse of(Article a) {
        var d = a.dateline();
        return new ArticleResponse(
                a.id().toString(),
                a.slug().value(),
                a.language().value(),
                a.language().direction().htmlValue(),
                a.section(),
                a.headline(),
                a.standfirst(),
                a.body(),
                a.bylines().stream().map(b -> new Credit(b.name(), b.role())).toList(),
                new Place(d.place(), d.region(), d.countryCode(), d.date(), d.render(a.language())),
                a.version(),
                a.publishedAt());
    }
}
