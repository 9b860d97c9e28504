package news.cms.testsupport;

import java.util.Set;
import java.util.TreeSet;

/**
 * The metric names (as Prometheus sees them) each app exports. Each app's {@code OperationsIT}
 * scrapes the running app and checks its list; the dashboard and alert-rule test checks that every
 * name those files use is on one of them. So a metric the on-call pictures rely on cannot vanish
 * from the apps without a test failing.
 */
public final class ExportedMetrics {

    private ExportedMetrics() {}

    /** Every app has cms-core, the JVM and Tomcat inside. */
    public static final Set<String> EVERY_APP = Set.of(
            "cms_workflow_commands_total",
            "cms_feed_entries_total",
            "cms_outbox_depth",
            "cms_outbox_oldest_age_seconds",
            "cms_search_index_lag_seconds",
            "cms_comments_pending",
            "cms_comments_pending_oldest_age_seconds",
            "cms_signin_failures_total",
            "cms_signin_throttles_total",
            "http_server_requests_seconds_count",
            "jvm_memory_used_bytes",
            "jvm_memory_max_bytes",
            "process_uptime_seconds");

    public static final Set<String> PUBLIC_API = with(EVERY_APP, "cms_ratelimit_refusals_total", "cache_gets_total");

    public static final Set<String> EDITOR = EVERY_APP;

    public static final Set<String> MODERATION = with(
            EVERY_APP,
            "cms_intake_comments_total",
            "cms_screening_comments_total",
            "cms_screening_flags_total",
            "cms_ratelimit_refusals_total");

    /** What Prometheus can read from one app or another. */
    public static Set<String> anyApp() {
        Set<String> all = new TreeSet<>(PUBLIC_API);
        all.addAll(EDITOR);
        all.addAll(MODERATION);
        return all;
    }

    private static Set<String> with(Set<String> base, String... more) {
        Set<String> all = new TreeSet<>(base);
        all.addAll(Set.of(more));
        return Set.copyOf(all);
    }
}
