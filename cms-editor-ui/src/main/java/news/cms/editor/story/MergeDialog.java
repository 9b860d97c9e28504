package news.cms.editor.story;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import news.cms.core.article.Article;
import news.cms.core.language.LanguageTag;
import news.cms.editor.layout.TextDirections;

/**
 * Someone saved the story after it was opened here; nothing was overwritten. Shows, field by field,
 * what was typed here beside their version, and lets the user take either side of each field. The
 * chosen values are then set over their version in the form (the user saves them as usual), so what
 * was typed here is never lost: it stays in the form until the user picks their side or reloads.
 */
class MergeDialog extends Dialog {

    /** Which version of a field to keep. */
    enum Side {
        MINE,
        THEIRS
    }

    /** One field of the story: how to read it, write it and show it. */
    private record Part(String key, Function<StoryDraft, Object> get, BiConsumer<StoryDraft, StoryDraft> take) {}

    private static final List<Part> PARTS = List.of(
            new Part("headline", StoryDraft::getHeadline, (from, to) -> to.setHeadline(from.getHeadline())),
            new Part("standfirst", StoryDraft::getStandfirst, (from, to) -> to.setStandfirst(from.getStandfirst())),
            new Part("body", StoryDraft::getBody, (from, to) -> to.setBody(from.getBody())),
            new Part("bylines", StoryDraft::getBylines, (from, to) -> to.setBylines(from.getBylines())),
            new Part("dateline-place", StoryDraft::getPlace, (from, to) -> to.setPlace(from.getPlace())),
            new Part("dateline-region", StoryDraft::getRegion, (from, to) -> to.setRegion(from.getRegion())),
            new Part(
                    "dateline-country",
                    StoryDraft::getCountryCode,
                    (from, to) -> to.setCountryCode(from.getCountryCode())),
            new Part("dateline-date", d -> Objects.toString(d.getDate(), ""), (from, to) -> to.setDate(from.getDate())),
            new Part("section", StoryDraft::getSection, (from, to) -> to.setSection(from.getSection())),
            new Part("tags", StoryDraft::getTags, (from, to) -> to.setTags(from.getTags())),
            new Part("language", StoryDraft::getLanguage, (from, to) -> to.setLanguage(from.getLanguage())),
            new Part(
                    "subjects",
                    d -> String.join(", ", new java.util.TreeSet<>(d.getSubjects())),
                    (from, to) -> to.setSubjects(from.getSubjects())),
            new Part(
                    "urgency",
                    d -> Objects.toString(d.getUrgency(), ""),
                    (from, to) -> to.setUrgency(from.getUrgency())),
            new Part(
                    "copyright-holder",
                    StoryDraft::getCopyrightHolder,
                    (from, to) -> to.setCopyrightHolder(from.getCopyrightHolder())),
            new Part(
                    "copyright-notice",
                    StoryDraft::getCopyrightNotice,
                    (from, to) -> to.setCopyrightNotice(from.getCopyrightNotice())),
            new Part("usage-terms", StoryDraft::getUsageTerms, (from, to) -> to.setUsageTerms(from.getUsageTerms())));

    private final Map<Part, RadioButtonGroup<Side>> choices = new LinkedHashMap<>();

    /**
     * @param base the version the user started from
     * @param mine what is in the form now
     * @param theirs the version saved meanwhile
     * @param merge takes the merged values (their version with the chosen fields of mine)
     * @param reload shows their version as it is, dropping what was typed here
     */
    MergeDialog(StoryDraft base, StoryDraft mine, Article theirs, Consumer<StoryDraft> merge, Runnable reload) {
        setId("conflict-dialog");
        setHeaderTitle(getTranslation("conflict.title"));
        setWidth("min(70em, 95vw)");
        StoryDraft theirDraft = StoryDraft.of(theirs.content());
        LanguageTag language = theirs.language();

        VerticalLayout content = new VerticalLayout(
                new Paragraph(getTranslation("conflict.text", theirs.updatedBy(), theirs.version())));
        content.setPadding(false);
        for (Part part : PARTS) {
            Object mineValue = part.get().apply(mine);
            Object theirValue = part.get().apply(theirDraft);
            if (Objects.equals(mineValue, theirValue)) {
                continue;
            }
            content.add(row(part, mineValue, theirValue, language, theirs.version()));
            // A field changed only on their side keeps theirs; one changed here keeps mine.
            choices.get(part).setValue(Objects.equals(mineValue, part.get().apply(base)) ? Side.THEIRS : Side.MINE);
        }
        if (choices.isEmpty()) {
            content.add(new Paragraph(getTranslation("conflict.same")));
        }
        add(content);

        Button useChosen = new Button(getTranslation("conflict.merge"), e -> {
            StoryDraft merged = theirDraft.copy();
            choices.forEach((part, choice) -> {
                if (choice.getValue() == Side.MINE) {
                    part.take().accept(mine, merged);
                }
            });
            close();
            merge.accept(merged);
        });
        useChosen.setId("conflict-merge");
        useChosen.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button keep = new Button(getTranslation("conflict.keep"), e -> close());
        keep.setId("conflict-keep");
        Button reloadButton = new Button(getTranslation("conflict.reload"), e -> {
            close();
            reload.run();
        });
        reloadButton.setId("conflict-reload");
        reloadButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
        getFooter().add(reloadButton, keep, useChosen);
    }

    private VerticalLayout row(Part part, Object mine, Object theirs, LanguageTag language, long theirVersion) {
        String label = getTranslation(part.key().equals("bylines") ? "bylines.label" : "field." + part.key());
        RadioButtonGroup<Side> choice = new RadioButtonGroup<>();
        choice.setId("merge-" + part.key());
        choice.setItems(Side.MINE, Side.THEIRS);
        choice.setItemLabelGenerator(side ->
                side == Side.MINE ? getTranslation("conflict.yours") : getTranslation("conflict.theirs", theirVersion));
        choice.setAriaLabel(getTranslation("conflict.which", label));
        choice.setLabel(label);
        choices.put(part, choice);

        HorizontalLayout sides =
                new HorizontalLayout(side(part, Side.MINE, mine, language), side(part, Side.THEIRS, theirs, language));
        sides.setWidthFull();
        VerticalLayout row = new VerticalLayout(choice, sides);
        row.setPadding(false);
        row.setSpacing(false);
        row.addClassName("merge-row");
        return row;
    }

    private Div side(Part part, Side side, Object value, LanguageTag language) {
        Div text = new Div(new Span(shown(value)));
        text.setId("merge-" + part.key() + "-" + side.name().toLowerCase(java.util.Locale.ROOT));
        text.addClassName("merge-side");
        text.setWidth("50%");
        if (!part.key().equals("dateline-country") && !part.key().equals("language")) {
            TextDirections.onText(text, language);
        }
        return text;
    }

    private static String shown(Object value) {
        if (value instanceof List<?> bylines) {
            return bylines.stream()
                    .map(b -> b instanceof StoryDraft.BylineDraft d ? d.name() + " — " + d.role() : b.toString())
                    .collect(Collectors.joining("\n"));
        }
        return value.toString();
    }
}
