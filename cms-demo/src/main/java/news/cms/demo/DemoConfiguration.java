package news.cms.demo;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Import;

/**
 * Found by any app whose class path holds this jar (the dev stack and the benches add it with
 * {@code -Dloader.path}); does nothing unless {@code cms.demo.enabled=true} as well.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty("cms.demo.enabled")
@Import({DemoContent.class, BenchCorpus.class})
public class DemoConfiguration {}
