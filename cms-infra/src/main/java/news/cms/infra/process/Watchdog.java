package news.cms.infra.process;

import java.io.IOException;
import news.cms.infra.InfrastructureException;

/**
 * A small shell that outlives this JVM: when the JVM is gone without having stopped its children
 * (kill -9, a crash), it signals them, so no orphan keeps holding a port. A normal stop destroys the
 * watchdog first.
 */
public final class Watchdog {

    private Watchdog() {}

    /**
     * @param signal e.g. {@code TERM} (for PostgreSQL a smart shutdown: it waits for its clients to leave)
     * @param pid the process to signal, only while its command line still contains {@code expected}
     */
    public static Process guard(long pid, String signal, String expected) {
        if (!signal.matches("[A-Z]+") || !expected.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("plain signal and command names only");
        }
        long jvm = ProcessHandle.current().pid();
        String script = "while kill -0 " + jvm + " 2>/dev/null; do sleep 1; done; " + "grep -q '" + expected
                + "' /proc/" + pid + "/cmdline 2>/dev/null && kill -" + signal + " " + pid;
        try {
            return new ProcessBuilder("sh", "-c", script)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new InfrastructureException("cannot start a watchdog for process " + pid + ": " + e.getMessage(), e);
        }
    }
}
