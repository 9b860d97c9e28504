package news.cms.core.writing;

import static org.assertj.core.api.Assertions.assertThat;

import news.cms.core.language.LanguageTag;
import org.junit.jupiter.api.Test;

class CounterTest {

    @Test
    void englishCountsNumbersContractionsAndHyphenatedWordsOnceAndNoPunctuation() {
        String text = "The well-known library on 60 Metre Street reopens — with 40,000 books, the council's "
                + "notice says (p. 3).";
        // The, well-known, library, on, 60, Metre, Street, reopens, with, 40,000, books, the, council's,
        // notice, says, p, 3
        assertThat(Counter.words(text, LanguageTag.ENGLISH)).isEqualTo(17);
        // COVID-19, cases, fell, by, 2.5, in, 2025-2026
        assertThat(Counter.words("COVID-19 cases fell by 2.5% in 2025-2026.", LanguageTag.ENGLISH))
                .isEqualTo(7);
        assertThat(Counter.words(" — , . !? ", LanguageTag.ENGLISH)).isZero();
        assertThat(Counter.words("", LanguageTag.ENGLISH)).isZero();
    }

    @Test
    void englishCharactersCollapseSpacesAndTrimTheEnds() {
        assertThat(Counter.characters("  Floods close  the Erbil road  ", LanguageTag.ENGLISH))
                .isEqualTo("Floods close the Erbil road".length());
        assertThat(Counter.characters("Café", LanguageTag.ENGLISH)).isEqualTo(4);
        // e + combining acute is one character to a reader
        assertThat(Counter.characters("Cafe\u0301", LanguageTag.ENGLISH)).isEqualTo(4);
    }

    @Test
    void arabicCountsWordsWithArabicPunctuationDigitsAndTatweel() {
        String text = "افتتحت مكتبة أربيل العامة أبوابها يوم السبت، وتضم ٤٠٬٠٠٠ كتاب؛ هل تزورها؟";
        // افتتحت مكتبة أربيل العامة أبوابها يوم السبت وتضم ٤٠٬٠٠٠ كتاب هل تزورها
        assertThat(Counter.words(text, LanguageTag.ARABIC)).isEqualTo(12);
        // a tatweel stretches a word for the eye; the word stays one, and adds no character
        assertThat(Counter.words("كـــتاب جديد", LanguageTag.ARABIC)).isEqualTo(2);
        assertThat(Counter.characters("كـــتاب", LanguageTag.ARABIC))
                .isEqualTo(Counter.characters("كتاب", LanguageTag.ARABIC))
                .isEqualTo(4);
        // vowel marks sit on their letter: كَتَبَ is three characters
        assertThat(Counter.characters("كَتَبَ", LanguageTag.ARABIC)).isEqualTo(3);
        // a Latin acronym and Western digits in an Arabic sentence are words too
        assertThat(Counter.words("قال إن حكومة KRG ستدعم 3 مشاريع.", LanguageTag.ARABIC))
                .isEqualTo(7);
    }

    @Test
    void soraniKeepsZeroWidthNonJoinersInsideTheirWord() {
        String text = "نووسەر\u200Cەکان لە شەقامی ٦٠ مەتری کۆدەبنەوە.";
        assertThat(Counter.words(text, LanguageTag.SORANI)).isEqualTo(6);
        // the non-joiner changes how the letters join, not how many a reader sees
        assertThat(Counter.characters("نووسەر\u200Cەکان", LanguageTag.SORANI))
                .isEqualTo(Counter.characters("نووسەرەکان", LanguageTag.SORANI))
                .isEqualTo(10);
        assertThat(Counter.words("کتێبخانەی گشتی، ئەمڕۆ: کوردی و عەرەبی!", LanguageTag.SORANI))
                .isEqualTo(6);
    }

    @Test
    void turkishKeepsSuffixesAfterAnApostropheWithTheirName() {
        String text = "İzmir'de yeni kütüphane açıldı; Diyarbakır ve Iğdır’dan 1.500 kitap geldi.";
        // İzmir'de yeni kütüphane açıldı Diyarbakır ve Iğdır’dan 1.500 kitap geldi
        assertThat(Counter.words(text, LanguageTag.TURKISH)).isEqualTo(10);
        assertThat(Counter.characters("Iğdır’dan", LanguageTag.TURKISH)).isEqualTo(9);
    }

    @Test
    void directionMarksAndJoinersAreNoCharacters() {
        assertThat(Counter.characters("\u200Fمرحبا\u200E", LanguageTag.ARABIC)).isEqualTo(5);
        assertThat(Counter.count("Erbil \u2013 2026", LanguageTag.ENGLISH)).isEqualTo(new TextCount(2, 12));
    }
}
