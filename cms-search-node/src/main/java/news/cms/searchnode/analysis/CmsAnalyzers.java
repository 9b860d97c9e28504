package news.cms.searchnode.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.ckb.SoraniAnalyzer;
import org.apache.lucene.analysis.ckb.SoraniNormalizationFilter;
import org.apache.lucene.analysis.ckb.SoraniStemFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tr.ApostropheFilter;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * The CMS analyzers, built from Lucene's language analyzers. Names carry a {@code cms_} prefix so
 * they never clash with the built-in {@code arabic}, {@code sorani}, ... of a full Elasticsearch.
 *
 * <p>Where the Arabic-script folding sits: <b>after</b> Lucene's own normaliser (so that it also
 * folds what the normaliser produces, e.g. the Sorani normaliser's heh doachashmee to heh) and
 * <b>before</b> the stemmer, so that the stemmer sees one letter per class and strips the same
 * suffix from {@code شارەکە} and {@code شارهكه}. Each language folds into the letters its stemmer
 * and stop words are written in: Sorani into ی ک ە, Arabic into ي ك ه.
 *
 * <ul>
 *   <li>{@code cms_sorani}: standard tokenizer, Sorani normaliser, folding (into Sorani letters),
 *       lowercase, ASCII digits, Lucene's Sorani stop words (folded the same way), Sorani stemmer.
 *   <li>{@code cms_arabic}: standard tokenizer, lowercase, ASCII digits, Lucene's Arabic stop words
 *       as written (before normalising, as Lucene does: that keeps على "on" apart from the name
 *       علي "Ali"), Arabic normaliser, folding (into Arabic letters), the stop words again in their
 *       normalised and folded form (so that في typed as فی is dropped too) except those spelled with
 *       alef maksura, whose folded form is another word, Arabic stemmer.
 *   <li>{@code cms_turkish}, {@code cms_english}: Lucene's Turkish and English analyzers as they
 *       are (Turkish lowercasing: İ→i, I→ı).
 *   <li>{@code cms_default}: standard tokenizer, lowercase, folding (into Arabic letters); no
 *       stemming, no stop words.
 *   <li>{@code cms_turkish_folded}, {@code cms_arabic_folded}, {@code cms_sorani_folded}: for
 *       sub-fields next to the language's own field, ranked below it. They merge letters that are
 *       different words in careful writing but one word in hasty typing (Turkish without its
 *       letters, {@link TypingVariants} for Arabic and Sorani); the Arabic and Sorani ones fold
 *       before stemming, so a stem is cut from the same letters in a document and in a query.
 * </ul>
 */
public final class CmsAnalyzers {

    public static final String ENGLISH = "cms_english";
    public static final String ARABIC = "cms_arabic";
    public static final String SORANI = "cms_sorani";
    public static final String TURKISH = "cms_turkish";
    public static final String DEFAULT = "cms_default";
    /** Turkish as typed without its letters or dots: İzmir, IZMIR and izmir, Iğdır and igdir meet. */
    public static final String TURKISH_FOLDED = "cms_turkish_folded";
    /** Arabic as typed without its hamza seats or on a Kurdish keyboard: مسؤول, مسئول and مسوول meet. */
    public static final String ARABIC_FOLDED = "cms_arabic_folded";
    /** Sorani as typed on an Arabic keyboard: ڕ ڵ ێ ۆ as ر ل ی و (ADR 0022). */
    public static final String SORANI_FOLDED = "cms_sorani_folded";

    /** The folding token filter (into Arabic letters), also usable in normalizers. */
    public static final String FOLDING_FILTER = "cms_arabic_script_folding";

    /** The same folding into Sorani letters, for custom Sorani analyzers. */
    public static final String SORANI_FOLDING_FILTER = "cms_sorani_script_folding";

    private CmsAnalyzers() {}

    /** Every analyzer by name, in a stable order. */
    public static Map<String, Supplier<Analyzer>> all() {
        Map<String, Supplier<Analyzer>> all = new LinkedHashMap<>();
        all.put(ENGLISH, EnglishAnalyzer::new);
        all.put(ARABIC, CmsAnalyzers::arabic);
        all.put(SORANI, CmsAnalyzers::sorani);
        all.put(TURKISH, TurkishAnalyzer::new);
        all.put(DEFAULT, CmsAnalyzers::standardFolding);
        all.put(TURKISH_FOLDED, CmsAnalyzers::turkishFolded);
        all.put(ARABIC_FOLDED, CmsAnalyzers::arabicFolded);
        all.put(SORANI_FOLDED, CmsAnalyzers::soraniFolded);
        return all;
    }

    public static Analyzer sorani() {
        CharArraySet stopWords = fold(SoraniAnalyzer.getDefaultStopSet(), ArabicScriptFolding.Target.SORANI);
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new SoraniNormalizationFilter(source);
                result = new ArabicScriptFoldingFilter(result, ArabicScriptFolding.Target.SORANI);
                result = new LowerCaseFilter(result);
                result = new DecimalDigitFilter(result);
                result = new StopFilter(result, stopWords);
                result = new SoraniStemFilter(result);
                return new TokenStreamComponents(source, result);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                TokenStream result = new SoraniNormalizationFilter(in);
                result = new ArabicScriptFoldingFilter(result, ArabicScriptFolding.Target.SORANI, false);
                result = new LowerCaseFilter(result);
                return new DecimalDigitFilter(result);
            }
        };
    }

    public static Analyzer arabic() {
        CharArraySet stopWords = ArabicAnalyzer.getDefaultStopSet();
        CharArraySet foldedStopWords = foldArabicStopWords(stopWords, false);
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new LowerCaseFilter(source);
                result = new DecimalDigitFilter(result);
                result = new StopFilter(result, stopWords);
                result = new ArabicNormalizationFilter(result);
                result = new ArabicScriptFoldingFilter(result, ArabicScriptFolding.Target.ARABIC);
                result = new StopFilter(result, foldedStopWords);
                result = new ArabicStemFilter(result);
                return new TokenStreamComponents(source, result);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                TokenStream result = new LowerCaseFilter(in);
                result = new DecimalDigitFilter(result);
                result = new ArabicNormalizationFilter(result);
                return new ArabicScriptFoldingFilter(result, ArabicScriptFolding.Target.ARABIC, false);
            }
        };
    }

    /**
     * For a sub-field next to the Sorani one: {@link #sorani()} with {@link TypingVariants} folded in
     * before the stop words and the stemmer (into Sorani letters), so that Sorani typed on an Arabic
     * keyboard (ر for ڕ, ل for ڵ, ي for ێ, و for ۆ, ه for ە) meets Sorani typed with its letters.
     * No second hamza spelling: in Sorani ئ carries a word's first vowel, it is not a hamza seat.
     */
    public static Analyzer soraniFolded() {
        CharArraySet stopWords = foldTyping(
                fold(SoraniAnalyzer.getDefaultStopSet(), ArabicScriptFolding.Target.SORANI),
                ArabicScriptFolding.Target.SORANI);
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new SoraniNormalizationFilter(source);
                result = new ArabicScriptFoldingFilter(result, ArabicScriptFolding.Target.SORANI);
                result = new TypingVariantsFilter(result, ArabicScriptFolding.Target.SORANI, false);
                result = new LowerCaseFilter(result);
                result = new DecimalDigitFilter(result);
                result = new StopFilter(result, stopWords);
                result = new SoraniStemFilter(result);
                return new TokenStreamComponents(source, result);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                TokenStream result = new SoraniNormalizationFilter(in);
                result = new ArabicScriptFoldingFilter(result, ArabicScriptFolding.Target.SORANI, false);
                result = new TypingVariantsFilter(result, ArabicScriptFolding.Target.SORANI, false);
                result = new LowerCaseFilter(result);
                return new DecimalDigitFilter(result);
            }
        };
    }

    /**
     * For a sub-field next to the Arabic one: {@link #arabic()} with {@link TypingVariants} folded in
     * before the stemmer (into Arabic letters), and a second, bare-hamza spelling of each word with a
     * hamza on waw or yeh, so that مسؤول, مسئول and مسوول find each other.
     */
    public static Analyzer arabicFolded() {
        CharArraySet stopWords = ArabicAnalyzer.getDefaultStopSet();
        CharArraySet foldedStopWords = foldArabicStopWords(stopWords, true);
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new LowerCaseFilter(source);
                result = new DecimalDigitFilter(result);
                result = new StopFilter(result, stopWords);
                result = new ArabicNormalizationFilter(result);
                result = new ArabicScriptFoldingFilter(result, ArabicScriptFolding.Target.ARABIC);
                result = new TypingVariantsFilter(result, ArabicScriptFolding.Target.ARABIC, true);
                result = new StopFilter(result, foldedStopWords);
                result = new ArabicStemFilter(result);
                return new TokenStreamComponents(source, result);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                TokenStream result = new LowerCaseFilter(in);
                result = new DecimalDigitFilter(result);
                result = new ArabicNormalizationFilter(result);
                result = new ArabicScriptFoldingFilter(result, ArabicScriptFolding.Target.ARABIC, false);
                return new TypingVariantsFilter(result, ArabicScriptFolding.Target.ARABIC, false);
            }
        };
    }

    /**
     * For a sub-field next to the Turkish one: the suffix after an apostrophe dropped (İzmir'de),
     * every I and i one letter (Turkish lowercasing would make IZMIR ızmır), Turkish letters ASCII
     * (ğ→g, ş→s, ı→i, ö→o, ü→u, ç→c). No stemming: the stemmer is written for Turkish letters.
     */
    public static Analyzer turkishFolded() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new ApostropheFilter(source);
                result = new ASCIIFoldingFilter(result);
                result = new LowerCaseFilter(result);
                return new TokenStreamComponents(source, result);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(new ASCIIFoldingFilter(in));
            }
        };
    }

    public static Analyzer standardFolding() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new LowerCaseFilter(source);
                result = new ArabicScriptFoldingFilter(result, ArabicScriptFolding.Target.ARABIC);
                return new TokenStreamComponents(source, result);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ArabicScriptFoldingFilter(new LowerCaseFilter(in), ArabicScriptFolding.Target.ARABIC, false);
            }
        };
    }

    /**
     * The Arabic stop words as the Arabic normaliser and the folding leave them, without those spelled
     * with alef maksura ى: folded, على "on" would read علي "Ali", إلى "to" would read إلي "to me".
     */
    private static CharArraySet foldArabicStopWords(CharArraySet words, boolean typingVariants) {
        CharArraySet folded = new CharArraySet(words.size(), false);
        try (Analyzer normalise = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new KeywordTokenizer();
                TokenStream result = new ArabicNormalizationFilter(source);
                result = new ArabicScriptFoldingFilter(result, ArabicScriptFolding.Target.ARABIC);
                if (typingVariants) {
                    result = new TypingVariantsFilter(result, ArabicScriptFolding.Target.ARABIC, true);
                }
                return new TokenStreamComponents(source, result);
            }
        }) {
            for (Object word : words) {
                String text = new String((char[]) word);
                if (text.indexOf('\u0649') >= 0) {
                    continue;
                }
                try (TokenStream stream = normalise.tokenStream("", text)) {
                    CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                    stream.reset();
                    while (stream.incrementToken()) {
                        folded.add(term.toString());
                    }
                    stream.end();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return CharArraySet.unmodifiableSet(folded);
    }

    private static CharArraySet fold(CharArraySet words, ArabicScriptFolding.Target target) {
        CharArraySet folded = new CharArraySet(words.size(), false);
        for (Object word : words) {
            String f = ArabicScriptFolding.fold(new String((char[]) word), target);
            if (!f.isEmpty()) {
                folded.add(f);
            }
        }
        return CharArraySet.unmodifiableSet(folded);
    }

    private static CharArraySet foldTyping(CharArraySet words, ArabicScriptFolding.Target target) {
        CharArraySet folded = new CharArraySet(words.size(), false);
        for (Object word : words) {
            folded.add(TypingVariants.fold(new String((char[]) word), target));
        }
        return CharArraySet.unmodifiableSet(folded);
    }
}
