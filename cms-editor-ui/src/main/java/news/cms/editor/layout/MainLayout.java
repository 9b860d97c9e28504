package news.cms.editor.layout;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import news.cms.core.notification.MailDigests;
import news.cms.core.notification.NotificationService;
import news.cms.core.notification.NotificationUpdates;
import org.jspecify.annotations.Nullable;

/**
 * The frame around every signed-in view: the newsroom's name, the drawer with the places to go
 * (admin pages only for admins), the UI language (kept in the session; right-to-left languages
 * flip the whole page), sign out.
 */
@Layout
@PermitAll
class MainLayout extends AppLayout implements LocaleChangeObserver {

    private final AuthenticationContext auth;
    private final NotificationService notifications;
    private final NotificationUpdates updates;
    private final MailDigests digests;
    /** The id of the page's main landmark, the skip link's target. */
    static final String MAIN = "main-content";

    private @Nullable Anchor skip;
    private @Nullable HorizontalLayout header;
    private @Nullable SideNav nav;

    MainLayout(
            AuthenticationContext auth,
            NotificationService notifications,
            NotificationUpdates updates,
            MailDigests digests) {
        this.auth = auth;
        this.digests = digests;
        this.notifications = notifications;
        this.updates = updates;
        UI ui = UI.getCurrent();
        VaadinSession session = VaadinSession.getCurrent();
        if (ui != null) {
            ui.setLocale(UiLanguages.forSession(session));
        }
        if (ui != null) {
            ui.getPage().retrieveExtendedClientDetails(details -> Notices.rememberZone(details.getTimeZoneId()));
        }
        setPrimarySection(Section.DRAWER);
        build();
    }

    /** The UI's locale changed (the views are rebuilt by navigation; the frame stays, so it rebuilds itself). */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        build();
    }

    private void build() {
        UI ui = UI.getCurrent();
        if (ui != null) {
            UiLanguages.applyTo(ui);
        }
        if (skip != null) {
            remove(skip);
        }
        if (header != null) {
            remove(header);
        }
        if (nav != null) {
            remove(nav);
        }

        H1 title = new H1(getTranslation("app.title"));
        title.addClassName("app-title");
        // A router link: navigating inside the app detaches an open story, which releases its lock.
        Anchor desk = new Anchor("", getTranslation("nav.desk"));
        desk.getElement().setAttribute("router-link", true);
        desk.setId("nav-desk");
        // First stop for the keyboard: past the header and the drawer, straight to the page's content.
        Anchor skip = new Anchor("#" + MAIN, getTranslation("nav.skip"));
        this.skip = skip;
        skip.setId("skip-link");
        skip.addClassName("skip-link");
        skip.getElement().setAttribute("router-ignore", true);
        skip.getElement()
                .executeJs(
                        "this.addEventListener('click', e => {"
                                + " const main = document.getElementById($0);"
                                + " if (main) { e.preventDefault(); main.focus(); main.scrollIntoView(); } });",
                        MAIN);
        DrawerToggle menu = new DrawerToggle();
        menu.setId("menu-toggle");
        menu.setAriaLabel(getTranslation("nav.menu"));
        menu.setTooltipText(getTranslation("nav.menu"));
        HorizontalLayout header = new HorizontalLayout(menu, title, desk);
        this.header = header;
        for (UiLanguages.UiLanguage language : UiLanguages.offered()) {
            header.add(language(language));
        }
        Span user = new Span(auth.getPrincipalName().orElse(""));
        user.setId("signed-in-user");
        Button signOut = new Button(getTranslation("nav.sign-out"), e -> auth.logout());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        if (auth.hasAnyRole("REPORTER", "EDITOR", "ADMIN")) {
            header.add(new NotificationBell(notifications, updates, digests));
        }
        header.add(user, signOut);
        header.setWidthFull();
        header.setPadding(true);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(title);
        addToNavbar(skip, header);

        SideNav nav = new SideNav();
        this.nav = nav;
        nav.setId("nav");
        nav.addItem(item("nav-item-desk", "nav.desk", "", VaadinIcon.NEWSPAPER));
        nav.addItem(item("nav-item-search", "nav.search", "search", VaadinIcon.SEARCH));
        nav.addItem(item("nav-item-calendar", "nav.calendar", "calendar", VaadinIcon.CALENDAR_CLOCK));
        nav.addItem(item("nav-item-notes", "nav.notes", "notes", VaadinIcon.COMMENTS_O));
        if (auth.hasRole("EDITOR")) {
            nav.addItem(item("nav-item-budget", "nav.budget", "budget", VaadinIcon.CLIPBOARD_TEXT));
        }
        if (auth.hasAnyRole("REPORTER", "EDITOR")) {
            nav.addItem(item("nav-item-assignments", "nav.assignments", "assignments", VaadinIcon.CLIPBOARD_USER));
        }
        if (auth.hasRole("ADMIN")) {
            nav.addItem(item("nav-item-users", "nav.users", "admin/users", VaadinIcon.USERS));
            nav.addItem(item("nav-item-partner-keys", "nav.partner-keys", "admin/partner-keys", VaadinIcon.KEY));
            nav.addItem(item("nav-item-audit", "nav.audit", "admin/audit", VaadinIcon.RECORDS));
            nav.addItem(item("nav-item-push", "nav.push", "admin/push", VaadinIcon.CONNECT));
        }
        addToDrawer(nav);
    }

    /** Each view is the page's main landmark, which the skip link focuses. */
    @Override
    public void showRouterLayoutContent(com.vaadin.flow.component.HasElement content) {
        super.showRouterLayoutContent(content);
        if (content != null) {
            content.getElement().setAttribute("role", "main");
            content.getElement().setAttribute("id", MAIN);
            content.getElement().setAttribute("tabindex", "-1");
        }
    }

    static boolean isRightToLeft(Locale locale) {
        return UiLanguages.isRightToLeft(locale);
    }

    private SideNavItem item(String id, String key, String path, VaadinIcon icon) {
        SideNavItem item = new SideNavItem(getTranslation(key), path, icon.create());
        item.setId(id);
        return item;
    }

    /** A switch to one UI language; the name is written in that language, as language menus do. */
    private static Button language(UiLanguages.UiLanguage language) {
        Button b = new Button(language.name(), e -> {
            // Taken first: the session's new locale rebuilds the header, detaching this button.
            UI ui = UI.getCurrent();
            UiLanguages.choose(VaadinSession.getCurrent(), language.locale());
            ui.getPage().reload();
        });
        b.setId("ui-language-" + language.tag());
        b.getElement().setAttribute("lang", language.tag());
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return b;
    }
}
