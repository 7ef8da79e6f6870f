package dev.leadkit.dedupe;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.codec.language.Soundex;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The hand-written comparators against Apache Commons Text and Codec, and their laws. */
class SimilarityProperties {

    private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();
    private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();
    private static final Soundex SOUNDEX = Soundex.US_ENGLISH;

    @Provide
    Arbitrary<String> words() {
        // A small alphabet makes matches, transpositions and shared prefixes common.
        return Arbitraries.strings().withChars("abcdeiorst").ofMinLength(0).ofMaxLength(14);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
    }

    @Property(tries = 3000)
    void withinOneEditAgreesWithTheOsaDistanceOnUnrelatedStrings(@ForAll("words") String a, @ForAll("words") String b) {
        assertThat(Similarity.withinOneEdit(a, b)).isEqualTo(Similarity.osaDistance(a, b) <= 1);
    }

    @Property(tries = 3000)
    void withinOneEditAgreesWithTheOsaDistanceOnNearStrings(@ForAll("words") String a, @ForAll("words") String other,
                                                           @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 13) int at,
                                                           @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 4) int kind) {
        // One or two edits of a: substitution, insertion, deletion, transposition, or two substitutions.
        StringBuilder b = new StringBuilder(a);
        int i = a.isEmpty() ? 0 : at % a.length();
        char c = other.isEmpty() ? 'x' : other.charAt(0);
        switch (kind) {
            case 0:
                if (!a.isEmpty()) {
                    b.setCharAt(i, c);
                }
                break;
            case 1:
                b.insert(i, c);
                break;
            case 2:
                if (!a.isEmpty()) {
                    b.deleteCharAt(i);
                }
                break;
            case 3:
                if (i + 1 < a.length()) {
                    b.setCharAt(i, a.charAt(i + 1));
                    b.setCharAt(i + 1, a.charAt(i));
                }
                break;
            default:
                if (a.length() >= 2) {
                    b.setCharAt(i, c);
                    b.setCharAt(a.length() - 1 - i, c);
                }
                break;
        }
        String edited = b.toString();
        assertThat(Similarity.withinOneEdit(a, edited)).as("%s / %s", a, edited)
                .isEqualTo(Similarity.osaDistance(a, edited) <= 1);
        assertThat(Similarity.withinOneEdit(edited, a)).isEqualTo(Similarity.withinOneEdit(a, edited));
    }

    @Property(tries = 3000)
    void jaroWinklerAgreesWithCommonsText(@ForAll("words") String a, @ForAll("words") String b) {
        assertThat(Similarity.jaroWinkler(a, b)).isCloseTo(JW.apply(a, b), within(1e-9));
    }

    @Property(tries = 2000)
    void levenshteinAgreesWithCommonsText(@ForAll("words") String a, @ForAll("words") String b) {
        assertThat(Similarity.levenshteinDistance(a, b)).isEqualTo(LEVENSHTEIN.apply(a, b));
    }

    @Property(tries = 2000)
    void osaIsLevenshteinOrLessAndCountsATranspositionAsOne(@ForAll("words") String a, @ForAll("words") String b) {
        int osa = Similarity.osaDistance(a, b);
        assertThat(osa).isLessThanOrEqualTo(Similarity.levenshteinDistance(a, b)).isGreaterThanOrEqualTo(
                Math.abs(a.length() - b.length()));
        if (a.length() >= 2) {
            String swapped = a.substring(0, a.length() - 2) + a.charAt(a.length() - 1) + a.charAt(a.length() - 2);
            assertThat(Similarity.osaDistance(a, swapped)).isLessThanOrEqualTo(1);
        }
    }

    @Property(tries = 2000)
    void soundexAgreesWithCommonsCodec(@ForAll("names") String name) {
        assertThat(Similarity.soundex(name)).isEqualTo(SOUNDEX.soundex(name));
    }

    @Property(tries = 2000)
    void similaritiesAreSymmetricAndWithinZeroAndOne(@ForAll("words") String a, @ForAll("words") String b) {
        for (double[] pair : new double[][] {
                {Similarity.jaroWinkler(a, b), Similarity.jaroWinkler(b, a)},
                {Similarity.editSimilarity(a, b), Similarity.editSimilarity(b, a)},
                {tokenSet(a, b), tokenSet(b, a)}}) {
            assertThat(pair[0]).isBetween(0.0, 1.0).isCloseTo(pair[1], within(1e-12));
        }
        assertThat(Similarity.osaDistance(a, b)).isEqualTo(Similarity.osaDistance(b, a));
    }

    @Property(tries = 1000)
    void dateClosenessIsSymmetricAndWithinZeroAndOne(@ForAll("dates") String a, @ForAll("dates") String b) {
        double s = Similarity.dates(a, b);
        assertThat(s).isBetween(0.0, 1.0).isEqualTo(Similarity.dates(b, a));
        assertThat(Similarity.dates(a, a)).isEqualTo(1.0);
    }

    @Provide
    Arbitrary<String> dates() {
        Arbitrary<String> full = Arbitraries.integers().between(0, 99_999_999)
                .map(n -> Normalisers.birthDate(String.format(java.util.Locale.ROOT, "%08d", n)));
        Arbitrary<String> year = Arbitraries.integers().between(1900, 2020).map(String::valueOf);
        return Arbitraries.oneOf(full, full, year);
    }

    @Property(tries = 1000)
    void equalStringsAreFullySimilar(@ForAll("words") String a) {
        assertThat(Similarity.jaroWinkler(a, a)).isEqualTo(1.0);
        assertThat(Similarity.editSimilarity(a, a)).isEqualTo(1.0);
        assertThat(Similarity.osaDistance(a, a)).isZero();
    }

    /** Token sets of words separated by single spaces, as the normalisers produce them. */
    private static double tokenSet(String a, String b) {
        return Similarity.tokenSet(a.replace('e', ' ').trim().replaceAll(" +", " "),
                b.replace('e', ' ').trim().replaceAll(" +", " "));
    }
}
