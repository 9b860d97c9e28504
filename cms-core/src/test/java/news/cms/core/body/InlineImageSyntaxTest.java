package news.cms.core.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The inline picture syntax written by the editor and read by the renderers. */
class InlineImageSyntaxTest {

    private static final UUID BOATS = UUID.fromString("0b5f2a8e-3c1d-4f6a-9e2b-7d8c1a0f4e3b");
    private static final UUID MARKET = UUID.fromString("7c0e9d41-5a2b-4c3d-8e1f-2a3b4c5d6e7f");

    @Test
    void whatIsFormattedParsesBackInEveryScript() {
        for (String alt : new String[] {
            "Three wooden boats on still water",
            "ثلاثة قوارب خشبية على ماء ساكن",
            "سێ بەلەمی دار لەسەر ئاوی هێمن",
            "Durgun suda üç ahşap tekne"
        }) {
            String md = "Before.\n\n" + InlineImageSyntax.format(BOATS, alt) + "\n\nAfter.";
            assertThat(InlineImageSyntax.parse(md)).singleElement().satisfies(i -> {
                assertThat(i.mediaId()).isEqualTo(BOATS);
                assertThat(i.alt()).isEqualTo(alt);
                assertThat(md.substring(i.start(), i.end())).isEqualTo("![" + alt + "](media:" + BOATS + ")");
            });
        }
    }

    @Test
    void bracketsAndLineBreaksInTheAltTextCannotEndTheSyntaxEarly() {
        String md = InlineImageSyntax.format(BOATS, "boats [at dawn]\nDukan");
        assertThat(md).isEqualTo("![boats at dawn Dukan](media:" + BOATS + ")");
        assertThat(InlineImageSyntax.parse(md))
                .extracting(InlineImageSyntax.InlineImage::alt)
                .containsExactly("boats at dawn Dukan");
    }

    @Test
    void onlyOurPicturesAreFoundInOrderAndWebImagesAreNot() {
        String md = "![a web picture](https://example.org/x.jpg) text ![market](media:" + MARKET + ") and "
                + "![boats](media:" + BOATS + ") ![broken](media:not-a-uuid)";
        assertThat(InlineImageSyntax.parse(md))
                .extracting(InlineImageSyntax.InlineImage::mediaId)
                .containsExactly(MARKET, BOATS);
    }
}
