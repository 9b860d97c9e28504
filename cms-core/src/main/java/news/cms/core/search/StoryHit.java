package news.cms.core.search;

import java.util.List;

/**
 * One story of a collapsed search: the version in the reader's language (else the group's original,
 * else the best match) and its other searchable language versions, the original first.
 *
 * @param story the translation group's id, or the article's own id when it has no translations
 */
public record StoryHit(String story, SearchHit hit, List<SearchHit> translations) {

    public StoryHit {
        translations = List.copyOf(translations);
    }
}
