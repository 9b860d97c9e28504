package news.cms.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class InlineImageSyntaxTest {

    private static final MediaId BOATS = new MediaId(UUID.fromString("0b6f1c3e-8a59-4c1e-9f3a-1d2e3f4a5b6c"));
    private static final MediaId MARKET = new MediaId(UUID.fromString("7c0d4e5f-1a2b-4c3d-8e9f-a0b1c2d3e4f5"));

    @Test
    void formatsAndParsesAReferenceInEachScript() {
        for (String alt : new String[] {
            "Boats on Lake Dukan", "قوارب على بحيرة دوكان", "بەلەم لەسەر دەریاچەی دووکان", "Dukan Gölü'nde tekneler"
        }) {
            String reference = InlineImageSyntax.format(BOATS, alt);
            assertThat(reference).isEqualTo("![" + alt + "](media:" + BOATS + ")");
            assertThat(InlineImageSyntax.parse(reference)).contains(new InlineImageSyntax.Reference(BOATS, alt));
        }
    }

    @Test
    void escapesBracketsAndBackslashesAndFoldsLineBreaks() {
        String reference = InlineImageSyntax.format(BOATS, "The [old] quay\\pier\nat dawn");

        assertThat(reference).isEqualTo("![The \\[old\\] quay\\\\pier at dawn](media:" + BOATS + ")");
        assertThat(InlineImageSyntax.parse(reference).orElseThrow().altText())
                .isEqualTo("The [old] quay\\pier at dawn");
    }

    @Test
    void findsEveryReferenceInOrderAndNothingElse() {
        String body = "Intro.\n\n" + InlineImageSyntax.format(MARKET, "السوق")
                + "\n\nText with ![a hot-link](https://example.org/x.jpg)"
                + " and ![](media:" + BOATS + ") inline, ![upper](media:"
                + BOATS.toString().toUpperCase() + ")"
                + " and ![again](media:" + MARKET + ").";

        assertThat(InlineImageSyntax.findAll(body))
                .containsExactly(
                        new InlineImageSyntax.Reference(MARKET, "السوق"),
                        new InlineImageSyntax.Reference(BOATS, ""),
                        new InlineImageSyntax.Reference(MARKET, "again"));
        assertThat(InlineImageSyntax.pictures(body)).containsExactly(MARKET, BOATS);
    }

    @Test
    void aBodyWithoutAReferenceHasNoPictures() {
        assertThat(InlineImageSyntax.findAll("Bugün limanda üç tekne vardı.")).isEmpty();
        assertThat(InlineImageSyntax.findAll("![almost](media:not-a-picture) و ![بەڵێ](media:)"))
                .isEmpty();
        assertThat(InlineImageSyntax.locate(null)).isEmpty();
        assertThat(InlineImageSyntax.pictures("")).isEmpty();
    }

    @Test
    void parseTakesOnlyAWholeReference() {
        assertThat(InlineImageSyntax.parse("see ![x](media:" + BOATS + ")")).isEmpty();
        assertThat(InlineImageSyntax.parse("![x](media:not-a-uuid)")).isEmpty();
        assertThat(InlineImageSyntax.parse(null)).isEmpty();
        assertThat(InlineImageSyntax.parse("  ![x](media:" + BOATS + ")\n")).isPresent();
    }

    @Test
    void locateGivesEachReferenceItsPlaceInTheSourceForThePreview() {
        for (String alt : new String[] {
            "Three wooden boats on still water",
            "ثلاثة قوارب خشبية على ماء ساكن",
            "سێ بەلەمی دار لەسەر ئاوی هێمن",
            "Durgun suda üç ahşap tekne"
        }) {
            String md = "Before ![a web picture](https://example.org/x.jpg).\n\n" + InlineImageSyntax.format(BOATS, alt)
                    + "\n\nAfter " + InlineImageSyntax.format(MARKET, "") + ".";
            assertThat(InlineImageSyntax.locate(md))
                    .hasSize(2)
                    .allSatisfy(p -> assertThat(md.substring(p.start(), p.end()))
                            .isEqualTo(InlineImageSyntax.format(
                                    p.reference().media(), p.reference().altText())));
            assertThat(InlineImageSyntax.locate(md).getFirst().reference())
                    .isEqualTo(new InlineImageSyntax.Reference(BOATS, alt));
        }
        assertThat(InlineImageSyntax.locate(null)).isEmpty();
    }
}
