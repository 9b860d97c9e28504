package news.cms.searchnode.analysis;

import java.util.List;
import org.elasticsearch.index.analysis.PreBuiltAnalyzerProviderFactory;
import org.elasticsearch.index.analysis.PreConfiguredTokenFilter;
import org.elasticsearch.indices.analysis.PreBuiltCacheFactory.CachingStrategy;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * Registers the {@link CmsAnalyzers} and the Arabic-script folding filters with Elasticsearch. Runs
 * as a module of our own node and as a plugin installed into the official Elasticsearch image.
 */
public class CmsAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public List<PreBuiltAnalyzerProviderFactory> getPreBuiltAnalyzerProviderFactories() {
        return CmsAnalyzers.all().entrySet().stream()
                .map(e -> new PreBuiltAnalyzerProviderFactory(e.getKey(), CachingStrategy.ONE, e.getValue()))
                .toList();
    }

    @Override
    public List<PreConfiguredTokenFilter> getPreConfiguredTokenFilters() {
        return List.of(
                PreConfiguredTokenFilter.singleton(
                        CmsAnalyzers.FOLDING_FILTER,
                        true,
                        in -> new ArabicScriptFoldingFilter(in, ArabicScriptFolding.Target.ARABIC, false)),
                PreConfiguredTokenFilter.singleton(
                        CmsAnalyzers.SORANI_FOLDING_FILTER,
                        true,
                        in -> new ArabicScriptFoldingFilter(in, ArabicScriptFolding.Target.SORANI, false)));
    }
}
