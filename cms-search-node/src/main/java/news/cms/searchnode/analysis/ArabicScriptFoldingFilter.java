package news.cms.searchnode.analysis;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A token filter that applies {@link ArabicScriptFolding} to each term. Tokens folded to nothing (a
 * lone tatweel or ZWNJ) are dropped when {@code dropEmpty} is set; normalizers (keyword fields) need
 * exactly one token out per token in, so the filter registered with Elasticsearch keeps them.
 */
public final class ArabicScriptFoldingFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final ArabicScriptFolding.Target target;
    private final boolean dropEmpty;

    /** A filter that drops tokens folded to nothing. */
    public ArabicScriptFoldingFilter(TokenStream input, ArabicScriptFolding.Target target) {
        this(input, target, true);
    }

    public ArabicScriptFoldingFilter(TokenStream input, ArabicScriptFolding.Target target, boolean dropEmpty) {
        super(input);
        this.target = Objects.requireNonNull(target);
        this.dropEmpty = dropEmpty;
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (input.incrementToken()) {
            int length = ArabicScriptFolding.fold(term.buffer(), term.length(), target);
            if (length > 0 || !dropEmpty) {
                term.setLength(length);
                return true;
            }
        }
        return false;
    }
}
