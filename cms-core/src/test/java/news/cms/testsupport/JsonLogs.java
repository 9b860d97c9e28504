package news.cms.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The log lines an app writes in production, captured in a test: Boot's structured encoder in the
 * console format the app's own properties name (test JVMs log plain lines through
 * logback-test.xml, so the encoder is attached only while the action runs).
 */
public final class JsonLogs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the action returned and the JSON lines of {@code logger} written meanwhile. */
    public record Captured<T>(T result, List<JsonNode> lines) {}

    private JsonLogs() {}

    /**
     * Runs the action with the production encoder attached to the root logger and {@code logger} at
     * DEBUG (a line per request it sees), and returns the lines {@code logger} wrote, each parsed as
     * JSON (a line that is not JSON fails the test).
     */
    public static <T> Captured<T> during(Environment environment, String logger, Callable<T> action) throws Exception {
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        if (logback.getObject(Environment.class.getName()) == null) {
            logback.putObject(Environment.class.getName(), environment);
        }
        String format = environment.getProperty("logging.structured.format.console");
        assertThat(format).as("production's console log format").isEqualTo("ecs");
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(logback);
        encoder.setFormat(format);
        encoder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(logback);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        Logger root = logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger watched = logback.getLogger(logger);
        Level level = watched.getLevel();
        watched.setLevel(Level.DEBUG);
        root.addAppender(appender);
        T result;
        try {
            result = action.call();
        } finally {
            root.detachAppender(appender);
            watched.setLevel(level);
            appender.stop();
        }
        List<JsonNode> lines = out.toString(StandardCharsets.UTF_8)
                .lines()
                .map(JSON::readTree)
                .filter(line -> field(line, "log", "logger").equals(logger))
                .toList();
        return new Captured<>(result, lines);
    }

    /** An ECS field, nested ({@code {"log":{"level":…}}}) or dotted ({@code "log.level"}). */
    public static String field(JsonNode line, String parent, String child) {
        JsonNode nested = line.path(parent).path(child);
        return nested.isMissingNode() ? line.path(parent + "." + child).asString("") : nested.asString("");
    }
}
