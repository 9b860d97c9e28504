package news.cms.core.notification.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import news.cms.core.notification.DigestProperties;
import news.cms.core.notification.DigestSubscription;
import news.cms.core.notification.NotificationKind;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends each subscriber, at the configured interval, one e-mail of their unread notifications not yet
 * mailed, in their language. A notification is marked as in a digest (and that committed) before the
 * mail goes out, so it is never in two; a mail the server refuses gives its notifications back for
 * the next round. Each subscriber is taken with {@code FOR UPDATE SKIP LOCKED}, so two instances
 * never mail the same person at once.
 */
@Component
public class DigestSender {

    private static final Logger log = LoggerFactory.getLogger(DigestSender.class);

    /** The most notifications in one mail; the rest go in the next. */
    static final int MOST = 100;

    private final DigestRepository digests;
    private final DigestProperties properties;
    private final @Nullable JavaMailSender mail;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DigestSender(
            DigestRepository digests,
            DigestProperties properties,
            ObjectProvider<JavaMailSender> mail,
            TransactionTemplate transactions,
            Clock clock) {
        this.digests = digests;
        this.properties = properties;
        this.mail = mail.getIfAvailable();
        this.transactions = transactions;
        this.clock = clock;
        if (properties.enabled() && this.mail == null) {
            throw new IllegalStateException(
                    "cms.mail-digest.enabled=true needs an SMTP server: set spring.mail.host (and port, credentials)");
        }
    }

    @Scheduled(
            fixedDelayString = "${cms.mail-digest.interval:1h}",
            initialDelayString = "${cms.mail-digest.interval:1h}")
    void scheduled() {
        if (properties.enabled()) {
            sendDue();
        }
    }

    /** Sends every due digest now; returns how many mails went out. */
    public int sendDue() {
        if (!properties.enabled() || mail == null) {
            return 0;
        }
        int sent = 0;
        for (String username : digests.due()) {
            try {
                if (sendTo(username)) {
                    sent++;
                }
            } catch (RuntimeException e) {
                log.warn(
                        "digest for {} not sent, its notifications wait for the next round: {}",
                        username,
                        e.toString());
            }
        }
        return sent;
    }

    private boolean sendTo(String username) {
        Instant at = clock.instant();
        Taken taken = transactions.execute(tx -> digests.lock(username)
                .map(s -> new Taken(s, digests.take(username, s.since(), at, MOST)))
                .orElse(null));
        if (taken == null || taken.lines().isEmpty()) {
            return false;
        }
        try {
            mail.send(compose(taken.subscription(), taken.lines()));
            return true;
        } catch (MailException | MessagingException e) {
            transactions.executeWithoutResult(tx -> digests.giveBack(taken.lines()));
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private record Taken(DigestSubscription subscription, List<DigestRepository.Line> lines) {}

    private MimeMessage compose(DigestSubscription to, List<DigestRepository.Line> lines) throws MessagingException {
        Locale locale = Locale.forLanguageTag(to.language());
        ResourceBundle texts = ResourceBundle.getBundle("news.cms.core.notification.digest", locale);
        boolean rtl = to.language().equals("ar") || to.language().equals("ckb");
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(ZoneOffset.UTC);
        StringBuilder plain = new StringBuilder(format(texts, locale, "intro", lines.size())).append("\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"")
                .append(to.language())
                .append("\" dir=\"")
                .append(rtl ? "rtl" : "ltr")
                .append("\"><body><p>")
                .append(escape(format(texts, locale, "intro", lines.size())))
                .append("</p><ul>");
        for (DigestRepository.Line line : lines) {
            String said = format(texts, locale, key(line.kind()), line.actor(), line.headline());
            String time = when.format(line.createdAt()) + " UTC";
            plain.append("- ").append(said).append(" (").append(time).append(")\n");
            html.append("<li><bdi>")
                    .append(escape(said))
                    .append("</bdi> <small>")
                    .append(escape(time))
                    .append("</small></li>");
        }
        plain.append("\n").append(texts.getString("footer")).append("\n");
        html.append("</ul><p><small>").append(escape(texts.getString("footer"))).append("</small></p></body></html>");

        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(to.email());
        helper.setSubject(format(texts, locale, "subject", lines.size()));
        helper.setText(plain.toString(), html.toString());
        message.setHeader("Content-Language", to.language());
        return message;
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String key(NotificationKind kind) {
        return "kind." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String format(ResourceBundle texts, Locale locale, String key, Object... args) {
        return new java.text.MessageFormat(texts.getString(key), locale).format(args);
    }
}
