package news.cms.core.note;

import java.util.List;
import java.util.Set;

/**
 * Who a note's text would tell, before it is added.
 *
 * @param mentions the names that matched a user or a desk, in order
 * @param recipients the accounts that would be told, the writer left out
 * @param unknown the {@code @names} that match nobody, in order
 */
public record MentionPreview(List<Mention> mentions, Set<String> recipients, List<String> unknown) {

    public MentionPreview {
        mentions = List.copyOf(mentions);
        recipients = Set.copyOf(recipients);
        unknown = List.copyOf(unknown);
    }
}
