package news.cms.moderation.queue;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the moderators' queue behaves.
 *
 * @param undoWindow how long a decision waits, undoable, before it is stored (and the reader told)
 * @param pollInterval how often an open queue asks for new comments
 * @param confirmAbove a decision on more ticked comments than this asks first
 */
@ConfigurationProperties("cms.moderation.queue")
record QueueProperties(
        @DefaultValue("5s") Duration undoWindow,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("3") int confirmAbove) {

    QueueProperties {
        if (undoWindow.isNegative() || undoWindow.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("cms.moderation.queue.undo-window is 0 to 60 s, not " + undoWindow);
        }
        if (pollInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(
                    "cms.moderation.queue.poll-interval is at least 1 s, not " + pollInterval);
        }
        if (confirmAbove < 1) {
            throw new IllegalArgumentException("cms.moderation.queue.confirm-above is at least 1, not " + confirmAbove);
        }
    }
}
