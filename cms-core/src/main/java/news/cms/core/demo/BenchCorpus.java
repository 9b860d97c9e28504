package news.cms.core.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import news.cms.core.account.Role;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleService;
import news.cms.core.partnerkey.NewPartnerKey;
import news.cms.core.partnerkey.PartnerKeyService;
import news.cms.core.partnerkey.PartnerScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * For benchmarks under {@code bench/} only: tops the newsroom up to {@code cms.bench.stories}
 * published stories (variations of the demo stories, in all four languages, through the whole
 * workflow) and, with {@code cms.bench.key-file}, issues a partner key with every scope and writes
 * its secret to that file (readable by its owner only).
 */
@Component
@ConditionalOnProperty("cms.bench.stories")
@Order(100) // after DemoContent, whose accounts and stories count towards the total
class BenchCorpus implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BenchCorpus.class);

    private final ArticleService articles;
    private final PartnerKeyService keys;
    private final int stories;
    private final String keyFile;

    BenchCorpus(
            ArticleService articles,
            PartnerKeyService keys,
            @Value("${cms.bench.stories}") int stories,
            @Value("${cms.bench.key-file:}") String keyFile) {
        if (stories < 0 || stories > 1_000_000) {
            throw new IllegalArgumentException("cms.bench.stories must be from 0 to 1000000, not " + stories);
        }
        this.articles = articles;
        this.keys = keys;
        this.stories = stories;
        this.keyFile = keyFile;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            long existing = DemoContent.as("editor", Role.EDITOR, articles::count);
            List<ArticleContent> bases = DemoContent.DemoStories.all();
            for (long n = existing; n < stories; n++) {
                ArticleContent base = bases.get((int) (n % bases.size()));
                DemoContent.publish(
                        articles,
                        new ArticleContent(
                                base.language(),
                                base.section(),
                                base.headline() + " · " + (n + 1),
                                base.standfirst(),
                                base.body() + "\n\n" + base.body(),
                                base.bylines(),
                                base.dateline()));
            }
            log.info(
                    "bench corpus: {} stories ({} published now)",
                    Math.max(existing, stories),
                    Math.max(0, stories - existing));
            if (!keyFile.isBlank()) {
                String secret = DemoContent.as(
                                "admin",
                                Role.ADMIN,
                                () -> keys.issue(new NewPartnerKey(
                                        "Benchmark", EnumSet.allOf(PartnerScope.class), null, NewPartnerKey.MAX_RATE)))
                        .secret();
                write(Path.of(keyFile), secret);
                log.info("bench corpus: partner key written to {}", keyFile);
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void write(Path file, String secret) {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, secret);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bench key to " + file, e);
        }
    }
}
