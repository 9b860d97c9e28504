package news.cms.publicapi.article;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import news.cms.core.body.BodyRenderer;
import news.cms.core.body.InlineFigures;
import news.cms.core.body.RenderedBody;
import news.cms.core.language.LanguageTag;

/**
 * Bodies rendered for ninjs, kept when their rendering did not depend on our pictures. A feed page
 * that is not cached renders up to 50 bodies, most of them rendered before for another page or the
 * article endpoint (bench/search's JFR: two fifths of such a page's CPU went to rendering). A body
 * that places a picture of ours is rendered every time: its figures follow the picture desk (a
 * caption, a picture withdrawn with its story), which its Markdown does not show. Whether it places
 * one is known from the rendering itself (were the figures asked?), not guessed from the Markdown,
 * where a target may be written with character references.
 */
final class RenderedBodies {

    /** Characters held (Markdown, HTML and plain text together): 16 M, up to 32 MB. */
    private static final long MAX_CHARACTERS = 16L * 1024 * 1024;

    private final BodyRenderer renderer;

    private final Cache<Key, RenderedBody> rendered = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARACTERS)
            .weigher((Key k, RenderedBody b) ->
                    k.markdown().length() + b.html().length() + b.plainText().length())
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    /** @param asText whether pictures were printed as their alt texts ({@link InlineFigures#AS_TEXT}) */
    private record Key(LanguageTag language, String markdown, boolean asText) {}

    RenderedBodies(BodyRenderer renderer) {
        this.renderer = renderer;
    }

    RenderedBody render(String markdown, LanguageTag language, InlineFigures figures) {
        boolean asText = figures == InlineFigures.AS_TEXT;
        Key key = new Key(language, markdown, asText);
        RenderedBody body = rendered.getIfPresent(key);
        if (body != null) {
            return body;
        }
        AtomicBoolean asked = new AtomicBoolean();
        body = renderer.render(
                markdown,
                language,
                asText
                        ? figures
                        : (media, alt) -> {
                            asked.set(true);
                            return figures.figure(media, alt);
                        });
        if (!asked.get()) {
            rendered.put(key, body);
        }
        return body;
    }
}
