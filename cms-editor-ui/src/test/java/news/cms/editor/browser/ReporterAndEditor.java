package news.cms.editor.browser;

import news.cms.core.account.AccountService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A browser test of the newsroom's people at work: their accounts made before each test, and a
 * reporter's and an editor's browser (either may stay unopened), each closed after it.
 */
abstract class ReporterAndEditor {

    @Autowired
    AccountService accounts;

    Browser reporter;
    Browser editor;

    @BeforeEach
    void people() {
        Browser.createPeople(accounts);
    }

    /** A failed test leaves what each browser showed then (before they close), to look at. */
    @RegisterExtension
    final AfterTestExecutionCallback screenshotsOfAFailure = context -> {
        if (context.getExecutionException().isPresent()) {
            String name = context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName() + "-failed-";
            if (reporter != null) {
                reporter.screenshot(name + "reporter");
            }
            if (editor != null) {
                editor.screenshot(name + "editor");
            }
        }
    };

    @AfterEach
    void closeBrowsers() {
        if (reporter != null) {
            reporter.close();
        }
        if (editor != null) {
            editor.close();
        }
    }
}
