package news.cms.editor.story;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.ArticleService;
import news.cms.core.article.LockHeld;
import news.cms.core.article.StaleVersion;
import news.cms.core.language.LanguageTag;
import news.cms.core.workflow.Action;
import news.cms.core.workflow.IllegalTransition;
import news.cms.editor.layout.DatePickers;
import news.cms.editor.layout.Notices;
import news.cms.editor.layout.TextDirections;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * The workflow actions the server allows this user on this story now, and nothing else. Destructive
 * ones ask first; notes, reasons and times are asked for in a dialog; refusals show as a message.
 */
class ActionBar extends HorizontalLayout {

    /** What the bar needs from the editor around it. */
    interface Host {
        Article article();

        /** The form's content if valid; the form shows the problems otherwise. */
        Optional<ArticleContent> validContent();

        boolean hasUnsavedChanges();

        void changed(Article article);

        void stale();

        /** The story's language: notes and reasons about it are typed in its direction. */
        LanguageTag textLanguage();

        /** How many of the story's editorial notes are open: publishing asks first when any are. */
        int openNotes();
    }

    private static final Set<Action> OFFERED = Set.of(
            Action.SUBMIT,
            Action.REQUEST_CHANGES,
            Action.APPROVE,
            Action.PUBLISH,
            Action.SCHEDULE,
            Action.UNSCHEDULE,
            Action.EMBARGO,
            Action.CORRECT,
            Action.UPDATE,
            Action.UNPUBLISH,
            Action.KILL,
            Action.SPIKE,
            Action.RESTORE);

    private final ArticleService articles;
    private final Host host;

    ActionBar(ArticleService articles, Host host) {
        this.articles = articles;
        this.host = host;
        setId("actions");
        setSpacing(true);
    }

    /**
     * Shows a button for each allowed action, in workflow order, and why an action the user may look
     * for is not there (e.g. the four-eyes rule hides Approve from the story's sole author).
     */
    void show(Set<Action> allowed, @Nullable String missing) {
        removeAll();
        for (Action action : Action.values()) {
            if (allowed.contains(action) && OFFERED.contains(action)) {
                add(button(action));
            }
        }
        if (missing != null) {
            Span why = new Span(missing);
            why.setId("actions-missing");
            why.addClassName("action-missing");
            add(why);
        }
    }

    static String id(Action action) {
        return "action-" + action.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Ctrl+Shift+digit, in workflow order, for the actions taken most often. Not Alt+Shift (the
     * keyboard-layout switch a multilingual desk presses all day), not Ctrl+Alt (AltGr on Windows,
     * which types letters on Turkish and Kurdish layouts), not Ctrl+Shift+letter (browsers keep most
     * of them). A Ctrl chord never types a character, and digits sit at the same place on the
     * newsroom's layouts; the key is matched by its position, so Shift does not change it.
     */
    static final Map<Action, Key> SHORTCUTS = Map.of(
            Action.SUBMIT, Key.DIGIT_1,
            Action.REQUEST_CHANGES, Key.DIGIT_2,
            Action.APPROVE, Key.DIGIT_3,
            Action.PUBLISH, Key.DIGIT_4);

    private String label(Action action) {
        return getTranslation("action." + Notices.key(action.name()));
    }

    private Button button(Action action) {
        Button b = new Button(label(action), e -> take(action));
        b.setId(id(action));
        switch (action) {
            case KILL, UNPUBLISH, SPIKE -> b.addThemeVariants(ButtonVariant.LUMO_ERROR);
            case SUBMIT, APPROVE, PUBLISH -> b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            default -> {}
        }
        Key key = SHORTCUTS.get(action);
        if (key != null) {
            b.addClickShortcut(key, KeyModifier.CONTROL, KeyModifier.SHIFT);
            String digit = key.getKeys().getFirst().replace("Digit", "");
            b.getElement().setAttribute("aria-keyshortcuts", "Control+Shift+" + digit);
            b.setTooltipText("Ctrl+Shift+" + digit);
        }
        return b;
    }

    private void take(Action action) {
        boolean carriesContent = action == Action.CORRECT || action == Action.UPDATE;
        if (!carriesContent && host.hasUnsavedChanges()) {
            Notices.refused(getTranslation("story.save-first"));
            return;
        }
        Article a = host.article();
        switch (action) {
            case SUBMIT -> run(() -> articles.submit(a.id(), a.version()));
            case APPROVE -> run(() -> articles.approve(a.id(), a.version()));
            case PUBLISH -> {
                int open = host.openNotes();
                if (open > 0) {
                    confirm(
                            getTranslation("dialog.open-notes.title"),
                            getTranslation("dialog.open-notes.text", open),
                            getTranslation("action.publish"),
                            () -> articles.publish(a.id(), a.version()));
                } else {
                    run(() -> articles.publish(a.id(), a.version()));
                }
            }
            case UNSCHEDULE -> run(() -> articles.unschedule(a.id(), a.version()));
            case RESTORE -> run(() -> articles.restore(a.id(), a.version()));
            case REQUEST_CHANGES ->
                askNote(
                        getTranslation("action.request-changes"),
                        getTranslation("dialog.note.reporter"),
                        getTranslation("action.request-changes"),
                        false,
                        note -> articles.requestChanges(a.id(), a.version(), note));
            case KILL ->
                askNote(
                        getTranslation("dialog.kill.title"),
                        getTranslation("dialog.kill.reason"),
                        getTranslation("action.kill"),
                        true,
                        reason -> articles.kill(a.id(), a.version(), reason));
            case UNPUBLISH ->
                confirm(
                        getTranslation("dialog.unpublish.title"),
                        getTranslation("dialog.unpublish.text"),
                        getTranslation("action.unpublish"),
                        () -> articles.unpublish(a.id(), a.version()));
            case SPIKE ->
                confirm(
                        getTranslation("dialog.spike.title"),
                        getTranslation("dialog.spike.text"),
                        getTranslation("action.spike"),
                        () -> articles.spike(a.id(), a.version()));
            case SCHEDULE ->
                askTime(getTranslation("action.schedule"), a, at -> articles.schedule(a.id(), a.version(), at), false);
            case EMBARGO ->
                askTime(
                        getTranslation("dialog.embargo.title"),
                        a,
                        at -> articles.embargo(a.id(), a.version(), at),
                        true);
            case UPDATE -> host.validContent().ifPresent(c -> run(() -> articles.update(a.id(), a.version(), c)));
            case CORRECT ->
                host.validContent()
                        .ifPresent(c -> askNote(
                                getTranslation("dialog.correct.title"),
                                getTranslation("dialog.correct.note"),
                                getTranslation("dialog.correct.confirm"),
                                false,
                                note -> articles.correct(a.id(), a.version(), c, note)));
            default -> Notices.refused(getTranslation("error.not-offered", label(action)));
        }
    }

    /** Runs a command; the server's refusal becomes a readable message, a conflict the conflict dialog. */
    boolean run(Supplier<Article> command) {
        try {
            host.changed(command.get());
            return true;
        } catch (StaleVersion e) {
            host.stale();
        } catch (AccessDeniedException
                | IllegalTransition
                | LockHeld
                | IllegalArgumentException
                | news.cms.core.media.FeaturedImageRefused e) {
            // NotPermitted, InvalidSchedule, NoteRequired and InvalidText all carry a readable message;
            // a featured picture without its texts in the story's language is said in the UI language.
            Notices.refused(Notices.explain(e));
        }
        return false;
    }

    private void confirm(String header, String text, String confirm, Supplier<Article> command) {
        ConfirmDialog dialog = new ConfirmDialog(header, text, confirm, e -> run(command));
        dialog.setCancelText(getTranslation("dialog.cancel"));
        dialog.setId("confirm-action");
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private void askNote(
            String header, String label, String confirm, boolean destructive, Function<String, Article> command) {
        Dialog dialog = new Dialog();
        dialog.setId("note-dialog");
        dialog.setHeaderTitle(header);
        TextArea note = new TextArea(label);
        note.setId("action-note");
        note.setWidth("32em");
        TextDirections.onInput(note, host.textLanguage());
        note.setMaxLength(ArticleService.MAX_NOTE);
        dialog.add(note);
        Button ok = new Button(confirm, e -> {
            if (run(() -> command.apply(note.getValue()))) {
                dialog.close();
            }
        });
        ok.setId("note-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (destructive) {
            ok.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        dialog.getFooter().add(new Button(getTranslation("dialog.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }

    private void askTime(String header, Article a, Function<@Nullable Instant, Article> command, boolean liftable) {
        Dialog dialog = new Dialog();
        dialog.setId("time-dialog");
        dialog.setHeaderTitle(header);
        ComboBox<String> zone = new ComboBox<>(getTranslation("dialog.time.zone"));
        zone.setId("time-zone");
        zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        zone.setValue(Notices.zone().getId());
        DateTimePicker when = new DateTimePicker(getTranslation("dialog.time.at"));
        when.setId("time-at");
        DatePickers.localise(when);
        when.setValue(LocalDateTime.now(Notices.zone()).plusHours(1).truncatedTo(ChronoUnit.HOURS));
        dialog.add(new VerticalLayout(when, zone));
        Button ok = new Button(header, e -> {
            if (when.getValue() == null || zone.getValue() == null) {
                Notices.refused(getTranslation("dialog.time.missing"));
                return;
            }
            Instant at = when.getValue().atZone(ZoneId.of(zone.getValue())).toInstant();
            if (run(() -> command.apply(at))) {
                dialog.close();
            }
        });
        ok.setId("time-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("dialog.cancel"), e -> dialog.close()));
        if (liftable && a.embargoUntil() != null) {
            Button lift = new Button(getTranslation("dialog.embargo.lift"), e -> {
                if (run(() -> command.apply(null))) {
                    dialog.close();
                }
            });
            lift.setId("time-lift");
            dialog.getFooter().add(lift);
        }
        dialog.getFooter().add(ok);
        dialog.open();
    }
}
