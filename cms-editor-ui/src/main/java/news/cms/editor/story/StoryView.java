package news.cms.editor.story;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleId;
import news.cms.core.article.ArticleLocks;
import news.cms.core.article.ArticleService;
import news.cms.core.article.EditLock;
import news.cms.core.article.LockHeld;
import news.cms.core.article.StaleVersion;
import news.cms.core.comment.CommentThreads;
import news.cms.core.language.LanguageTag;
import news.cms.core.media.InlineImageSyntax;
import news.cms.core.media.MediaProperties;
import news.cms.core.media.MediaService;
import news.cms.core.note.NoteService;
import news.cms.core.notice.LiveChanges;
import news.cms.core.translation.Translation;
import news.cms.core.translation.TranslationService;
import news.cms.core.workflow.Action;
import news.cms.core.workflow.ArticleState;
import news.cms.editor.layout.Live;
import news.cms.editor.layout.Notices;
import news.cms.editor.layout.TextDirections;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * One story: the form, its previews, the actions allowed now and its history. Opening a story only
 * reads it: the edit lock is taken at the first edit (by someone who may edit it), renewed while the
 * page stays open and given up when the user leaves. A story someone else is editing opens read-only.
 */
@Route("story/:id?")
@RolesAllowed({"REPORTER", "EDITOR", "ADMIN"})
class StoryView extends VerticalLayout
        implements BeforeEnterObserver, BeforeLeaveObserver, ActionBar.Host, HasDynamicTitle {

    /** Well inside the lock's default two-minute lifetime. */
    static final int HEARTBEAT_MILLIS = 30_000;

    /** The browser asks before the tab closes or reloads while this view holds unsaved text. */
    private static final String GUARD_UNLOAD = """
            const view = this;
            if (view.__cmsGuard) { return; }
            view.__cmsGuard = e => {
              if (view.isConnected && view.__cmsUnsaved) { e.preventDefault(); e.returnValue = ''; }
            };
            view.addEventListener('input', () => { view.__cmsUnsaved = true; }, true);
            window.addEventListener('beforeunload', view.__cmsGuard);
            """;

    private final ArticleService articles;
    private final ArticleLocks locks;
    private final AuthenticationContext auth;
    private final StoryForm form;
    private final ActionBar actions;
    private final HistoryPanel history;
    private final CommentsSwitch comments;
    private final TranslationPanel translationPanel;
    private final TranslationService translations;
    private final Span stale = new Span();
    private final Span sourceNotice = new Span();
    private final NoteService notes;
    private final NotesPanel notesPanel;
    private final PicturePreviews pictures;
    private final PicturesPanel picturesPanel;
    private final H2 title = new H2();
    private final Span state = new Span();
    private final Div lockBanner = new Div();
    private final Button breakLock = new Button("", e -> breakLock());
    private final Button save = new Button("", e -> save());
    private final TabSheet tabs = new TabSheet();

    private @Nullable Article article;
    private Set<Action> allowed = EnumSet.noneOf(Action.class);
    private boolean lockHeld;
    /** Someone else's live lock, as last seen; the story is read-only here meanwhile. */
    private @Nullable EditLock heldByOther;

    private @Nullable Registration heartbeat;
    private final LiveChanges live;
    private final List<LiveChanges.Registration> following = new ArrayList<>();
    /** Someone else saved a newer version while this page holds unsaved text: merge before saving. */
    private final Div changedElsewhere = new Div();

    private final String me;

    StoryView(
            ArticleService articles,
            ArticleLocks locks,
            news.cms.core.audit.AuditLog audit,
            news.cms.core.revision.RevisionService revisions,
            CommentThreads threads,
            TranslationService translations,
            NoteService notes,
            MediaService media,
            MediaProperties mediaLimits,
            Clock clock,
            AuthenticationContext auth,
            news.cms.core.writing.WritingProperties writing,
            LiveChanges live) {
        this.form = new StoryForm(writing);
        this.live = live;
        this.articles = articles;
        this.locks = locks;
        this.auth = auth;
        this.me = auth.getPrincipalName().orElse("");
        this.actions = new ActionBar(articles, this);
        this.history = new HistoryPanel(articles, audit, revisions);
        // The service checks the role too; this only decides whether the switch is offered.
        this.comments = new CommentsSwitch(threads, clock, auth.hasRole("EDITOR"));
        this.translations = translations;
        // The service checks the roles too; this only decides whether "Translate into…" is offered.
        this.translationPanel = new TranslationPanel(
                translations, articles, auth.hasRole("REPORTER") || auth.hasRole("EDITOR"), form::hasChanges);
        this.notes = notes;
        this.notesPanel = new NotesPanel(notes);
        this.pictures = new PicturePreviews(media, getElement());
        this.picturesPanel = new PicturesPanel(media, mediaLimits, pictures, () -> form.showPictures(pictures));
        form.insertPicture.addClickListener(e -> picturesPanel.choose(p -> {
            String alt = p.text(article().language()).altText();
            form.insertAtCursor(InlineImageSyntax.format(p.id(), alt == null ? "" : alt));
        }));
        setWidthFull();

        title.setId("story-title");
        state.setId("story-state");
        state.getElement().getThemeList().add("badge");
        stale.setId("story-stale");
        stale.setText(getTranslation("translation.stale"));
        stale.getElement().getThemeList().add("badge error");
        stale.setVisible(false);
        sourceNotice.setId("story-source-notice");
        sourceNotice.addClassName("translation-note");
        sourceNotice.setVisible(false);
        changedElsewhere.setId("changed-elsewhere");
        changedElsewhere.addClassName("changed-elsewhere");
        changedElsewhere.getElement().setAttribute("role", "status");
        changedElsewhere.setVisible(false);
        lockBanner.setId("lock-banner");
        lockBanner.addClassName("lock-banner");
        breakLock.setId("break-lock");
        breakLock.addThemeVariants(ButtonVariant.LUMO_ERROR);
        save.setText(getTranslation("story.save"));
        breakLock.setText(getTranslation("story.break-lock"));
        save.setId("save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setTooltipText("Ctrl+S");
        save.getElement().setAttribute("aria-keyshortcuts", "Control+S");
        form.onEdit(this::edited);

        HorizontalLayout header = new HorizontalLayout(title, state, stale);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout lock = new HorizontalLayout(lockBanner, breakLock);
        lock.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout toolbar = new HorizontalLayout(save, actions);
        toolbar.setId("toolbar");
        tabs.setId("story-tabs");
        tabs.setWidthFull();
        tabs.add(getTranslation("story.tab.story"), form).setId("tab-story");
        tabs.add(getTranslation("story.tab.history"), history);
        tabs.add(getTranslation("story.tab.notes"), notesPanel).setId("tab-notes");
        tabs.add(getTranslation("story.tab.pictures"), picturesPanel).setId("tab-pictures");
        add(header, lock, changedElsewhere, toolbar, translationPanel, sourceNotice, comments, tabs);

        Shortcuts.addShortcutListener(this, this::save, Key.KEY_S, KeyModifier.CONTROL)
                .resetFocusOnActiveElement();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<String> id = event.getRouteParameters().get("id");
        if (id.isEmpty()) {
            showNew();
            return;
        }
        Optional<Article> found;
        try {
            found = articles.find(ArticleId.parse(id.get()));
        } catch (IllegalArgumentException notAnId) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            Notices.refused(getTranslation("story.not-found", id.get()));
            event.forwardTo("");
            return;
        }
        lockHeld = false;
        heldByOther = null;
        show(found.get());
        locks.current(found.get().id()).filter(l -> !l.holder().equals(me)).ifPresent(this::showLockedBy);
        // From the desk's open notes: the notes tab, that note in view.
        event.getLocation().getQueryParameters().getSingleParameter("note").ifPresent(note -> {
            tabs.setSelectedTab(tabs.getTab(notesPanel));
            notesPanel.focus(note);
        });
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (!form.hasChanges()) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction leave = event.postpone();
        ConfirmDialog dialog = new ConfirmDialog(
                getTranslation("dialog.unsaved.title"),
                getTranslation("dialog.unsaved.text"),
                getTranslation("dialog.unsaved.discard"),
                e -> leave.proceed(),
                getTranslation("dialog.unsaved.stay"),
                e -> leave.cancel());
        dialog.setId("unsaved-changes");
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        ui.setPollInterval(HEARTBEAT_MILLIS);
        heartbeat = ui.addPollListener(e -> heartbeat());
        // Closing or reloading the tab with unsaved text asks first. Typing marks the page at once
        // (before the server hears of it); the server clears the mark when the text is saved.
        getElement().executeJs(GUARD_UNLOAD);
        markUnsaved();
        // Changes made by others, in any app: state, versions, who holds the lock (ADR 0033).
        following.add(Live.follow(ui, live, "article", this::isShown, this::changedByOthers));
        following.add(Live.follow(ui, live, "edit_lock", this::isShown, this::changedByOthers));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        following.forEach(LiveChanges.Registration::close);
        following.clear();
        if (heartbeat != null) {
            heartbeat.remove();
            heartbeat = null;
        }
        event.getUI().setPollInterval(-1);
        pictures.clear();
        if (lockHeld && article != null) {
            try {
                locks.release(article.id());
            } catch (RuntimeException e) {
                // The lock lapses on its own when the heartbeats stop.
            }
            lockHeld = false;
        }
    }

    // ActionBar.Host

    @Override
    public Article article() {
        if (article == null) {
            throw new IllegalStateException("the story is not saved yet");
        }
        return article;
    }

    @Override
    public Optional<ArticleContent> validContent() {
        try {
            return form.validContent();
        } catch (IllegalArgumentException refused) {
            Notices.refused(Notices.explain(refused));
            return Optional.empty();
        }
    }

    @Override
    public int openNotes() {
        return article == null ? 0 : notes.openCount(article.id());
    }

    @Override
    public LanguageTag textLanguage() {
        return form.textLanguage();
    }

    @Override
    public boolean hasUnsavedChanges() {
        return form.hasChanges();
    }

    @Override
    public void changed(Article changed) {
        show(changed);
        notice(getTranslation("story.done", stateLabel(changed), changed.version()));
    }

    @Override
    public void stale() {
        Article current = article();
        Article theirs = articles.find(current.id()).orElse(current);
        new MergeDialog(form.base(), form.typed(), theirs, merged -> rebase(theirs, merged), () -> show(theirs)).open();
    }

    /** Whether a changed row's id (null: any row) is this page's story. */
    private boolean isShown(@Nullable String id) {
        Article shown = article;
        return shown != null && (id == null || id.equals(shown.id().toString()));
    }

    /**
     * The story or its lock changed in another session or app: who holds the lock shows at once; a
     * newer version replaces the page when nothing is typed here, and otherwise is announced (the
     * typed text stays, and saving or "compare and merge" opens the merge).
     */
    private void changedByOthers() {
        Article shown = article;
        if (shown == null) {
            return;
        }
        Optional<EditLock> lock =
                locks.current(shown.id()).filter(l -> !l.holder().equals(me));
        if (lock.isPresent() && !lock.get().equals(heldByOther)) {
            lockHeld = false;
            showLockedBy(lock.get());
        } else if (lock.isEmpty() && heldByOther != null) {
            heldByOther = null;
            showArticle(shown);
        }
        Article theirs = articles.find(shown.id()).orElse(shown);
        if (theirs.version() == shown.version()) {
            return;
        }
        if (form.hasChanges()) {
            announce(theirs);
            return;
        }
        // The fields tell the server what is typed a moment after the typing stops (lazily): the page
        // itself knows at once (GUARD_UNLOAD's mark), so it is asked before anything typed is replaced.
        getElement().executeJs("return !!this.__cmsUnsaved;").then(Boolean.class, typed -> {
            if (article == null || article.version() != shown.version()) {
                return; // the page moved on meanwhile
            }
            if (Boolean.TRUE.equals(typed) || form.hasChanges()) {
                announce(theirs);
            } else {
                changedElsewhere.setVisible(false);
                show(theirs);
                notice(getTranslation("story.changed-elsewhere.shown", theirs.updatedBy(), theirs.version()));
            }
        });
    }

    /** A newer version while text is typed here: said, with a way to merge; the typed text stays. */
    private void announce(Article theirs) {
        state.setText(stateLabel(theirs) + " · v" + theirs.version());
        history.show(theirs.id(), theirs.language());
        Button merge = new Button(getTranslation("story.changed-elsewhere.merge"), e -> stale());
        merge.setId("changed-elsewhere-merge");
        merge.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Span said = new Span(getTranslation("story.changed-elsewhere", theirs.updatedBy(), theirs.version()));
        said.setId("changed-elsewhere-text");
        changedElsewhere.removeAll();
        changedElsewhere.add(said, merge);
        changedElsewhere.setVisible(true);
    }

    /** Someone saved meanwhile: their version becomes the base and the chosen fields are typed over it. */
    private void rebase(Article theirs, StoryDraft merged) {
        showArticle(theirs);
        form.rebase(StoryDraft.of(theirs.content()), merged);
        markUnsaved();
    }

    private void save() {
        if (!save.isVisible() || !save.isEnabled()) {
            return;
        }
        if (article != null && !lockHeld && !takeLock(article.id())) {
            return;
        }
        Optional<ArticleContent> content = validContent();
        if (content.isEmpty()) {
            return;
        }
        if (article == null) {
            try {
                Article created = articles.createDraft(content.get());
                form.read(StoryDraft.of(created.content()));
                notice(getTranslation("story.saved-draft"));
                getUI().ifPresent(ui -> ui.navigate("story/" + created.id()));
            } catch (AccessDeniedException | IllegalArgumentException e) {
                Notices.refused(Notices.explain(e));
            }
            return;
        }
        Article current = article;
        try {
            Article saved = articles.save(current.id(), current.version(), content.get());
            show(saved);
            notice(getTranslation("story.saved", saved.version()));
        } catch (StaleVersion e) {
            stale();
        } catch (LockHeld e) {
            lockHeld = false;
            showLockedBy(e.lock());
            Notices.refused(Notices.explain(e));
        } catch (AccessDeniedException | IllegalArgumentException e) {
            Notices.refused(Notices.explain(e));
        }
    }

    /** The first change typed into a saved story takes its lock; someone else's lock makes it read-only. */
    private void edited() {
        markUnsaved();
        if (article == null || lockHeld || heldByOther != null || !mayEdit()) {
            return;
        }
        takeLock(article.id());
    }

    private void showNew() {
        article = null;
        allowed = EnumSet.noneOf(Action.class);
        lockHeld = true;
        heldByOther = null;
        title.setText(getTranslation("desk.new-story"));
        state.setText(getTranslation("state.new"));
        StoryDraft blank = new StoryDraft();
        blank.setBylines(List.of(new StoryDraft.BylineDraft("", "")));
        form.read(blank);
        lockBanner.setVisible(false);
        breakLock.setVisible(false);
        tabs.getTab(history).setVisible(false);
        tabs.getTab(notesPanel).setVisible(false);
        tabs.getTab(picturesPanel).setVisible(false);
        form.showPictures(null);
        actions.show(allowed, null);
        comments.show(null);
        translationPanel.show(null);
        stale.setVisible(false);
        sourceNotice.setVisible(false);
        updateEditable();
    }

    private void show(Article shown) {
        showArticle(shown);
        form.read(StoryDraft.of(shown.content()));
        markUnsaved();
    }

    /** Everything but the form's fields. */
    private void showArticle(Article shown) {
        article = shown;
        changedElsewhere.setVisible(false);
        allowed = articles.allowedActions(shown);
        title.setText(shown.headline());
        TextDirections.onText(title, shown.language());
        state.setText(stateLabel(shown) + " · v" + shown.version());
        actions.show(heldByOther == null ? allowed : Set.of(), whyMissing(shown));
        tabs.getTab(history).setVisible(true);
        history.show(shown.id(), shown.language());
        tabs.getTab(notesPanel).setVisible(true);
        notesPanel.show(shown);
        tabs.getTab(picturesPanel).setVisible(true);
        picturesPanel.show(shown);
        comments.show(shown);
        showTranslation(shown);
        if (heldByOther == null) {
            boolean staff = auth.hasRole("REPORTER") || auth.hasRole("EDITOR");
            lockBanner.setText(staff ? "" : getTranslation("story.read-only-role"));
            lockBanner.setVisible(!staff);
            breakLock.setVisible(false);
        }
        updateEditable();
    }

    /** Its language versions, and whether this translation is stale or its source was corrected or killed. */
    private void showTranslation(Article shown) {
        translationPanel.show(shown);
        Optional<Translation> membership = translations.find(shown.id());
        stale.setVisible(membership.map(Translation::stale).orElse(false));
        Optional<Translation> noticed = membership.filter(m -> m.notice() != null && m.noticeAt() != null);
        sourceNotice.setVisible(noticed.isPresent());
        noticed.ifPresent(m -> sourceNotice.setText(getTranslation(
                "translation.notice."
                        + Notices.key(Objects.requireNonNull(m.notice()).name()),
                Notices.when(Objects.requireNonNull(m.noticeAt())))));
    }

    /** Whether this user may change this story's text now (before any lock). */
    private boolean mayEdit() {
        return article == null
                || allowed.contains(Action.EDIT)
                || allowed.contains(Action.UPDATE)
                || allowed.contains(Action.CORRECT);
    }

    private void updateEditable() {
        boolean newStory = article == null;
        boolean canEdit = newStory || allowed.contains(Action.EDIT);
        form.setEditable(heldByOther == null && mayEdit());
        save.setVisible(heldByOther == null && canEdit);
    }

    /** The one action the author expects and does not see, and why (the four-eyes rule). */
    private @Nullable String whyMissing(Article shown) {
        boolean soleAuthor = shown.authors().equals(Set.of(me));
        if (shown.state() == ArticleState.SUBMITTED
                && auth.hasRole("EDITOR")
                && soleAuthor
                && !allowed.contains(Action.APPROVE)) {
            return getTranslation("story.four-eyes");
        }
        return null;
    }

    /** Takes the lock; true when held. Someone else's lock shows who has it and makes the form read-only. */
    private boolean takeLock(ArticleId id) {
        try {
            locks.acquire(id);
            lockHeld = true;
            heldByOther = null;
            lockBanner.setVisible(false);
            breakLock.setVisible(false);
            return true;
        } catch (LockHeld e) {
            lockHeld = false;
            showLockedBy(e.lock());
            Notices.refused(getTranslation("story.locked-meanwhile", e.lock().holder()));
        } catch (AccessDeniedException e) {
            lockHeld = false;
            lockBanner.setText(getTranslation("story.read-only-role"));
            lockBanner.setVisible(true);
            breakLock.setVisible(false);
        }
        return false;
    }

    /** Someone else edits: read-only here; what was typed stays in the fields, to copy or merge later. */
    private void showLockedBy(EditLock lock) {
        heldByOther = lock;
        lockBanner.setText(getTranslation("story.locked-by", lock.holder(), Notices.when(lock.acquiredAt())));
        lockBanner.setVisible(true);
        breakLock.setVisible(auth.hasRole("EDITOR"));
        actions.show(Set.of(), null);
        updateEditable();
    }

    private void heartbeat() {
        if (article == null) {
            return;
        }
        if (!lockHeld) {
            // Read-only because of someone else's lock: open up again once it has gone.
            if (heldByOther != null && locks.current(article.id()).isEmpty()) {
                heldByOther = null;
                showArticle(article);
            }
            return;
        }
        try {
            locks.heartbeat(article.id());
        } catch (LockHeld e) {
            lockHeld = false;
            showLockedBy(e.lock());
            Notices.refused(getTranslation("story.lock-taken", e.lock().holder()));
        }
    }

    private void breakLock() {
        Article current = article();
        try {
            locks.breakLock(current.id());
            heldByOther = null;
            takeLock(current.id());
            show(articles.find(current.id()).orElse(current));
            notice(getTranslation("story.lock-broken"));
        } catch (AccessDeniedException | LockHeld e) {
            Notices.refused(Notices.explain(e));
        }
    }

    /** Tells the page whether leaving it would lose typed text (see {@link #GUARD_UNLOAD}). */
    private void markUnsaved() {
        getElement().executeJs("this.__cmsUnsaved = $0;", form.hasChanges());
    }

    private static void notice(String text) {
        Notices.done(text);
    }

    private String stateLabel(Article a) {
        return getTranslation("state." + Notices.key(a.state().name()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("story.page-title");
    }
}
