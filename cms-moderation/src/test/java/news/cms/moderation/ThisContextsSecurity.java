package news.cms.moderation;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Points SecurityContextHolder at the test's own application context's strategy before each test.
 * Vaadin installs its strategy globally when a context starts, and method security keeps the one of
 * its own context; after another context (say a browserless test's) started, a cached context's
 * services would not see who the test signed in as.
 */
public class ThisContextsSecurity implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext extension) {
        // Whoever @WithMockUser signed in just now moves along to the strategy taking over.
        SecurityContext signedIn = SecurityContextHolder.getContext();
        SpringExtension.getApplicationContext(extension)
                .getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(strategy -> {
                    SecurityContextHolder.setContextHolderStrategy(strategy);
                    SecurityContextHolder.setContext(signedIn);
                });
    }
}
