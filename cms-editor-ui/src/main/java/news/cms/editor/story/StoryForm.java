package news.cms.editor.story;

import static news.cms.editor.story.ContentRules.rule;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import news.cms.core.article.ArticleContent;
import news.cms.core.article.FieldDirections;
import news.cms.core.article.MediaTopics;
import news.cms.core.dateline.Dateline;
import news.cms.core.dateline.DatelineFormat;
import news.cms.core.language.LanguageTag;
import news.cms.core.writing.Target;
import news.cms.core.writing.WritingProperties;
import news.cms.editor.layout.DatePickers;
import news.cms.editor.layout.TextDirections;
import org.jspecify.annotations.Nullable;

/**
 * The story's fields, bound to a {@link StoryDraft}. Every binding validates through
 * {@link ContentRules}, i.e. through the domain's constructors, and shows their message at the field;
 * what the user typed stays in the field.
 */
class StoryForm extends HorizontalLayout {

    final ComboBox<String> language = new ComboBox<>();
    final TextField section = new TextField();
    final TextField headline = new TextField();
    final TextArea standfirst = new TextArea();
    final TextArea body = new TextArea();
    final BylinesEditor bylines = new BylinesEditor();
    final TextField place = new TextField();
    final TextField region = new TextField();
    final TextField countryCode = new TextField();
    final DatePicker date = new DatePicker();
    final TextField tags = new TextField();
    final MultiSelectComboBox<String> subjects = new MultiSelectComboBox<>();
    final IntegerField urgency = new IntegerField();
    final TextField copyrightHolder = new TextField();
    final TextField copyrightNotice = new TextField();
    final TextField usageTerms = new TextField();

    private final Binder<StoryDraft> binder = new Binder<>();
    private final Div bodyPreview = new Div();
    private final Span datelinePreview = new Span();
    private final H4 headlinePreview = new H4();
    private final WritingProperties writing;
    private final LengthMeter headlineMeter = new LengthMeter("headline-meter");
    private final LengthMeter standfirstMeter = new LengthMeter("standfirst-meter");
    private final LengthMeter bodyMeter = new LengthMeter("body-meter");
    private final Span readingTime = new Span();
    // The story's pictures (a saved story's): the insert action, the featured one above the preview.
    final com.vaadin.flow.component.button.Button insertPicture = new com.vaadin.flow.component.button.Button();
    private final Div featuredPreview = new Div();
    private @Nullable PicturePreviews pictures;
    private boolean editable = true;
    private StoryDraft loaded = new StoryDraft();
    /** Whether the user typed into a field since the story was read (see {@link #hasChanges()}). */
    private boolean typedSinceRead;

    StoryForm(WritingProperties writing) {
        this.writing = writing;
        setWidthFull();
        language.setLabel(getTranslation("field.language"));
        section.setLabel(getTranslation("field.section"));
        headline.setLabel(getTranslation("field.headline"));
        standfirst.setLabel(getTranslation("field.standfirst"));
        body.setLabel(getTranslation("field.body"));
        body.setHelperComponent(new Span(new Span(getTranslation("field.body.helper")), bodyMeter));
        headline.setHelperComponent(headlineMeter);
        standfirst.setHelperComponent(standfirstMeter);
        place.setLabel(getTranslation("field.dateline-place"));
        region.setLabel(getTranslation("field.dateline-region"));
        countryCode.setLabel(getTranslation("field.dateline-country"));
        date.setLabel(getTranslation("field.dateline-date"));
        tags.setLabel(getTranslation("field.tags"));
        language.setId("language");
        language.setItems("en", "ar", "ckb", "tr");
        language.setAllowCustomValue(true);
        language.addCustomValueSetListener(e -> language.setValue(e.getDetail()));
        language.setHelperText(getTranslation("field.language.helper"));
        section.setId("section");
        headline.setId("headline");
        standfirst.setId("standfirst");
        body.setId("body");
        body.setMinHeight("16em");
        place.setId("dateline-place");
        region.setId("dateline-region");
        countryCode.setId("dateline-country");
        countryCode.setMaxLength(8);
        countryCode.setHelperText(getTranslation("field.dateline-country.helper"));
        date.setId("dateline-date");
        DatePickers.localise(date);
        tags.setId("tags");
        tags.setHelperText(getTranslation("field.tags.helper"));
        subjects.setLabel(getTranslation("field.subjects"));
        subjects.setHelperText(getTranslation("field.subjects.helper"));
        subjects.setId("subjects");
        // The bundled IPTC Media Topics, named in the UI language; the code is what is stored.
        subjects.setItems(
                MediaTopics.all().stream().map(MediaTopics.Topic::code).toList());
        subjects.setItemLabelGenerator(code -> MediaTopics.find(code)
                .map(t -> t.name(getLocale() == null ? "en" : getLocale().getLanguage()))
                .orElse(code));
        urgency.setLabel(getTranslation("field.urgency"));
        urgency.setHelperText(getTranslation("field.urgency.helper"));
        urgency.setId("urgency");
        urgency.setStepButtonsVisible(true);
        copyrightHolder.setLabel(getTranslation("field.copyright-holder"));
        copyrightHolder.setId("copyright-holder");
        copyrightNotice.setLabel(getTranslation("field.copyright-notice"));
        copyrightNotice.setId("copyright-notice");
        usageTerms.setLabel(getTranslation("field.usage-terms"));
        usageTerms.setId("usage-terms");
        usageTerms.setHelperText(getTranslation("field.rights.helper"));
        for (var f : new com.vaadin.flow.data.value.HasValueChangeMode[] {
            section,
            headline,
            standfirst,
            body,
            place,
            region,
            countryCode,
            tags,
            copyrightHolder,
            copyrightNotice,
            usageTerms,
            urgency
        }) {
            f.setValueChangeMode(ValueChangeMode.LAZY);
        }

        binder.forField(language)
                .withValidator(rule(StoryDraft::setLanguage))
                .bind(StoryDraft::getLanguage, StoryDraft::setLanguage);
        binder.forField(section)
                .withValidator(rule(StoryDraft::setSection))
                .bind(StoryDraft::getSection, StoryDraft::setSection);
        binder.forField(headline)
                .withValidator(rule(StoryDraft::setHeadline))
                .bind(StoryDraft::getHeadline, StoryDraft::setHeadline);
        binder.forField(standfirst)
                .withValidator(rule(StoryDraft::setStandfirst))
                .bind(StoryDraft::getStandfirst, StoryDraft::setStandfirst);
        binder.forField(body).withValidator(rule(StoryDraft::setBody)).bind(StoryDraft::getBody, StoryDraft::setBody);
        binder.forField(bylines)
                .withValidator(rule(StoryDraft::setBylines))
                .bind(StoryDraft::getBylines, StoryDraft::setBylines);
        binder.forField(place)
                .withValidator(rule(StoryDraft::setPlace))
                .bind(StoryDraft::getPlace, StoryDraft::setPlace);
        binder.forField(region)
                .withValidator(rule(StoryDraft::setRegion))
                .bind(StoryDraft::getRegion, StoryDraft::setRegion);
        binder.forField(countryCode)
                .withValidator(rule(StoryDraft::setCountryCode))
                .bind(StoryDraft::getCountryCode, StoryDraft::setCountryCode);
        binder.forField(date).withValidator(rule(StoryDraft::setDate)).bind(StoryDraft::getDate, StoryDraft::setDate);
        binder.forField(tags).withValidator(rule(StoryDraft::setTags)).bind(StoryDraft::getTags, StoryDraft::setTags);
        binder.forField(subjects)
                .withValidator(rule(StoryDraft::setSubjects))
                .bind(StoryDraft::getSubjects, StoryDraft::setSubjects);
        binder.forField(urgency)
                .withValidator(rule(StoryDraft::setUrgency))
                .bind(StoryDraft::getUrgency, StoryDraft::setUrgency);
        binder.forField(copyrightHolder)
                .withValidator(rule(StoryDraft::setCopyrightHolder))
                .bind(StoryDraft::getCopyrightHolder, StoryDraft::setCopyrightHolder);
        binder.forField(copyrightNotice)
                .withValidator(rule(StoryDraft::setCopyrightNotice))
                .bind(StoryDraft::getCopyrightNotice, StoryDraft::setCopyrightNotice);
        binder.forField(usageTerms)
                .withValidator(rule(StoryDraft::setUsageTerms))
                .bind(StoryDraft::getUsageTerms, StoryDraft::setUsageTerms);

        language.addValueChangeListener(e -> applyDirections());
        section.addValueChangeListener(e -> updateMeters());
        standfirst.addValueChangeListener(e -> updateMeters());
        headline.addValueChangeListener(e -> updatePreviews());
        body.addValueChangeListener(e -> updatePreviews());
        for (var f : new com.vaadin.flow.component.HasValue<?, ?>[] {place, region, countryCode, date}) {
            f.addValueChangeListener(e -> updatePreviews());
        }

        FormLayout fields = new FormLayout();
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 4));
        fields.add(language, section, tags);
        fields.setColspan(tags, 2);
        fields.add(headline, 4);
        fields.add(standfirst, 4);
        fields.add(body, 4);
        insertPicture.setId("insert-picture");
        insertPicture.setText(getTranslation("pictures.insert"));
        insertPicture.setVisible(false);
        fields.add(insertPicture, 4);
        fields.add(bylines, 4);
        fields.add(place, region, countryCode, date);
        fields.add(subjects, 3);
        fields.add(urgency);
        fields.add(copyrightHolder, copyrightNotice);
        fields.add(usageTerms, 2);

        datelinePreview.setId("dateline-preview");
        datelinePreview.addClassName("dateline-preview");
        bodyPreview.setId("body-preview");
        headlinePreview.setId("headline-preview");
        readingTime.setId("reading-time");
        readingTime.addClassName("reading-time");
        featuredPreview.setId("featured-preview");
        featuredPreview.addClassName("featured-preview");
        VerticalLayout preview = new VerticalLayout(
                new Span(getTranslation("story.preview")),
                featuredPreview,
                headlinePreview,
                datelinePreview,
                readingTime,
                bodyPreview);
        preview.addClassName("story-preview");
        preview.setWidth("40%");

        add(fields, preview);
        setFlexGrow(1, fields);
        binder.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                typedSinceRead = true;
            }
        });
    }

    /** Calls back on every change the user makes (not on values set by the code). */
    void onEdit(Runnable listener) {
        binder.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                listener.run();
            }
        });
    }

    /** The story as it was read, before anything was typed. */
    StoryDraft base() {
        return loaded.copy();
    }

    /**
     * Someone else's version becomes the base and the merged values are set over it: the fields count
     * as changed, so saving writes them on top of that version.
     */
    void rebase(StoryDraft theirs, StoryDraft merged) {
        read(theirs);
        set(language, merged.getLanguage());
        set(section, merged.getSection());
        set(headline, merged.getHeadline());
        set(standfirst, merged.getStandfirst());
        set(body, merged.getBody());
        set(bylines, merged.getBylines());
        set(place, merged.getPlace());
        set(region, merged.getRegion());
        set(countryCode, merged.getCountryCode());
        set(date, merged.getDate());
        set(tags, merged.getTags());
        set(subjects, merged.getSubjects());
        set(urgency, merged.getUrgency());
        set(copyrightHolder, merged.getCopyrightHolder());
        set(copyrightNotice, merged.getCopyrightNotice());
        set(usageTerms, merged.getUsageTerms());
    }

    private static <T> void set(com.vaadin.flow.component.HasValue<?, T> field, @Nullable T value) {
        if (!java.util.Objects.equals(field.getValue(), value)) {
            field.setValue(value);
        }
    }

    /** Shows the story as stored; changes are counted from here. */
    void read(StoryDraft draft) {
        loaded = draft;
        binder.readBean(draft);
        typedSinceRead = false;
        applyDirections();
        updatePreviews();
    }

    /** The content when every field passes the domain's rules; otherwise the fields show why. */
    Optional<ArticleContent> validContent() {
        StoryDraft typed = loaded.copy();
        if (!binder.writeBeanIfValid(typed)) {
            return Optional.empty();
        }
        return Optional.of(typed.toContent());
    }

    /** What is in the fields now, valid or not; for comparing with someone else's version. */
    StoryDraft typed() {
        StoryDraft typed = loaded.copy();
        binder.writeBeanAsDraft(typed, true);
        return typed;
    }

    /**
     * Whether the fields hold anything not saved: a value the user typed since the story was read, or
     * one the code set over it (a merge). The first is kept apart from the binder's own record, which
     * a successful write of the bean (any action that reads the content) empties although nothing
     * was saved; a page that believed nothing was typed replaced the text with someone else's version.
     */
    boolean hasChanges() {
        return typedSinceRead || binder.hasChanges();
    }

    void setEditable(boolean editable) {
        this.editable = editable;
        binder.setReadOnly(!editable);
        bylines.setReadOnly(!editable);
        insertPicture.setVisible(
                editable && pictures != null && !pictures.pictures().isEmpty());
    }

    /** The story's pictures for the previews and the insert action; {@code null} for a new story. */
    void showPictures(@Nullable PicturePreviews shown) {
        this.pictures = shown;
        insertPicture.setVisible(editable && shown != null && !shown.pictures().isEmpty());
        updatePreviews();
    }

    /**
     * Places Markdown where the caret is in the body, on a line of its own, in the browser: what was
     * typed a moment ago and not yet sent is kept, and the change counts as the user's own edit.
     */
    void insertAtCursor(String markdown) {
        // The script's line breaks are written \\n so that Java leaves them to JavaScript. Setting the
        // field's value makes it fire value-changed, which the server listens to (LAZY mode), so the
        // insertion is the user's edit: it reaches the server, takes the edit lock and updates the preview.
        body.getElement().executeJs("""
                const field = this;
                const area = field.inputElement || field.querySelector('textarea');
                const value = field.value || '';
                const start = area && area.selectionStart != null ? area.selectionStart : value.length;
                const end = area && area.selectionEnd != null ? area.selectionEnd : start;
                const before = value.slice(0, start);
                const after = value.slice(end);
                const lead = before === '' || before.endsWith('\\n\\n') ? '' : (before.endsWith('\\n') ? '\\n' : '\\n\\n');
                const trail = after === '' || after.startsWith('\\n\\n') ? '' : (after.startsWith('\\n') ? '\\n' : '\\n\\n');
                const placed = before + lead + $0;
                field.value = placed + trail + after;
                if (area) {
                    area.focus();
                    area.setSelectionRange(placed.length, placed.length);
                    area.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
                }
                field.dispatchEvent(new CustomEvent('change', {bubbles: true}));
                """, markdown);
    }

    private LanguageTag languageOrDefault() {
        try {
            return LanguageTag.of(language.getValue() == null ? "" : language.getValue());
        } catch (IllegalArgumentException e) {
            return LanguageTag.ENGLISH;
        }
    }

    /**
     * The story's language decides the direction of what is typed, whatever the UI language: set on
     * each field's inner input or textarea, so that labels stay in the UI's direction. Fields that mix
     * scripts (section, tags) find their own direction.
     */
    private void applyDirections() {
        LanguageTag lang = languageOrDefault();
        FieldDirections dirs = loaded.getDirections();
        TextDirections.onInput(headline, dirs.headline(lang).htmlValue(), lang);
        TextDirections.onInput(standfirst, dirs.standfirst(lang).htmlValue(), lang);
        // The story's direction for the caret and empty lines; editor.css gives each line its own
        // direction (unicode-bidi: plaintext), so a Latin quote in a Sorani story reads right.
        TextDirections.onInput(body, dirs.body(lang).htmlValue(), lang);
        TextDirections.onInput(place, lang);
        TextDirections.onInput(region, lang);
        bylines.setTextLanguage(lang);
        TextDirections.onInput(tags, "auto", lang);
        TextDirections.onInput(section, "auto", lang);
        TextDirections.onInput(countryCode, "ltr", lang);
        TextDirections.onInput(copyrightHolder, "auto", lang);
        TextDirections.onInput(copyrightNotice, "auto", lang);
        TextDirections.onInput(usageTerms, "auto", lang);
        dir(headlinePreview, dirs.headline(lang).htmlValue(), lang);
        dir(datelinePreview, lang.direction().htmlValue(), lang);
        updatePreviews();
    }

    /** The story's language, for dialogs that ask for text about it. */
    LanguageTag textLanguage() {
        return languageOrDefault();
    }

    private static void dir(HasElement shown, String dir, LanguageTag lang) {
        shown.getElement().setAttribute("dir", dir);
        shown.getElement().setAttribute("lang", lang.value());
    }

    private void updatePreviews() {
        LanguageTag lang = languageOrDefault();
        headlinePreview.setText(headline.getValue());
        try {
            Dateline d = new Dateline(place.getValue(), region.getValue(), countryCode.getValue(), date.getValue());
            datelinePreview.setText(DatelineFormat.of(lang).render(d));
        } catch (IllegalArgumentException incomplete) {
            datelinePreview.setText("");
        }
        bodyPreview.removeAll();
        PicturePreviews shown = pictures;
        Function<UUID, Optional<PicturePreviews.Shown>> placed = shown == null ? id -> Optional.empty() : shown::inline;
        Component rendered = BodyPreview.render(body.getValue(), lang, placed);
        bodyPreview.add(rendered);
        updateMeters();
        showFeatured(shown == null ? Optional.empty() : shown.featured(), lang);
    }

    /** Counts in the story's language against its section's targets; reading time from the body. */
    private void updateMeters() {
        LanguageTag lang = languageOrDefault();
        Target target = writing.target(section.getValue());
        headlineMeter.show(headline.getValue(), lang, null, target.headlineCharacters());
        standfirstMeter.show(standfirst.getValue(), lang, target.standfirstWords(), target.standfirstCharacters());
        // The body is counted as readers will read it: the rendered text, not the Markdown marks.
        bodyMeter.show(BodyPreview.plainText(body.getValue(), lang), lang, target.bodyWords(), null);
        int minutes = writing.readingMinutes(bodyMeter.count().words(), lang);
        readingTime.setText(minutes == 0 ? "" : getTranslation("writing.reading-time", minutes));
        readingTime.setVisible(minutes > 0);
    }

    /** The featured picture above the headline, as readers will see it, its caption in the story's language. */
    private void showFeatured(Optional<PicturePreviews.Shown> featured, LanguageTag lang) {
        featuredPreview.removeAll();
        featuredPreview.setVisible(featured.isPresent());
        featured.ifPresent(f -> {
            com.vaadin.flow.component.html.Image img =
                    new com.vaadin.flow.component.html.Image(f.src(), f.alt() == null ? "" : f.alt());
            img.setId("featured-preview-image");
            featuredPreview.add(img);
            if (f.caption() != null) {
                Span caption = new Span(f.caption());
                caption.setId("featured-preview-caption");
                caption.addClassName("featured-preview-caption");
                dir(caption, "auto", lang);
                featuredPreview.add(caption);
            }
        });
    }
}
