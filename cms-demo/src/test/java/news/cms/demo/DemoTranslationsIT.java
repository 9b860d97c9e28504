package news.cms.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import news.cms.core.article.ArticleService;
import news.cms.core.translation.TranslationService;
import news.cms.testsupport.CmsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/** The demo's translated story: four published versions in one group, only Sorani stale. */
@CmsIntegrationTest
class DemoTranslationsIT {

    @Autowired
    ArticleService articles;

    @Autowired
    TranslationService translations;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void oneStoryInFourLanguagesOneOfThemStale() {
        try {
            DemoTranslations.publish(articles, translations, draft -> {});
        } finally {
            SecurityContextHolder.clearContext();
        }
        List<Map<String, Object>> group = jdbc.queryForList("""
                select t.language, t.stale, a.state from translation t join article a on a.id = t.article_id
                where t.group_id = (select group_id from translation t2 join article a2 on a2.id = t2.article_id
                    where a2.headline = 'Sulaymaniyah opens its first footbridge over the Tanjaro river')
                order by t.language""");
        assertThat(group)
                .extracting(r -> r.get("language") + ":" + r.get("stale") + ":" + r.get("state"))
                .containsExactly(
                        "ar:false:PUBLISHED", "ckb:true:PUBLISHED", "en:false:PUBLISHED", "tr:false:PUBLISHED");
    }
}
