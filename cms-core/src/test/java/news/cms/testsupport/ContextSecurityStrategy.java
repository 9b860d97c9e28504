package news.cms.testsupport;

import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Points {@link SecurityContextHolder} at the strategy of the test's own application context
 * before each test. Vaadin's security configuration installs a strategy with a thread-local of its
 * own per context, and the method guards keep the one they were built with; when the test context
 * cache holds several contexts, the holder would otherwise carry the newest context's strategy, and
 * a test signed in through {@code Newsroom.as} would look anonymous to its own context's guards.
 */
public class ContextSecurityStrategy implements TestExecutionListener {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        ApplicationContext context = testContext.getApplicationContext();
        context.getBeanProvider(SecurityContextHolderStrategy.class)
                .ifUnique(SecurityContextHolder::setContextHolderStrategy);
    }
}
