package news.cms.demo;

import news.cms.core.CmsCoreConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Boots cms-core with this module on the class path, as the dev stack runs an app with it. */
@SpringBootApplication
@Import(CmsCoreConfiguration.class)
public class DemoTestApplication {}
