package news.cms.publicapi.push;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import news.cms.core.article.ArticleService;
import news.cms.core.article.PublicArticle;
import news.cms.core.push.PayloadForm;
import news.cms.core.push.PushEvent;
import news.cms.core.push.PushItems;
import news.cms.publicapi.article.LiveNinjs;
import news.cms.publicapi.article.NinjsMapper;
import news.cms.publicapi.article.NinjsVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ninjs item of a full-ninjs push delivery: the version its entry announces, by the rule
 * {@code /v1/feed} follows for a reader without the embargo scope (docs/adr/0020): in full (as the
 * article endpoint gives it, pictures and translations included) while that version is live and
 * readable when sent, else a minimal item without text ({@code withheld} or
 * {@code canceled} with the kill notice for an unpublish or a kill, {@code usable} for a version
 * since superseded or withdrawn). So a retry after a kill leaks nothing.
 */
@Component
class NinjsPushItems implements PushItems {

    private final ArticleService articles;
    private final LiveNinjs ninjs;
    private final JsonMapper json;
    private final Clock clock;

    NinjsPushItems(ArticleService articles, LiveNinjs ninjs, JsonMapper json, Clock clock) {
        this.articles = articles;
        this.ninjs = ninjs;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String item(Entry e, PayloadForm form) {
        NinjsVersion version = switch (form) {
            case NINJS_2_2 -> NinjsVersion.V2_2;
            case NINJS_3_1 -> NinjsVersion.V3_1;
            case NOTICE -> throw new IllegalArgumentException("a notice carries no item");
        };
        return json.writeValueAsString(item(e, version));
    }

    private Object item(Entry e, NinjsVersion version) {
        if (e.event() == PushEvent.UNPUBLISH || e.event() == PushEvent.KILL) {
            return NinjsMapper.withdrawal(
                    e.articleId(),
                    e.language(),
                    e.publicVersion(),
                    e.at(),
                    e.event() == PushEvent.KILL ? Objects.requireNonNullElse(e.notice(), "") : null,
                    version);
        }
        Instant now = clock.instant();
        @Nullable PublicArticle story = articles.findPublic(e.articleId()).orElse(null);
        if (story instanceof PublicArticle.Live live
                && live.publicVersion() == e.publicVersion()
                && live.article().isReadableAt(now)) {
            return ninjs.map(live, version, now, ninjs.parts(live));
        }
        return NinjsMapper.announced(e.articleId(), e.language(), e.publicVersion(), e.at(), story, now, version);
    }
}
