package news.cms.demo;

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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For benchmarks under {@code bench/} only: tops the newsroom up to {@code cms.bench.stories}
 * published stories (variations of the demo stories, in all four languages, through the whole
 * workflow) and, with {@code cms.bench.key-file}, issues a partner key with every scope and writes
 * its secret to that file (readable by its owner only).
 *
 * <p>{@code cms.bench.texts=varied} writes {@link BenchTexts} stories instead (different words in
 * every story, for search). {@code cms.bench.batch} (default 1) runs that many stories' whole
 * workflow, each command through {@link ArticleService} as ever, in one transaction: the same rows,
 * events and index writes, but one commit per batch instead of four per story, so that a corpus of
 * 100,000 loads in minutes rather than hours.
 */
@ConditionalOnProperty("cms.bench.stories")
@Order(100) // after DemoContent, whose accounts and stories count towards the total
class BenchCorpus implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BenchCorpus.class);

    private final ArticleService articles;
    private final PartnerKeyService keys;
    private final int stories;
    private final String keyFile;
    private final boolean varied;
    private final int batch;
    private final TransactionTemplate transactions;

    BenchCorpus(
            ArticleService articles,
            PartnerKeyService keys,
            PlatformTransactionManager transactions,
            @Value("${cms.bench.stories}") int stories,
            @Value("${cms.bench.key-file:}") String keyFile,
            @Value("${cms.bench.texts:demo}") String texts,
            @Value("${cms.bench.batch:1}") int batch) {
        if (stories < 0 || stories > 1_000_000) {
            throw new IllegalArgumentException("cms.bench.stories must be from 0 to 1000000, not " + stories);
        }
        if (!texts.equals("demo") && !texts.equals("varied")) {
            throw new IllegalArgumentException("cms.bench.texts must be demo or varied, not " + texts);
        }
        if (batch < 1 || batch > 10_000) {
            throw new IllegalArgumentException("cms.bench.batch must be from 1 to 10000, not " + batch);
        }
        this.varied = texts.equals("varied");
        this.batch = batch;
        this.transactions = new TransactionTemplate(transactions);
        this.articles = articles;
        this.keys = keys;
        this.stories = stories;
        this.keyFile = keyFile;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            long existing = DemoContent.as("editor", Role.EDITOR, articles::count);
            long started = System.nanoTime();
            for (long from = existing; from < stories; from += batch) {
                long first = from;
                long to = Math.min(stories, from + batch);
                if (batch == 1) {
                    DemoContent.publish(articles, content(first)); // each command commits on its own
                } else {
                    transactions.executeWithoutResult(tx -> {
                        for (long n = first; n < to; n++) {
                            DemoContent.publish(articles, content(n));
                        }
                    });
                }
                if (to / 5_000 > first / 5_000) {
                    log.info("bench corpus: {} of {} stories", to, stories);
                }
            }
            long seconds = Math.max(1, (System.nanoTime() - started) / 1_000_000_000L);
            log.info(
                    "bench corpus: {} stories ({} published now in {} s)",
                    Math.max(existing, stories),
                    Math.max(0, stories - existing),
                    seconds);
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

    private ArticleContent content(long n) {
        if (varied) {
            return BenchTexts.story(n);
        }
        List<ArticleContent> bases = DemoContent.DemoStories.all();
        ArticleContent base = bases.get((int) (n % bases.size()));
        return new ArticleContent(
                base.language(),
                base.section(),
                base.headline() + " · " + (n + 1),
                base.standfirst(),
                base.body() + "\n\n" + base.body(),
                base.bylines(),
                base.dateline());
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
