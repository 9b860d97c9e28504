package news.cms.editor.story;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import news.cms.core.article.Article;
import news.cms.core.article.ArticleNotFound;
import news.cms.core.language.LanguageTag;
import news.cms.core.media.FeaturedImageRefused;
import news.cms.core.media.FocalPoint;
import news.cms.core.media.ImageFormat;
import news.cms.core.media.MediaItem;
import news.cms.core.media.MediaNotFound;
import news.cms.core.media.MediaProperties;
import news.cms.core.media.MediaService;
import news.cms.core.media.MediaStoreUnavailable;
import news.cms.core.media.MediaText;
import news.cms.core.media.NewMedia;
import news.cms.core.media.UploadRefused;
import news.cms.editor.layout.Notices;
import news.cms.editor.layout.TextDirections;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * The story's pictures: upload (the domain's limits shown, its refusals said in the UI language),
 * each picture with its caption, alt text and credit in the story's language and direction, rights,
 * a focal point set by a click or typed, and the featured-picture slot. Renditions are made in the
 * background; while some are on their way the page asks the server every second for them.
 */
class PicturesPanel extends VerticalLayout {

    private static final int RENDITIONS_POLL_MILLIS = 1_000;

    private final MediaService media;
    private final MediaProperties limits;
    private final PicturePreviews previews;
    private final Runnable changed;
    private final H3 heading = new H3();
    private final Div featuredSlot = new Div();
    private final Upload upload = new Upload();
    private final Span uploadRules = new Span();
    private final Span refusal = new Span();
    private final Div cards = new Div();
    private final List<Card> shown = new ArrayList<>();
    private @Nullable Article article;
    private boolean mayChange;
    private @Nullable Registration polling;

    /**
     * @param changed told when the pictures or the featured one changed (the story form's previews)
     */
    PicturesPanel(MediaService media, MediaProperties limits, PicturePreviews previews, Runnable changed) {
        this.media = media;
        this.limits = limits;
        this.previews = previews;
        this.changed = changed;
        setPadding(false);
        heading.setText(getTranslation("pictures.heading"));
        featuredSlot.setId("featured-slot");
        featuredSlot.addClassName("featured-slot");
        upload.setId("picture-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(
                (int) Math.min(Integer.MAX_VALUE, limits.maxBytes().toBytes()));
        upload.setAcceptedFileTypes(
                "image/jpeg", "image/png", "image/webp", "image/gif", ".jpg", ".jpeg", ".png", ".webp", ".gif");
        upload.setUploadHandler(uploadHandler());
        upload.setI18n(i18n());
        upload.addFileRejectedListener(e -> refuse(e.getErrorMessage()));
        upload.addAllFinishedListener(e -> upload.clearFileList());
        uploadRules.setId("picture-upload-rules");
        uploadRules.addClassName("picture-upload-rules");
        uploadRules.setText(getTranslation(
                "pictures.upload.rules", formats(), megabytes(limits.maxBytes().toBytes())));
        refusal.setId("picture-refusal");
        refusal.addClassName("picture-refusal");
        refusal.getElement().setAttribute("role", "alert");
        refusal.setVisible(false);
        cards.setId("picture-cards");
        cards.addClassName("picture-cards");
        add(heading, featuredSlot, upload, uploadRules, refusal, cards);
    }

    /** Shows the story's pictures; only someone who may edit the story may change them. */
    void show(Article shownArticle) {
        this.article = shownArticle;
        this.mayChange = media.mayChangePictures(shownArticle);
        upload.setVisible(mayChange);
        uploadRules.setVisible(mayChange);
        refusal.setVisible(false);
        reload(true);
    }

    private Article article() {
        if (article == null) {
            throw new IllegalStateException("no story shown");
        }
        return article;
    }

    private LanguageTag language() {
        return article().language();
    }

    /** Reads the pictures again; {@code fields} also puts the stored texts back in the fields. */
    private void reload(boolean fields) {
        Article a = article();
        List<MediaItem> pictures = media.pictures(a.id());
        MediaItem featured = media.featuredImage(a.id()).orElse(null);
        previews.set(pictures, featured, a.language());
        if (fields || shown.size() != pictures.size()) {
            cards.removeAll();
            shown.clear();
            for (int i = 0; i < pictures.size(); i++) {
                Card card = new Card(i, pictures.get(i));
                shown.add(card);
                cards.add(card);
            }
        }
        for (int i = 0; i < pictures.size(); i++) {
            shown.get(i)
                    .showFacts(
                            pictures.get(i),
                            featured != null
                                    && featured.id().equals(pictures.get(i).id()));
        }
        showFeatured(featured);
        pollWhileRenditionsAreMade(pictures);
        changed.run();
    }

    private void showFeatured(@Nullable MediaItem featured) {
        featuredSlot.removeAll();
        Span label = new Span(getTranslation("pictures.featured"));
        label.addClassName("featured-label");
        featuredSlot.add(label);
        if (featured == null) {
            Span none = new Span(getTranslation("pictures.featured.none"));
            none.setId("featured-none");
            featuredSlot.add(none);
            return;
        }
        previews.src(featured, "thumbnail").ifPresent(src -> {
            Image thumb = new Image(src, alt(featured));
            thumb.setId("featured-thumbnail");
            featuredSlot.add(thumb);
        });
        MediaText text = featured.text(language());
        Span caption = new Span(text.caption() == null ? getTranslation("pictures.no-caption") : text.caption());
        caption.setId("featured-caption");
        TextDirections.onText(caption, language());
        featuredSlot.add(caption);
        if (mayChange) {
            Button remove = new Button(getTranslation("pictures.featured.remove"), e -> feature(null));
            remove.setId("featured-remove");
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            featuredSlot.add(remove);
        }
    }

    private String alt(MediaItem item) {
        String alt = item.text(language()).altText();
        return alt == null ? "" : alt;
    }

    private void feature(@Nullable MediaItem item) {
        if (attempt(() -> media.setFeaturedImage(article().id(), item == null ? null : item.id()))) {
            Notices.done(getTranslation(item == null ? "pictures.featured.removed" : "pictures.featured.set"));
            reload(false);
        }
    }

    /** Runs a change; the domain's refusal is said in the UI language and nothing is changed. */
    private boolean attempt(Runnable change) {
        try {
            change.run();
            return true;
        } catch (AccessDeniedException
                | IllegalArgumentException
                | FeaturedImageRefused
                | MediaNotFound
                | ArticleNotFound e) {
            Notices.refused(Notices.explain(e));
            return false;
        }
    }

    // Upload

    /**
     * Reads at most one byte over the cap (the domain refuses what is over it) and uploads outside the
     * session's lock, so decoding a large picture does not freeze the page; the outcome is shown with
     * the lock.
     */
    private UploadHandler uploadHandler() {
        long cap = limits.maxBytes().toBytes();
        return event -> {
            byte[] bytes;
            try (InputStream in = event.getInputStream()) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, cap + 1));
            }
            Article a = article;
            UI ui = event.getUI();
            if (a == null) {
                return;
            }
            RuntimeException refused = null;
            try {
                media.uploadTo(a.id(), NewMedia.of(bytes, event.getContentType(), event.getFileName()));
            } catch (UploadRefused
                    | MediaStoreUnavailable
                    | AccessDeniedException
                    | IllegalArgumentException
                    | ArticleNotFound e) {
                refused = e;
            }
            RuntimeException outcome = refused;
            String name = event.getFileName();
            ui.access(() -> {
                if (outcome == null) {
                    refusal.setVisible(false);
                    Notices.done(getTranslation("pictures.uploaded", TextDirections.isolate(name)));
                    reload(false);
                } else {
                    refuse(
                            outcome instanceof MediaStoreUnavailable
                                    ? getTranslation("pictures.store-unavailable")
                                    : Notices.explain(outcome));
                }
            });
        };
    }

    private void refuse(String message) {
        refusal.setText(message);
        refusal.setVisible(true);
        Notices.refused(message);
        upload.clearFileList();
    }

    private static String formats() {
        List<String> names = new ArrayList<>();
        for (ImageFormat f : ImageFormat.values()) {
            names.add(f == ImageFormat.WEBP ? "WebP" : f.name());
        }
        return String.join(", ", names);
    }

    private static String megabytes(long bytes) {
        return Long.toString(Math.max(1, bytes / (1024 * 1024)));
    }

    private UploadI18N i18n() {
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("pictures.upload.button")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("pictures.upload.drop")));
        i18n.setError(new UploadI18N.Error()
                .setTooManyFiles(getTranslation("pictures.upload.one-at-a-time"))
                .setFileIsTooBig(getTranslation(
                        "refusal.media.too-large", megabytes(limits.maxBytes().toBytes())))
                .setIncorrectFileType(getTranslation("refusal.media.unsupported-type")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(getTranslation("pictures.upload.connecting"))
                        .setProcessing(getTranslation("pictures.upload.processing"))
                        .setHeld(getTranslation("pictures.upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(getTranslation("pictures.upload.remaining"))
                        .setUnknown(getTranslation("pictures.upload.remaining-unknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(getTranslation("pictures.store-unavailable"))
                        .setUnexpectedServerError(getTranslation("pictures.upload.failed"))
                        .setForbidden(getTranslation("pictures.upload.failed"))));
        i18n.setFile(new UploadI18N.File()
                .setRetry(getTranslation("pictures.upload.retry"))
                .setStart(getTranslation("pictures.upload.start"))
                .setRemove(getTranslation("pictures.upload.remove")));
        return i18n;
    }

    // Renditions on their way

    private void pollWhileRenditionsAreMade(List<MediaItem> pictures) {
        boolean pending = pictures.stream()
                .anyMatch(
                        p -> p.currentRenditions().size() < limits.renditions().size());
        UI ui = UI.getCurrent();
        if (ui == null) {
            return;
        }
        if (pending && polling == null) {
            ui.setPollInterval(RENDITIONS_POLL_MILLIS);
            polling = ui.addPollListener(e -> {
                if (article != null) {
                    reload(false);
                }
            });
        } else if (!pending && polling != null) {
            polling.remove();
            polling = null;
            ui.setPollInterval(StoryView.HEARTBEAT_MILLIS); // back to the edit lock's heartbeat
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
    }

    /** Opens the list of the story's pictures; the one chosen is placed in the body. */
    void choose(Consumer<MediaItem> chosen) {
        Dialog dialog = new Dialog();
        dialog.setId("insert-picture-dialog");
        dialog.setHeaderTitle(getTranslation("pictures.insert.title"));
        List<MediaItem> pictures = previews.pictures();
        if (pictures.isEmpty()) {
            dialog.add(new Paragraph(getTranslation("pictures.insert.none")));
        }
        HorizontalLayout choices = new HorizontalLayout();
        choices.setWrap(true);
        for (int i = 0; i < pictures.size(); i++) {
            MediaItem p = pictures.get(i);
            Button choice = new Button();
            choice.setId("insert-picture-" + i);
            choice.addClassName("insert-picture-choice");
            previews.src(p, "thumbnail").ifPresent(src -> choice.setIcon(new Image(src, alt(p))));
            String caption = p.text(language()).caption();
            choice.setText(caption == null ? getTranslation("pictures.no-caption") : caption);
            choice.setTooltipText(alt(p));
            choice.addClickListener(e -> {
                dialog.close();
                chosen.accept(p);
            });
            choices.add(choice);
        }
        dialog.add(choices);
        Button cancel = new Button(getTranslation("dialog.cancel"), e -> dialog.close());
        dialog.getFooter().add(cancel);
        dialog.open();
    }

    /** One picture: its preview with the focal point, its texts and rights, and whether it is featured. */
    private final class Card extends HorizontalLayout {

        private final int index;
        private MediaItem item;
        private final Div frame = new Div();
        private final Image view = new Image();
        private final Div marker = new Div();
        private final Span status = new Span();
        private final Image wide = new Image();
        private final NumberField focalX = new NumberField();
        private final NumberField focalY = new NumberField();
        private final TextArea caption = new TextArea();
        private final TextField altText = new TextField();
        private final TextField credit = new TextField();
        private final TextField copyright = new TextField();
        private final TextField usageTerms = new TextField();
        private final Button save = new Button();
        private final Button feature = new Button();
        private final Span featuredBadge = new Span();

        Card(int index, MediaItem item) {
            this.index = index;
            this.item = item;
            setId("picture-" + index);
            addClassName("picture-card");
            getElement().setAttribute("data-media-id", item.id().toString());
            setWidthFull();

            frame.setId("picture-frame-" + index);
            frame.addClassName("picture-frame");
            view.setId("picture-view-" + index);
            marker.setId("picture-focal-" + index);
            marker.addClassName("focal-marker");
            frame.add(view, marker);
            frame.getElement().setAttribute("title", getTranslation("pictures.focal.click"));
            if (mayChange) {
                frame.addClassName("picture-frame-editable");
                // Where the click fell, as a fraction of the picture drawn (left and top edges: pictures
                // are never mirrored, whatever the page's direction).
                frame.getElement()
                        .addEventListener("click", e -> {
                            double x = e.getEventData().get("event.offsetX").asDouble();
                            double y = e.getEventData().get("event.offsetY").asDouble();
                            double w =
                                    e.getEventData().get("element.clientWidth").asDouble();
                            double h =
                                    e.getEventData().get("element.clientHeight").asDouble();
                            if (w > 0 && h > 0) {
                                moveFocus(clamp(x / w), clamp(y / h));
                            }
                        })
                        .addEventData("event.offsetX")
                        .addEventData("event.offsetY")
                        .addEventData("element.clientWidth")
                        .addEventData("element.clientHeight");
            }
            status.setId("picture-status-" + index);
            status.addClassName("picture-status");
            wide.setId("picture-wide-" + index);
            wide.addClassName("picture-wide");
            Span wideLabel = new Span(getTranslation("pictures.wide"));
            wideLabel.addClassName("picture-wide-label");

            for (NumberField f : new NumberField[] {focalX, focalY}) {
                f.setMin(0);
                f.setMax(1);
                f.setStep(0.05);
                f.setStepButtonsVisible(true);
                f.setWidth("9em");
                f.setReadOnly(!mayChange);
                f.addValueChangeListener(e -> {
                    if (e.isFromClient() && focalX.getValue() != null && focalY.getValue() != null) {
                        if (focalX.isInvalid() || focalY.isInvalid()) {
                            return;
                        }
                        moveFocus(clamp(focalX.getValue()), clamp(focalY.getValue()));
                    }
                });
            }
            focalX.setId("picture-focal-x-" + index);
            focalY.setId("picture-focal-y-" + index);
            focalX.setLabel(getTranslation("pictures.focal.x"));
            focalY.setLabel(getTranslation("pictures.focal.y"));
            HorizontalLayout focalFields = new HorizontalLayout(focalX, focalY);
            VerticalLayout left = new VerticalLayout(frame, status, focalFields, wideLabel, wide);
            left.setPadding(false);
            left.setSpacing(false);
            left.setWidth("auto");

            LanguageTag lang = language();
            String languageName = Notices.languageName(lang.value());
            caption.setId("picture-caption-" + index);
            caption.setLabel(getTranslation("pictures.caption", languageName));
            caption.setMaxLength(MediaText.MAX_CAPTION);
            altText.setId("picture-alt-" + index);
            altText.setLabel(getTranslation("pictures.alt", languageName));
            altText.setHelperText(getTranslation("pictures.alt.helper"));
            altText.setMaxLength(MediaText.MAX_ALT_TEXT);
            credit.setId("picture-credit-" + index);
            credit.setLabel(getTranslation("pictures.credit", languageName));
            credit.setMaxLength(MediaText.MAX_CREDIT);
            copyright.setId("picture-copyright-" + index);
            copyright.setLabel(getTranslation("pictures.copyright"));
            copyright.setMaxLength(NewMedia.MAX_COPYRIGHT);
            usageTerms.setId("picture-terms-" + index);
            usageTerms.setLabel(getTranslation("pictures.terms"));
            usageTerms.setMaxLength(NewMedia.MAX_USAGE_TERMS);
            // The texts readers see with the story are typed in its language and direction; rights
            // may be in any language, each finds its own direction.
            TextDirections.onInput(caption, lang);
            TextDirections.onInput(altText, lang);
            TextDirections.onInput(credit, lang);
            TextDirections.onInputOfAnyLanguage(copyright);
            TextDirections.onInputOfAnyLanguage(usageTerms);
            for (var f : List.of(caption, altText, credit, copyright, usageTerms)) {
                f.setWidthFull();
                f.setReadOnly(!mayChange);
            }
            save.setId("picture-save-" + index);
            save.setText(getTranslation("pictures.save"));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickListener(e -> saveTexts());
            feature.setId("picture-feature-" + index);
            feature.setText(getTranslation("pictures.feature"));
            feature.addClickListener(e -> feature(this.item));
            featuredBadge.setId("picture-featured-" + index);
            featuredBadge.setText(getTranslation("pictures.featured.badge"));
            featuredBadge.getElement().getThemeList().add("badge success");
            save.setVisible(mayChange);
            HorizontalLayout buttons = new HorizontalLayout(save, feature, featuredBadge);
            buttons.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

            FormLayout fields = new FormLayout();
            fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
            fields.add(caption, 2);
            fields.add(altText, 2);
            fields.add(credit, copyright);
            fields.add(usageTerms, 2);
            VerticalLayout right = new VerticalLayout(fields, buttons);
            right.setPadding(false);
            add(left, right);
            setFlexGrow(1, right);
            readTexts(item);
        }

        private void readTexts(MediaItem shownItem) {
            MediaText text = shownItem.text(language());
            caption.setValue(orEmpty(text.caption()));
            altText.setValue(orEmpty(text.altText()));
            credit.setValue(orEmpty(text.credit()));
            copyright.setValue(orEmpty(shownItem.copyrightHolder()));
            usageTerms.setValue(orEmpty(shownItem.usageTerms()));
        }

        /** The picture as stored now, without touching what is being typed. */
        void showFacts(MediaItem now, boolean featured) {
            this.item = now;
            Optional<String> src = previews.src(now, "view");
            src.ifPresent(view::setSrc);
            view.setAlt(alt(now));
            frame.setVisible(src.isPresent());
            FocalPoint focal = now.focalPoint();
            marker.getStyle().set("left", percent(focal.x())).set("top", percent(focal.y()));
            frame.getElement().setAttribute("data-focal-x", Double.toString(focal.x()));
            frame.getElement().setAttribute("data-focal-y", Double.toString(focal.y()));
            focalX.setValue(focal.x());
            focalY.setValue(focal.y());
            boolean ready =
                    now.currentRenditions().size() >= limits.renditions().size();
            status.setText(getTranslation(
                    ready ? "pictures.renditions.ready" : "pictures.renditions.pending", now.width(), now.height()));
            getElement().setAttribute("data-renditions", ready ? "ready" : "pending");
            Optional<String> wideSrc = previews.src(now, "wide");
            wideSrc.ifPresent(wide::setSrc);
            wide.setAlt(alt(now));
            wide.setVisible(wideSrc.isPresent());
            feature.setVisible(mayChange && !featured);
            featuredBadge.setVisible(featured);
        }

        private void moveFocus(double x, double y) {
            FocalPoint point = new FocalPoint(round(x), round(y));
            if (attempt(() -> media.setFocalPoint(item.id(), point))) {
                Notices.done(getTranslation("pictures.focal.saved"));
                reload(false);
            }
        }

        private void saveTexts() {
            MediaText text;
            try {
                text = new MediaText(caption.getValue(), altText.getValue(), credit.getValue());
            } catch (IllegalArgumentException e) {
                Notices.refused(Notices.explain(e));
                return;
            }
            if (attempt(() -> {
                media.describe(item.id(), language(), text);
                media.setRights(item.id(), copyright.getValue(), usageTerms.getValue());
            })) {
                Notices.done(getTranslation("pictures.saved"));
                reload(false);
                shown.get(index).readTexts(item);
            }
        }
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** Two decimals are finer than any crop needs. */
    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.2f%%", v * 100);
    }
}
