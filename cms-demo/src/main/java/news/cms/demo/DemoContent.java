package news.cms.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import news.cms.core.account.AccountService;
import news.cms.core.account.Role;
import news.cms.core.account.UserAccount;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleService;
import news.cms.core.article.Distribution;
import news.cms.core.byline.Byline;
import news.cms.core.dateline.Dateline;
import news.cms.core.language.LanguageTag;
import news.cms.core.media.MediaId;
import news.cms.core.media.MediaItem;
import news.cms.core.media.MediaProperties;
import news.cms.core.media.MediaService;
import news.cms.core.media.NewMedia;
import news.cms.core.translation.TranslationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Demo users for every role and a few published stories in English, Arabic, Sorani and Turkish, each
 * with a featured picture of our own drawing ({@link DemoPictures}), for the dev stack only ({@code
 * cms.demo.enabled=true}). Runs once: an existing newsroom is left alone. Public so that the apps'
 * tests can seed it after their clean-up, as the dev stack does at start.
 */
public class DemoContent implements ApplicationRunner {

    /** Demo sign-ins, printed by the dev stack; they exist only where demo content was loaded. */
    static final List<DemoUser> USERS = List.of(
            new DemoUser("reporter", "Rezan Ahmed", "reporter-demo", Set.of(Role.REPORTER)),
            new DemoUser("reporter2", "Selin Kaya", "reporter-demo", Set.of(Role.REPORTER)),
            new DemoUser("editor", "Layla Hassan", "editor-demo", Set.of(Role.EDITOR)),
            new DemoUser("moderator", "Karwan Aziz", "moderator-demo", Set.of(Role.MODERATOR)),
            new DemoUser("admin", "Admin", "admin-demo-pass", Set.of(Role.ADMIN, Role.EDITOR)));

    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

    private final AccountService accounts;
    private final ArticleService articles;
    private final TranslationService translations;
    private final MediaService media;
    private final MediaProperties mediaProperties;

    public DemoContent(
            AccountService accounts,
            ArticleService articles,
            TranslationService translations,
            MediaService media,
            MediaProperties mediaProperties) {
        this.accounts = accounts;
        this.articles = articles;
        this.translations = translations;
        this.media = media;
        this.mediaProperties = mediaProperties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!accounts.any()) {
            // Seeding is an admin's act (AccountService.save is guarded), done here by the demo itself.
            as("demo-seed", Role.ADMIN, () -> {
                USERS.forEach(u ->
                        accounts.save(new UserAccount(u.username(), u.displayName(), u.roles(), true), u.password()));
                return null;
            });
            log.info(
                    "demo users created: {}",
                    USERS.stream().map(DemoUser::username).toList());
        }
        // The dev stack prints these lines from the log, so that the sign-ins are written down once.
        USERS.forEach(u -> log.info("demo sign-in: {} / {}  ({})", u.username(), u.password(), u.roles()));
        try {
            if (as("editor", Role.EDITOR, articles::count) == 0) {
                List<ArticleContent> stories = DemoStories.all();
                List<NewMedia> drawn = List.of(
                        DemoPictures.library(),
                        DemoPictures.bookMarket(),
                        DemoPictures.festival(),
                        DemoPictures.cityWalls(),
                        DemoPictures.footbridge());
                // One at a time, each published only once its renditions exist (ADR 0021): a rendition
                // job holds a database connection while it draws, and five at once on a busy machine
                // emptied the pool (10 connections, 1 s wait) under the seeding's own queries.
                List<MediaId> pictures = new ArrayList<>();
                for (NewMedia p : drawn) {
                    MediaId id =
                            as("reporter", Role.REPORTER, () -> media.upload(p)).id();
                    awaitRenditions(id);
                    pictures.add(id);
                }
                for (int i = 0; i < stories.size(); i++) {
                    MediaId picture = pictures.get(i);
                    publish(articles, stories.get(i), draft -> feature(draft, picture));
                }
                log.info("demo stories published with pictures: {}", stories.size());
                MediaId footbridge = pictures.get(stories.size());
                DemoTranslations.publish(articles, translations, draft -> feature(draft, footbridge));
                log.info("demo translation group published: en, ar, ckb (stale), tr");
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void feature(Article draft, MediaId picture) {
        as(draft.createdBy(), Role.REPORTER, () -> {
            media.setFeaturedImage(draft.id(), picture);
            return null;
        });
    }

    // Renditions are made after commit by the outbox listener on other threads; the seeding waits,
    // and a moment without a free database connection is waited out rather than ending the app.
    private void awaitRenditions(MediaId id) {
        int wanted = mediaProperties.renditions().size();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (true) {
            try {
                if (as("editor", Role.EDITOR, () -> media.find(id))
                                .map(MediaItem::currentRenditions)
                                .orElseThrow()
                                .size()
                        >= wanted) {
                    return;
                }
            } catch (TransientDataAccessException | CannotCreateTransactionException e) {
                log.info("demo pictures: waiting for a database connection ({})", e.getMessage());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the renditions of demo picture " + id + " were not made in 5 minutes");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for renditions", e);
            }
        }
    }

    /** Through the whole workflow, as people would: a reporter files, an editor approves and publishes. */
    static void publish(ArticleService articles, ArticleContent content) {
        publish(articles, content, draft -> {});
    }

    /** As {@link #publish(ArticleService, ArticleContent)}, with something done to the draft first. */
    static void publish(ArticleService articles, ArticleContent content, Consumer<Article> onDraft) {
        Article draft = as("reporter", Role.REPORTER, () -> articles.createDraft(content));
        onDraft.accept(draft);
        Article submitted = as("reporter", Role.REPORTER, () -> articles.submit(draft.id(), draft.version()));
        Article approved = as("editor", Role.EDITOR, () -> articles.approve(submitted.id(), submitted.version()));
        as("editor", Role.EDITOR, () -> articles.publish(approved.id(), approved.version()));
    }

    static <T> T as(String user, Role role, Supplier<T> action) {
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(
                        user, null, AuthorityUtils.createAuthorityList(role.authority())));
        return action.get();
    }

    record DemoUser(String username, String displayName, String password, Set<Role> roles) {}

    /** Our own short stories, one or more per language. */
    static final class DemoStories {

        static List<ArticleContent> all() {
            LocalDate today = LocalDate.now();
            return List.of(
                    new ArticleContent(
                                    LanguageTag.ENGLISH,
                                    "culture",
                                    "Erbil's new public library will keep its doors open around the clock",
                                    "The city council says students asked for a quiet place to study after midnight.",
                                    "The reading rooms on 60 Metre Street open on Saturday with 40,000 books in Kurdish,"
                                            + " Arabic, English and Turkish.\n\nLibrarians will work in three shifts, and the"
                                            + " children's floor will close at nine in the evening.",
                                    List.of(new Byline("Rezan Ahmed", "Staff reporter")),
                                    new Dateline("Erbil", "Kurdistan Region", "IQ", today))
                            // Subjects an editor picked beyond the section's own (culture → arts).
                            .withDistribution(new Distribution(List.of("05000000", "14000000"), 4, null, null, null)),
                    new ArticleContent(
                                    LanguageTag.ARABIC,
                                    "economy",
                                    "سوق الكتب المستعملة في بغداد يعود إلى شارع المتنبي بعد الترميم",
                                    "أصحاب المكتبات يقولون إن الزوار عادوا منذ الجمعة الأولى.",
                                    "أعادت أمانة بغداد افتتاح الأرصفة المرممة في شارع المتنبي، وعاد باعة الكتب إلى"
                                            + " أماكنهم القديمة.\n\nوقال أحد الباعة إن مبيعات يوم الجمعة بلغت ضعف ما كانت عليه"
                                            + " قبل الإغلاق.",
                                    List.of(new Byline("ليلى حسن", "مراسلة")),
                                    new Dateline("بغداد", null, "IQ", today))
                            .withDistribution(new Distribution(List.of("01000000"), null, null, null, null)),
                    new ArticleContent(
                            LanguageTag.SORANI,
                            "culture",
                            "فێستیڤاڵی شیعری کوردی لە سلێمانی دەست پێدەکات",
                            "زیاتر لە سەد شاعیر لە هەموو پارچەکانی کوردستانەوە بەشداری دەکەن.",
                            "فێستیڤاڵەکە سێ ڕۆژ لە پارکی ئازادی بەردەوام دەبێت و کتێبخانەیەکی گەڕۆکیش"
                                    + " بۆ منداڵان ئامادە کراوە.\n\nڕێکخەران دەڵێن هەموو کۆڕەکان بە خۆڕایی"
                                    + " دەبن.",
                            List.of(new Byline("کاروان عەزیز", "پەیامنێر")),
                            new Dateline("سلێمانی", "هەرێمی کوردستان", "IQ", today)),
                    new ArticleContent(
                                    LanguageTag.TURKISH,
                                    "city",
                                    "Diyarbakır surları artık geceleri de ışıklandırılıyor",
                                    "Belediye, tarihi surların dört kilometrelik bölümüne yeni aydınlatma taktı.",
                                    "Işıklar her akşam gün batımında yanıyor ve gece yarısına kadar açık kalıyor.\n\n"
                                            + "Esnaf, İçkale çevresinde akşam ziyaretçilerinin arttığını söylüyor.",
                                    List.of(new Byline("Selin Kaya", "Muhabir")),
                                    new Dateline("Diyarbakır", null, "TR", today))
                            .withDistribution(new Distribution(
                                    List.of("10000000", "01000000"),
                                    6,
                                    "Newsroom CMS / Diyarbakır bürosu",
                                    null,
                                    "Fotoğraflar ayrı lisanslıdır; metin ortak kullanım koşullarına tabidir.")));
        }

        private DemoStories() {}
    }
}
