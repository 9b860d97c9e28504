package news.cms.editor.browser;

import java.util.Set;
import news.cms.core.account.AccountService;
import news.cms.core.account.Role;
import news.cms.core.account.UserAccount;
import news.cms.testsupport.Newsroom;
import news.cms.testsupport.VaadinBrowser;

/** Chromium on the editor app, with the accounts the editor's browser tests sign in with. */
final class Browser extends VaadinBrowser {

    /** The password of the test newsroom's people in the browser tests. */
    static final String PASSWORD = "correct horse battery";

    /** Creates the accounts the browser tests sign in with: reporter Rezan and editor Layla. */
    static void createPeople(AccountService accounts) {
        news.cms.testsupport.Newsroom.asAdmin(() -> accounts.save(
                new UserAccount(Newsroom.REPORTER, "Rezan Ahmed", Set.of(Role.REPORTER), true), PASSWORD));
        news.cms.testsupport.Newsroom.asAdmin(() ->
                accounts.save(new UserAccount(Newsroom.EDITOR, "Layla Hassan", Set.of(Role.EDITOR), true), PASSWORD));
    }

    Browser(int port) {
        super(port);
    }
}
