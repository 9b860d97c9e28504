package news.cms.core.notice.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import news.cms.core.notice.ChangeNotice;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Holds one connection that LISTENs on {@code cms_change} and publishes each notice as a local
 * {@link ChangeNotice} event. When the connection fails it publishes {@link
 * ChangeNotice#everything()}, because notices sent meanwhile are lost, and connects again.
 */
@Component
class ChangeNoticeListener implements SmartLifecycle {

    static final String CHANNEL = "cms_change";
    private static final Logger log = LoggerFactory.getLogger(ChangeNoticeListener.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final ApplicationEventPublisher events;
    private final boolean enabled;
    private volatile boolean running;
    private Thread thread;

    ChangeNoticeListener(
            DataSource dataSource,
            ApplicationEventPublisher events,
            @Value("${cms.change-notices.enabled:true}") boolean enabled) {
        this.dataSource = dataSource;
        this.events = events;
        this.enabled = enabled;
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name("cms-change-notices").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                // Anything may have changed while no connection was listening.
                events.publishEvent(ChangeNotice.everything());
                while (running) {
                    PGNotification[] notices = pg.getNotifications(500);
                    if (notices != null) {
                        for (PGNotification n : notices) {
                            events.publishEvent(ChangeNotice.parse(n.getParameter()));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("change notices interrupted, caches are emptied and listening resumes: {}", e.toString());
                }
            }
            if (running) {
                events.publishEvent(ChangeNotice.everything());
                try {
                    Thread.sleep(RETRY);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
