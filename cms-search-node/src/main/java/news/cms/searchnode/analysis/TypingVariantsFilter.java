package news.cms.searchnode.analysis;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Applies {@link TypingVariants} to each term. With {@code hamzaForms}, a term holding a hamza on
 * waw or yeh is followed, at the same position, by its {@link TypingVariants#hamzaForm}: a query
 * then matches either spelling as a synonym, so مسئول finds مسؤول as well as مسوول does.
 */
public final class TypingVariantsFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final ArabicScriptFolding.Target target;
    private final boolean hamzaForms;
    private State pendingState;
    private String pendingTerm;

    public TypingVariantsFilter(TokenStream input, ArabicScriptFolding.Target target, boolean hamzaForms) {
        super(input);
        this.target = Objects.requireNonNull(target);
        this.hamzaForms = hamzaForms;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pendingTerm != null) {
            restoreState(pendingState);
            term.setEmpty().append(pendingTerm);
            position.setPositionIncrement(0);
            pendingTerm = null;
            pendingState = null;
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        if (hamzaForms && TypingVariants.hasSeatedHamza(term.buffer(), term.length())) {
            pendingTerm = TypingVariants.hamzaForm(term.buffer(), term.length(), target);
            pendingState = captureState();
        }
        TypingVariants.fold(term.buffer(), term.length(), target);
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pendingState = null;
        pendingTerm = null;
    }
}
