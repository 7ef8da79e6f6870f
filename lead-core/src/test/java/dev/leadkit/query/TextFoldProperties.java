package dev.leadkit.query;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.text.Normalizer;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties and examples of {@link TextFold}, the folding search, sorting and matching share. */
class TextFoldProperties {

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(25),
                Arbitraries.strings().withChars("IİıiŞşĞğÇçÖöÜüÆæØøÅåĖėŠšŽžŲųŪūČčĄąĘęĮįßẞĐđŁłÞþŒœﬁ①Ａ\u0301\u0307 -.")
                        .ofMaxLength(25),
                Arbitraries.strings().ascii().ofMaxLength(40));
    }

    @Property(tries = 500)
    void foldingIsIdempotentAndLeavesNoUpperCaseOrMarks(@ForAll("texts") String text) {
        String folded = TextFold.fold(text);

        assertThat(TextFold.fold(folded)).isEqualTo(folded);
        assertThat(Normalizer.isNormalized(folded, Normalizer.Form.NFC)).isTrue();
        assertThat(folded.codePoints().filter(Character::isUpperCase)).as("upper case in %s", folded).isEmpty();
        assertThat(folded.codePoints().filter(cp -> Character.getType(cp) == Character.NON_SPACING_MARK))
                .isEmpty();
    }

    @Property(tries = 300)
    void asciiFoldsLikeRootLowerCase(@ForAll("ascii") String text) {
        assertThat(TextFold.fold(text)).isEqualTo(text.replace('I', 'i').toLowerCase(Locale.ROOT));
    }

    @Provide
    Arbitrary<String> ascii() {
        return Arbitraries.strings().ascii().ofMaxLength(40);
    }

    @Property(tries = 300)
    void aFoldedTextContainsEveryFoldedPieceOfIt(@ForAll("texts") String text, @ForAll("cut") int from) {
        String folded = TextFold.fold(text);
        int start = Math.min(from, folded.length());
        String piece = folded.substring(start, Math.min(folded.length(), start + 5));
        assertThat(TextFold.contains(text, piece)).isTrue();
    }

    @Provide
    Arbitrary<Integer> cut() {
        return Arbitraries.integers().between(0, 30);
    }

    @Example
    void turkishDanishLithuanianAndGermanLettersFoldToWhatPeopleType() {
        assertThat(TextFold.fold("İstanbul")).isEqualTo("istanbul");
        assertThat(TextFold.fold("ISPARTA ılıca")).isEqualTo("isparta ilica");
        assertThat(TextFold.fold("Şükrü Çağlar Öz")).isEqualTo("sukru caglar oz");
        assertThat(TextFold.fold("Søren Kærgård")).isEqualTo("soren kaergard");
        assertThat(TextFold.fold("Šarūnas Žemaitė Ąžuolų")).isEqualTo("sarunas zemaite azuolu");
        assertThat(TextFold.fold("Straße GROẞ")).isEqualTo("strasse gross");
        assertThat(TextFold.fold("Łódź Þór Œuvre Đorđe")).isEqualTo("lodz thor oeuvre dorde");
        assertThat(TextFold.fold("ﬁrma Ａ①")).isEqualTo("firma a1");
        assertThat(TextFold.fold("")).isEmpty();
        assertThat(TextFold.fold("Mail@Example.COM 🚀")).isEqualTo("mail@example.com 🚀");
    }

    @Example
    void searchExamplesOfTheRequirement() {
        assertThat(TextFold.contains("İstanbul Ltd. Şti.", "istanbul")).isTrue();
        assertThat(TextFold.contains("Søren Jensen", "soren")).isTrue();
        assertThat(TextFold.contains("Šarūnas Petrauskas", "sarunas")).isTrue();
        assertThat(TextFold.contains("Müller", "SS")).isFalse();
        assertThat(TextFold.contains("Gießen", "giessen")).isTrue();
    }

    /** Latin text folds by table exactly as by the rule as written. */
    @Property(tries = 5000)
    void latinTextFoldsByTableAsByTheRule(@ForAll("latin") String s) {
        assertThat(TextFold.fold(s)).isEqualTo(TextFold.foldSlow(s));
    }

    @Example
    void everyLatinCharacterNextToEveryOtherFoldsAsByTheRule() {
        for (char a = 0x20; a < 0x250; a++) {
            for (char b = 0x20; b < 0x250; b += 7) {
                String s = "" + a + b + 'x';
                assertThat(TextFold.fold(s)).as("U+%04X U+%04X", (int) a, (int) b).isEqualTo(TextFold.foldSlow(s));
            }
        }
    }

    @Provide
    Arbitrary<String> latin() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange((char) 0x20, (char) 0x24F).ofMaxLength(16),
                Arbitraries.strings().withChars("İıIiŞşĞğÜüÖöÇçÆæØøÅåĖėŠšŽžŲųĮįŪūĄąČčßǄǅǆĳŉ Aa-").ofMaxLength(16));
    }
}
