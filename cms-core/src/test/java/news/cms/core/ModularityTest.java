package news.cms.core;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

    @Test
    void featurePackagesOnlyUseEachOthersPublicApi() {
        ApplicationModules.of(CmsCoreConfiguration.class).verify();
    }
}
